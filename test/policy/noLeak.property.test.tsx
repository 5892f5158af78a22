import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuditLogTable,
  AuditTimeline,
  RecordDiff,
  createEntryReader,
  createInMemoryAuditLogProvider,
  filterEntries,
  getChangedFieldPaths,
  normalizeLogs,
  replayHistory,
  type AuditLogEntry,
  type RecordDiffFields,
} from "../../src/index";
import { toChangesCsv, toEntriesCsv, toEntriesJson } from "../../src/audit-log-table/exportAuditLog";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";

// The promise under test: no value of a redacted or hidden field reaches ANY output,
// whatever the records, the changes and the policy (`*`, `**`, nested objects, arrays,
// bulk entries, empty previousData, `__proto__` keys). Values under a policy path are
// secrets ("S3CR3T…"); every other value is plain, so any "S3CR3T" in an output is a leak.

afterEach(cleanup);

const SECRET = "S3CR3T";
const KEYS = ["name", "a", "b", "zip", "cost", "token", "password", "items", "__proto__", "constructor", "note"] as const;

/** The policy's patterns this test may choose, and the independent matcher that decides where secrets go. */
const PATTERNS = ["password", "**.token", "a.zip", "items.*.cost", "*.b", "**.password", "a", "note", "items.*.note", "__proto__.zip"];

function matches(pattern: string, path: readonly (string | number)[]): boolean {
  // A pattern matches the path or an ancestor of it (a small recursive matcher: test data is shallow).
  const segments = pattern.split(".");
  const go = (pi: number, si: number): boolean => {
    if (pi === segments.length) return true;
    const head = segments[pi];
    if (head === "**") return go(pi + 1, si) || (si < path.length && go(pi, si + 1));
    if (si === path.length) return false;
    return (head === "*" || head === String(path[si])) && go(pi + 1, si + 1);
  };
  return go(0, 0);
}

type Tree = unknown;
const leaf = fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom("red", "blue", "lamp", "x y z", ""), fc.boolean(), fc.constant(null));
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("node")), { maxLength: 4 }).map(toObject),
    fc.array(fc.oneof(tie("node"), fc.record({ id: fc.integer({ min: 1, max: 4 }), cost: leaf, note: leaf })), { maxLength: 3 }),
  ),
})).node;

/** An object from key/value pairs, every key (even `__proto__`) an own field. */
function toObject(pairs: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of pairs) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A copy of a record in which every value at or below a policy path is a unique secret. */
function plantSecrets(value: unknown, patterns: readonly string[], path: (string | number)[] = [], counter = { n: 0 }): unknown {
  if (path.length > 0 && patterns.some((pattern) => matches(pattern, path))) {
    if (Array.isArray(value)) return value.map((item, i) => plantSecrets(item, patterns, [...path, i], counter));
    if (value && typeof value === "object") {
      return toObject(Object.keys(value).map((key) => [key, plantSecrets((value as Record<string, unknown>)[key], patterns, [...path, key], counter)]));
    }
    return `${SECRET}${counter.n++}`;
  }
  if (Array.isArray(value)) return value.map((item, i) => plantSecrets(item, patterns, [...path, i], counter));
  if (value && typeof value === "object") {
    return toObject(Object.keys(value).map((key) => [key, plantSecrets((value as Record<string, unknown>)[key], patterns, [...path, key], counter)]));
  }
  return value;
}

const record = fc.array(fc.tuple(fc.constantFrom(...KEYS), tree), { minLength: 1, maxLength: 5 }).map(toObject);
const policy = fc
  .subarray(PATTERNS, { minLength: 1, maxLength: 4 })
  .chain((chosen) => fc.tuple(fc.constant(chosen), fc.array(fc.boolean(), { minLength: chosen.length, maxLength: chosen.length })))
  .map(([chosen, hide]) => {
    const fields: Record<string, { redact?: true; hidden?: true; label?: string }> = {};
    chosen.forEach((pattern, i) => (fields[pattern] = hide[i] ? { hidden: true } : { redact: true, label: `L${i}` }));
    return { fields: fields as RecordDiffFields, patterns: chosen };
  });

/** A history of one record (create, updates with empty previousData, a bulk update), and bulk creates of others. */
const scenario = fc.record({ policy, versions: fc.array(record, { minLength: 2, maxLength: 4 }), withPrevious: fc.boolean(), bulk: fc.boolean() }).map(({ policy, versions, withPrevious, bulk }) => {
  const planted = versions.map((version) => plantSecrets(version, policy.patterns) as Record<string, unknown>);
  const rows: Record<string, unknown>[] = [];
  let id = 0;
  const at = (i: number) => new Date(Date.UTC(2024, 4, 1, 10, i)).toISOString();
  rows.push({ id: ++id, resource: "things", action: "create", createdAt: at(0), data: planted[0], meta: { id: 1 } });
  for (let i = 1; i < planted.length; i++) {
    rows.push({ id: ++id, resource: "things", action: "update", createdAt: at(i), data: planted[i], previousData: withPrevious ? planted[i - 1] : {}, meta: { id: 1 } });
  }
  if (bulk) {
    rows.push({ id: ++id, resource: "things", action: "createMany", createdAt: at(9), data: [planted[0], planted[planted.length - 1]], meta: { ids: [2, 3] } });
    rows.push({ id: ++id, resource: "things", action: "updateMany", createdAt: at(10), data: planted[1], previousData: [planted[0], planted[planted.length - 1]], meta: { ids: [2, 3] } });
  }
  return { policy, rows };
});

function noSecret(label: string, text: string) {
  expect(text.includes(SECRET), `${label} leaks a secret: ${text.slice(Math.max(0, text.indexOf(SECRET) - 80), text.indexOf(SECRET) + 40)}`).toBe(false);
}

const hiddenPatterns = (fields: RecordDiffFields) => Object.entries(fields).filter(([, field]) => field.hidden).map(([pattern]) => pattern);

describe("the policy, applied once, leaks nothing", () => {
  it("through summaries, diffs, search, the field filter, suggestions, CSV and JSON (core)", () => {
    fc.assert(
      fc.property(scenario, ({ policy: { fields }, rows }) => {
        const { entries } = normalizeLogs(rows);
        for (const recordId of [undefined, 1, 2] as const) {
          const reader = createEntryReader({ history: replayHistory(entries), recordId, fields });
          const descriptions = entries.map((entry) => reader.describe(entry));
          for (const description of descriptions) {
            noSecret("summary", description.summaryText);
            noSecret("full summary", description.getFullSummaryText());
            noSecret("changes", JSON.stringify(description.changes));
            noSecret("diff", JSON.stringify(description.getDiff().changes));
            noSecret("search text", reader.getSearchText(description.entry));
            for (const path of getChangedFieldPaths(description)) {
              expect(hiddenPatterns(fields).some((pattern) => matches(pattern, path.split("."))), `suggestion ${path} is hidden`).toBe(false);
            }
          }
          for (let n = 0; n < 40; n++) expect(filterEntries(entries, { search: `${SECRET}${n}` }, { reader })).toEqual([]);
          for (const pattern of hiddenPatterns(fields).filter((p) => !p.includes("*"))) {
            expect(entries.filter((entry) => reader.matchField(entry, pattern) !== false), `filter on hidden ${pattern}`).toEqual([]);
          }
          const columns = ["time", "author", "action", "record", "name", "summary"].map((id) => ({ id, header: id }));
          noSecret("CSV", toEntriesCsv(descriptions, columns));
          noSecret("CSV per change", toChangesCsv(descriptions, { fields: reader.fields, t: reader.t }));
          noSecret("JSON", toEntriesJson(descriptions, new Set(columns.map((column) => column.id))));
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it("through the DOM of RecordDiff, AuditTimeline and AuditLogTable (text and attributes)", async () => {
    const user = userEvent.setup();
    await fc.assert(
      fc.asyncProperty(scenario, async ({ policy: { fields }, rows }) => {
        cleanup();
        // RecordDiff, one entry at a time, unchanged fields shown.
        for (const row of rows) {
          const { container, unmount } = render(<RecordDiff log={row} fields={fields} defaultShowUnchanged pageSize={Number.POSITIVE_INFINITY} />);
          noSecret("RecordDiff", container.innerHTML);
          unmount();
        }
        // The timeline of the record and of the resource, every diff open.
        for (const id of [1, undefined]) {
          const provider = createInMemoryAuditLogProvider({ initial: rows });
          const { container, unmount } = renderWithRefine(
            <AuditTimeline resource="things" id={id} fields={fields} renderRename={null} defaultExpanded={rows.map((row) => String(row.id))} />,
            { auditLogProvider: provider },
          );
          await waitFor(() => expect(container.querySelector('[data-scope="audit-timeline"][data-part="root"]')?.getAttribute("data-state")).toBe("ready"));
          noSecret("AuditTimeline", container.innerHTML);
          unmount();
        }
        // The table, every row open.
        const provider = createInMemoryAuditLogProvider({ initial: rows });
        const { container, unmount } = renderWithRefine(<AuditLogTable resource="things" fields={fields} renderName={null} />, { auditLogProvider: provider });
        await waitFor(() => expect(container.querySelector('[data-scope="audit-log-table"][data-part="root"]')?.getAttribute("data-state")).toBe("ready"));
        for (const toggle of screen.queryAllByRole("button", { name: /Show changes/ })) await act(async () => user.click(toggle));
        noSecret("AuditLogTable", container.innerHTML);
        unmount();
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

// Keep the type import used (entries come from normalizeLogs above).
export type { AuditLogEntry };
