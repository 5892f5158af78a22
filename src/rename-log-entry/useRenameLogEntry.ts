import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type ChangeEvent,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type Ref,
} from "react";
import { normalizeLog, type AuditLogEntry } from "../core/normalizeLog";
import { readAuditLogMethods } from "../refine/readAuditLogMethods";
import { useAuditTranslate } from "../refine/useAuditTranslate";
import { useCanRename } from "../refine/useCanRename";
import { useRenameLog } from "../refine/useRenameLog";
import type { DataAttributes } from "../shared/dataAttributes";
import { isAuditLogEntry } from "../shared/isAuditLogEntry";
import { mergeProps } from "../shared/mergeProps";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";
import { RENAME_LOG_ENTRY_SCOPE, renameLogEntryParts as parts, type RenameLogEntryState } from "./parts";

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

/**
 * The props a getter of {@link useRenameLogEntry} takes and returns: the element's
 * attributes (`A`), `data-*` attributes and a ref. Pass your own props to the getter
 * rather than spreading them beside it: they are merged in (yours last, `className` and
 * `style` merged, handlers composed, refs and `aria-describedby` joined).
 */
export type RenameLogEntryPartProps<E extends HTMLElement = HTMLElement, A = HTMLAttributes<E>> = A & DataAttributes & { ref?: Ref<E> };

type ButtonProps = RenameLogEntryPartProps<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>;
type InputProps = RenameLogEntryPartProps<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>;

/** The result of {@link useRenameLogEntry}. */
export interface UseRenameLogEntryResult {
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
  /** True when this user may rename this entry now (provider has `update`, access allowed, not `readOnly`). */
  canRename: boolean;
  /** Why renaming is not allowed (access control's `reason`, or a default); `undefined` when allowed. */
  reason: string | undefined;
  /**
   * True when the trigger should be rendered: false without `auditLogProvider.update`,
   * with `readOnly`, for an unreadable row, and when access control hides unauthorized buttons.
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
  /** Root: `data-scope="rename-log-entry"`, `data-state`, `data-named` (has a name), `data-invalid`. Spread it: it also lets the hook find the provider. */
  getRootProps: <E extends HTMLElement = HTMLElement>(props?: RenameLogEntryPartProps<E>) => RenameLogEntryPartProps<E>;
  /** The name's text element: `data-part="name"`. */
  getNameProps: <E extends HTMLElement = HTMLElement>(props?: RenameLogEntryPartProps<E>) => RenameLogEntryPartProps<E>;
  /** A `<button>`: `data-part="trigger"`, `disabled` + `data-disabled` + `title` (the reason) + `aria-describedby` (the reason part) when not allowed. */
  getTriggerProps: (props?: ButtonProps) => ButtonProps;
  /** The hidden reason text (`data-part="reason"`, `hidden`); render it whenever `reason` is set. */
  getReasonProps: <E extends HTMLElement = HTMLElement>(props?: RenameLogEntryPartProps<E>) => RenameLogEntryPartProps<E>;
  /** An `<input>`: `data-part="input"`, labelled, controlled; Enter saves, Escape cancels; `aria-invalid` + `aria-describedby` while there is a message; read-only while saving. */
  getInputProps: (props?: InputProps) => InputProps;
  /** A `<button>`: `data-part="save"`, disabled (`data-disabled`) while saving, `aria-busy` while saving. */
  getSaveProps: (props?: ButtonProps) => ButtonProps;
  /** A `<button>`: `data-part="cancel"`, disabled while saving. */
  getCancelProps: (props?: ButtonProps) => ButtonProps;
  /** The message element: `data-part="message"`, `role="alert"`. Render it while editing, even empty, so it is announced when it fills. */
  getMessageProps: <E extends HTMLElement = HTMLElement>(props?: RenameLogEntryPartProps<E>) => RenameLogEntryPartProps<E>;
}

type FocusTarget = "trigger" | "input" | "select-input";

function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  const message = value && typeof value === "object" && typeof (value as { message?: unknown }).message === "string" ? (value as { message: string }).message : String(value);
  return new Error(message);
}

const flag = (on: boolean) => (on ? "" : undefined);

/**
 * The headless logic of {@link RenameLogEntry}: lets a user name a log entry ("Spring
 * price list") through Refine's `useLog().rename` (the provider's `update({ id, name })`),
 * with validation, an optimistic update of every cached list of the resource, rollback on
 * failure, access control through `useCan({ resource, action: "rename", params: { id, log } })`
 * and focus management. Returns state and props getters for a custom UI.
 *
 * Without `auditLogProvider.update` the entry is read-only: `isTriggerVisible` and
 * `canRename` are false (Refine would resolve the rename without storing anything).
 * The hook tells by looking at the `<Refine>` above the root element, so spread
 * `getRootProps()`.
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
  const entry = useMemo(() => {
    if (isAuditLogEntry(log)) return log;
    const result = normalizeLog(log);
    return result.ok ? result.entry : undefined;
  }, [log]);
  const entryKey = entry ? `${entry.resource}\u0000${String(entry.id)}` : undefined;

  // --- Does the provider have `update`? (see readAuditLogMethods for why this looks)
  const rootRef = useRef<HTMLElement | null>(null);
  const triggerRef = useRef<HTMLElement | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  // `undefined` until known (first render, server, unreadable tree): assume it exists, as Refine does.
  const [hasUpdate, setHasUpdate] = useState<boolean | undefined>(undefined);
  useIsomorphicLayoutEffect(() => {
    const found = readAuditLogMethods(rootRef.current ?? triggerRef.current ?? inputRef.current)?.update;
    if (found !== hasUpdate) setHasUpdate(found);
  });
  const isSupported = !!entry && !readOnly && hasUpdate !== false;

  // --- Access control, the way Refine's useButtonCanAccess decides.
  const { access, reason: deniedReason, isError: isAccessError, hideIfUnauthorized } = useCanRename({ entry, enabled: isSupported, accessControl: options.accessControl });
  const canRename = isSupported && access === "allowed";
  const isTriggerVisible = isSupported && !(hideIfUnauthorized && access !== "allowed");
  const reason =
    access !== "denied"
      ? undefined
      : deniedReason || (isAccessError ? t("auditLog.rename.accessError", "Could not check whether you may rename this version.") : t("auditLog.rename.forbidden", "You are not allowed to rename this version."));

  // --- Edit state, reset when the component is handed another entry.
  const [mode, setMode] = useState<RenameLogEntryState>("idle");
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<Error | undefined>(undefined);
  const [attempted, setAttempted] = useState(false);
  // The name shown before the lists refetch; it yields as soon as the `log` prop's name moves.
  const [override, setOverride] = useState<{ name: string | undefined; basis: string | undefined } | null>(null);
  const [stateKey, setStateKey] = useState(entryKey);
  if (stateKey !== entryKey) {
    setStateKey(entryKey);
    setMode("idle");
    setDraft("");
    setError(undefined);
    setAttempted(false);
    setOverride(null);
  }
  // Once the entry's own name moves (a refetch, another user), it is the truth again.
  if (override && entry?.name !== override.basis) setOverride(null);
  const name = override && entry?.name === override.basis ? override.name : entry?.name;

  // A ref, not state: two Enters (or Enter + click) in one frame both see the old state.
  const savingRef = useRef<string | null>(null);
  const entryKeyRef = useRef(entryKey);
  entryKeyRef.current = entryKey;
  const callbacksRef = useRef(options);
  callbacksRef.current = options;

  const focusRef = useRef<FocusTarget | null>(null);
  useEffect(() => {
    const target = focusRef.current;
    if (!target) return;
    const node = target === "trigger" ? triggerRef.current : inputRef.current;
    if (!node || !node.isConnected) return;
    focusRef.current = null;
    node.focus();
    if (target === "select-input") inputRef.current?.select();
  });

  // --- Validation.
  const trimmed = draft.trim();
  const length = Array.from(trimmed).length;
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  const problem =
    length > maxLength
      ? t("auditLog.rename.tooLong", "A name can have {max} characters at most; this one has {count}.", { max: number(maxLength), count: number(length) })
      : trimmed === "" && !allowClear
        ? t("auditLog.rename.empty", "Enter a name, or press Cancel to keep the current one.")
        : undefined;
  const isEditing = mode !== "idle";
  // Too long shows as you type; empty only once you try to save (opening an unnamed entry is not an error).
  const validationMessage = isEditing && (attempted || length > maxLength) ? problem : undefined;
  const errorMessage =
    mode === "error" && error
      ? t("auditLog.rename.failed", "The name was not saved: {message}", { message: error.message || t("auditLog.rename.unknownError", "unknown error") })
      : undefined;
  const message = validationMessage ?? errorMessage;

  const startEditing = () => {
    if (!canRename || mode !== "idle") return;
    setDraft(name ?? "");
    setError(undefined);
    setAttempted(false);
    setMode("editing");
    focusRef.current = "select-input";
  };

  const close = () => {
    setMode("idle");
    setDraft("");
    setError(undefined);
    setAttempted(false);
    focusRef.current = "trigger";
  };

  const cancel = () => {
    if (mode !== "idle" && mode !== "saving") close();
  };

  const save = () => {
    if (!entry || !entryKey || !canRename || mode === "idle" || savingRef.current === entryKey) return;
    if (problem) {
      setAttempted(true);
      focusRef.current = "input";
      return;
    }
    if (trimmed === (name ?? "")) {
      // Nothing changed: nothing to send.
      close();
      return;
    }
    savingRef.current = entryKey;
    const previousOverride = override;
    const nextName = trimmed === "" ? undefined : trimmed;
    setOverride({ name: nextName, basis: entry.name });
    setMode("saving");
    setError(undefined);
    const stillHere = () => entryKeyRef.current === entryKey;
    renameLog({ id: entry.id, resource: entry.resource }, trimmed).then(
      () => {
        savingRef.current = null;
        if (stillHere()) close();
        callbacksRef.current.onRenamed?.({ ...entry, name: nextName }, trimmed);
      },
      (reason: unknown) => {
        savingRef.current = null;
        const failure = toError(reason);
        if (stillHere()) {
          setOverride(previousOverride);
          setError(failure);
          setMode("error");
          focusRef.current = "input";
        }
        callbacksRef.current.onError?.(failure);
      },
    );
  };

  // --- Props getters.
  const baseId = useId();
  const ids = { name: `${baseId}name`, reason: `${baseId}reason`, input: `${baseId}input`, message: `${baseId}message` };
  const saving = mode === "saving";
  const labels: RenameLogEntryLabels = {
    trigger: name ? t("auditLog.rename.rename", "Rename") : t("auditLog.rename.nameThisVersion", "Name this version"),
    input: t("auditLog.rename.inputLabel", "Version name"),
    save: saving ? t("auditLog.rename.saving", "Saving…") : t("auditLog.rename.save", "Save"),
    cancel: t("auditLog.rename.cancel", "Cancel"),
  };
  const setRoot = (node: HTMLElement | null) => {
    rootRef.current = node;
  };
  const setTrigger = (node: HTMLElement | null) => {
    triggerRef.current = node;
  };
  const setInput = (node: HTMLInputElement | null) => {
    inputRef.current = node;
  };

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter") {
      // Never submit a form the entry happens to sit in.
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      // Escape closes this input, not the dialog or popover around it.
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };

  return {
    entry,
    name,
    state: mode,
    isEditing,
    draft,
    error: mode === "error" ? error : undefined,
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
    getRootProps: (props) =>
      mergeProps(
        {
          "data-scope": RENAME_LOG_ENTRY_SCOPE,
          "data-state": mode,
          "data-named": flag(!!name),
          "data-invalid": flag(!!validationMessage),
          ref: setRoot,
        },
        props,
      ),
    getNameProps: (props) => mergeProps({ "data-part": parts.name, id: ids.name }, props),
    getTriggerProps: (props) =>
      mergeProps(
        {
          type: "button",
          "data-part": parts.trigger,
          disabled: !canRename,
          "data-disabled": flag(!canRename),
          title: reason,
          "aria-label": name ? t("auditLog.rename.renameNamed", "Rename “{name}”", { name }) : undefined,
          "aria-describedby": reason ? ids.reason : undefined,
          onClick: startEditing,
          ref: setTrigger,
        },
        props,
      ),
    getReasonProps: (props) => mergeProps({ "data-part": parts.reason, id: ids.reason, hidden: true }, props),
    getInputProps: (props) =>
      mergeProps(
        {
          "data-part": parts.input,
          id: ids.input,
          type: "text",
          value: draft,
          autoComplete: "off",
          "aria-label": labels.input,
          "aria-invalid": message ? true : undefined,
          "aria-describedby": message ? ids.message : undefined,
          "data-invalid": flag(!!validationMessage),
          readOnly: saving,
          onChange: (event: ChangeEvent<HTMLInputElement>) => setDraft(event.target.value),
          onKeyDown: onInputKeyDown,
          ref: setInput as Ref<HTMLInputElement>,
        },
        props,
      ),
    getSaveProps: (props) =>
      mergeProps(
        { type: "button", "data-part": parts.save, disabled: saving, "data-disabled": flag(saving), "aria-busy": saving || undefined, onClick: save },
        props,
      ),
    getCancelProps: (props) =>
      mergeProps({ type: "button", "data-part": parts.cancel, disabled: saving, "data-disabled": flag(saving), onClick: cancel }, props),
    getMessageProps: (props) => mergeProps({ "data-part": parts.message, id: ids.message, role: "alert" }, props),
  };
}
