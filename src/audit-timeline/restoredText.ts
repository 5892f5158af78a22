import type { TimelineFormatters } from "../core/formatEntry";
import { createWorkBudget } from "../core/budget";
import { getActionKind, getEntryChangeSet, getRecordPart, type AuditHistory } from "../core/history";
import type { Path } from "../core/types";
import type { AuditLogEntry } from "../core/normalizeLog";
import type { AuditTranslate } from "../core/translate";
import { getValueType, safeGet, safeKeys } from "../core/values";
import { compareRecords } from "../core/versions";
import type { AuditTimelineItem } from "./auditTimeline.types";

const isId = (value: unknown): value is string | number => (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value));
const isObject = (value: unknown): value is object => getValueType(value) === "object";

/** The value at `path` inside `value` (own keys and array indices only), iteratively. */
function readAt(value: unknown, path: Path): { found: boolean; value?: unknown } {
  let at: unknown = value;
  for (const segment of path) {
    if (typeof segment === "number" ? !Array.isArray(at) || segment >= at.length : !isObject(at) || !Object.hasOwn(at, segment)) return { found: false };
    at = typeof segment === "number" ? (at as unknown[])[segment] : safeGet(at as object, segment);
  }
  return { found: true, value: at };
}

/**
 * Whether the log bears out an entry's claim to restore `source`: a restore wrote only
 * values the source version held; a revert wrote only fields the source entry changed.
 * `meta.restoredFrom` alone proves nothing: Refine copies a page's search parameters into
 * every mutation's `meta`, so any save on a page opened with `?restoredFrom=1` carries it.
 */
function isBorneOut(entry: AuditLogEntry, source: AuditLogEntry, isRevert: boolean, history: AuditHistory, recordId: string | number | undefined): boolean {
  if (recordId === undefined) return false;
  const written = getRecordPart(entry.data, entry, recordId);
  if (!isObject(written)) return false;
  const keys = safeKeys(written);
  if (keys.length === 0) return false;
  if (isRevert) {
    // A revert undoes part of an update: each field it wrote was changed by the source, and
    // holds the source's earlier value there (a nested revert: at one of the source's changes).
    const kind = getActionKind(source.action);
    if (kind === "create" || kind === "delete") return false;
    const { changes } = getEntryChangeSet(source, { history, recordId, includeUnchanged: false, budget: createWorkBudget() });
    return keys.every((key) =>
      changes.some((change) => {
        if (change.path[0] !== key || change.isBeforeUnknown || change.kind === "moved") return false;
        const value = readAt(written, change.path);
        return change.kind === "added" ? !value.found : value.found && compareRecords(value.value, change.before) === "same";
      }),
    );
  }
  const state = history.stateAfter(source, recordId);
  return !!state && keys.every((key) => Object.hasOwn(state, key) && compareRecords(safeGet(written, key), state[key]) === "same");
}

/**
 * What an entry written by a restore or a revert restored, in words, from its
 * `meta.restoredFrom` (the kit's `useUpdate` meta, which Refine copies into the log) and
 * the entry it names: "Restored the version of …", "Reverted a change of …",
 * "Restored “Launch price”". Only when the log bears it out (see `isBorneOut`); else the
 * claim is reported as such. Checked once per entry.
 */
export function createRestoredText(history: AuditHistory, t: AuditTranslate, formatters: TimelineFormatters) {
  const byId = new Map(history.entries.map((entry) => [String(entry.id), entry]));
  // Where each entry stands in time: a restore restores what came before it, never itself or later.
  const position = new Map(history.entries.map((entry, index) => [entry, index]));
  const cache = new WeakMap<AuditLogEntry, string | undefined>();
  const describe = (item: AuditTimelineItem): string | undefined => {
    const from = item.entry.meta.restoredFrom;
    if (!isId(from)) return undefined;
    const source = byId.get(String(from));
    const isRevert = item.entry.meta.restoreKind === "revert";
    const recordId = item.recordId ?? (item.entry.recordIds.length === 1 ? item.entry.recordIds[0] : undefined);
    const isEarlier = !!source && (position.get(source) ?? Infinity) < (position.get(item.entry) ?? -Infinity);
    if (!source || !isEarlier || !isBorneOut(item.entry, source, isRevert, history, recordId)) {
      return t("auditLog.timeline.restoredClaim", "Marked as restored from entry #{id}, which this history does not confirm", { id: String(from) });
    }
    const time = source.createdAt ? formatters.short.format(source.createdAt) : t("auditLog.versions.unknownTime", "an unknown time");
    if (isRevert) return t("auditLog.timeline.reverted", "Reverted a change of {time}", { time });
    if (source.name !== undefined) return t("auditLog.timeline.restoredNamed", "Restored “{name}” ({time})", { name: source.name, time });
    return t("auditLog.timeline.restored", "Restored the version of {time}", { time });
  };
  return (item: AuditTimelineItem): string | undefined => {
    if (cache.has(item.entry)) return cache.get(item.entry);
    const text = describe(item);
    cache.set(item.entry, text);
    return text;
  };
}
