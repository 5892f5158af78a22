import type { FieldChange } from "../core/types";
import { isContainer, isRedactedValue, toCompactJson } from "../core/values";

const MAX_JSON = 4000;

// Leaves compare exactly (no length bound); containers by their compact JSON, and only
// while it is short enough to be whole: a cut rendering could hide a difference.
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (isRedactedValue(a) || isRedactedValue(b)) return isRedactedValue(a) && isRedactedValue(b) && a.text === b.text;
  if (!isContainer(a) || !isContainer(b)) return false;
  const left = toCompactJson(a, { maxLength: MAX_JSON });
  return left.length < MAX_JSON - 1 && !left.includes("…") && left === toCompactJson(b, { maxLength: MAX_JSON });
}

/**
 * True when two change lists say the same thing (same paths, kinds, notes, flags and
 * values), so a UI built on the first can keep its state (paging, open rows) for the
 * second. Leaves are compared exactly; objects and arrays by their compact JSON when it
 * is short and whole (else they count as different, which only costs a reset).
 */
export function isSameChangeList(a: readonly FieldChange[], b: readonly FieldChange[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.key !== y.key ||
      x.kind !== y.kind ||
      x.count !== y.count ||
      x.note !== y.note ||
      x.fromIndex !== y.fromIndex ||
      Boolean(x.isBeforeInferred) !== Boolean(y.isBeforeInferred) ||
      Boolean(x.isBeforeUnknown) !== Boolean(y.isBeforeUnknown) ||
      !sameValue(x.before, y.before) ||
      !sameValue(x.after, y.after)
    ) {
      return false;
    }
  }
  return true;
}
