import { useCallback, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { getActionKind } from "../core/history";
import type { AuditId, AuditLogEntry } from "../core/normalizeLog";
import type { RecordDiffRow } from "../record-diff/useRecordDiff";
import type { UseRenameLogEntryResult } from "../rename-log-entry/useRenameLogEntry";
import { FieldHistoryToggle, toFieldPath } from "../field-history/FieldHistoryToggle";
import { useDataProviderMethods } from "../refine/useDataProviderMethods";
import { CompareVersions } from "../versions/CompareVersions";
import type { UseRecordVersionsOptions } from "../versions/useRecordVersions";
import { RestoreVersion, RevertChange } from "../versions/WriteBack";
import type { AuditTimelineEntryGetters, AuditTimelineItem } from "./auditTimeline.types";
import { auditTimelineParts as parts } from "./parts";

/** What the timeline hands to its entry and row actions: the record and the policy every view reads with. */
export interface AuditTimelineActionContext extends Pick<UseRecordVersionsOptions, "fields" | "ignore" | "budget" | "idField" | "locale" | "timeZone"> {
  resource: string;
  /** The record the timeline shows (`id`), else the entry's only record; `undefined` for a bulk entry seen from the resource. */
  recordId: AuditId | undefined;
  /** The timeline's clock (its `now` option), for the relative times of what the actions open. */
  now?: Date;
}

/** Props of `renderActions`. */
export interface AuditTimelineEntryActionsProps {
  /** The entry. */
  log: AuditLogEntry;
  item: AuditTimelineItem;
  /** The timeline's entry getters (`getEntryUrl`, `getPartProps`, `t`). */
  timeline: AuditTimelineEntryGetters;
  context: AuditTimelineActionContext;
  /**
   * The entry's rename, shared with its header (with the default `renderRename`): the
   * actions offer "Name this version", and the header shows the input. `undefined` when
   * the rename slot is yours (or left out).
   */
  rename?: UseRenameLogEntryResult;
}

/** Props of `renderRowActions`: one row of an open entry's diff. */
export interface AuditTimelineRowActionsProps extends AuditTimelineEntryActionsProps {
  row: RecordDiffRow;
}

/** What the actions read with: the timeline's policy, locale and time zone. */
const policyOf = ({ fields, ignore, budget, idField, locale, timeZone }: AuditTimelineActionContext) => ({ fields, ignore, budget, idField, locale, timeZone });

/** The record an entry's actions write to: the timeline's, else the entry's only one. */
export const actionRecordId = (item: AuditTimelineItem): AuditId | undefined => item.recordId ?? (item.entry.recordIds.length === 1 ? item.entry.recordIds[0] : undefined);

/** "Copy link": the entry's URL to the clipboard, or shown to copy by hand when the clipboard refuses. */
function CopyLink({ item, timeline }: Pick<AuditTimelineEntryActionsProps, "item" | "timeline">) {
  const { t } = timeline;
  const [status, setStatus] = useState<{ kind: "copied" } | { kind: "manual"; url: string } | null>(null);
  const url = timeline.getEntryUrl(item);
  const copy = useCallback(() => {
    if (!url) return;
    const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clipboard?.writeText) {
      setStatus({ kind: "manual", url });
      return;
    }
    clipboard.writeText(url).then(
      () => setStatus({ kind: "copied" }),
      () => setStatus({ kind: "manual", url }),
    );
  }, [url]);
  if (!url) return null;
  return (
    <>
      <button {...timeline.getPartProps(parts.copyLink)} type="button" onClick={copy}>
        {t("auditLog.timeline.copyLink", "Copy link")}
      </button>
      <span {...timeline.getPartProps(parts.copyStatus)} role="status">
        {status?.kind === "copied" && t("auditLog.timeline.linkCopied", "Link copied")}
        {status?.kind === "manual" && (
          <>
            {t("auditLog.timeline.copyManually", "Copy this link:")}{" "}
            <input readOnly value={status.url} aria-label={t("auditLog.timeline.linkLabel", "Link to this entry")} onFocus={(event) => event.currentTarget.select()} />
          </>
        )}
      </span>
    </>
  );
}

/**
 * An entry's default actions, behind one quiet "Actions" button (a disclosure, so a long
 * history renders one button per entry and no access checks until it is opened):
 * "Name this version" (or "Rename"; the input opens in the entry's header), "Compare with
 * another version" (opens `<CompareVersions>` from this version to the current record),
 * "Restore this version" (`<RestoreVersion>`, when the data provider can `update`) and
 * "Copy link". Compare and restore need a record (a record's history, or an entry of one
 * record) and an entry that leaves a version (not a delete). Escape closes the actions and
 * returns focus to their button.
 */
export function AuditEntryActions({ log, item, timeline, context, rename }: AuditTimelineEntryActionsProps) {
  const { t } = timeline;
  const [isOpen, setOpen] = useState(false);
  // Once opened, the actions stay mounted (hidden when closed): a restore on its way is never unmounted.
  const [wasOpened, setWasOpened] = useState(false);
  const [isComparing, setComparing] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const compareId = useId();
  const methods = useDataProviderMethods();
  const recordId = context.recordId;
  const hasVersion = recordId !== undefined && getActionKind(log.action) !== "delete";
  const policy = policyOf(context);
  const summaryId = timeline.getSummaryProps(item).id as string | undefined;
  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    // An inner control that handles Escape itself (a confirmation, an input) prevents it.
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    setOpen(false);
    toggleRef.current?.focus();
  };
  return (
    <>
      <button
        {...timeline.getPartProps(parts.actionsToggle)}
        ref={toggleRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={menuId}
        aria-describedby={summaryId}
        onClick={() => {
          setWasOpened(true);
          setOpen((open) => !open);
        }}
      >
        {t("auditLog.timeline.actions", "Actions")}
      </button>
      <div {...timeline.getPartProps(parts.actionsMenu)} id={menuId} hidden={!isOpen} onKeyDown={closeOnEscape}>
        {wasOpened && (
          <>
            {rename?.isTriggerVisible && !rename.isEditing && (
              <>
                <button {...rename.getTriggerProps(timeline.getPartProps(parts.renameAction, { onClick: () => setOpen(false) }))}>{rename.labels.trigger}</button>
                {rename.reason && <span {...rename.getReasonProps()}>{rename.reason}</span>}{" "}
              </>
            )}
            {hasVersion && (
              <button
                {...timeline.getPartProps(parts.compareToggle)}
                type="button"
                aria-expanded={isComparing}
                aria-controls={compareId}
                onClick={() => setComparing((open) => !open)}
              >
                {t("auditLog.timeline.compare", "Compare with another version")}
              </button>
            )}{" "}
            {hasVersion && methods.update && <RestoreVersion resource={context.resource} id={recordId} entry={log} {...policy} />}{" "}
            <CopyLink item={item} timeline={timeline} />
          </>
        )}
      </div>
      <div {...timeline.getPartProps(parts.compare)} id={compareId} hidden={!isComparing}>
        {isComparing && hasVersion && <CompareVersions resource={context.resource} id={recordId} defaultFrom={log.id} readCurrent={methods.getOne} {...policy} />}
      </div>
    </>
  );
}

/** Whether a diff row's change can be reverted on its own (the rest is checked when planning). */
const canRevert = (row: RecordDiffRow, log: AuditLogEntry) => {
  const kind = getActionKind(log.action);
  if (kind === "create" || kind === "delete") return false;
  const change = row.change;
  return !row.isRedacted && !row.isBeforeUnknown && (change.kind === "changed" || change.kind === "added" || change.kind === "removed");
};

/**
 * A diff row's default actions in the timeline: "Revert" (`<RevertChange>`) and "History"
 * (the field's own `<FieldHistory>`), for a record's history.
 */
export function AuditRowActions({ log, row, timeline, context }: AuditTimelineRowActionsProps): ReactNode {
  const { t } = timeline;
  const methods = useDataProviderMethods();
  const recordId = context.recordId;
  if (recordId === undefined || row.change.kind === "unchanged") return null;
  const field = toFieldPath(row.change.path);
  const policy = policyOf(context);
  return (
    <>
      {canRevert(row, log) && methods.update && (
        <RevertChange
          resource={context.resource}
          id={recordId}
          entry={log}
          changeKey={row.change.key}
          changeKind={row.change.kind}
          changePath={row.change.path}
          fieldLabel={row.label}
          triggerLabel={t("auditLog.timeline.revertField", "Revert {field}", { field: row.label })}
          {...policy}
        />
      )}
      {field !== undefined && (
        <>
          {" "}
          <FieldHistoryToggle
            resource={context.resource}
            id={recordId}
            field={field}
            label={row.label}
            now={context.now}
            {...policy}
            toggleProps={timeline.getPartProps(parts.fieldHistoryToggle)}
            regionProps={timeline.getPartProps(parts.fieldHistory)}
          />
        </>
      )}
    </>
  );
}
