import type { WorkBudget, WorkBudgetLimits } from "./budget";

/** One step of a path into a record: an object key or an array index. */
export type PathSegment = string | number;

/** A path from the record's root to a value. `[]` is the root itself. */
export type Path = readonly PathSegment[];

/**
 * What happened to a value between the two versions.
 *
 * - `added`: present only in the new version (a new key, or an inserted array item)
 * - `removed`: present only in the old version
 * - `changed`: present in both, with different values
 * - `moved`: an array item found at another index (its content may also have changed:
 *   those changes are listed as separate entries under its new index)
 * - `unchanged`: equal in both (a field, a whole equal subtree, or a run of array items)
 */
export type ChangeKind = "added" | "removed" | "changed" | "moved" | "unchanged";

/** A piece of a word-level text diff. */
export interface TextSegment {
  /** `equal` text is in both versions, `delete` only in the old one, `insert` only in the new one. */
  type: "equal" | "insert" | "delete";
  text: string;
}

/**
 * Why a change needs a word of explanation beyond its kind.
 *
 * - `type-changed`: the value changed its type (`5` became `"5"`, a string became an object)
 * - `incomparable`: at least one side is a function, a symbol, or a value that could not be
 *   read (a getter threw, a proxy was revoked): the kit cannot compare them by value, so it
 *   reports them as changed unless they are the very same value
 * - `circular`: a side refers back to one of its own ancestors; the cycle is not walked
 * - `too-deep`: the values go deeper than `maxDepth`; they were not compared below it
 * - `too-large`: the container has more keys or items than the work budget had left; it
 *   is one change, its values shown whole (shortened), not compared field by field
 */
export type ChangeNote = "type-changed" | "incomparable" | "circular" | "too-deep" | "too-large";

/** One row of a diff: a single field (or subtree, or array item) that a UI can render directly. */
export interface FieldChange {
  /** Keys and array indices from the root. Removed array items carry their old index, the others their new one. */
  path: Path;
  /** The path joined with dots, array indices as numbers (`items.2.qty`). Stable: used as `data-path`. */
  key: string;
  kind: ChangeKind;
  /** The old value (absent for `added`). For an unchanged run of array items, the first item. */
  before?: unknown;
  /** The new value (absent for `removed`). */
  after?: unknown;
  /** For `moved` items (and items paired as `changed` inside an array): the item's index in the old array. */
  fromIndex?: number;
  /** For an `unchanged` run of array items: how many items the run covers (from `path`'s index on). */
  count?: number;
  /** For long strings that changed: the word-level diff, in order. */
  text?: readonly TextSegment[];
  /** A word of explanation (see {@link ChangeNote}). */
  note?: ChangeNote;
  /**
   * The old value is not in the log but was reconstructed from earlier entries (Refine v5
   * logs updates without before-values). UIs mark it: `data-inferred` and a word.
   */
  isBeforeInferred?: boolean;
  /**
   * The field was written but its old value is unknown (not in the log, not
   * reconstructable): say "earlier value not recorded", never "added" nor "set". `kind` is `changed` and `before` is absent.
   */
  isBeforeUnknown?: boolean;
  /**
   * Set by the policy (`fields[…].redact`): the values are not in the change, only the
   * fact that it happened; `before` / `after` hold a `RedactedValue` marker and `text` is gone.
   */
  isRedacted?: boolean;
}

/**
 * Returns an item's identity inside an array, or `undefined` when it has none.
 * Items with the same identity in both arrays are the same item (modified or moved).
 */
export type GetItemId = (item: unknown, arrayPath: Path) => string | number | undefined | null;

/** Options of {@link computeChanges}. */
export interface ComputeChangesOptions {
  /**
   * Paths to leave out of the comparison entirely. Dotted, with `*` matching one
   * segment and `**` any number of segments: `updatedAt`, `*.version`, `meta.**`,
   * `items.*.updatedAt`. Array indices are segments too (`items.0.qty`).
   */
  ignore?: readonly string[];
  /** Identity of array items. Default: an object's `id`, else `_id`, else `key`. */
  getItemId?: GetItemId;
  /** Strings this long or longer (on either side) get a word-level diff. Default 60. */
  minTextDiffLength?: number;
  /** Include `unchanged` entries (one per equal field or subtree, one per run of equal array items). Default true. */
  includeUnchanged?: boolean;
  /**
   * How deep to walk. Containers that differ by reference at this depth are reported as
   * `changed` with the note `too-deep` instead of being compared. Default: no limit (the
   * walk uses no recursion, so depth costs no stack).
   */
  maxDepth?: number;
  /**
   * Bounds the work (see `WorkBudgetLimits`): limits, or a budget already being spent
   * (one per log entry, shared by its diffs and its summary). Default: no limits. Use
   * `computeChangeSet` to learn what a budget left out.
   */
  budget?: WorkBudget | WorkBudgetLimits;
}
