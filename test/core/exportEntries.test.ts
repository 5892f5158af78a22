import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralizeFormula, toCsv, toJsonText } from "../../src/core/exportEntries";
import { parseCsv } from "../support/csv";

/** What a spreadsheet may read as a formula: a trigger after invisible or space characters. */
const STARTS_FORMULA = /^[\p{White_Space}\p{Cf}]*[=+\-@＝＋－＠\t\r]/u;

describe("neutralizeFormula", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '  =HYPERLINK("http://x","y")', "\u00a0=1"])("guards %j", (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });
  it.each([
    // Full-width forms, which spreadsheets may fold into =, +, -, @.
    "＝1+1",
    "＋1",
    "－1",
    '＠SUM(A1)',
    // Leading Unicode spaces and invisible characters before a trigger.
    "\ufeff=1",
    "\u3000=1",
    "\u2003+1",
    "\u202f-1",
    "\u0085@x",
    "\u200b=1",
    " \u00a0＝1",
    "\u3000\t1",
  ])("guards full-width triggers and triggers behind Unicode spaces: %j", (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });
  it.each(["Price update", "1+1", "a=b", "", "'=already quoted", "1＋1", "\u3000price"])("leaves %j alone", (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});

describe("toCsv", () => {
  it("writes a header and rows with CRLF, quotes what needs it, and guards formulas", () => {
    const csv = toCsv(["Time", "Name", "Count"], [
      ["2024-05-01T10:00:00.000Z", '=HYPERLINK("http://evil","x")', 3],
      ["", 'say "hi", then\nleave', -2],
      [null, undefined, true],
    ]);
    expect(csv).toBe(
      '"Time","Name","Count"\r\n"2024-05-01T10:00:00.000Z","\'=HYPERLINK(""http://evil"",""x"")",3\r\n"","say ""hi"", then\nleave",\'-2\r\n,,true\r\n',
    );
  });

  it("quotes every text cell, so a `;` or tab-separated spreadsheet never sees a cell starting with =", () => {
    const cells = ["Lamp;=HYPERLINK(\"http://evil\",\"x\")", "Lamp\t=1+1", "a;+1", "ok;\u00a0@SUM(A1)", "plain"];
    const csv = toCsv(["Name", "A", "B", "C", "D"], [cells]);
    expect(csv.split("\r\n")[1]).toBe(`${cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(",")}`);
    for (const separator of [";", "\t"]) {
      const parsed = parseCsv(csv, separator);
      expect(parsed).toHaveLength(2);
      for (const row of parsed) for (const cell of row) expect(cell).not.toMatch(STARTS_FORMULA);
    }
    // Read with the right separator, each cell is what was written.
    expect(parseCsv(csv)[1]).toEqual(cells);
  });

  it("leaves numbers and booleans bare, empty values empty, and quotes empty text", () => {
    expect(toCsv(["n"], [[0, 1.5, false, NaN, null, undefined, ""]])).toBe('"n"\r\n0,1.5,false,,,,""\r\n');
  });

  it("reads back cell for cell, and no cell ever starts a formula, whatever the separator", () => {
    // Characters that matter to CSV and to spreadsheets, mixed with ordinary ones.
    const tricky = fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "＝", "＋", "－", "＠", ",", ";", "\t", "\r", "\n", '"', " ", "\u00a0", "\ufeff", "\u3000", "\u200b", "a", "1") });
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string(), tricky), { minLength: 1, maxLength: 4 }), { maxLength: 8 }), (rows) => {
        const width = Math.max(1, ...rows.map((row) => row.length));
        const padded = rows.map((row) => [...row, ...Array(width - row.length).fill("")]);
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const csv = toCsv(header, padded);
        expect(parseCsv(csv)).toEqual([header, ...padded.map((row) => row.map(neutralizeFormula))]);
        for (const separator of [",", ";", "\t"]) {
          for (const row of parseCsv(csv, separator)) for (const cell of row) expect(cell).not.toMatch(STARTS_FORMULA);
        }
      }),
    );
  });
});

describe("toJsonText", () => {
  it("writes dates, bigints, Maps and Sets as data and never throws", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const throwing = Object.defineProperty({ ok: 1 }, "boom", { enumerable: true, get: () => { throw new Error("nope"); } });
    const parsed = JSON.parse(
      toJsonText({ when: new Date("2024-05-01T10:00:00Z"), bad: new Date(Number.NaN), big: 10n, map: new Map([["k", 1]]), set: new Set([1, 2]), cyclic, throwing, fn: () => 1, inf: Infinity }),
    );
    expect(parsed).toEqual({
      when: "2024-05-01T10:00:00.000Z",
      bad: null,
      big: "10",
      map: [["k", 1]],
      set: [1, 2],
      cyclic: { a: 1, self: "[circular]" },
      throwing: { ok: 1, boom: "[unreadable: nope]" },
      inf: null,
    });
  });

  it("keeps `__proto__`, `constructor` and `toJSON` keys as fields", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c", "toJSON": "t", "name": "x"}');
    const text = toJsonText([value]);
    expect(text).toContain('"__proto__": {');
    const [parsed] = JSON.parse(text) as Record<string, unknown>[];
    expect(Object.keys(parsed!)).toEqual(["__proto__", "constructor", "toJSON", "name"]);
    expect(Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("writes the same text when Object.prototype is polluted (nothing is inherited)", () => {
    const value = { name: "Lamp", tags: ["a"], nested: { n: 1 } };
    const clean = toJsonText(value);
    Object.defineProperty(Object.prototype, "toJSON", { value: () => "polluted", configurable: true, writable: true });
    let polluted: string;
    try {
      polluted = toJsonText(value);
    } finally {
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
    }
    expect(polluted).toBe(clean);
    expect(JSON.parse(polluted)).toEqual(value);
  });

  it("cuts nesting past 100 levels instead of overflowing the stack", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(toJsonText(deep)).toContain("[too deep]");
  });
});
