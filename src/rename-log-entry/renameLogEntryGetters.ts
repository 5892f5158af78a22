import type { ButtonHTMLAttributes, ChangeEvent, HTMLAttributes, InputHTMLAttributes, KeyboardEvent, Ref } from "react";
import type { DataAttributes } from "../shared/dataAttributes";
import { mergeProps } from "../shared/mergeProps";
import { renameLogEntryAnatomy as anatomy, type RenameLogEntryState } from "./parts";

/**
 * The props a getter of `useRenameLogEntry` takes and returns: the element's attributes
 * (`A`), `data-*` attributes and a ref. Pass your own props to the getter rather than
 * spreading them beside it: they are merged in (yours last, `className` and `style`
 * merged, handlers composed, refs and `aria-describedby` joined).
 */
export type RenameLogEntryPartProps<E extends HTMLElement = HTMLElement, A = HTMLAttributes<E>> = A & DataAttributes & { ref?: Ref<E> };

/** Props of a `<button>` part (trigger, save, cancel). */
export type RenameLogEntryButtonProps = RenameLogEntryPartProps<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement>>;

/** Props of the `<input>` part. */
export type RenameLogEntryInputProps = RenameLogEntryPartProps<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>;

/**
 * The props getters of `useRenameLogEntry`, one per part of {@link renameLogEntryAnatomy}.
 * Each sets the part's `data-scope="rename-log-entry"` and `data-part`.
 */
export interface RenameLogEntryGetters {
  /** Root: `data-part="root"`, `data-state`, `data-named` (has a name), `data-invalid`. */
  getRootProps: <E extends HTMLElement = HTMLElement>(props?: RenameLogEntryPartProps<E>) => RenameLogEntryPartProps<E>;
  /** The name's text element: `data-part="name"`. */
  getNameProps: <E extends HTMLElement = HTMLElement>(props?: RenameLogEntryPartProps<E>) => RenameLogEntryPartProps<E>;
  /** A `<button>`: `data-part="trigger"`, `disabled` + `data-disabled` + `title` (the reason) + `aria-describedby` (the reason part) when not allowed. */
  getTriggerProps: (props?: RenameLogEntryButtonProps) => RenameLogEntryButtonProps;
  /** The hidden reason text (`data-part="reason"`, `hidden`); render it whenever `reason` is set. */
  getReasonProps: <E extends HTMLElement = HTMLElement>(props?: RenameLogEntryPartProps<E>) => RenameLogEntryPartProps<E>;
  /** An `<input>`: `data-part="input"`, labelled, controlled; Enter saves, Escape cancels; `aria-invalid` + `aria-describedby` while there is a message; read-only while saving. */
  getInputProps: (props?: RenameLogEntryInputProps) => RenameLogEntryInputProps;
  /** A `<button>`: `data-part="save"`, disabled (`data-disabled`) while saving, `aria-busy` while saving. */
  getSaveProps: (props?: RenameLogEntryButtonProps) => RenameLogEntryButtonProps;
  /** A `<button>`: `data-part="cancel"`, disabled while saving. */
  getCancelProps: (props?: RenameLogEntryButtonProps) => RenameLogEntryButtonProps;
  /** The message element: `data-part="message"`, `role="alert"`. Render it while editing, even empty, so it is announced when it fills. */
  getMessageProps: <E extends HTMLElement = HTMLElement>(props?: RenameLogEntryPartProps<E>) => RenameLogEntryPartProps<E>;
}

/** What {@link createRenameLogEntryGetters} builds the props from: the hook's state, texts and behaviour. */
export interface RenameLogEntryGettersInput {
  /** `data-state` of the root. */
  state: RenameLogEntryState;
  /** The name shown (sets `data-named`). */
  name: string | undefined;
  /** The input's text. */
  draft: string;
  /** The user may start editing (else the trigger is disabled). */
  canRename: boolean;
  /** Why renaming is not allowed: the trigger's title and description. */
  reason: string | undefined;
  /** The validation message shown, if any (sets `data-invalid`). */
  validationMessage: string | undefined;
  /** What the message part shows (validation or provider error). */
  message: string | undefined;
  /** The trigger's accessible name when the entry has a name ("Rename “Winter prices”"). */
  triggerLabel: string | undefined;
  /** The input's accessible name. */
  inputLabel: string;
  /** A unique prefix for the parts' ids (`useId()`). */
  baseId: string;
  /** Ref setters of the parts the hook moves focus to. */
  setTrigger: (node: HTMLButtonElement | null) => void;
  setInput: (node: HTMLInputElement | null) => void;
  /** Behaviour. */
  startEditing: () => void;
  setDraft: (draft: string) => void;
  save: () => void;
  cancel: () => void;
}

const flag = (on: boolean) => (on ? "" : undefined);

/**
 * Builds the props getters of `useRenameLogEntry` from its state and behaviour: markup
 * and ARIA only, no state of its own (so a custom UI and `<RenameLogEntry>` share one
 * contract).
 */
export function createRenameLogEntryGetters(input: RenameLogEntryGettersInput): RenameLogEntryGetters {
  const { state, name, draft, canRename, reason, validationMessage, message, baseId } = input;
  const ids = { name: `${baseId}name`, reason: `${baseId}reason`, input: `${baseId}input`, message: `${baseId}message` };
  const isSaving = state === "saving";

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter") {
      // Never submit a form the entry happens to sit in.
      event.preventDefault();
      input.save();
    } else if (event.key === "Escape") {
      // Escape closes this input, not the dialog or popover around it.
      event.preventDefault();
      event.stopPropagation();
      input.cancel();
    }
  };

  return {
    getRootProps: (props) =>
      mergeProps({ ...anatomy.attrs("root"), "data-state": state, "data-named": flag(!!name), "data-invalid": flag(!!validationMessage) }, props),
    getNameProps: (props) => mergeProps({ ...anatomy.attrs("name"), id: ids.name }, props),
    getTriggerProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs("trigger"),
          type: "button",
          disabled: !canRename,
          "data-disabled": flag(!canRename),
          title: reason,
          "aria-label": input.triggerLabel,
          "aria-describedby": reason ? ids.reason : undefined,
          onClick: input.startEditing,
          ref: input.setTrigger,
        },
        props,
      ),
    getReasonProps: (props) => mergeProps({ ...anatomy.attrs("reason"), id: ids.reason, hidden: true }, props),
    getInputProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs("input"),
          id: ids.input,
          type: "text",
          value: draft,
          autoComplete: "off",
          "aria-label": input.inputLabel,
          "aria-invalid": message ? true : undefined,
          "aria-describedby": message ? ids.message : undefined,
          "data-invalid": flag(!!validationMessage),
          readOnly: isSaving,
          onChange: (event: ChangeEvent<HTMLInputElement>) => input.setDraft(event.target.value),
          onKeyDown: onInputKeyDown,
          ref: input.setInput,
        },
        props,
      ),
    getSaveProps: (props) =>
      mergeProps(
        { ...anatomy.attrs("save"), type: "button", disabled: isSaving, "data-disabled": flag(isSaving), "aria-busy": isSaving || undefined, onClick: input.save },
        props,
      ),
    getCancelProps: (props) =>
      mergeProps({ ...anatomy.attrs("cancel"), type: "button", disabled: isSaving, "data-disabled": flag(isSaving), onClick: input.cancel }, props),
    getMessageProps: (props) => mergeProps({ ...anatomy.attrs("message"), id: ids.message, role: "alert" }, props),
  };
}
