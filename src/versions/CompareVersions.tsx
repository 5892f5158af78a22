import { useCallback, useId, type HTMLAttributes } from "react";
import { FieldHistoryToggle, toFieldPath } from "../field-history/FieldHistoryToggle";
import type { RecordDiffRow } from "../record-diff/useRecordDiff";
import { toIntlLocale } from "../core/intl";
import { plural } from "../core/plural";
import { CURRENT_VERSION, type VersionRef } from "../core/versions";
import { RecordDiff, type RecordDiffProps } from "../record-diff/RecordDiff";
import { UnconfiguredRoot } from "../refine/UnconfiguredRoot";
import { useHasQueryClient } from "../refine/useHasQueryClient";
import { mergeProps } from "../shared/mergeProps";
import { defineOptionKeys, splitProps } from "../shared/splitProps";
import { useControllableState } from "../shared/useControllableState";
import { compareVersionsAnatomy as anatomy, compareVersionsParts as parts } from "./parts";
import { useCompareVersions, type UseCompareVersionsOptions } from "./useCompareVersions";
import type { RecordVersion } from "./useRecordVersions";
import { RestoreVersion } from "./WriteBack";

/** The options of `<CompareVersions>` (the hook's, with the two sides controllable), declared once. */
export interface CompareVersionsOptions extends Omit<UseCompareVersionsOptions, "from" | "to"> {
  /** One side (controlled): an entry's id, or `"current"`. */
  from?: VersionRef;
  /** The first `from` when uncontrolled. */
  defaultFrom?: VersionRef;
  /** Called when the user picks another `from`. */
  onFromChange?: (ref: VersionRef) => void;
  /** The other side (controlled). */
  to?: VersionRef;
  /** The first `to` when uncontrolled. Default `"current"`. */
  defaultTo?: VersionRef;
  /** Called when the user picks another `to`. */
  onToChange?: (ref: VersionRef) => void;
}

/** The keys of {@link CompareVersionsOptions}. */
export const compareVersionsOptionKeys = defineOptionKeys<CompareVersionsOptions>()([
  "resource",
  "id",
  "fields",
  "ignore",
  "budget",
  "idField",
  "locale",
  "timeZone",
  "readCurrent",
  "from",
  "defaultFrom",
  "onFromChange",
  "to",
  "defaultTo",
  "onToChange",
]);

/** Props of {@link CompareVersions}. */
export interface CompareVersionsProps extends CompareVersionsOptions, Omit<HTMLAttributes<HTMLDivElement>, "children" | keyof CompareVersionsOptions> {
  /** Props for the `<RecordDiff>` (`view`, `pageSize`, `renderValue`…); its changes and policy come from here. */
  diffProps?: Omit<RecordDiffProps, "changes" | "overflow" | "readItem" | "previousData" | "data" | "log" | "fields" | "ignore" | "budget">;
  /** Offer "Restore" for each side that is not the current record. Default `true`. */
  allowRestore?: boolean;
}

/**
 * Compares any two versions of a record: two labelled pickers (the current record first,
 * then named versions, then every other version, newest first), the two sides in words
 * ("Version of … by Ada → Current", the older always first), and a `<RecordDiff>` between
 * them. Versions are reconstructed from the log: fields a side never recorded are marked
 * or counted, never guessed; the policy (`fields`) hides and redacts as everywhere. Each
 * side that is not the current record can be restored (`<RestoreVersion>`).
 *
 * Markup: see `compareVersionsParts` (`data-scope="compare-versions"`). For another
 * layout, use {@link useCompareVersions}.
 *
 * @example
 * <CompareVersions resource="products" id={7} defaultFrom={entry.id} />
 */
export function CompareVersions(props: CompareVersionsProps) {
  if (!useHasQueryClient()) {
    const [options, { diffProps: _diff, allowRestore: _restore, ...rootProps }] = splitProps(props, compareVersionsOptionKeys);
    return <UnconfiguredRoot anatomy={anatomy} messageKey="auditLog.versions.unconfigured" rootProps={rootProps} locale={options.locale} />;
  }
  return <ConnectedCompareVersions {...props} />;
}

function VersionOptions({ versions, t }: { versions: readonly RecordVersion[]; t: (key: string, fallback: string) => string }) {
  const current = versions.filter((version) => version.isCurrent);
  const named = versions.filter((version) => version.isNamed);
  const others = versions.filter((version) => !version.isCurrent && !version.isNamed);
  const option = (version: RecordVersion) => (
    <option key={version.key} value={version.key}>
      {version.label}
    </option>
  );
  return (
    <>
      {current.map(option)}
      {named.length > 0 && <optgroup label={t("auditLog.versions.namedGroup", "Named versions")}>{named.map(option)}</optgroup>}
      {others.length > 0 && <optgroup label={t("auditLog.versions.allGroup", "Other versions")}>{others.map(option)}</optgroup>}
    </>
  );
}

function ConnectedCompareVersions(props: CompareVersionsProps) {
  const [options, { diffProps, allowRestore = true, ...rootProps }] = splitProps(props, compareVersionsOptionKeys);
  const { from: fromProp, defaultFrom, onFromChange, to: toProp, defaultTo = CURRENT_VERSION, onToChange, ...hookOptions } = options;
  const [from, setFrom] = useControllableState<VersionRef | undefined>({ value: fromProp, defaultValue: defaultFrom, onChange: onFromChange as ((ref: VersionRef | undefined) => void) | undefined });
  const [to, setTo] = useControllableState<VersionRef>({ value: toProp, defaultValue: defaultTo, onChange: onToChange });
  const compare = useCompareVersions({ ...hookOptions, from, to });
  const { t, compareState, older, newer, comparison, versions } = compare;
  // "History of <field>" on each changed row.
  const { resource, id: recordId, fields, ignore, budget, idField, locale, timeZone } = options;
  const renderRowActions = useCallback(
    (row: RecordDiffRow) => {
      const field = row.change.kind === "unchanged" ? undefined : toFieldPath(row.change.path);
      return field === undefined ? null : (
        <FieldHistoryToggle resource={resource} id={recordId} field={field} label={row.label} fields={fields} ignore={ignore} budget={budget} idField={idField} locale={locale} timeZone={timeZone} />
      );
    },
    [resource, recordId, fields, ignore, budget, idField, locale, timeZone],
  );
  // "Current" alone is nothing to compare: the log holds no version yet.
  const hasHistory = versions.some((version) => !version.isCurrent);
  const fromId = useId();
  const toId = useId();
  const intlLocale = toIntlLocale(compare.locale);
  // The picker's values: an unknown ref (not loaded yet) shows as the first option until it is.
  const pick = (ref: VersionRef | undefined) => compare.resolveVersion(ref)?.key ?? "";
  const findRef = (key: string): VersionRef | undefined => versions.find((version) => version.key === key)?.ref;

  let body = null;
  if (compareState === "loading") {
    body = (
      <p {...anatomy.attrs(parts.status)} role="status">
        {t("auditLog.versions.loading", "Loading versions…")}
      </p>
    );
  } else if (compareState === "error") {
    const message = compare.error?.message;
    body = (
      <div {...anatomy.attrs(parts.error)} role="alert">
        <p>{message ? t("auditLog.versions.errorWithMessage", "The history could not be loaded: {message}", { message }) : t("auditLog.versions.error", "The history could not be loaded.")}</p>
        <button {...anatomy.attrs(parts.retry)} type="button" onClick={compare.retry}>
          {t("auditLog.versions.retry", "Try again")}
        </button>
      </div>
    );
  } else if (!hasHistory) {
    body = <p {...anatomy.attrs(parts.empty)}>{t("auditLog.versions.empty", "No versions recorded yet")}</p>;
  } else if (compareState === "not-found" || !older || !newer || !comparison) {
    body = (
      <p {...anatomy.attrs(parts.note)} role="note">
        {t("auditLog.versions.notFound", "Pick two versions to compare.")}
      </p>
    );
  } else {
    body = (
      <>
        <p {...anatomy.attrs(parts.heading)} aria-live="polite">
          {older.label}
          <span role="img" aria-label={t("auditLog.versions.to", "to")}>
            {" → "}
          </span>
          {newer.label}
        </p>
        <div {...anatomy.attrs(parts.diff)}>
          <RecordDiff
            renderRowActions={renderRowActions}
            {...diffProps}
            changes={comparison.changes}
            overflow={comparison.overflow}
            readItem={comparison.readItem}
            fields={options.fields}
            locale={options.locale}
            timeZone={options.timeZone}
          />
        </div>
        {(comparison.notRecordedCount > 0 || comparison.hiddenCount > 0) && (
          <p {...anatomy.attrs(parts.note)} role="note">
            {comparison.notRecordedCount > 0 &&
              plural(
                t,
                intlLocale,
                "auditLog.versions.notRecorded",
                comparison.notRecordedCount,
                "{count} field was not recorded in the later version, so it is not compared.",
                "{count} fields were not recorded in the later version, so they are not compared.",
              )}
            {comparison.notRecordedCount > 0 && comparison.hiddenCount > 0 && " "}
            {comparison.hiddenCount > 0 && plural(t, intlLocale, "auditLog.versions.hidden", comparison.hiddenCount, "{count} hidden field differs.", "{count} hidden fields differ.")}
          </p>
        )}
        {allowRestore && comparison.changes.some((change) => change.kind !== "unchanged") && (
          <div {...anatomy.attrs(parts.actions)}>
            {[older, newer]
              .filter((version) => !version.isCurrent && version.entry)
              .map((version) => (
                <RestoreVersion
                  key={version.key}
                  resource={options.resource}
                  id={options.id}
                  entry={version.entry}
                  fields={options.fields}
                  ignore={options.ignore}
                  budget={options.budget}
                  idField={options.idField}
                  locale={options.locale}
                  timeZone={options.timeZone}
                  label={t("auditLog.versions.restoreSide", "Restore {version}", { version: version.phrase })}
                />
              ))}
          </div>
        )}
      </>
    );
  }

  const canPick = compareState !== "loading" && compareState !== "error" && hasHistory;
  return (
    <div {...mergeProps({ ...anatomy.attrs(parts.root), "data-state": compareState, "data-swapped": compare.isSwapped ? "" : undefined }, rootProps)} aria-busy={compareState === "loading" || undefined}>
      {canPick && (
        <div {...anatomy.attrs(parts.picker)}>
          <label htmlFor={fromId}>{t("auditLog.versions.fromLabel", "Compare")}</label>{" "}
          <select {...anatomy.attrs(parts.select)} data-side="from" id={fromId} value={pick(from)} onChange={(event) => setFrom(findRef(event.target.value))}>
            {pick(from) === "" && <option value="">{t("auditLog.versions.choose", "Choose a version")}</option>}
            <VersionOptions versions={versions} t={t} />
          </select>{" "}
          <label htmlFor={toId}>{t("auditLog.versions.toLabel", "with")}</label>{" "}
          <select {...anatomy.attrs(parts.select)} data-side="to" id={toId} value={pick(to)} onChange={(event) => setTo(findRef(event.target.value) ?? CURRENT_VERSION)}>
            {pick(to) === "" && <option value="">{t("auditLog.versions.choose", "Choose a version")}</option>}
            <VersionOptions versions={versions} t={t} />
          </select>
        </div>
      )}
      {body}
      {compare.hasOlder && compareState !== "loading" && (
        <p {...anatomy.attrs(parts.note)} role="note">
          {t("auditLog.versions.partial", "Older history is not loaded yet: earlier versions are not listed, and fields they recorded may show as not recorded.")}{" "}
          <button {...anatomy.attrs(parts.loadOlder)} type="button" aria-disabled={compare.isLoadingOlder || undefined} onClick={() => !compare.isLoadingOlder && compare.loadOlder()}>
            {compare.isLoadingOlder ? t("auditLog.versions.loadingOlder", "Loading…") : t("auditLog.versions.loadOlder", "Load older history")}
          </button>
        </p>
      )}
    </div>
  );
}
