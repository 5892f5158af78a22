/**
 * The hostile rows of the unit tests, with what each one really changed (so a test can
 * tell "listed in full" from "left out"). The generators live in `bench/hostile.ts`,
 * shared with the "worst entries" benchmark. Each row is built once per test file.
 */
import { deepRow, longTextRow, manyRow, mixRow, textsRow, wideRow, type HostileRow } from "../../bench/hostile";

export interface HostileCase {
  name: string;
  create: () => HostileRow;
  /** The number of changes (other than unchanged) the row really makes. */
  realChanges: number;
  /**
   * How far past `maxWork` the walk may go: the budget is checked between containers,
   * and one container's keys or items are listed, hashed and aligned at once (one unit
   * per key or item of either side, plus up to three more per item hashed). So: 4 × the
   * entries of both sides of the largest container, plus a little.
   */
  workSlack: number;
  /** How far past `maxTextWork` the word diffs may go: the last Myers step of the last text. */
  textSlack: number;
}

const TEXT_SLACK = 20_000;

export const HOSTILE_CASES: readonly HostileCase[] = [
  { name: "arrays and objects nested 100,000 levels (~0.8 MB)", create: () => deepRow(100_000, "mixed"), realChanges: 1, workSlack: 100, textSlack: 0 },
  { name: "arrays nested 100,000 levels", create: () => deepRow(100_000, "array"), realChanges: 1, workSlack: 100, textSlack: 0 },
  { name: "objects nested 100,000 levels (~1.2 MB)", create: () => deepRow(100_000, "object"), realChanges: 1, workSlack: 100, textSlack: 0 },
  { name: "200,000 keys changed, in one field", create: () => wideRow(200_000, "field"), realChanges: 200_000, workSlack: 4 * 400_000 + 100, textSlack: 0 },
  { name: "200,000 keys changed, at the top level", create: () => wideRow(200_000, "root"), realChanges: 200_000, workSlack: 4 * 400_000 + 100, textSlack: 0 },
  { name: "100,000 numbers without ids, all changed", create: () => manyRow(100_000, "number"), realChanges: 100_000, workSlack: 4 * 200_000 + 100, textSlack: 0 },
  { name: "100,000 objects without ids, all changed", create: () => manyRow(100_000, "object"), realChanges: 100_000, workSlack: 4 * 200_000 + 100, textSlack: 0 },
  { name: "twenty 3,000-character fields with nothing in common", create: () => textsRow(20, 3_000), realChanges: 20, workSlack: 100, textSlack: TEXT_SLACK },
  { name: "one 1 MB text rewritten", create: () => longTextRow(1_000_000), realChanges: 1, workSlack: 100, textSlack: TEXT_SLACK },
  { name: "a mix in one ~1.3 MB row", create: mixRow, realChanges: 1 + 20_000 + 20_000 + 10 + 1, workSlack: 4 * 40_000 + 100, textSlack: TEXT_SLACK },
];

/** The case's row, built on first use and kept (rows are large: build each once). */
export function hostileRow(testCase: HostileCase): HostileRow {
  let row = built.get(testCase);
  if (!row) built.set(testCase, (row = testCase.create()));
  return row;
}
const built = new Map<HostileCase, HostileRow>();

/** Rows the work budget is known to mishandle today (see the comments where they are used). */
export const WIDE_ROOT = "200,000 keys changed, at the top level";
