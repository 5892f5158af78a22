import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { useHasQueryClient } from "../refine/useHasQueryClient";
import { toAuditLogEntry } from "../shared/isAuditLogEntry";
import { mergeProps } from "../shared/mergeProps";
import { splitProps } from "../shared/splitProps";
import { renameLogEntryAnatomy, renameLogEntryParts } from "./parts";
import { renameLogEntryOptionKeys, useRenameLogEntry, type UseRenameLogEntryOptions, type UseRenameLogEntryResult, type RenameLogEntryPartProps } from "./useRenameLogEntry";

/**
 * Props of {@link RenameLogEntry}: the options of {@link useRenameLogEntry}, plus any
 * `<span>` props for the root (spread last; `className` and `style` merged, handlers composed).
 */
export interface RenameLogEntryProps extends UseRenameLogEntryOptions, Omit<ComponentPropsWithoutRef<"span">, "children" | "onError"> {}

/**
 * Lets a user name a log entry ("Spring price list"), as Google Docs names versions.
 * Shows the name, or a "Name this version" button when there is none; activating it
 * opens a labelled input with the current name selected. Enter or Save saves (trimmed,
 * validated, sent once through Refine's `useLog().rename`, i.e. the provider's
 * `update({ id, name })`); Escape or Cancel restores the old name; focus returns to the
 * button. The new name shows at once in every cached list of the resource and is rolled
 * back, with the error shown and the typed text kept, if the provider fails.
 *
 * Read-only (the name as text, no button) with `readOnly`, for a row that cannot be
 * read, and under `<AuditTrailProvider canRename={false}>` (say so when the
 * `auditLogProvider` has no `update`: Refine cannot tell the kit). When `useCan({
 * resource, action: "rename", params: { id, log } })` denies, the button is disabled with
 * the reason as its title and description, or absent when the access control provider
 * sets `options.buttons.hideIfUnauthorized`.
 *
 * Markup (unstyled; see `renameLogEntryAnatomy`): every element carries
 * `data-scope="rename-log-entry"` and a `data-part`: a `<span data-part="root"
 * data-state="idle|editing|saving|error">` (`data-named`, `data-invalid` when set)
 * holding `name`, `trigger`, `reason` (idle) or `input`, `save`, `cancel`, `message`
 * (otherwise). For another layout, use {@link useRenameLogEntry}.
 *
 * @example
 * <RenameLogEntry log={entry} />
 * <RenameLogEntry log={row} maxLength={60} allowClear onRenamed={(entry, name) => toast(`Saved "${name}"`)} />
 */
export const RenameLogEntry = /* @__PURE__ */ forwardRef<HTMLSpanElement, RenameLogEntryProps>(function RenameLogEntry(props, ref) {
  // Outside <Refine> (no QueryClient) Refine's rename hook throws: the name, as text.
  if (!useHasQueryClient()) return <ReadOnlyName {...props} ref={ref} />;
  return <ConnectedRenameLogEntry {...props} ref={ref} />;
});

/** The name alone, for an entry outside `<Refine>` (nothing there can rename it). */
const ReadOnlyName = /* @__PURE__ */ forwardRef<HTMLSpanElement, RenameLogEntryProps>(function ReadOnlyName(props, ref) {
  const [{ log }, rootProps] = splitProps(props, renameLogEntryOptionKeys);
  const result = toAuditLogEntry(log);
  const name = result.ok ? result.entry.name : undefined;
  return (
    <span {...mergeProps({ ...renameLogEntryAnatomy.attrs(renameLogEntryParts.root), "data-state": "idle", "data-named": name ? "" : undefined }, { ...rootProps, ref })}>
      {name !== undefined && <span {...renameLogEntryAnatomy.attrs(renameLogEntryParts.name)}>{name}</span>}
    </span>
  );
});

const ConnectedRenameLogEntry = /* @__PURE__ */ forwardRef<HTMLSpanElement, RenameLogEntryProps>(function ConnectedRenameLogEntry(props, ref) {
  const [options, rootProps] = splitProps(props, renameLogEntryOptionKeys);
  const rename = useRenameLogEntry(options);
  return <RenameLogEntryView rename={rename} rootProps={{ ...rootProps, ref }} />;
});

/** Props of {@link RenameLogEntryView}. */
export interface RenameLogEntryViewProps {
  /** The controller, from {@link useRenameLogEntry}. */
  rename: UseRenameLogEntryResult;
  /**
   * Render the trigger next to the name. Default `true`. `false` when the trigger lives
   * elsewhere (the timeline puts it in the entry's "Actions" menu and passes
   * `returnFocus`): the view then shows the name, and the input while editing.
   */
  showTrigger?: boolean;
  /** Props for the root `<span>` (merged). */
  rootProps?: RenameLogEntryPartProps<HTMLSpanElement>;
}

/**
 * The markup of {@link RenameLogEntry} for a controller made elsewhere (`useRenameLogEntry`),
 * so that two places share one rename: the timeline's header shows the name and the input,
 * its "Actions" menu the trigger.
 */
export function RenameLogEntryView({ rename, showTrigger = true, rootProps }: RenameLogEntryViewProps) {
  const withTrigger = showTrigger && rename.isTriggerVisible;
  return (
    <span {...rename.getRootProps(rootProps)}>
      {rename.isEditing ? (
        <>
          <input {...rename.getInputProps()} />
          <button {...rename.getSaveProps()}>{rename.labels.save}</button>
          <button {...rename.getCancelProps()}>{rename.labels.cancel}</button>
          <span {...rename.getMessageProps()}>{rename.message}</span>
        </>
      ) : (
        <>
          {rename.name !== undefined && <span {...rename.getNameProps()}>{rename.name}</span>}
          {rename.name !== undefined && withTrigger && " "}
          {withTrigger && <button {...rename.getTriggerProps()}>{rename.labels.trigger}</button>}
          {withTrigger && rename.reason && <span {...rename.getReasonProps()}>{rename.reason}</span>}
        </>
      )}
    </span>
  );
}
