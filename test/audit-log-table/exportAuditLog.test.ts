import { describe, expect, it } from "vitest";
import { replayHistory } from "../../src/core/history";
import { normalizeLogs } from "../../src/core/normalizeLog";
import { createEntryReader } from "../../src/core/readEntries";
import { toChangesCsv, toEntriesCsv, toEntriesJson, toExportValue } from "../../src/audit-log-table/exportAuditLog";

// The exports are pure: described entries in, text out; no DOM, no React.
function describeAll(rows: unknown[], fields = {}) {
  const { entries } = normalizeLogs(rows);
  const reader = createEntryReader({ history: replayHistory(entries), fields });
  return { reader, descriptions: entries.map((entry) => reader.describe(entry)) };
}

const rows = [
  { id: 1, resource: "users", action: "create", createdAt: "2024-05-01T10:00:00Z", author: { name: "Ada" }, data: { email: "a@b.c", address: { city: "Paris", zip: "75001" }, internal: "x" }, meta: { id: 1 } },
  { id: 2, resource: "users", action: "update", createdAt: "2024-05-01T11:00:00Z", data: { email: "=cmd|calc", address: { city: "Lyon", zip: "69001" } }, previousData: {}, meta: { id: 1 } },
];
const fields = { "address.zip": { redact: true }, internal: { hidden: true }, email: { label: "E-mail" } };

describe("toChangesCsv", () => {
  it("writes one row per changed field, labelled, with the earlier value's provenance, redacted and formula-safe", () => {
    const { reader, descriptions } = describeAll(rows, fields);
    const csv = toChangesCsv(descriptions, { fields: reader.fields, t: reader.t });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe('"Time","Author","Action","Record","Name","Field","Path","Change","Before","After","Earlier value"');
    expect(csv).not.toMatch(/75001|69001|internal/);
    expect(lines).toContain('"2024-05-01T11:00:00.000Z","","update","1","","E-mail","email","changed","a@b.c","\'=cmd|calc","inferred"');
    const cityLabel = reader.fields.getLabel(["address", "city"], "");
    expect(lines).toContain(`"2024-05-01T11:00:00.000Z","","update","1","","${cityLabel}","address.city","changed","Paris","Lyon","inferred"`);
  });

  it("keeps every entry, even one with nothing to list", () => {
    const { reader, descriptions } = describeAll([{ id: 9, resource: "users", action: "delete", createdAt: "2024-05-01T10:00:00Z", meta: { id: 3 } }]);
    expect(toChangesCsv(descriptions, { fields: reader.fields, t: reader.t }).trimEnd().split("\r\n")).toHaveLength(2);
  });
});

describe("toEntriesCsv and toEntriesJson", () => {
  it("export the summary whole and the changes from the policy's output only", () => {
    const long = "word ".repeat(100).trim();
    const { descriptions } = describeAll([{ id: 1, resource: "posts", action: "update", createdAt: "2024-05-01T10:00:00Z", data: { body: long }, previousData: { body: "short" }, meta: { id: 1 } }]);
    expect(descriptions[0]!.summaryText).not.toContain(long);
    expect(toEntriesCsv(descriptions, [{ id: "summary", header: "Changes" }])).toContain(long);
    const json = JSON.parse(toEntriesJson(descriptions, new Set(["summary"]))) as { summary: string; changes: { after: string }[] }[];
    expect(json[0]!.summary).toContain(long);
    expect(json[0]!.changes[0]!.after).toBe(long);
  });

  it("never holds a redacted value set inside a whole object", () => {
    const { descriptions } = describeAll([rows[1]], fields);
    const text = toEntriesJson(descriptions, new Set(["summary"])) + toEntriesCsv(descriptions, [{ id: "summary", header: "Changes" }]);
    expect(text).not.toContain("69001");
    expect(text).toContain("(hidden)");
  });
});

describe("toExportValue", () => {
  it("keeps text as it is and writes objects as one line of JSON, own __proto__ keys included", () => {
    expect(toExportValue("a, \"b\"")).toBe('a, "b"');
    expect(toExportValue(3)).toBe(3);
    expect(toExportValue(null)).toBe("");
    expect(toExportValue(JSON.parse('{"__proto__":{"x":1},"a":[1,2]}'))).toBe('{"__proto__":{"x":1},"a":[1,2]}');
  });
});
