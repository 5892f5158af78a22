import { describe, expect, it } from "vitest";
import { computeChanges } from "../../src/core/computeChanges";
import { isSameChangeList } from "../../src/shared/isSameChangeList";
import { describeUnreadableRow } from "../../src/shared/describeUnreadableRow";

describe("isSameChangeList", () => {
  it("tells equal lists computed from new objects from lists that differ anywhere", () => {
    const make = (price: number, text: string) => computeChanges({ price: 1, tags: ["a"], text: "x" }, { price, tags: ["a", "b"], text });
    expect(isSameChangeList(make(2, "y"), make(2, "y"))).toBe(true);
    expect(isSameChangeList(make(2, "y"), make(3, "y"))).toBe(false);
    // Long texts that share a long prefix are still told apart.
    const long = "a".repeat(5000);
    expect(isSameChangeList(make(2, `${long}1`), make(2, `${long}2`))).toBe(false);
    expect(isSameChangeList(computeChanges({}, { o: { big: long, n: 1 } }), computeChanges({}, { o: { big: long, n: 2 } }))).toBe(false);
  });
});

describe("describeUnreadableRow", () => {
  it("shows what identifies a row, never its data, author or meta, and never throws", () => {
    const row = { id: 4, resource: "users", data: { password: "hunter2" }, author: { email: "a@b.c" }, meta: { token: "t" } };
    expect(describeUnreadableRow(row)).toBe('{"id": 4, "resource": "users"}');
    const hostile = { get id() { throw new Error("boom"); }, action: "update" };
    expect(describeUnreadableRow(hostile)).toBe('{"action": "update"}');
    expect(describeUnreadableRow("<img src=x>")).toBe("");
    expect(describeUnreadableRow(null)).toBe("");
  });
});
