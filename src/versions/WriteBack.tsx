import { useEffect, useId, useRef, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from "react";
import type { AuditLogEntry } from "../core/normalizeLog";
import type { FieldChange, Path } from "../core/types";
import type { AuditTranslate } from "../core/translate";
import { toIntlLocale } from "../core/intl";
import { plural } from "../core/plural";
import { createItemAt } from "../core/pipeline";
import { RecordDiff } from "../record-diff/RecordDiff";
import { useAuditTranslate } from "../refine/useAuditTranslate";
import { useEntryAccess, type UseCanRenameResult } from "../refine/useCanRename";
import { useHasQueryClient } from "../refine/useHasQueryClient";
import { mergeProps } from "../shared/mergeProps";
import { defineOptionKeys, splitProps } from "../shared/splitProps";
import { writeBackAnatomy as anatomy, writeBackParts as parts } from "./parts";
import { useRestoreVersion, useRevertChange, type UseRestoreResult, type WriteBackBaseOptions } from "./useRestoreVersion";
import type { WriteBackUnavailableReason } from "./useWriteBack";

/** Props shared by {@link RestoreVersion} and {@link RevertChange}. */
export interface WriteBackProps extends WriteBackOptions, Omit<HTMLAttributes<HTMLDivElement>, "children" | keyof WriteBackOptions> {
  /** The trigger's text. Default "Restore this version" / "Revert". */
  label?: string;
  /** The trigger's accessible name, when the text alone is ambiguous ("Revert Price"). */
  triggerLabel?: string;
  /** The level of the confirmation's heading. Default 4. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Opens the confirmation at once (a caller that has its own trigger). */
  defaultOpen?: boolean;
  /** Called when the confirmation closes (cancelled or written). */
  onClose?: () => void;
}

/** Props of {@link RevertChange}. */
export interface RevertChangeProps extends WriteBackProps {
  /** The change's key (`FieldChange.key`, e.g. `row.change.key` of a RecordDiff row). */
  changeKey: string;
  /** The change's kind (`row.change.kind`), when two changes share a key. */
  changeKind?: FieldChange["kind"];
  /** The change's exact path (`row.change.path`), when a key holds a dot. */
  changePath?: Path;
  /** The field in words ("Price"), for the heading. */
  fieldLabel?: string;
}

const reasonText = (reason: WriteBackUnavailableReason, t: AuditTranslate): string => {
  switch (reason) {
    case "record-missing":
      return t("auditLog.writeBack.reason.recordMissing", "The record no longer exists, so it cannot be restored here.");
    case "too-large":
      return t("auditLog.writeBack.reason.tooLarge", "This record is too large to compare safely, so nothing will be written.");
    case "nothing-to-write":
      return t("auditLog.writeBack.reason.nothingToWrite", "Nothing to write: the record already holds these values, or every difference is left out (see below).");
    case "no-current":
      return t("auditLog.writeBack.reason.noCurrent", "The record as it is now cannot be read (the data provider has no getOne), so nothing can be written safely.");
    case "not-recorded":
      return t("auditLog.writeBack.reason.notRecorded", "The earlier value was not recorded in the log, so it cannot be written back.");
    case "redacted":
      return t("auditLog.writeBack.reason.redacted", "This field is hidden, so it cannot be written back from here.");
    case "not-an-update":
      return t("auditLog.writeBack.reason.notAnUpdate", "This entry created or deleted the record: restore a version instead.");
    case "changed-since":
      return t("auditLog.writeBack.reason.changedSince", "The list this change is in has changed since, so the change cannot be undone on its own: restore a version instead.");
    case "not-found":
      return t("auditLog.writeBack.reason.notFound", "This change is no longer in the entry.");
    default:
      return t("auditLog.writeBack.reason.unsupported", "This change cannot be undone on its own: restore a version instead.");
  }
};

/**
 * Restores a version of a record: a "Restore this version" button that opens a
 * confirmation showing exactly what will be written (current value → value to write),
 * the fields left as they are and why, then re-reads the record before writing (if it
 * changed, the new diff is shown to confirm again) and writes through Refine's
 * `useUpdate` with `meta.restoredFrom`. A failed write keeps the confirmation open with
 * the provider's message. Access: `useCan({ resource, action: "restore", params: { id, log } })`
 * (disabled with the reason, or absent with `hideIfUnauthorized`).
 *
 * Markup: see `writeBackParts` (`data-scope="write-back"`, `data-action="restore"`).
 *
 * @example
 * <RestoreVersion resource="products" id={7} entry={entry} />
 */
export function RestoreVersion(props: WriteBackProps) {
  return <WriteBack {...props} action="restore" />;
}

/**
 * Reverts one change of an entry: writes just that field back, with the same
 * confirmation, stale guard and access control as {@link RestoreVersion}
 * (`action: "revert"`).
 *
 * @example
 * <RevertChange resource="products" id={7} entry={entry} changeKey="price" fieldLabel="Price" />
 */
export function RevertChange(props: RevertChangeProps) {
  return <WriteBack {...props} action="revert" />;
}

interface InternalProps extends WriteBackProps {
  action: "restore" | "revert";
  changeKey?: string;
  changeKind?: FieldChange["kind"];
  changePath?: Path;
  fieldLabel?: string;
}

/** The options of a restore or revert (the hook's), declared once: `splitProps` keeps them off the DOM. */
export interface WriteBackOptions extends WriteBackBaseOptions {
  /** The entry: its version is restored, or its change reverted. */
  entry: AuditLogEntry | undefined;
}

/** The keys of {@link WriteBackOptions}. */
export const writeBackOptionKeys = defineOptionKeys<WriteBackOptions>()([
  "resource",
  "id",
  "entry",
  "fields",
  "ignore",
  "budget",
  "idField",
  "locale",
  "timeZone",
  "meta",
  "accessControl",
  "onSuccess",
]);

// Outside <Refine> (no QueryClient: Refine's `useCan` would throw) nothing can be written: the trigger shows, disabled.
const NO_CLIENT_ACCESS: UseCanRenameResult = { access: "checking", reason: undefined, isError: false, hideIfUnauthorized: false };

function WriteBack(props: InternalProps) {
  return useHasQueryClient() ? <WriteBackWithAccess {...props} /> : <WriteBackBody {...props} access={NO_CLIENT_ACCESS} hasClient={false} />;
}

function WriteBackWithAccess(props: InternalProps) {
  const access = useEntryAccess({ entry: props.entry, action: props.action, recordId: props.id, resource: props.resource, enabled: !!props.entry, accessControl: props.accessControl });
  return <WriteBackBody {...props} access={access} hasClient />;
}

function WriteBackBody({ access, hasClient, ...props }: InternalProps & { access: UseCanRenameResult; hasClient: boolean }) {
  const [, own] = splitProps(props, writeBackOptionKeys);
  const { action, label, triggerLabel, headingLevel = 4, defaultOpen = false, onClose, changeKey, changeKind, changePath, fieldLabel, ...rootProps } = own;
  const { t } = useAuditTranslate(props.locale);
  const [isOpen, setOpen] = useState(defaultOpen);
  const [announcement, setAnnouncement] = useState("");
  const triggerRef = useRef<HTMLButtonElement>(null);
  const close = (message = "") => {
    setOpen(false);
    setAnnouncement(message);
    onClose?.();
    // Back to where the user was.
    requestAnimationFrame(() => triggerRef.current?.focus());
  };
  const isDenied = access.access === "denied";
  const text = label ?? (action === "restore" ? t("auditLog.writeBack.restore", "Restore this version") : t("auditLog.writeBack.revert", "Revert"));
  const reasonId = useId();
  const reason = isDenied ? access.reason || t("auditLog.writeBack.denied", "You are not allowed to do this.") : undefined;
  const status = isOpen ? "open" : "idle";
  return (
    <div {...mergeProps({ ...anatomy.attrs(parts.root), "data-state": status, "data-action": action }, rootProps)}>
      {/* With hideIfUnauthorized, not shown until allowed (no flash while the check runs). */}
      {!(access.hideIfUnauthorized && access.access !== "allowed") && !(defaultOpen && isOpen) && (
        <button
          {...anatomy.attrs(parts.trigger)}
          ref={triggerRef}
          type="button"
          aria-label={triggerLabel}
          aria-expanded={isOpen}
          aria-disabled={isDenied || access.access === "checking" || !hasClient || !props.entry ? true : undefined}
          aria-describedby={reason ? reasonId : undefined}
          title={reason}
          onClick={() => {
            if (isDenied || access.access === "checking" || !hasClient || !props.entry) return;
            // Opens only: the confirmation closes through its own buttons (never mid-write).
            setAnnouncement("");
            setOpen(true);
          }}
        >
          {text}
        </button>
      )}
      {reason && !access.hideIfUnauthorized && (
        <span {...anatomy.attrs(parts.reason)} id={reasonId} hidden>
          {reason}
        </span>
      )}
      {isOpen && hasClient && props.entry && (
        <Confirmation {...props} action={action} changeKey={changeKey} changeKind={changeKind} changePath={changePath} fieldLabel={fieldLabel} headingLevel={headingLevel} onDone={close} entry={props.entry} />
      )}
      <p {...anatomy.attrs(parts.status)} role="status">
        {announcement}
      </p>
    </div>
  );
}

interface ConfirmationProps extends InternalProps {
  entry: AuditLogEntry;
  onDone: (message?: string) => void;
}

function Confirmation(props: ConfirmationProps) {
  if (props.action === "revert") return <RevertConfirmation {...props} />;
  return <RestoreConfirmation {...props} />;
}

const writeBackOptionsOf = (props: ConfirmationProps, onSuccess: () => void) => ({
  resource: props.resource,
  id: props.id,
  entry: props.entry,
  fields: props.fields,
  ignore: props.ignore,
  budget: props.budget,
  idField: props.idField,
  locale: props.locale,
  timeZone: props.timeZone,
  meta: props.meta,
  accessControl: props.accessControl,
  onSuccess: () => {
    props.onSuccess?.();
    onSuccess();
  },
});

function RestoreConfirmation(props: ConfirmationProps) {
  const { t } = useAuditTranslate(props.locale);
  const result = useRestoreVersion(writeBackOptionsOf(props, () => props.onDone(t("auditLog.writeBack.restored", "Version restored."))));
  const version = result.versions.getVersion(props.entry.id);
  const heading = version ? t("auditLog.writeBack.restoreHeading", "Restore {version}?", { version: version.phrase }) : t("auditLog.writeBack.restoreHeadingPlain", "Restore this version?");
  return <ConfirmationPanel {...props} result={result} heading={heading} t={t} confirmText={t("auditLog.writeBack.confirmRestore", "Restore")} busyText={t("auditLog.writeBack.restoring", "Restoring…")} />;
}

function RevertConfirmation(props: ConfirmationProps) {
  const { t } = useAuditTranslate(props.locale);
  const result = useRevertChange({ ...writeBackOptionsOf(props, () => props.onDone(t("auditLog.writeBack.reverted", "Change reverted."))), changeKey: props.changeKey ?? "", changeKind: props.changeKind, changePath: props.changePath });
  const field = props.fieldLabel ?? props.changeKey ?? "";
  const heading = t("auditLog.writeBack.revertHeading", "Revert {field}?", { field });
  return <ConfirmationPanel {...props} result={result} heading={heading} t={t} confirmText={t("auditLog.writeBack.confirmRevert", "Revert")} busyText={t("auditLog.writeBack.reverting", "Reverting…")} />;
}

interface PanelProps extends ConfirmationProps {
  result: UseRestoreResult;
  heading: string;
  t: AuditTranslate;
  confirmText: string;
  busyText: string;
}

/** The confirmation: what will be written, what is left out, and why; confirm or cancel. */
function ConfirmationPanel({ result, heading, t, confirmText, busyText, headingLevel = 4, onDone, fields, locale, timeZone }: PanelProps) {
  const { status, plan, reason, error, versions } = result;
  const headingId = useId();
  const descriptionId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = `h${headingLevel}` as const;
  const { open } = result;
  const canOpen = versions.state !== "loading" && versions.current.state !== "loading" && result.access.access === "allowed";
  const isDenied = result.access.access === "denied";
  const opened = useRef(false);
  useEffect(() => {
    // Plans once the log and the record are read.
    if (!opened.current && canOpen) {
      opened.current = true;
      open();
    }
  }, [canOpen, open]);
  // An unmount ends the write-back's session (StrictMode's rehearsal too): a mount again plans again.
  useEffect(
    () => () => {
      opened.current = false;
    },
    [],
  );
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  // A stale plan, an error or "nothing to write" is announced: move focus to it only if it was on a button that is gone.
  const isBusy = !isDenied && (status === "loading" || status === "checking" || status === "writing" || status === "idle");
  const canConfirm = !!plan && !reason && (status === "confirming" || status === "stale" || status === "error");
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape" && status !== "writing") {
      event.stopPropagation();
      onDone();
    }
  };
  const intlLocale = toIntlLocale(versions.locale);
  const leftOut = plan?.leftOut ?? [];
  let message: ReactNode = null;
  if (status === "error") {
    const text = error?.message;
    message = text
      ? t("auditLog.writeBack.errorWithMessage", "Nothing was written: {message}", { message: text })
      : t("auditLog.writeBack.error", "Nothing was written: the data provider reported an error.");
  } else if (status === "unavailable" && reason) message = reasonText(reason, t);
  else if (isDenied) message = result.access.reason || t("auditLog.writeBack.denied", "You are not allowed to do this.");
  else if (versions.state === "error") message = t("auditLog.writeBack.logError", "The history could not be read, so nothing can be restored.");

  return (
    <div
      {...anatomy.attrs(parts.panel)}
      role="dialog"
      aria-labelledby={headingId}
      aria-describedby={descriptionId}
      aria-busy={isBusy || undefined}
      data-state={status}
      onKeyDown={onKeyDown}
    >
      <Heading {...anatomy.attrs(parts.heading)} id={headingId} ref={headingRef} tabIndex={-1}>
        {heading}
      </Heading>
      <p {...anatomy.attrs(parts.description)} id={descriptionId}>
        {isDenied
          ? ""
          : status === "loading" || status === "idle"
          ? t("auditLog.writeBack.loading", "Reading the record as it is now…")
          : status === "checking"
            ? t("auditLog.writeBack.checking", "Checking that the record has not changed…")
            : status === "writing"
              ? busyText
              : plan && !plan.isEmpty
                ? t("auditLog.writeBack.description", "These changes will be written (current value → value to write). Nothing else changes.")
                : ""}
      </p>
      {status === "stale" && (
        <p {...anatomy.attrs(parts.stale)} role="alert">
          {t("auditLog.writeBack.stale", "The record changed since this was shown. Here is what would be written now: check it and confirm again.")}
        </p>
      )}
      {plan && !plan.isEmpty && (
        <div {...anatomy.attrs(parts.diff)}>
          <RecordDiff changes={plan.preview.changes} overflow={plan.preview.overflow} readItem={plan.preview.readItem} fields={fields} locale={locale} timeZone={timeZone} />
        </div>
      )}
      {(leftOut.length > 0 || (plan?.hiddenCount ?? 0) > 0) && (
        <div {...anatomy.attrs(parts.leftOut)}>
          <p>{t("auditLog.writeBack.leftOut", "Left as they are:")}</p>
          <ul>
            {leftOut.map((field) => (
              <li key={field.key}>
                {versions.fields.getLabel(field.path, field.key, { itemAt: createItemAt(plan?.preview.readItem, { kind: "changed", path: field.path }), t, locale: intlLocale })}:{" "}
                {field.reason === "not-recorded"
                  ? t("auditLog.writeBack.leftOut.notRecorded", "its value in that version was not recorded")
                  : field.reason === "redacted"
                    ? t("auditLog.writeBack.leftOut.redacted", "hidden, so it is not written")
                    : t("auditLog.writeBack.leftOut.incomparable", "could not be compared")}
              </li>
            ))}
            {(plan?.hiddenCount ?? 0) > 0 && (
              <li>
                {plural(t, intlLocale, "auditLog.writeBack.leftOut.hidden", plan!.hiddenCount, "{count} hidden field", "{count} hidden fields")}
              </li>
            )}
          </ul>
        </div>
      )}
      {message && (
        <p {...anatomy.attrs(parts.message)} role="alert">
          {message}
        </p>
      )}
      {canConfirm || status === "checking" || status === "writing" ? (
        <button
          {...anatomy.attrs(parts.confirm)}
          type="button"
          aria-disabled={!canConfirm || undefined}
          onClick={() => {
            if (canConfirm) void result.confirm();
          }}
        >
          {status === "writing" ? busyText : status === "error" ? t("auditLog.writeBack.tryAgain", "Try again") : confirmText}
        </button>
      ) : null}{" "}
      <button {...anatomy.attrs(parts.cancel)} type="button" onClick={() => status !== "writing" && onDone()} aria-disabled={status === "writing" || undefined}>
        {canConfirm || isBusy ? t("auditLog.writeBack.cancel", "Cancel") : t("auditLog.writeBack.close", "Close")}
      </button>
    </div>
  );
}
