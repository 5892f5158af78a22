import { createAnatomy } from "../shared/anatomy";

/** The `data-scope` of every element of {@link RenameLogEntry}: `[data-scope="rename-log-entry"]`. */
export const RENAME_LOG_ENTRY_SCOPE = "rename-log-entry";

/**
 * The `data-part` values of {@link RenameLogEntry}, the one place they are spelled:
 * markup, CSS, tests and stories all use these. Every part also carries
 * `data-scope="rename-log-entry"`, so one part is selected with the compound
 * `[data-scope="rename-log-entry"][data-part="…"]` (see {@link renameLogEntryAnatomy}).
 *
 * - `root`: the element around the rest; carries `data-state`, `data-named`, `data-invalid`.
 * - `name`: the entry's name, as text (idle, when the entry has one).
 * - `trigger`: the button that starts editing ("Name this version" / "Rename"); absent
 *   when renaming is off (`readOnly`, `<AuditTrailProvider canRename={false}>`) or access
 *   control hides it.
 * - `reason`: why renaming is not allowed; `hidden`, referenced by the trigger's
 *   `aria-describedby` (the same text is the trigger's `title`).
 * - `input`: the labelled text input (editing, saving, error).
 * - `save` / `cancel`: the buttons beside the input.
 * - `message`: the validation or provider error, a `role="alert"` region referenced by
 *   the input's `aria-describedby` while it has text.
 */
export const renameLogEntryParts = {
  root: "root",
  name: "name",
  trigger: "trigger",
  reason: "reason",
  input: "input",
  save: "save",
  cancel: "cancel",
  message: "message",
} as const;

/** One of {@link renameLogEntryParts}. */
export type RenameLogEntryPart = (typeof renameLogEntryParts)[keyof typeof renameLogEntryParts];

/**
 * {@link RenameLogEntry}'s anatomy: `attrs(part)` gives the `data-scope` + `data-part` pair
 * the component puts on each element, `selector(part)` the CSS selector that finds it.
 *
 * @example
 * container.querySelector(renameLogEntryAnatomy.selector("root"))?.getAttribute("data-state");
 * // CSS: [data-scope="rename-log-entry"][data-part="trigger"] { … }
 */
export const renameLogEntryAnatomy = /* @__PURE__ */ createAnatomy(RENAME_LOG_ENTRY_SCOPE, renameLogEntryParts);

/**
 * What {@link RenameLogEntry} is doing, as `data-state` on its root:
 * - `idle`: showing the name and/or the trigger. `@selector [data-state="idle"]`
 * - `editing`: the input is open. `@selector [data-state="editing"]`
 * - `saving`: the provider's `update` is in flight; nothing can be submitted. `@selector [data-state="saving"]`
 * - `error`: `update` failed; the input keeps the typed text and the message shows why. `@selector [data-state="error"]`
 */
export type RenameLogEntryState = "idle" | "editing" | "saving" | "error";
