/**
 * `<RecordDiff log={row}>` on hostile rows (see test/support/hostile.ts): it renders
 * without throwing, lists no more than the budget allows (one page on screen, the rest
 * behind "Show more", at most `maxChanges` in all), and says on screen when the budget
 * left changes out. A formatter or a renderer that throws breaks one value, not the diff.
 */
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_WORK_BUDGET } from "../../src/core/index";
import { RecordDiff, recordDiffParts as parts } from "../../src/index";
import { toUpdateRow } from "../../bench/hostile";
import { HOSTILE_CASES, hostileRow } from "../support/hostile";

const TIMEOUT = 60_000;
const sel = (part: string) => `[data-scope="record-diff"][data-part="${part}"]`;
const rows = () => document.querySelectorAll(sel(parts.field));
const overflowText = () => document.querySelector(sel(parts.overflow))?.textContent ?? null;

afterEach(() => vi.restoreAllMocks());

/** How many changes the diff holds in all: the rows on screen plus the "Show N more (M not shown)" count. */
function listedCount(): number {
  const shown = rows().length;
  const more = document.querySelector(sel(parts.showMore))?.textContent ?? "";
  const match = /\(([\d,]+) not shown\)/.exec(more) ?? /Show ([\d,]+) more/.exec(more);
  return shown + (match ? Number(match[1]!.replace(/,/g, "")) : 0);
}

describe("<RecordDiff> on hostile rows", () => {
  for (const testCase of HOSTILE_CASES) {
    describe(testCase.name, () => {
      it("renders without throwing, one page of rows, at most maxChanges in all", () => {
        const { row } = hostileRow(testCase);
        render(<RecordDiff log={row} locale="en-US" />);
        const root = document.querySelector(sel(parts.root))!;
        expect(root).not.toBeNull();
        expect(document.querySelector(sel(parts.fallback))).toBeNull();
        expect(rows().length).toBeLessThanOrEqual(200);
        expect(listedCount()).toBeLessThanOrEqual(DEFAULT_WORK_BUDGET.maxChanges);
        // Values are cut: no 1 MB text or 100,000-level JSON in the DOM.
        expect(root.textContent!.length).toBeLessThan(200 * 2 * 2_200 + 10_000);
      }, TIMEOUT);

      const says = it;
      says("says on screen when the budget left changes out", () => {
        const { row } = hostileRow(testCase);
        render(<RecordDiff log={row} locale="en-US" />);
        const listed = listedCount();
        if (listed < testCase.realChanges) {
          expect(overflowText()).toMatch(/^Too large to compare in full: /);
          expect(document.querySelector(sel(parts.emptyState))).toBeNull();
        } else {
          expect(listed).toBe(testCase.realChanges);
          expect(overflowText()).toBeNull();
        }
      }, TIMEOUT);
    });
  }

  it("the mix row: 5,000 changes listed, the others counted on screen (a lower bound: one part was too large to walk)", () => {
    const testCase = HOSTILE_CASES.find((c) => c.name.startsWith("a mix"))!;
    render(<RecordDiff log={hostileRow(testCase).row} locale="en-US" />);
    expect(listedCount()).toBe(5_000);
    expect(overflowText()).toMatch(/^Too large to compare in full: at least [\d,]+ more changes not shown\.$/);
    expect(document.querySelector('[data-scope="record-diff"][data-part="overflow"]')!.hasAttribute("data-incomplete")).toBe(true);
  }, TIMEOUT);

  it("an array too large for the budget: nothing listed, and the screen says so (not 'No changes')", () => {
    const testCase = HOSTILE_CASES.find((c) => c.name.startsWith("100,000 numbers"))!;
    render(<RecordDiff log={hostileRow(testCase).row} locale="en-US" />);
    expect(document.querySelector(sel(parts.emptyState))).toBeNull();
    expect(overflowText()).toMatch(/^Too large to compare in full/);
    expect(document.querySelector(sel(parts.overflow))!.hasAttribute("data-incomplete")).toBe(true);
  }, TIMEOUT);

  it("a 100,000-level row: one row, 'too deep', its value shown as bounded JSON", () => {
    const testCase = HOSTILE_CASES.find((c) => c.name.startsWith("arrays and objects nested"))!;
    render(<RecordDiff log={hostileRow(testCase).row} locale="en-US" />);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.textContent).toContain("too deep: not compared further");
    for (const code of document.querySelectorAll(sel(parts.json))) expect(code.textContent!.length).toBeLessThanOrEqual(2_001);
  }, TIMEOUT);

  it("a 1 MB text: cut on screen, with Show all", () => {
    const testCase = HOSTILE_CASES.find((c) => c.name.startsWith("one 1 MB"))!;
    render(<RecordDiff log={hostileRow(testCase).row} locale="en-US" />);
    expect(rows()).toHaveLength(1);
    expect(screen.getAllByRole("button", { name: /Show all \(1,000,000 characters\)/ }).length).toBeGreaterThan(0);
  }, TIMEOUT);
});

describe("<RecordDiff> when the app's own code throws", () => {
  const row = toUpdateRow("formatter", "a price set to null", '{"name":"Lamp","price":10,"stock":3}', '{"name":"Desk lamp","price":null,"stock":4}').row;

  it("a field formatter that throws: the other fields show, the failed value the default way (value-error)", () => {
    const fields = { price: { format: (v: unknown) => (v as number).toFixed(2) } };
    render(<RecordDiff log={row} locale="en-US" fields={fields} />);
    expect(rows()).toHaveLength(3);
    const price = document.querySelector(`${sel(parts.field)}[data-path="price"]`)!;
    // The old value formats ("10.00"); the new one (null) throws, and shows as the kit would ("empty").
    expect(price.querySelector(sel(parts.before))!.textContent).toBe("10.00");
    const failed = price.querySelector(sel(parts.valueError))!;
    expect(failed).not.toBeNull();
    expect(failed.textContent).toBe("empty");
    expect(failed.getAttribute("title")).toMatch(/formatter failed/);
    expect(document.querySelector(`${sel(parts.field)}[data-path="name"]`)!.textContent).toContain("Desk lamp");
    expect(document.querySelector(`${sel(parts.field)}[data-path="stock"]`)!.textContent).toContain("4");
  });

  it("a renderValue that throws for one value leaves the rest of the diff on screen", () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // React reports the caught error
    const renderValue = ({ path, side }: { path: readonly (string | number)[]; side: string }) => {
      if (path[0] === "stock" && side === "after") throw new Error("boom");
      return undefined;
    };
    render(<RecordDiff log={row} locale="en-US" renderValue={renderValue} />);
    expect(rows()).toHaveLength(3);
    const stock = document.querySelector(`${sel(parts.field)}[data-path="stock"]`)!;
    const failed = stock.querySelector(sel(parts.valueError))!;
    expect(failed).not.toBeNull();
    expect(failed.textContent).toBe("4");
    expect(failed.getAttribute("title")).toMatch(/boom/);
    expect(stock.querySelector(sel(parts.before))!.textContent).toBe("3");
    expect(document.querySelector(`${sel(parts.field)}[data-path="name"]`)!.textContent).toContain("Desk lamp");
    expect(document.querySelector(`${sel(parts.field)}[data-path="price"]`)!.textContent).toContain("10");
  });
});
