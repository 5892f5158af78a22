import { useEffect, useId, useMemo, useReducer, useRef } from "react";
import type { AuditLogEntry } from "../core/normalizeLog";
import { useAuditTranslate } from "../refine/useAuditTranslate";
import { useCanRename } from "../refine/useCanRename";
import { useRenameLog } from "../refine/useRenameLog";
import { useAuditTrailConfig } from "../shared/AuditTrailProvider";
import type { DataAttributes } from "../shared/dataAttributes";
import { formatNumber, toIntlLocale } from "../core/intl";
import { toAuditLogEntry } from "../shared/isAuditLogEntry";
import type { RenameLogEntryState } from "./parts";
import { createRenameLogEntryGetters, type RenameLogEntryGetters } from "./renameLogEntryGetters";
import { createRenameLogEntryState, getShownName, isRenameProblemShown, renameLogEntryReducer, validateRenameDraft } from "./renameLogEntryState";
import { defineOptionKeys } from "../shared/splitProps";

export type { RenameLogEntryPartProps } from "./renameLogEntryGetters";

/** The default of {@link UseRenameLogEntryOptions.maxLength}. */
export const DEFAULT_RENAME_MAX_LENGTH = 120;

/** Options of {@link useRenameLogEntry} (and props of {@link RenameLogEntry}). */
export interface UseRenameLogEntryOptions {
  /**
   * The entry to name: an {@link AuditLogEntry} from `normalizeLog`/`normalizeLogs`, or a
   * row exactly as the provider returned it (normalised here). A row that cannot be read
   * (no id, action or resource) cannot be renamed.
   */
  log: AuditLogEntry | unknown;
  /** The longest name accepted, in characters (code points), after trimming. Default 120. */
  maxLength?: number;
  /** Accept an empty name, which clears the entry's name (sends `name: ""`). Default `false`. */
  allowClear?: boolean;
  /** Show the name only, with no way to edit it, whatever the provider and access control allow. */
  readOnly?: boolean;
  /**
   * Access control, as on Refine's own buttons. Defaults come from
   * `accessControlProvider.options.buttons` (`enableAccessControl`, `hideIfUnauthorized`).
   * `enabled: false` skips the `useCan` check (renaming is then allowed);
   * `hideIfUnauthorized: true` removes the trigger instead of disabling it.
   */
  accessControl?: { enabled?: boolean; hideIfUnauthorized?: boolean };
  /** Called once the provider has stored the name, with the renamed entry and the name sent (trimmed; `""` when cleared). */
  onRenamed?: (entry: AuditLogEntry, name: string) => void;
  /** Called when the provider's `update` fails (the name is rolled back and the input stays open). */
  onError?: (error: Error) => void;
  /**
   * Where focus goes when editing ends (saved, cancelled, or nothing to save). Default:
   * the trigger. Give it when the trigger lives somewhere that closes once editing starts
   * (a menu): the timeline returns focus to the entry's "Actions" button.
   */
  returnFocus?: () => HTMLElement | null | undefined;
}

/** Texts for a rename UI, already translated (keys under `auditLog.rename.*`). */
export interface RenameLogEntryLabels {
  /** The trigger's text: "Name this version" when the entry has no name, else "Rename". */
  trigger: string;
  /** The input's accessible name: "Version name". */
  input: string;
  /** The save button's text: "Save", or "Saving…" while saving. */
  save: string;
  /** The cancel button's text: "Cancel". */
  cancel: string;
}

/** `data-*` attributes: strings, with booleans as `""` or absent (Radix style). */
export type { DataAttributes };

/** The result of {@link useRenameLogEntry}: state, behaviour and the props getters of every part. */
export interface UseRenameLogEntryResult extends RenameLogEntryGetters {
  /** The normalised entry; `undefined` when `log` could not be read. */
  entry: AuditLogEntry | undefined;
  /** The name to show: the new one as soon as it is saved, even before the lists refetch. */
  name: string | undefined;
  /** What the UI is doing. `@selector [data-state="idle|editing|saving|error"]` on the root. */
  state: RenameLogEntryState;
  /** True in every state but `idle`: render the input, save, cancel and message. */
  isEditing: boolean;
  /** The text in the input (untrimmed, as typed). Kept when saving fails. */
  draft: string;
  /** The provider's error after a failed save (state `error`). */
  error: Error | undefined;
  /** Why the draft cannot be saved (empty, too long), once it matters; else `undefined`. `@selector [data-invalid]` */
  validationMessage: string | undefined;
  /** What the `message` part shows: the validation message, else the translated provider error. */
  message: string | undefined;
  /** True when this user may rename this entry now (renaming on, access allowed, not `readOnly`). */
  canRename: boolean;
  /** Why renaming is not allowed (access control's `reason`, or a default); `undefined` when allowed. */
  reason: string | undefined;
  /**
   * True when the trigger should be rendered: false under `<AuditTrailProvider
   * canRename={false}>`, with `readOnly`, for an unreadable row, and when access control
   * hides unauthorized buttons.
   */
  isTriggerVisible: boolean;
  /** The translated texts. */
  labels: RenameLogEntryLabels;
  /** Opens the input with the current name (does nothing unless `canRename`). */
  startEditing: () => void;
  /** Sets the input's text. */
  setDraft: (draft: string) => void;
  /** Validates and saves the draft; ignored while a save is in flight, so nothing is sent twice. */
  save: () => void;
  /** Closes the input without saving and returns focus to the trigger (not while saving). */
  cancel: () => void;
}

type FocusTarget = "trigger" | "input" | "select-input";

function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  const message = value && typeof value === "object" && typeof (value as { message?: unknown }).message === "string" ? (value as { message: string }).message : String(value);
  return new Error(message);
}

/** The option keys of {@link useRenameLogEntry}, declared once: `<RenameLogEntry>` splits its props with them. */
export const renameLogEntryOptionKeys = defineOptionKeys<UseRenameLogEntryOptions>()(["log", "maxLength", "allowClear", "readOnly", "accessControl", "onRenamed", "onError", "returnFocus"]);

/**
 * The headless logic of {@link RenameLogEntry}: lets a user name a log entry ("Spring
 * price list") through Refine's `useLog().rename` (the provider's `update({ id, name })`),
 * with validation, an optimistic update of every cached list of the resource, rollback on
 * failure, access control through `useCan({ resource, action: "rename", params: { id, log } })`
 * and focus management. Returns state and props getters for a custom UI.
 *
 * Three layers, as in React Aria: a pure reducer holds the state machine
 * (`renameLogEntryState.ts`), this hook adds the behaviour (Refine, saving, focus), and
 * the getters (`renameLogEntryGetters.ts`) only turn both into props. Renaming is offered unless `readOnly`, or an {@link AuditTrailProvider}
 * above says `canRename={false}` (do so when the `auditLogProvider` has no `update`:
 * Refine would resolve the rename without storing anything).
 *
 * @example
 * const rename = useRenameLogEntry({ log: entry });
 * return (
 *   <span {...rename.getRootProps()}>
 *     {rename.isEditing ? (
 *       <>
 *         <input {...rename.getInputProps()} />
 *         <button {...rename.getSaveProps()}>{rename.labels.save}</button>
 *         <button {...rename.getCancelProps()}>{rename.labels.cancel}</button>
 *         <span {...rename.getMessageProps()}>{rename.message}</span>
 *       </>
 *     ) : (
 *       <>
 *         {rename.name && <strong {...rename.getNameProps()}>{rename.name}</strong>}
 *         {rename.isTriggerVisible && <button {...rename.getTriggerProps()}>{rename.labels.trigger}</button>}
 *         {rename.reason && <span {...rename.getReasonProps()}>{rename.reason}</span>}
 *       </>
 *     )}
 *   </span>
 * );
 */
export function useRenameLogEntry(options: UseRenameLogEntryOptions): UseRenameLogEntryResult {
  const { log, maxLength = DEFAULT_RENAME_MAX_LENGTH, allowClear = false, readOnly = false } = options;
  const { t, locale } = useAuditTranslate();
  const { renameLog } = useRenameLog();
  const config = useAuditTrailConfig();
  const entry = useMemo(() => {
    const result = toAuditLogEntry(log);
    return result.ok ? result.entry : undefined;
  }, [log]);
  const entryKey = entry ? `${entry.resource}\u0000${String(entry.id)}` : undefined;
  const isSupported = !!entry && !readOnly && config.canRename;

  // --- Access control, the way Refine's useButtonCanAccess decides.
  const { access, reason: deniedReason, isError: isAccessError, hideIfUnauthorized } = useCanRename({ entry, enabled: isSupported, accessControl: options.accessControl });
  const canRename = isSupported && access === "allowed";
  const isTriggerVisible = isSupported && !(hideIfUnauthorized && access !== "allowed");
  const reason =
    access !== "denied"
      ? undefined
      : deniedReason || (isAccessError ? t("auditLog.rename.accessError", "Could not check whether you may rename this version.") : t("auditLog.rename.forbidden", "You are not allowed to rename this version."));

  // --- State: reset when the component is handed another entry; a saved name yields once the entry's own name moves.
  const [state, dispatch] = useReducer(renameLogEntryReducer, entryKey, createRenameLogEntryState);
  if (state.entryKey !== entryKey) dispatch({ type: "reset", entryKey });
  else if (state.override && state.override.basis !== entry?.name) dispatch({ type: "syncName", name: entry?.name });
  const name = getShownName(state, entry?.name);
  const { mode, draft } = state;

  // --- Validation.
  const { trimmed, length, problem } = validateRenameDraft(draft, { maxLength, allowClear });
  // `en_US` and the like, as i18n providers often answer, would make Intl throw during render.
  const intlLocale = toIntlLocale(locale);
  const problemMessage =
    problem === "tooLong"
      ? t("auditLog.rename.tooLong", "A name can have {max} characters at most; this one has {count}.", {
          max: formatNumber(maxLength, intlLocale),
          count: formatNumber(length, intlLocale),
        })
      : problem === "empty"
        ? t("auditLog.rename.empty", "Enter a name, or press Cancel to keep the current one.")
        : undefined;
  const validationMessage = isRenameProblemShown(state, problem) ? problemMessage : undefined;
  const errorMessage =
    mode === "error" && state.error
      ? t("auditLog.rename.failed", "The name was not saved: {message}", { message: state.error.message || t("auditLog.rename.unknownError", "unknown error") })
      : undefined;
  const message = validationMessage ?? errorMessage;

  // --- Behaviour.
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const focusRef = useRef<FocusTarget | null>(null);
  useEffect(() => {
    const target = focusRef.current;
    if (!target) return;
    const node = target === "trigger" ? (callbacksRef.current.returnFocus?.() ?? triggerRef.current) : inputRef.current;
    if (!node || !node.isConnected) return;
    focusRef.current = null;
    node.focus();
    if (target === "select-input") inputRef.current?.select();
  });
  // A ref, not state: two Enters (or Enter + click) in one frame both see the old state.
  const savingRef = useRef<string | null>(null);
  const entryKeyRef = useRef(entryKey);
  entryKeyRef.current = entryKey;
  const callbacksRef = useRef(options);
  callbacksRef.current = options;

  const startEditing = () => {
    if (!canRename || mode !== "idle") return;
    dispatch({ type: "start", name });
    focusRef.current = "select-input";
  };

  const cancel = () => {
    if (mode !== "editing" && mode !== "error") return;
    dispatch({ type: "cancel" });
    focusRef.current = "trigger";
  };

  const save = () => {
    if (!entry || !entryKey || !canRename || mode === "idle" || savingRef.current === entryKey) return;
    if (problem) {
      dispatch({ type: "reject" });
      focusRef.current = "input";
      return;
    }
    if (trimmed === (name ?? "")) {
      // Nothing changed: nothing to send.
      dispatch({ type: "saveEnd" });
      focusRef.current = "trigger";
      return;
    }
    savingRef.current = entryKey;
    const previousOverride = state.override;
    const nextName = trimmed === "" ? undefined : trimmed;
    dispatch({ type: "saveStart", name: nextName, basis: entry.name });
    const stillHere = () => entryKeyRef.current === entryKey;
    renameLog({ id: entry.id, resource: entry.resource }, trimmed).then(
      () => {
        savingRef.current = null;
        if (stillHere()) {
          dispatch({ type: "saveEnd" });
          focusRef.current = "trigger";
        }
        callbacksRef.current.onRenamed?.({ ...entry, name: nextName }, trimmed);
      },
      (reason: unknown) => {
        savingRef.current = null;
        const failure = toError(reason);
        if (stillHere()) {
          dispatch({ type: "saveFail", error: failure, override: previousOverride });
          focusRef.current = "input";
        }
        callbacksRef.current.onError?.(failure);
      },
    );
  };

  const setDraft = (next: string) => dispatch({ type: "setDraft", draft: next });

  // --- Texts and props getters.
  const labels: RenameLogEntryLabels = {
    trigger: name ? t("auditLog.rename.rename", "Rename") : t("auditLog.rename.nameThisVersion", "Name this version"),
    input: t("auditLog.rename.inputLabel", "Version name"),
    save: mode === "saving" ? t("auditLog.rename.saving", "Saving…") : t("auditLog.rename.save", "Save"),
    cancel: t("auditLog.rename.cancel", "Cancel"),
  };
  const baseId = useId();
  const getters = createRenameLogEntryGetters({
    state: mode,
    name,
    draft,
    canRename,
    reason,
    validationMessage,
    message,
    triggerLabel: name ? t("auditLog.rename.renameNamed", "Rename “{name}”", { name }) : undefined,
    inputLabel: labels.input,
    baseId,
    setTrigger: (node) => {
      triggerRef.current = node;
    },
    setInput: (node) => {
      inputRef.current = node;
    },
    startEditing,
    setDraft,
    save,
    cancel,
  });

  return {
    entry,
    name,
    state: mode,
    isEditing: mode !== "idle",
    draft,
    error: mode === "error" ? state.error : undefined,
    validationMessage,
    message,
    canRename,
    reason,
    isTriggerVisible,
    labels,
    startEditing,
    setDraft,
    save,
    cancel,
    ...getters,
  };
}
