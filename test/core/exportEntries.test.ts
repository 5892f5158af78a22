import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralizeFormula, toCsv, toJsonText } from "../../src/core/exportEntries";

/** A small RFC 4180 reader, to check that what toCsv writes reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(cell), (cell = "");
    else if (char === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += char;
  }
  return rows;
}

describe("neutralizeFormula", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '  =HYPERLINK("http://x","y")', "\u00a0=1"])("guards %j", (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });
  it.each(["Price update", "1+1", "a=b", "", "'=already quoted"])("leaves %j alone", (text) => {
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
      'Time,Name,Count\r\n2024-05-01T10:00:00.000Z,"\'=HYPERLINK(""http://evil"",""x"")",3\r\n,"say ""hi"", then\nleave",\'-2\r\n,,true\r\n',
    );
  });

  it("reads back cell for cell, and no cell ever starts a formula", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 8 }), (rows) => {
        const width = Math.max(1, ...rows.map((row) => row.length));
        const padded = rows.map((row) => [...row, ...Array(width - row.length).fill("")]);
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const parsed = parseCsv(toCsv(header, padded));
        expect(parsed).toEqual([header, ...padded.map((row) => row.map(neutralizeFormula))]);
        for (const row of parsed) for (const cell of row) expect(cell).not.toMatch(/^[\s\u00a0\ufeff]*[=+\-@\t\r]/);
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

  it("cuts nesting past 100 levels instead of overflowing the stack", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(toJsonText(deep)).toContain("[too deep]");
  });
});
