/** The `data-scope` of {@link RenameLogEntry}'s root: `[data-scope="rename-log-entry"]`. */
export const RENAME_LOG_ENTRY_SCOPE = "rename-log-entry";

/**
 * The `data-part` values of {@link RenameLogEntry}, the one place they are spelled:
 * markup, CSS, tests and stories all use these.
 *
 * - `name`: the entry's name, as text (idle, when the entry has one).
 * - `trigger`: the button that starts editing ("Name this version" / "Rename"); absent
 *   when the provider cannot rename or access control hides it.
 * - `reason`: why renaming is not allowed; `hidden`, referenced by the trigger's
 *   `aria-describedby` (the same text is the trigger's `title`).
 * - `input`: the labelled text input (editing, saving, error).
 * - `save` / `cancel`: the buttons beside the input.
 * - `message`: the validation or provider error, a `role="alert"` region referenced by
 *   the input's `aria-describedby` while it has text.
 */
export const renameLogEntryParts = {
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
 * What {@link RenameLogEntry} is doing, as `data-state` on its root:
 * - `idle`: showing the name and/or the trigger. `@selector [data-state="idle"]`
 * - `editing`: the input is open. `@selector [data-state="editing"]`
 * - `saving`: the provider's `update` is in flight; nothing can be submitted. `@selector [data-state="saving"]`
 * - `error`: `update` failed; the input keeps the typed text and the message shows why. `@selector [data-state="error"]`
 */
export type RenameLogEntryState = "idle" | "editing" | "saving" | "error";
