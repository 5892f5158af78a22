/**
 * One stored log row must never freeze the tab: deep nesting, very wide objects, huge
 * arrays without ids and long texts with nothing in common go through the pipeline
 * (`getEntryDiff`, `createEntryReader().describe`) within the work budget. The work is
 * measured by the budget itself and by the number of changes listed, never by the clock.
 */
import { describe, expect, it } from "vitest";
import { createEntryReader, createWorkBudget, DEFAULT_WORK_BUDGET, getEntryDiff, normalizeLog, type AuditLogEntry, type FieldChange } from "../../src/core/index";
import { HOSTILE_CASES, hostileRow, type HostileCase } from "../support/hostile";

const limits = DEFAULT_WORK_BUDGET;
const TIMEOUT = 60_000; // building and parsing a row of several MB takes a while under jsdom

function entryOf(testCase: HostileCase): AuditLogEntry {
  const result = normalizeLog(hostileRow(testCase).row);
  if (!result.ok) throw new Error(result.error.reason);
  return result.entry;
}

const realOf = (changes: readonly FieldChange[]) => changes.filter((change) => change.kind !== "unchanged");

describe("hostile rows", () => {
  it("are the size the review reported (about 1 MB of JSON, several MB for the widest)", () => {
    for (const testCase of HOSTILE_CASES) {
      const { jsonLength } = hostileRow(testCase);
      expect(jsonLength, testCase.name).toBeGreaterThan(100_000);
      expect(jsonLength, testCase.name).toBeLessThan(8_000_000);
    }
  }, TIMEOUT);

  for (const testCase of HOSTILE_CASES) {
    describe(testCase.name, () => {
      it("getEntryDiff: no throw, work within the budget, at most maxChanges listed", () => {
        const entry = entryOf(testCase);
        const budget = createWorkBudget();
        const set = getEntryDiff(entry, { budget });
        expect(budget.work).toBeLessThanOrEqual(limits.maxWork + testCase.workSlack);
        expect(budget.textWork).toBeLessThanOrEqual(limits.maxTextWork + testCase.textSlack);
        const real = realOf(set.changes);
        expect(real.length).toBeLessThanOrEqual(limits.maxChanges);
        // Nothing is counted twice: what is listed and what is said to be left out never exceed the truth.
        expect(real.length + (set.overflow?.omittedCount ?? 0)).toBeLessThanOrEqual(testCase.realChanges);
        // Unchanged rows are bounded too (they cost work, which the budget bounds).
        expect(set.changes.length).toBeLessThanOrEqual(limits.maxChanges + limits.maxWork);
      }, TIMEOUT);

      const says = it;
      says("getEntryDiff: says what the budget left out (listed + omitted = the truth, or marked incomplete)", () => {
        const set = getEntryDiff(entryOf(testCase), {});
        const listed = realOf(set.changes).length;
        if (listed < testCase.realChanges) {
          expect(set.overflow, "changes left out, and no overflow said").toBeDefined();
          if (!set.overflow!.isIncomplete) expect(listed + set.overflow!.omittedCount).toBe(testCase.realChanges);
        } else {
          expect(listed).toBe(testCase.realChanges);
        }
      }, TIMEOUT);

      says("describe(): a bounded summary that does not claim 'no changes'", () => {
        const reader = createEntryReader();
        const entry = entryOf(testCase);
        const description = reader.describe(entry);
        expect(description.changes.length).toBeLessThanOrEqual(limits.maxChanges);
        expect(description.hasChanges).toBe(true);
        expect(description.summaryText).not.toMatch(/no (visible )?changes/i);
        expect(description.summaryText.length).toBeLessThan(1_000);
        if (description.changes.length < testCase.realChanges) expect(description.overflow).toBeDefined();
      }, TIMEOUT);

      it("describe(): the full diff and the search text stay bounded", () => {
        const reader = createEntryReader({ budget: { maxWork: limits.maxWork } });
        const entry = entryOf(testCase);
        const description = reader.describe(entry);
        const diff = description.getDiff();
        expect(realOf(diff.changes).length).toBeLessThanOrEqual(limits.maxChanges);
        expect(typeof description.getFullSummaryText()).toBe("string");
        // The search text is made of at most 5,000 values (each may be long: a 1 MB text is one value).
        expect(reader.getSearchText(entry).split("\n").length).toBeLessThanOrEqual(5_000 + 20);
      }, TIMEOUT);
    });
  }

  it("a smaller budget bounds the same rows tighter (the bound follows the limits)", () => {
    for (const testCase of HOSTILE_CASES) {
      const budget = createWorkBudget({ maxWork: 1_000, maxTextWork: 10_000, maxChanges: 50 });
      const set = getEntryDiff(entryOf(testCase), { budget });
      expect(budget.work, testCase.name).toBeLessThanOrEqual(1_000 + testCase.workSlack);
      if (budget.textWork > 10_000 + testCase.textSlack) {
        // A text whose changed middle is longer than what is left is charged its length
        // (`diffWords` adds it to `usage`) but never split into words nor compared: the
        // charge is bookkeeping, not work done. Then no text of the entry got a word diff.
        expect(realOf(set.changes).some((change) => change.text !== undefined), testCase.name).toBe(false);
      }
      expect(realOf(set.changes).length, testCase.name).toBeLessThanOrEqual(50);
    }
  }, TIMEOUT);

  it("deep rows stop at maxDepth with one `too-deep` change, whatever the depth", () => {
    for (const testCase of HOSTILE_CASES.filter((c) => c.name.includes("nested"))) {
      const { changes, overflow } = getEntryDiff(entryOf(testCase), {});
      const real = realOf(changes);
      expect(real, testCase.name).toHaveLength(1);
      expect(real[0]!.note, testCase.name).toBe("too-deep");
      expect(real[0]!.path.length, testCase.name).toBe(limits.maxDepth);
      expect(overflow, testCase.name).toBeUndefined();
    }
  }, TIMEOUT);

  it("long texts share one text budget: the word diffs stop, the changes are all listed", () => {
    const testCase = HOSTILE_CASES.find((c) => c.name.startsWith("twenty"))!;
    const { changes } = getEntryDiff(entryOf(testCase), {});
    const real = realOf(changes);
    expect(real).toHaveLength(20);
    // Once the budget is spent, later texts are shown whole (no word diff), never dropped.
    expect(real.filter((change) => change.text === undefined).length).toBeGreaterThan(0);
    for (const change of real) expect(typeof change.after).toBe("string");
  }, TIMEOUT);
});

/**
 * WIDE_ROOT was a bug: when the very first container the walk opens (the record itself)
 * cost more than `maxWork`, the walk stopped without a word, and the diff said "No
 * changes" for 200,000 changed fields. A container too large for what the budget has
 * left is now one change (note `too-large`), its values shown whole and shortened.
 */
describe("the budget exhausted by the root container", () => {
  it("says it left the changes out (a root too large to walk is one change)", async () => {
    const { computeChangeSet } = await import("../../src/core/computeChanges");
    const set = computeChangeSet({ a: 1, b: 2, c: 3 }, { a: 10, b: 20, c: 30 }, { budget: { maxWork: 4 } });
    expect(set.changes.length > 0 || set.overflow !== undefined).toBe(true);
  });

  it("works when the same container is one level down (overflow marked incomplete)", async () => {
    const { computeChangeSet } = await import("../../src/core/computeChanges");
    const set = computeChangeSet({ x: { a: 1, b: 2, c: 3 } }, { x: { a: 10, b: 20, c: 30 } }, { budget: { maxWork: 4 } });
    expect(set.overflow).toEqual({ omittedCount: 0, isIncomplete: true });
  });
});
