import { cleanup, render, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { everyPipelineOutput } from "../support/pipelineOutputs";
import { RecordDiff, useRecordDiff, computeChangeSet, createEntryReader, createWorkBudget, filterEntries, normalizeLog, normalizeLogs, replayHistory, type AuditLogEntry } from "../../src/index";
import { toChangesCsv } from "../../src/audit-log-table/exportAuditLog";

// Each case here was found by a security review of the pipeline; each failed before its fix.

afterEach(cleanup);

const read = (row: unknown): AuditLogEntry => {
  const result = normalizeLog(row);
  if (!result.ok) throw new Error(result.error.reason);
  return result.entry;
};

const everything = everyPipelineOutput;

describe("security regressions", () => {
  it("a bulk entry seen from the resource, lists of records against an empty previousData, is scrubbed item by item", () => {
    const row = {
      id: 1,
      resource: "users",
      action: "updateMany",
      meta: { ids: [1, 2] },
      data: [{ id: 1, password: "TOPSECRET1", ssn: "TOPSECRET_SSN" }, { id: 2, password: "TOPSECRET2", note: { secret: "TOPSECRET3" } }],
      previousData: {},
    };
    const fields = { password: { redact: true }, ssn: { hidden: true }, "**.secret": { redact: true } };
    expect(everything([row], fields)).not.toMatch(/TOPSECRET/i);
    const { container } = render(<RecordDiff log={row} fields={fields} defaultShowUnchanged />);
    expect(container.innerHTML).not.toMatch(/TOPSECRET/);
    const { entries } = normalizeLogs([row]);
    const reader = createEntryReader({ fields });
    expect(filterEntries(entries, { search: "TOPSECRET1" }, { reader })).toEqual([]);
  });

  it("shows neither the keys, the length nor the order below a redacted field: one change at the field", () => {
    const rows = [
      { id: 1, resource: "users", action: "create", createdAt: "2024-05-01T10:00:00Z", meta: { id: 1 }, data: { tokens: { a: 1 }, pw: ["x", "y"] } },
      { id: 2, resource: "users", action: "update", createdAt: "2024-05-01T11:00:00Z", meta: { id: 1 }, data: { tokens: { a: 1, TOPSECRET_KEY: "x" }, pw: ["y", "x", "z"] }, previousData: {} },
    ];
    const fields = { tokens: { redact: true }, pw: { redact: true } };
    const text = everything(rows, fields, 1);
    expect(text).not.toContain("TOPSECRET_KEY");
    const reader = createEntryReader({ history: replayHistory(normalizeLogs(rows).entries), fields, recordId: 1 });
    const update = read(rows[1]);
    expect(reader.describe(update).getDiff().changes.filter((c) => c.kind !== "unchanged").map((c) => [c.key, c.kind, c.isRedacted])).toEqual([
      ["tokens", "changed", true],
      ["pw", "changed", true],
    ]);
    // A filter below a redacted field can only say it may have changed.
    expect(reader.matchField(update, "tokens.TOPSECRET_KEY")).toBe("possible");
    const { container } = render(<RecordDiff changes={reader.describe(update).getChanges()} fields={fields} />);
    expect(container.innerHTML).not.toContain("TOPSECRET_KEY");
  });

  it("cuts a bulk entry's record list in the one-row-per-change CSV, so its size stays linear", () => {
    const ids = Array.from({ length: 60_000 }, (_, i) => i + 1);
    const row = { id: 1, resource: "users", action: "createMany", meta: { ids }, data: Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, n: i })) };
    const reader = createEntryReader({});
    const csv = toChangesCsv([reader.describe(read(row))], { fields: reader.fields, t: reader.t });
    expect(csv.length).toBeLessThan(2_000_000);
  });

  it("charges the quadratic alignment of items without identity to the budget", () => {
    const before = Object.fromEntries(Array.from({ length: 200 }, (_, f) => [`f${f}`, Array.from({ length: 500 }, (_, i) => i)]));
    const after = Object.fromEntries(Array.from({ length: 200 }, (_, f) => [`f${f}`, [499, ...Array.from({ length: 498 }, (_, i) => i + 1), 0]]));
    const budget = createWorkBudget();
    computeChangeSet(before, after, { budget });
    expect(budget.work).toBeLessThan(budget.limits.maxWork + 300_000);
  });

  it("reads an escaped dot as part of a key, and ignores stray dots in a pattern", () => {
    const row = { id: 1, resource: "cards", action: "create", meta: { id: 1 }, data: { "card.cvv": "TOPSECRET_CVV", password: "TOPSECRET_PW", card: { cvv: "visible" } } };
    const text = everything([row], { "card\\.cvv": { redact: true }, "password.": { redact: true } }, 1);
    expect(text).not.toMatch(/TOPSECRET/);
    expect(text).toContain("visible");
  });

  it("a pattern that matches the root (`**`) redacts every field, leaves included", () => {
    const row = { id: 1, resource: "users", action: "update", meta: { id: 1 }, data: { password: "TOPSECRET_PW", n: 3 }, previousData: { password: "x", n: 2 } };
    const text = everything([row], { "**": { redact: true } }, 1);
    expect(text).not.toMatch(/TOPSECRET/);
    const { container } = render(<RecordDiff log={row} fields={{ "**": { redact: true } }} view="split" defaultShowUnchanged />);
    expect(container.innerHTML).not.toMatch(/TOPSECRET/);
    expect(container.querySelectorAll('[data-redacted=""]')).toHaveLength(2);
  });

  it("reads a list whose items are lists as records too (fail closed), from the resource and from one record", () => {
    const row = { id: 1, resource: "users", action: "updateMany", meta: { ids: [1, 2] }, data: [[{ id: 1, password: "TOPSECRET1" }], [{ id: 2, password: "TOPSECRET2" }]] };
    const fields = { password: { redact: true } };
    expect(everything([row], fields)).not.toMatch(/TOPSECRET/);
    expect(everything([row], fields, 1)).not.toMatch(/TOPSECRET/);
    const { container } = render(<RecordDiff log={row} fields={fields} defaultShowUnchanged />);
    expect(container.innerHTML).not.toMatch(/TOPSECRET/);
  });

  it("reads the records of a large bulk entry in linear work (an index per list, not a scan per record and key)", () => {
    const n = 40_000;
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    const rows = [
      { id: 1, resource: "users", action: "createMany", createdAt: "2024-05-01T10:00:00Z", meta: { ids }, data: ids.map((id) => ({ id, k: 1 })) },
      { id: 2, resource: "users", action: "updateMany", createdAt: "2024-05-01T11:00:00Z", meta: { ids }, data: { k: 2 }, previousData: [...ids].reverse().map((id) => ({ id, k: 1 })) },
    ];
    const { entries } = normalizeLogs(rows);
    const reader = createEntryReader({ history: replayHistory(entries) });
    const description = reader.describe(entries[1]!);
    // Every record had k: 1 before (from previousData, matched by id in any order): one known change.
    expect(description.changes).toMatchObject([{ key: "k", kind: "changed", before: 1, after: 2 }]);
    expect(reader.describe(entries[0]!).summaryText).toBe("Created 40,000 records");
  }, 30_000);

  it("says how many hidden fields changed, not how much changed below them", () => {
    const { result } = renderHook(() =>
      useRecordDiff({ previousData: { secret: { a: 1, b: 2, c: 3 }, name: "x" }, data: { secret: { a: 2, b: 3, c: 4 }, name: "y" }, fields: { secret: { hidden: true } } }),
    );
    expect(result.current.hiddenCount).toBe(1);
    expect(result.current.changes.map((change) => change.key)).toEqual(["name"]);
  });
});
