import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AuditTrailProvider, useAuditTrailConfig } from "../../src/index";

/** Shows what the nearest provider says, as a component of the kit would read it. */
function Probe({ label }: { label: string }) {
  const { canRename } = useAuditTrailConfig();
  return <output aria-label={label}>{canRename ? "can rename" : "cannot rename"}</output>;
}

const said = (label: string) => screen.getByRole("status", { name: label }).textContent;

describe("AuditTrailProvider", () => {
  it("defaults to Refine's assumption (update exists) with no provider, outside <Refine> too", () => {
    render(<Probe label="bare" />);
    expect(said("bare")).toBe("can rename");
  });

  it("says canRename={false} to everything below it", () => {
    render(
      <AuditTrailProvider canRename={false}>
        <div>
          <Probe label="deep" />
        </div>
      </AuditTrailProvider>,
    );
    expect(said("deep")).toBe("cannot rename");
  });

  it("lets the nearest provider that sets canRename win; one that leaves it out passes the outer value on", () => {
    render(
      <AuditTrailProvider canRename={false}>
        <Probe label="outer" />
        <AuditTrailProvider>
          <Probe label="unset inside off" />
        </AuditTrailProvider>
        <AuditTrailProvider canRename>
          <Probe label="on inside off" />
          <AuditTrailProvider>
            <Probe label="unset inside on" />
          </AuditTrailProvider>
        </AuditTrailProvider>
      </AuditTrailProvider>,
    );
    expect(said("outer")).toBe("cannot rename");
    expect(said("unset inside off")).toBe("cannot rename");
    expect(said("on inside off")).toBe("can rename");
    expect(said("unset inside on")).toBe("can rename");
  });

  it("updates its readers when the app changes its mind", () => {
    const { rerender } = render(
      <AuditTrailProvider canRename>
        <Probe label="live" />
      </AuditTrailProvider>,
    );
    expect(said("live")).toBe("can rename");
    rerender(
      <AuditTrailProvider canRename={false}>
        <Probe label="live" />
      </AuditTrailProvider>,
    );
    expect(said("live")).toBe("cannot rename");
  });
});
