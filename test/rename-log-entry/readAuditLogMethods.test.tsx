import { Refine, type AuditLogProvider } from "@refinedev/core";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { readAuditLogMethods } from "../../src/refine/readAuditLogMethods";

const get = async () => [];
const update = async () => ({});

function renderProbe(auditLogProvider: Partial<AuditLogProvider> | undefined) {
  render(
    <Refine auditLogProvider={auditLogProvider as AuditLogProvider | undefined} options={{ disableTelemetry: true }}>
      <div data-testid="probe" />
    </Refine>,
  );
  return readAuditLogMethods(screen.getByTestId("probe"));
}

describe("readAuditLogMethods", () => {
  it.each<[string, Partial<AuditLogProvider> | undefined, { create: boolean; get: boolean; update: boolean }]>([
    ["get and update", { get, update }, { create: false, get: true, update: true }],
    ["get only", { get }, { create: false, get: true, update: false }],
    ["no provider at all", undefined, { create: false, get: false, update: false }],
  ])("tells which methods the nearest <Refine> provider has: %s", (_label, provider, expected) => {
    expect(renderProbe(provider)).toEqual(expected);
  });

  it("answers undefined outside <Refine> and for nodes React did not render", () => {
    render(<div data-testid="probe" />);
    expect(readAuditLogMethods(screen.getByTestId("probe"))).toBeUndefined();
    expect(readAuditLogMethods(document.createElement("div"))).toBeUndefined();
    expect(readAuditLogMethods(null)).toBeUndefined();
  });
});
