import type { RenameLogEntryState } from "./parts";

/**
 * The state of one rename UI, as plain data (no React, no Refine): what
 * {@link renameLogEntryReducer} reads and returns. The hook keeps one per entry.
 */
export interface RenameLogEntryEditState {
  /** The entry this state belongs to (`resource` + id); another entry starts afresh. */
  entryKey: string | undefined;
  /** What the UI is doing. `@selector [data-state="idle|editing|saving|error"]` on the root. */
  mode: RenameLogEntryState;
  /** The input's text, untrimmed. `""` while idle. */
  draft: string;
  /** Why the provider refused the last save (`mode` is then `error`). */
  error: Error | undefined;
  /** A save was tried with an invalid draft: an empty name now shows its message too. */
  isAttempted: boolean;
  /**
   * The name to show until the `log` prop catches up: `name` was saved (or is being saved)
   * while the entry's own name was `basis`. It yields once the entry's name moves.
   */
  override: RenameOverride | null;
}

/** A name shown ahead of the lists; see {@link RenameLogEntryEditState.override}. */
export interface RenameOverride {
  /** The name to show (`undefined`: cleared). */
  name: string | undefined;
  /** The entry's own name when the save started. */
  basis: string | undefined;
}

/** What can happen to a rename UI; see {@link renameLogEntryReducer} for when each one applies. */
export type RenameLogEntryAction =
  /** The component was handed another entry: everything starts afresh. */
  | { type: "reset"; entryKey: string | undefined }
  /** The entry's own name is now `name` (a refetch, another user): a stale override goes. */
  | { type: "syncName"; name: string | undefined }
  /** Open the input with the name shown now. Only from `idle`. */
  | { type: "start"; name: string | undefined }
  /** The user typed. Only while the input is open and not saving. */
  | { type: "setDraft"; draft: string }
  /** A save was tried while the draft is invalid: show every message. */
  | { type: "reject" }
  /** Close the input without saving. Not while saving. */
  | { type: "cancel" }
  /** The provider got `name` (`undefined`: cleared) while the entry's own name was `basis`. */
  | { type: "saveStart"; name: string | undefined; basis: string | undefined }
  /** The provider stored the name, or there was nothing to send: close the input, keep the name shown. */
  | { type: "saveEnd" }
  /** The provider failed: the name shown goes back to `override`, the input stays open with the error. */
  | { type: "saveFail"; error: Error; override: RenameOverride | null };

/** The state of a rename UI for `entryKey` before anything happened. */
export function createRenameLogEntryState(entryKey: string | undefined): RenameLogEntryEditState {
  return { entryKey, mode: "idle", draft: "", error: undefined, isAttempted: false, override: null };
}

const closed = (state: RenameLogEntryEditState): RenameLogEntryEditState => ({ ...state, mode: "idle", draft: "", error: undefined, isAttempted: false });

/**
 * The rename UI's state machine: `idle → editing → saving → idle`, with `error` (the
 * input open again, the typed text kept) when the provider fails. An action that does
 * not apply in the current mode returns the same state object, so React skips the render.
 *
 * @example
 * let state = createRenameLogEntryState("products\u00001");
 * state = renameLogEntryReducer(state, { type: "start", name: "Winter prices" });
 * state.mode; // "editing"
 * state.draft; // "Winter prices"
 */
export function renameLogEntryReducer(state: RenameLogEntryEditState, action: RenameLogEntryAction): RenameLogEntryEditState {
  const isOpen = state.mode === "editing" || state.mode === "error";
  switch (action.type) {
    case "reset":
      return action.entryKey === state.entryKey ? state : createRenameLogEntryState(action.entryKey);
    case "syncName":
      return state.override && state.override.basis !== action.name ? { ...state, override: null } : state;
    case "start":
      return state.mode === "idle" ? { ...state, mode: "editing", draft: action.name ?? "", error: undefined, isAttempted: false } : state;
    case "setDraft":
      return isOpen && action.draft !== state.draft ? { ...state, draft: action.draft } : state;
    case "reject":
      return isOpen && !state.isAttempted ? { ...state, isAttempted: true } : state;
    case "cancel":
      return isOpen ? closed(state) : state;
    case "saveStart":
      return isOpen ? { ...state, mode: "saving", error: undefined, override: { name: action.name, basis: action.basis } } : state;
    case "saveEnd":
      return state.mode === "idle" ? state : closed(state);
    case "saveFail":
      return state.mode === "saving" ? { ...state, mode: "error", error: action.error, override: action.override } : state;
  }
}

/** The name to show: the saved one while the entry's own name is still what it was, else the entry's. */
export function getShownName(state: RenameLogEntryEditState, entryName: string | undefined): string | undefined {
  return state.override && state.override.basis === entryName ? state.override.name : entryName;
}

/** What is wrong with a draft: `tooLong`, `empty` (when clearing is not allowed), or `undefined`. */
export type RenameDraftProblem = "tooLong" | "empty" | undefined;

/** The result of {@link validateRenameDraft}. */
export interface RenameDraftValidation {
  /** The draft without surrounding white space: what would be sent. */
  trimmed: string;
  /** Its length in characters (code points: an emoji counts once). */
  length: number;
  /** What is wrong with it, if anything. */
  problem: RenameDraftProblem;
}

/**
 * Checks a draft name: trimmed, at most `maxLength` characters (code points), and not
 * empty unless `allowClear`.
 *
 * @example
 * validateRenameDraft("  Spring  ", { maxLength: 120, allowClear: false }); // { trimmed: "Spring", length: 6, problem: undefined }
 */
export function validateRenameDraft(draft: string, { maxLength, allowClear }: { maxLength: number; allowClear: boolean }): RenameDraftValidation {
  const trimmed = draft.trim();
  const length = Array.from(trimmed).length;
  const problem = length > maxLength ? "tooLong" : trimmed === "" && !allowClear ? "empty" : undefined;
  return { trimmed, length, problem };
}

/**
 * Whether a draft's problem shows yet: too long shows as you type; empty only once a
 * save was tried (opening an unnamed entry is not an error). Never while idle.
 */
export function isRenameProblemShown(state: RenameLogEntryEditState, problem: RenameDraftProblem): boolean {
  return state.mode !== "idle" && (problem === "tooLong" || (problem === "empty" && state.isAttempted));
}
