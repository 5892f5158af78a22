/**
 * The limits of the work done on one log entry (or one pair of records): the change
 * model, the word diffs and the summary of an entry share one {@link WorkBudget}, so a
 * single stored row, however large or deep, costs bounded time and memory.
 */
export interface WorkBudgetLimits {
  /** Values visited, keys listed and array items aligned, in total. Default 200,000. */
  maxWork?: number;
  /** Token comparisons of the word diffs of all texts of the entry, in total. Default 2,000,000. */
  maxTextWork?: number;
  /** Deeper containers that differ are reported as one changed value (note `too-deep`). Default 32. */
  maxDepth?: number;
  /** Changes listed (unchanged rows aside); further changes are counted, not listed. Default 5,000. */
  maxChanges?: number;
}

/** The limits the kit applies to every entry unless told otherwise. */
export const DEFAULT_WORK_BUDGET: Readonly<Required<WorkBudgetLimits>> = Object.freeze({
  maxWork: 200_000,
  maxTextWork: 2_000_000,
  maxDepth: 32,
  maxChanges: 5_000,
});

/** A budget being spent: its limits and what was used so far. Mutable, one per entry. */
export interface WorkBudget {
  readonly limits: Readonly<Required<WorkBudgetLimits>>;
  /** Work units used so far (see `maxWork`). */
  work: number;
  /** Text-diff units used so far (see `maxTextWork`). */
  textWork: number;
}

/** A fresh budget with the given limits (the defaults for those left out; `Infinity` lifts one). */
export function createWorkBudget(limits: WorkBudgetLimits = {}): WorkBudget {
  return { limits: { ...DEFAULT_WORK_BUDGET, ...definedOnly(limits) }, work: 0, textWork: 0 };
}

/** A budget with no limits: what `computeChanges` uses when given none (trusted, small inputs). */
export function createUnlimitedBudget(): WorkBudget {
  const none = Number.POSITIVE_INFINITY;
  return { limits: { maxWork: none, maxTextWork: none, maxDepth: none, maxChanges: none }, work: 0, textWork: 0 };
}

/** True for a budget being spent (rather than a set of limits). */
export function isWorkBudget(value: WorkBudget | WorkBudgetLimits | undefined): value is WorkBudget {
  return !!value && typeof (value as WorkBudget).work === "number" && typeof (value as WorkBudget).limits === "object";
}

/**
 * What a bounded comparison left out. A UI says so where the changes are shown: "Too
 * large to compare in full: 12 more changes not shown".
 */
export interface ChangeOverflow {
  /** Changes found but not listed (past `maxChanges`, or left when the work ran out). */
  omittedCount: number;
  /** The comparison stopped before the end (`maxWork`): more changes than `omittedCount` may exist. */
  isIncomplete: boolean;
}

/** The budget to spend for an option: a budget being spent as it is, else a fresh one with those limits (`unlimited`: none given means none). */
export function toWorkBudget(given: WorkBudget | WorkBudgetLimits | undefined, unlimited = false): WorkBudget {
  if (isWorkBudget(given)) return given;
  return !given && unlimited ? createUnlimitedBudget() : createWorkBudget(given);
}

function definedOnly(limits: WorkBudgetLimits): WorkBudgetLimits {
  const out: WorkBudgetLimits = {};
  for (const key of ["maxWork", "maxTextWork", "maxDepth", "maxChanges"] as const) {
    const value = limits[key];
    if (typeof value === "number" && !Number.isNaN(value) && value >= 0) out[key] = value;
  }
  return out;
}

/** The `maxWork` a budget option stands for: a budget's limit, the limits' (or the default), or none without one. */
export function workLimitOf(budget: WorkBudget | WorkBudgetLimits | undefined): number {
  if (!budget) return Number.POSITIVE_INFINITY;
  if (isWorkBudget(budget)) return Math.max(0, budget.limits.maxWork - budget.work);
  return budget.maxWork ?? DEFAULT_WORK_BUDGET.maxWork;
}
