import { createAnatomy } from "../shared/anatomy";

/** The `data-scope` of every element of {@link CompareVersions}. */
export const COMPARE_VERSIONS_SCOPE = "compare-versions";

/**
 * The `data-part` values of `<CompareVersions>`:
 * - `root` (`data-state="loading|error|not-found|ready"`, `data-swapped` when the sides were put in order)
 * - `picker`: the two labelled selects; `select` each (`data-side="older|newer"`)
 * - `heading`: the two sides in words ("Version of … → Current")
 * - `diff`: the `<RecordDiff>` between them
 * - `note`: what the comparison cannot know (fields not recorded, history not fully read)
 * - `load-older`: reads older history (when the log has more)
 * - `status` (loading), `error` + `retry`, `empty` (no versions to compare)
 * - `actions`: the restore controls of the sides that are not the current record
 */
export const compareVersionsParts = {
  root: "root",
  picker: "picker",
  select: "select",
  heading: "heading",
  diff: "diff",
  note: "note",
  loadOlder: "load-older",
  status: "status",
  error: "error",
  retry: "retry",
  empty: "empty",
  actions: "actions",
  unconfigured: "unconfigured",
} as const;

/** `<CompareVersions>`'s anatomy (see `createAnatomy`). */
export const compareVersionsAnatomy = /* @__PURE__ */ createAnatomy(COMPARE_VERSIONS_SCOPE, compareVersionsParts);

/** The `data-scope` of every element of `<RestoreVersion>` and `<RevertChange>`. */
export const WRITE_BACK_SCOPE = "write-back";

/**
 * The `data-part` values of `<RestoreVersion>` and `<RevertChange>`:
 * - `root` (`data-state`: see `WriteBackStatus`; `data-action="restore|revert"`)
 * - `trigger`: the button ("Restore this version", "Revert"); `reason`: why it is disabled (access control)
 * - `panel`: the confirmation (`role="dialog"`, labelled by `heading`), with `description`,
 *   `diff` (exactly what will be written: current value → value to write), `left-out`
 *   (fields left as they are, and why), `stale` (the record changed meanwhile), `message`
 *   (an error or why nothing can be written, `role="alert"`), `confirm`, `cancel`
 * - `status`: a polite live region ("Restored.")
 */
export const writeBackParts = {
  root: "root",
  trigger: "trigger",
  reason: "reason",
  panel: "panel",
  heading: "heading",
  description: "description",
  diff: "diff",
  leftOut: "left-out",
  stale: "stale",
  message: "message",
  confirm: "confirm",
  cancel: "cancel",
  status: "status",
} as const;

/** `<RestoreVersion>` / `<RevertChange>`'s anatomy. */
export const writeBackAnatomy = /* @__PURE__ */ createAnatomy(WRITE_BACK_SCOPE, writeBackParts);
