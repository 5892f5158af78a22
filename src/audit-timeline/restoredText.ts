import type { TimelineFormatters } from "../core/formatEntry";
import { getActionKind, getRecordPart, type AuditHistory } from "../core/history";
import type { AuditLogEntry } from "../core/normalizeLog";
import type { AuditTranslate } from "../core/translate";
import { getValueType, safeGet, safeKeys } from "../core/values";
import { compareRecords } from "../core/versions";
import type { AuditTimelineItem } from "./auditTimeline.types";

const isId = (value: unknown): value is string | number => (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value));
const isObject = (value: unknown): value is object => getValueType(value) === "object";

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
    // A revert undoes part of an update: each field it wrote was changed by the source and
    // now holds the source's earlier value (a nested revert: an object holding it).
    const kind = getActionKind(source.action);
    if (kind === "create" || kind === "delete") return false;
    const changed = getRecordPart(source.data, source, recordId);
    const before = history.stateBefore(source, recordId);
    return (
      isObject(changed) &&
      !!before &&
      keys.every((key) => {
        if (!Object.hasOwn(changed, key) || !Object.hasOwn(before, key)) return false;
        const value = safeGet(written, key);
        const earlier = before[key];
        return (isObject(value) && isObject(earlier)) || (Array.isArray(value) && Array.isArray(earlier)) || compareRecords(value, earlier) === "same";
      })
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
  const cache = new WeakMap<AuditLogEntry, string | undefined>();
  const describe = (item: AuditTimelineItem): string | undefined => {
    const from = item.entry.meta.restoredFrom;
    if (!isId(from)) return undefined;
    const source = byId.get(String(from));
    const isRevert = item.entry.meta.restoreKind === "revert";
    const recordId = item.recordId ?? (item.entry.recordIds.length === 1 ? item.entry.recordIds[0] : undefined);
    if (!source || !isBorneOut(item.entry, source, isRevert, history, recordId)) {
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
