import { describe, expect, it } from "vitest";
import { replayHistory } from "../../src/core/history";
import { normalizeLog, type AuditLogEntry } from "../../src/core/normalizeLog";
import { compareRecords, compareVersionStates, getRevertTarget, planWrite } from "../../src/core/versions";
import { isRedactedValue } from "../../src/core/values";

let nextId = 1;
function log(row: { action: string; minute: number; data?: unknown; previousData?: unknown; meta?: Record<string, unknown> }): AuditLogEntry {
  const result = normalizeLog({
    id: nextId++,
    resource: "products",
    action: row.action,
    createdAt: new Date(Date.UTC(2024, 4, 1, 10, row.minute)).toISOString(),
    data: row.data,
    previousData: row.previousData,
    meta: row.meta ?? { id: 7 },
  });
  if (!result.ok) throw new Error(result.error.reason);
  return result.entry;
}

const visible = (changes: readonly { kind: string; key: string }[]) => changes.filter((c) => c.kind !== "unchanged").map((c) => c.key);

describe("compareVersionStates", () => {
  it("compares two reconstructed versions, marking what the older one never recorded", () => {
    const create = log({ action: "create", minute: 0, data: { name: "Lamp", price: 50 } });
    const first = log({ action: "update", minute: 1, data: { price: 60, colour: "red" }, previousData: {} });
    const second = log({ action: "update", minute: 2, data: { name: "Arc lamp" }, previousData: {} });
    const history = replayHistory([second, create, first]);
    const result = compareVersionStates(history.stateAfter(create, 7), history.stateAfter(second, 7));
    const byKey = Object.fromEntries(result.changes.map((c) => [c.key, c]));
    expect(byKey.name).toMatchObject({ kind: "changed", before: "Lamp", after: "Arc lamp" });
    expect(byKey.price).toMatchObject({ kind: "changed", before: 50, after: 60 });
    // Never "added": the create did not say the record had no colour.
    expect(byKey.colour).toMatchObject({ kind: "changed", isBeforeUnknown: true, after: "red" });
    expect(byKey.colour).not.toHaveProperty("before");
  });

  it("applies the policy: a redacted field says only that it changed, a hidden one is gone", () => {
    const result = compareVersionStates({ price: 1, secret: "old-s3cret", token: "t1" }, { price: 2, secret: "new-s3cret", token: "t2" }, {
      fields: { secret: { redact: true }, token: { hidden: true } },
      isNewerComplete: true,
    });
    expect(JSON.stringify(result.changes)).not.toMatch(/s3cret|t1|t2/);
    expect(visible(result.changes)).toEqual(["price", "secret"]);
    expect(result.hiddenCount).toBe(1);
  });

  it("counts fields the newer reconstruction never recorded instead of calling them removed", () => {
    const result = compareVersionStates({ a: 1, b: 2 }, { a: 1 });
    expect(visible(result.changes)).toEqual([]);
    expect(result.notRecordedCount).toBe(1);
    const complete = compareVersionStates({ a: 1, b: 2 }, { a: 1 }, { isNewerComplete: true });
    expect(complete.changes.find((c) => c.key === "b")?.kind).toBe("removed");
  });
});

describe("planWrite", () => {
  it("writes only the fields whose values differ, and lists what the version never recorded", () => {
    const plan = planWrite({ id: 7, name: "Arc lamp", price: 60, stock: 3 }, { id: 7, name: "Lamp", price: 60 });
    expect(plan.values).toEqual({ name: "Lamp" });
    expect(visible(plan.preview.changes)).toEqual(["name"]);
    expect(plan.preview.changes[0]).toMatchObject({ before: "Arc lamp", after: "Lamp" });
    expect(plan.leftOut).toEqual([{ path: ["stock"], key: "stock", reason: "not-recorded" }]);
    expect(plan.isEmpty).toBe(false);
  });

  it("never writes the id, and is empty when the record already holds the values", () => {
    const plan = planWrite({ id: 7, name: "Lamp" }, { id: 8, name: "Lamp" });
    expect(plan.values).toEqual({});
    expect(plan.isEmpty).toBe(true);
  });

  it("never writes a redacted or hidden value, and keeps the rest of that field", () => {
    const current = { card: { number: "4242", cvv: "999" }, token: "now", note: "x" };
    const target = { card: { number: "1111", cvv: "123" }, token: "then", note: "y" };
    const plan = planWrite(current, target, { fields: { "card.cvv": { redact: true }, token: { hidden: true } } });
    expect(plan.values).toEqual({ card: { number: "1111", cvv: "999" }, note: "y" });
    expect(plan.leftOut).toEqual([{ path: ["card", "cvv"], key: "card.cvv", reason: "redacted" }]);
    expect(plan.hiddenCount).toBe(1);
    expect(JSON.stringify(plan.preview)).not.toMatch(/123|then/);
  });

  it("does not write a whole value that holds a redacted part, nor a redaction marker", () => {
    const plan = planWrite({ id: 1 }, { profile: { name: "A", password: "hunter2" } }, { fields: { "profile.password": { redact: true } } });
    expect(plan.values).toEqual({});
    expect(plan.leftOut.map((field) => [field.key, field.reason])).toEqual([["profile", "redacted"]]);
    const marker = compareVersionStates({ a: 1 }, { a: 2 }, { fields: { a: { redact: true } } }).changes[0]!.after;
    expect(isRedactedValue(marker)).toBe(true);
    expect(planWrite({ a: 1 }, { a: marker }).values).toEqual({});
  });

  it("refuses a deleted record and a comparison past the budget", () => {
    expect(planWrite(undefined, { a: 1 }).isRecordMissing).toBe(true);
    const big = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
    const plan = planWrite({ ...big, f0: -1 }, big, { budget: { maxWork: 50 } });
    expect(plan.isTooLarge).toBe(true);
    expect(plan.values).toEqual({});
  });

  it("keeps __proto__ a field and does not touch Object.prototype", () => {
    const target = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const plan = planWrite({ id: 1 }, target);
    expect(Object.hasOwn(plan.values, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("getRevertTarget", () => {
  const create = log({ action: "create", minute: 0, data: { name: "Lamp", price: 50, supplier: { name: "Acme", city: "Oslo" }, variants: [{ id: "a", price: 1 }] } });
  const update = log({
    action: "update",
    minute: 1,
    data: { price: 60, supplier: { name: "Acme", city: "Bergen" }, variants: [{ id: "a", price: 2 }] },
    previousData: {},
  });
  const history = replayHistory([create, update]);

  it("writes a top-level field back to its earlier value (inferred from the replay)", () => {
    const result = getRevertTarget({ price: 75 }, update, "price", { history });
    expect(result).toMatchObject({ ok: true, target: { price: 50 } });
  });

  it("undoes a nested change inside the field's current value, keeping later changes elsewhere", () => {
    const current = { supplier: { name: "Acme Ltd", city: "Bergen" } };
    const result = getRevertTarget(current, update, "supplier.city", { history });
    expect(result).toMatchObject({ ok: true, target: { supplier: { name: "Acme Ltd", city: "Oslo" } } });
  });

  it("inside a list, only while the list is as the entry left it", () => {
    const same = getRevertTarget({ variants: [{ id: "a", price: 2 }] }, update, "variants.0.price", { history });
    expect(same).toMatchObject({ ok: true, target: { variants: [{ id: "a", price: 1 }] } });
    const moved = getRevertTarget({ variants: [{ id: "b", price: 9 }, { id: "a", price: 2 }] }, update, "variants.0.price", { history });
    expect(moved).toEqual({ ok: false, reason: "changed-since" });
  });

  it("says why a change cannot be reverted", () => {
    expect(getRevertTarget({}, create, "price", { history })).toEqual({ ok: false, reason: "not-an-update" });
    const unknown = log({ action: "update", minute: 5, data: { colour: "red" }, previousData: {} });
    expect(getRevertTarget({}, unknown, "colour", { history: replayHistory([unknown]) })).toEqual({ ok: false, reason: "not-recorded" });
    expect(getRevertTarget({}, update, "price", { history, fields: { price: { redact: true } } })).toEqual({ ok: false, reason: "redacted" });
    expect(getRevertTarget({}, update, "nope", { history })).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("compareRecords", () => {
  it("compares by value (a Date equals its ISO text), and past the budget claims nothing", () => {
    expect(compareRecords({ a: 1, at: new Date("2024-01-01T00:00:00Z") }, { a: 1, at: "2024-01-01T00:00:00.000Z" })).toBe("same");
    expect(compareRecords({ a: 1 }, { a: 2 })).toBe("different");
    const big = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
    expect(compareRecords(big, { ...big }, { maxWork: 10 })).toBe("unknown");
  });
});
