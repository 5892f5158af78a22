import { describe, expect, it } from "vitest";
import { nestedJson } from "../../bench/hostile";
import { getFieldHistory, parseFieldPath, type FieldHistoryPoint } from "../../src/core/fieldHistory";
import { replayHistory } from "../../src/core/history";
import { normalizeLog, type AuditLogEntry } from "../../src/core/normalizeLog";
import { isRedactedValue, UnreadableValue } from "../../src/core/values";

interface Row {
  id: number | string;
  action: string;
  /** Minutes after 10:00 UTC on 1 May 2024; `null`: no time at all. */
  minute: number | null;
  data?: unknown;
  previousData?: unknown;
  meta?: Record<string, unknown>;
  author?: string;
}

/** A log row as Refine writes it, read through normalizeLog. */
function log(row: Row): AuditLogEntry {
  const result = normalizeLog({
    id: row.id,
    resource: "products",
    action: row.action,
    createdAt: row.minute === null ? undefined : new Date(Date.UTC(2024, 4, 1, 10, row.minute)).toISOString(),
    author: row.author ? { name: row.author } : undefined,
    data: row.data,
    previousData: row.previousData,
    meta: row.meta ?? { id: 7 },
  });
  if (!result.ok) throw new Error(result.error.reason);
  return result.entry;
}

const historyOf = (rows: Row[]) => replayHistory(rows.map(log));

/** What a reader of the list notices: which entry, what happened, the value after, and the honesty flags. */
const read = (points: readonly FieldHistoryPoint[]) =>
  points.map((point) => ({
    id: point.entry.id,
    kind: point.kind,
    ...(point.hasValue ? { value: point.value } : {}),
    ...(point.isBeforeUnknown ? { isBeforeUnknown: true } : {}),
    ...(point.isInferred ? { isInferred: true } : {}),
  }));

describe("getFieldHistory: the values of one field, newest first", () => {
  it("lists a create and the updates that changed the field, with who, and skips entries that did not change it", () => {
    const history = historyOf([
      { id: 1, action: "create", minute: 0, author: "Ada", data: { id: 7, name: "Lamp", price: 45 } },
      { id: 2, action: "update", minute: 1, author: "Grace", data: { name: "Desk lamp" }, previousData: {} },
      { id: 3, action: "update", minute: 2, author: "Grace", data: { price: 50 }, previousData: {} },
      // Wrote the same value again: not a new value.
      { id: 4, action: "update", minute: 3, author: "Linus", data: { price: 50, name: "Lamp" }, previousData: {} },
      { id: 5, action: "update", minute: 4, author: "Ada", data: { price: 39 }, previousData: {} },
    ]);
    const { points, isHidden, isRedacted, overflow } = getFieldHistory(history, 7, "price");
    expect(read(points)).toEqual([
      { id: 5, kind: "changed", value: 39, isInferred: true },
      { id: 3, kind: "changed", value: 50, isInferred: true },
      { id: 1, kind: "created", value: 45 },
    ]);
    expect(points.map((point) => point.entry.author?.name)).toEqual(["Ada", "Grace", "Ada"]);
    expect(points[0]!.before).toBe(50);
    expect(points[0]!.hasBefore).toBe(true);
    expect(points[2]!.hasBefore).toBe(false);
    expect({ isHidden, isRedacted, overflow }).toEqual({ isHidden: false, isRedacted: false, overflow: undefined });
    // Ids compare by value, whatever their type.
    expect(read(getFieldHistory(history, "7", "price").points)).toEqual(read(points));
    // Another record, or a field nothing wrote: no points.
    expect(getFieldHistory(history, 8, "price").points).toEqual([]);
    expect(getFieldHistory(history, 7, "colour").points).toEqual([]);
  });

  it("says 'earlier value not recorded' for a write whose earlier value is not known, and reads previousData as exact", () => {
    const history = historyOf([
      // History began before logging: no create.
      { id: 21, action: "update", minute: 0, data: { status: "Published" }, previousData: {} },
      { id: 22, action: "update", minute: 1, data: { status: "Archived" }, previousData: {} },
      // A backend filled previousData: the earlier value is exact, and says a change happened that the log did not show.
      { id: 23, action: "update", minute: 2, data: { status: "Draft" }, previousData: { status: "Review" } },
    ]);
    const { points } = getFieldHistory(history, 7, "status");
    expect(read(points)).toEqual([
      { id: 23, kind: "changed", value: "Draft" },
      { id: 22, kind: "changed", value: "Archived", isInferred: true },
      { id: 21, kind: "written", value: "Published", isBeforeUnknown: true },
    ]);
    expect(points[0]!.before).toBe("Review");
    expect(points[2]!.hasBefore).toBe(false);
    expect("before" in points[2]!).toBe(false);
  });

  it("counts bulk entries for each record they name: its own part of data and previousData", () => {
    const history = historyOf([
      { id: 31, action: "createMany", minute: 0, data: [{ id: 5, price: 10 }, { id: 7, price: 40 }, { id: 9, price: 70 }], meta: { ids: [5, 7, 9] } },
      { id: 32, action: "updateMany", minute: 1, data: { price: 99 }, previousData: [{ id: 9, price: 70 }, { id: 7, price: 41 }, { id: 5, price: 10 }], meta: { ids: [5, 7, 9] } },
      // Does not name record 7.
      { id: 33, action: "updateMany", minute: 2, data: { price: 1 }, meta: { ids: [5, 9] } },
      // From an edit page: meta.id is the page's record, meta.ids the rows written.
      { id: 34, action: "updateMany", minute: 3, data: { price: 12 }, previousData: [{}, {}], meta: { id: 5, ids: [7, 9] } },
    ]);
    const points = getFieldHistory(history, 7, "price").points;
    expect(read(points)).toEqual([
      { id: 34, kind: "changed", value: 12, isInferred: true },
      { id: 32, kind: "changed", value: 99 },
      { id: 31, kind: "created", value: 40 },
    ]);
    // previousData items are matched by id, not by position.
    expect(points[1]!.before).toBe(41);
    // Record 5: its own part of each bulk entry (34 does not name it).
    expect(read(getFieldHistory(history, 5, "price").points)).toEqual([
      { id: 33, kind: "changed", value: 1, isInferred: true },
      { id: 32, kind: "changed", value: 99 },
      { id: 31, kind: "created", value: 10 },
    ]);
  });

  it("says when the record was deleted, and starts over when it is created again", () => {
    const history = historyOf([
      { id: 1, action: "create", minute: 0, data: { id: 7, price: 50 } },
      { id: 2, action: "delete", minute: 1 },
      { id: 3, action: "create", minute: 2, data: { id: 7, price: 60 } },
      { id: 4, action: "deleteMany", minute: 3, meta: { ids: [7, 8] } },
    ]);
    const points = getFieldHistory(history, 7, "price").points;
    expect(read(points)).toEqual([
      { id: 4, kind: "deleted", isInferred: true },
      { id: 3, kind: "created", value: 60 },
      { id: 2, kind: "deleted", isInferred: true },
      { id: 1, kind: "created", value: 50 },
    ]);
    expect(points[0]!.hasValue).toBe(false);
    expect(points[0]!.before).toBe(60);
    // A delete says nothing of a field the log never showed.
    expect(getFieldHistory(history, 7, "name").points).toEqual([]);
    expect(getFieldHistory(historyOf([{ id: 1, action: "update", minute: 0, data: { name: "A" } }, { id: 2, action: "delete", minute: 1 }]), 7, "price").points).toEqual([]);
  });

  it("follows nested paths: a change below, an object rewritten with the same value, a parent set to null", () => {
    const history = historyOf([
      { id: 1, action: "create", minute: 0, data: { id: 7, supplier: { name: "Acme", address: { street: "Main St" } } } },
      // The whole supplier is patched; the street is the same.
      { id: 2, action: "update", minute: 1, data: { supplier: { name: "Acme Ltd", address: { street: "Main St" } } } },
      { id: 3, action: "update", minute: 2, data: { supplier: { name: "Acme Ltd", address: { street: "High St" } } } },
      { id: 4, action: "update", minute: 3, data: { supplier: null } },
      { id: 5, action: "update", minute: 4, data: { supplier: { address: { street: "Low St" } } } },
      { id: 6, action: "update", minute: 5, data: { items: [{ qty: 1 }, { qty: 2 }] } },
      { id: 7, action: "update", minute: 6, data: { items: [{ qty: 1 }, { qty: 3 }] } },
    ]);
    expect(read(getFieldHistory(history, 7, "supplier.address.street").points)).toEqual([
      { id: 5, kind: "changed", value: "Low St" },
      { id: 4, kind: "removed", isInferred: true },
      { id: 3, kind: "changed", value: "High St", isInferred: true },
      { id: 1, kind: "created", value: "Main St" },
    ]);
    expect(parseFieldPath("items.1.qty")).toEqual(["items", 1, "qty"]);
    expect(read(getFieldHistory(history, 7, "items.1.qty").points)).toEqual([
      { id: 7, kind: "changed", value: 3, isInferred: true },
      { id: 6, kind: "written", value: 2, isBeforeUnknown: true },
    ]);
    // A whole object's history: the supplier changed at 2, 3, 4 and 5.
    expect(read(getFieldHistory(history, 7, "supplier").points).map((point) => point.id)).toEqual([5, 4, 3, 2, 1]);
  });

  it("reads a key that holds a dot when the dot is escaped", () => {
    const history = historyOf([
      { id: 1, action: "create", minute: 0, data: { id: 7, "card.cvv": "123", card: { cvv: "999" } } },
      { id: 2, action: "update", minute: 1, data: { "card.cvv": "456" } },
    ]);
    expect(read(getFieldHistory(history, 7, "card\\.cvv").points).map((point) => point.value)).toEqual(["456", "123"]);
    expect(read(getFieldHistory(history, 7, "card.cvv").points).map((point) => point.value)).toEqual(["999"]);
  });

  it("compares values as a diff does: a Date equals its ISO text, NaN equals NaN, ignored sub-fields do not count", () => {
    const history = replayHistory([
      log({ id: 1, action: "create", minute: 0, data: { id: 7, launch: "2024-05-01T10:00:00.000Z", ratio: Number.NaN, supplier: { name: "Acme", updatedAt: 1 } } }),
      log({ id: 2, action: "update", minute: 1, data: { launch: new Date("2024-05-01T10:00:00.000Z"), ratio: Number.NaN, supplier: { name: "Acme", updatedAt: 2 } } }),
    ]);
    expect(getFieldHistory(history, 7, "launch").points).toHaveLength(1);
    expect(getFieldHistory(history, 7, "ratio").points).toHaveLength(1);
    expect(getFieldHistory(history, 7, "supplier").points).toHaveLength(2);
    expect(getFieldHistory(history, 7, "supplier", { ignore: ["*.updatedAt"] }).points).toHaveLength(1);
    // A pattern that matches the field itself is not applied: its history was asked for by name.
    expect(getFieldHistory(history, 7, "supplier.updatedAt", { ignore: ["*.updatedAt"] }).points).toHaveLength(2);
  });

  it("lists entries without a time after the dated ones, newest first among them", () => {
    const history = historyOf([
      { id: 1, action: "create", minute: 0, data: { id: 7, price: 1 } },
      { id: 2, action: "update", minute: 1, data: { price: 2 } },
      { id: 3, action: "update", minute: null, data: { price: 3 } },
      { id: 4, action: "update", minute: null, data: { price: 4 } },
    ]);
    expect(read(getFieldHistory(history, 7, "price").points).map((point) => point.id)).toEqual([2, 1, 4, 3]);
  });

  it("lists at most maxPoints (1,000 by default), the newest, and counts the rest", () => {
    const rows: Row[] = [{ id: 0, action: "create", minute: 0, data: { id: 7, price: 0 } }];
    for (let i = 1; i <= 1500; i++) rows.push({ id: i, action: "update", minute: i, data: { price: i } });
    const history = historyOf(rows);
    const { points, overflow } = getFieldHistory(history, 7, "price");
    expect(points).toHaveLength(1000);
    expect(points[0]!.value).toBe(1500);
    expect(points[999]!.value).toBe(501);
    expect(overflow).toEqual({ omittedCount: 501, isIncomplete: false });
    expect(getFieldHistory(history, 7, "price", { maxPoints: 3 }).overflow?.omittedCount).toBe(1498);
  });
});

describe("getFieldHistory and the policy", () => {
  const secretHistory = () =>
    historyOf([
      { id: 1, action: "create", minute: 0, author: "Ada", data: { id: 7, cost: 11, card: { number: "4111-1111", cvv: "123" }, supplier: { name: "Acme", secret: "s1" } } },
      { id: 2, action: "update", minute: 1, author: "Grace", data: { cost: 12, card: { number: "5500-0000", cvv: "123" } } },
      { id: 3, action: "update", minute: 2, author: "Grace", data: { supplier: { name: "Acme", secret: "s2" } } },
      { id: 4, action: "update", minute: 3, author: "Linus", data: { card: { number: "5500-0000", cvv: "999" } } },
    ]);

  it("keeps who and when of a redacted field (or one below a redacted ancestor), never its values", () => {
    const history = secretHistory();
    const cost = getFieldHistory(history, 7, "cost", { fields: { cost: { redact: true } }, redactedText: "(secret)" });
    expect(cost.isRedacted).toBe(true);
    expect(cost.points.map((point) => [point.entry.id, point.kind, point.entry.author?.name])).toEqual([
      [2, "changed", "Grace"],
      [1, "created", "Ada"],
    ]);
    expect(cost.points.every((point) => isRedactedValue(point.value) && String(point.value) === "(secret)")).toBe(true);
    expect(isRedactedValue(cost.points[0]!.before)).toBe(true);
    const number = getFieldHistory(history, 7, "card.number", { fields: { card: { redact: true } } });
    expect(number.isRedacted).toBe(true);
    expect(number.points).toHaveLength(2);
    const text = JSON.stringify([cost.points, number.points].flat().map(({ value, before }) => ({ value, before })));
    expect(text).not.toMatch(/11|12|4111|5500/);
  });

  it("says nothing at all of a hidden field, or one below a hidden ancestor", () => {
    const history = secretHistory();
    for (const [field, fields] of [
      ["cost", { cost: { hidden: true } }],
      ["card.number", { card: { hidden: true } }],
      ["supplier.secret", { "**.secret": { hidden: true } }],
      ["cost", { "**": { hidden: true } }],
    ] as const) {
      expect(getFieldHistory(history, 7, field, { fields })).toEqual({ path: parseFieldPath(field), points: [], isHidden: true, isRedacted: false });
    }
  });

  it("shows an object without its hidden parts and with its redacted ones as markers; a change in a hidden part alone is no change", () => {
    const history = secretHistory();
    const supplier = getFieldHistory(history, 7, "supplier", { fields: { "supplier.secret": { hidden: true } } });
    // Entry 3 changed only the hidden secret.
    expect(supplier.points.map((point) => point.entry.id)).toEqual([1]);
    expect(supplier.points[0]!.value).toEqual({ name: "Acme" });
    const card = getFieldHistory(history, 7, "card", { fields: { "card.cvv": { redact: true } } });
    // The redacted cvv changed at 4: the fact of the change is kept, its value is not.
    expect(card.points.map((point) => point.entry.id)).toEqual([4, 2, 1]);
    expect(JSON.stringify(card.points.map((point) => point.value))).not.toMatch(/123|999/);
    expect(isRedactedValue((card.points[0]!.value as { cvv: unknown }).cvv)).toBe(true);
  });
});

describe("getFieldHistory on hostile values", () => {
  it("compares huge arrays within the work budget, and says when a comparison was not complete", () => {
    const big = Array.from({ length: 200_000 }, (_, i) => i);
    const changed = [...big];
    changed[150_000] = -1;
    const history = replayHistory([
      log({ id: 1, action: "create", minute: 0, data: { id: 7, lines: big } }),
      log({ id: 2, action: "update", minute: 1, data: { lines: [...big] } }),
      log({ id: 3, action: "update", minute: 2, data: { lines: changed } }),
    ]);
    const started = performance.now();
    const { points, overflow } = getFieldHistory(history, 7, "lines");
    expect(performance.now() - started).toBeLessThan(2000);
    // An equal copy is recognised cheaply (2 is no change); the real change is too large to
    // compare within the default budget: kept, marked incomplete (it may not be a change).
    expect(points.map((point) => [point.entry.id, point.kind, point.isIncomplete ?? false])).toEqual([
      [3, "changed", true],
      [1, "created", false],
    ]);
    expect(overflow).toEqual({ omittedCount: 0, isIncomplete: true });
    // With room enough, the change is found for certain.
    const roomy = getFieldHistory(history, 7, "lines", { budget: { maxWork: 5_000_000 } });
    expect(roomy.points.map((point) => [point.entry.id, point.isIncomplete ?? false])).toEqual([
      [3, false],
      [1, false],
    ]);
    expect(roomy.overflow).toBeUndefined();
  });

  it("walks 100,000 levels of nesting without recursion", () => {
    const row = (id: number, leaf: string) => JSON.parse(`{"id":${id},"resource":"products","action":"update","createdAt":"2024-05-01T10:0${id}:00.000Z","meta":{"id":7},"data":{"tree":${nestedJson(100_000, leaf, "mixed")}}}`);
    const entries = [row(1, "1"), row(2, "1"), row(3, "2")].map((raw) => {
      const result = normalizeLog(raw);
      if (!result.ok) throw new Error(result.error.reason);
      return result.entry;
    });
    const { points } = getFieldHistory(replayHistory(entries), 7, "tree");
    // Past the depth limit the two trees cannot be told apart: kept, and said so.
    expect(points.map((point) => [point.entry.id, point.kind, point.isIncomplete ?? false])).toEqual([
      [3, "changed", true],
      [2, "changed", true],
      [1, "written", false],
    ]);
  });

  it("keeps __proto__ a field, and reads getters that throw as unreadable values", () => {
    const proto = JSON.parse('{"id":7,"__proto__":{"polluted":true},"price":1}');
    const throwing = { price: 2 } as Record<string, unknown>;
    Object.defineProperty(throwing, "secret", { enumerable: true, get: () => { throw new Error("no access"); } });
    const nested = { supplier: {} as Record<string, unknown> };
    Object.defineProperty(nested.supplier, "name", { enumerable: true, get: () => { throw new Error("nope"); } });
    const history = replayHistory([
      log({ id: 1, action: "create", minute: 0, data: proto }),
      log({ id: 2, action: "update", minute: 1, data: throwing }),
      log({ id: 3, action: "update", minute: 2, data: JSON.parse('{"__proto__":{"polluted":false}}') }),
      log({ id: 4, action: "update", minute: 3, data: nested }),
      log({ id: 5, action: "update", minute: 4, data: { supplier: { name: "Acme" } } }),
    ]);
    const protoPoints = getFieldHistory(history, 7, "__proto__.polluted").points;
    expect(read(protoPoints)).toEqual([
      { id: 3, kind: "changed", value: false, isInferred: true },
      { id: 1, kind: "created", value: true },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const secret = getFieldHistory(history, 7, "secret").points;
    expect(secret).toHaveLength(1);
    expect(secret[0]!.value).toBeInstanceOf(UnreadableValue);
    // An unreadable value and a readable one are not equal: a change, never a throw.
    expect(read(getFieldHistory(history, 7, "supplier").points).map((point) => point.id)).toEqual([5, 4]);
  });
});
