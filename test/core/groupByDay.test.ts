import { describe, expect, it } from "vitest";
import { compareDayKeys, groupByDay, shiftDayKey, startOfDay, toDayKey } from "../../src/core/groupByDay";
import { toInstant } from "../../src/core/auditQuery";

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

describe("days of any year", () => {
  const bc = new Date("-010000-06-01T12:00:00Z");
  const far = new Date("+010000-06-01T12:00:00Z");

  it("keys the years before 1 AD with a minus sign, in a time zone or not", () => {
    expect(toDayKey(bc, { timeZone: "UTC" })).toBe("-10000-06-01");
    expect(toDayKey(new Date("0000-06-01T12:00:00Z"), { timeZone: "UTC" })).toBe("0000-06-01");
    expect(toDayKey(far, { timeZone: "UTC" })).toBe("10000-06-01");
  });

  it("orders keys as the days they name", () => {
    const keys = ["2024-01-01", "10000-06-01", "-10000-06-01", "0050-12-31", "-0001-01-01", "2024-01-02"];
    expect([...keys].sort(compareDayKeys)).toEqual(["-10000-06-01", "-0001-01-01", "0050-12-31", "2024-01-01", "2024-01-02", "10000-06-01"]);
  });

  it("moves and bounds days of the first century and of the year 9999 as they are", () => {
    expect(shiftDayKey("0050-12-31", 1)).toBe("0051-01-01");
    expect(toInstant("0050-12-31", true, "UTC")).toBe("0050-12-31T23:59:59.999Z");
    expect(toInstant("9999-12-31", true, "UTC")).toBe("9999-12-31T23:59:59.999Z");
    expect(new Date(startOfDay("2024-03-31", "Europe/Paris")).toISOString()).toBe("2024-03-30T23:00:00.000Z");
  });
});
