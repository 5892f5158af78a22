import { describe, expect, it } from "vitest";
import { groupByDay, shiftDayKey, toDayKey } from "../../src/core/groupByDay";

describe("toDayKey", () => {
  it.each([
    { iso: "2024-05-01T23:30:00Z", timeZone: "UTC", expected: "2024-05-01" },
    { iso: "2024-05-01T23:30:00Z", timeZone: "Europe/Paris", expected: "2024-05-02" },
    { iso: "2024-05-01T03:30:00Z", timeZone: "America/Los_Angeles", expected: "2024-04-30" },
    { iso: "2024-03-31T00:30:00Z", timeZone: "Pacific/Kiritimati", expected: "2024-03-31" },
  ])("$iso is $expected in $timeZone", ({ iso, timeZone, expected }) => {
    expect(toDayKey(new Date(iso), { timeZone })).toBe(expected);
  });

  it("uses the viewer's local day by default", () => {
    const date = new Date(2024, 0, 2, 0, 5);
    expect(toDayKey(date)).toBe("2024-01-02");
  });
});

describe("shiftDayKey", () => {
  it.each([
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-01-01", -1, "2023-12-31"],
    ["2024-03-31", 1, "2024-04-01"],
  ] as const)("%s %+d day is %s", (key, days, expected) => {
    expect(shiftDayKey(key, days)).toBe(expected);
  });
});

describe("groupByDay", () => {
  it("groups in order, by the day of the time zone, undated items last", () => {
    const items = [
      { id: "a", at: new Date("2024-05-02T08:00:00Z") },
      { id: "b", at: undefined },
      { id: "c", at: new Date("2024-05-01T23:30:00Z") },
      { id: "d", at: new Date("2024-05-01T10:00:00Z") },
      { id: "e", at: new Date("invalid") },
    ];
    const groups = groupByDay(items, (item) => item.at, { timeZone: "Europe/Paris" });
    expect(groups.map((group) => [group.key, group.items.map((item) => item.id)])).toEqual([
      ["2024-05-02", ["a", "c"]],
      ["2024-05-01", ["d"]],
      ["unknown", ["b", "e"]],
    ]);
  });
});
