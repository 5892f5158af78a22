import { describe, expect, it } from "vitest";
import { getAuthorLabel, normalizeLog, normalizeLogs, sameId } from "../../src/index";

const row = { id: 7, resource: "products", action: "update", createdAt: "2024-05-01T10:00:00Z", author: { name: "Ada" }, data: { price: 2 }, previousData: { price: 1 }, meta: { id: "3" } };

describe("normalizeLog", () => {
  it("reads a Refine ILog row", () => {
    const result = normalizeLog(row);
    expect(result).toMatchObject({ ok: true, entry: { id: 7, resource: "products", action: "update", name: undefined, recordIds: ["3"], data: { price: 2 } } });
    if (result.ok) expect(result.entry.createdAt?.toISOString()).toBe("2024-05-01T10:00:00.000Z");
  });

  it.each([
    [{ timestamp: 1714557600 }, "2024-05-01T10:00:00.000Z"],
    [{ timestamp: 1714557600000 }, "2024-05-01T10:00:00.000Z"],
    [{ timestamp: "1714557600" }, "2024-05-01T10:00:00.000Z"],
    [{ createdAt: "not a date" }, undefined],
    [{ createdAt: undefined, date: "2024-05-01T10:00:00Z" }, "2024-05-01T10:00:00.000Z"],
  ])("reads the time from %j", (time, expected) => {
    const result = normalizeLog({ ...row, createdAt: undefined, ...time });
    expect(result.ok && result.entry.createdAt?.toISOString()).toBe(expected ?? undefined);
  });

  it.each([
    [{ name: "Ada", email: "a@x.io" }, "Ada"],
    [{ email: "a@x.io" }, "a@x.io"],
    [{ id: 12 }, "12"],
    [{ firstName: "Ada", lastName: "Lovelace" }, "Ada Lovelace"],
    ["Grace", "Grace"],
    [{}, undefined],
    [null, undefined],
  ])("labels the author %j as %s", (author, label) => {
    const result = normalizeLog({ ...row, author });
    expect(result.ok && getAuthorLabel(result.entry.author)).toBe(label);
  });

  it("keeps only safe avatar URLs", () => {
    const avatar = (url: string) => {
      const result = normalizeLog({ ...row, author: { name: "A", avatar: url } });
      return result.ok ? result.entry.author?.avatar : "error";
    };
    expect(avatar("https://x.io/a.png")).toBe("https://x.io/a.png");
    expect(avatar("javascript:alert(1)")).toBeUndefined();
    expect(avatar("//evil.io/a.png")).toBeUndefined();
  });

  it("reads bulk record ids from meta.ids", () => {
    const result = normalizeLog({ ...row, action: "updateMany", meta: { id: 99, ids: [1, "2"] } });
    expect(result.ok && result.entry.recordIds).toEqual([1, "2"]);
  });

  it("trims names and drops blank ones", () => {
    expect(normalizeLog({ ...row, name: "  Launch  " })).toMatchObject({ entry: { name: "Launch" } });
    expect(normalizeLog({ ...row, name: "   " })).toMatchObject({ entry: { name: undefined } });
  });

  it.each([
    [null, "not an object"],
    ["oops", "not an object"],
    [{ resource: "products", action: "update" }, "missing an id"],
    [{ id: 1, resource: "products" }, "missing an action"],
    [{ id: 1, action: "update", resource: "" }, "missing a resource"],
  ])("explains what is wrong with %j", (raw, reason) => {
    const result = normalizeLog(raw, 4);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toContain(reason);
  });

  it("never throws on hostile rows: throwing getters, revoked proxies", () => {
    const hostileMeta = { id: 1, action: "updateMany", resource: "p", meta: { get ids(): unknown { throw new Error("boom"); }, id: 3 } };
    const result = normalizeLog(hostileMeta);
    expect(result).toMatchObject({ ok: true, entry: { recordIds: [3] } });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(normalizeLog(proxy)).toMatchObject({ ok: false });
    expect(normalizeLog({ ...row, data: proxy, meta: proxy })).toMatchObject({ ok: true, entry: { meta: {} } });
    const unreadableId = Object.defineProperty({ action: "update", resource: "p" }, "id", { enumerable: true, get: () => { throw new Error("x"); } });
    expect(normalizeLog(unreadableId)).toMatchObject({ ok: false });
  });

  it("lists everything that is missing", () => {
    const result = normalizeLog({ data: {} });
    expect(!result.ok && result.error.reason).toBe("This log entry is missing an id, an action and a resource.");
  });

  it("reads provider answers in several shapes, keeping malformed rows apart", () => {
    expect(normalizeLogs([row, null]).entries).toHaveLength(1);
    expect(normalizeLogs([row, null]).malformed).toHaveLength(1);
    expect(normalizeLogs({ data: [row], total: 1 }).entries).toHaveLength(1);
    expect(normalizeLogs(undefined)).toEqual({ entries: [], malformed: [] });
  });

  it("compares ids by value across types", () => {
    expect(sameId(1, "1")).toBe(true);
    expect(sameId("a", "a")).toBe(true);
    expect(sameId(1, 2)).toBe(false);
    expect(sameId(undefined, undefined)).toBe(false);
    expect(sameId("", "")).toBe(false);
  });
});
