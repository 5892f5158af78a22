import type { TimelineFormatters } from "../core/formatEntry";
import { sameId, type AuditLogEntry } from "../core/normalizeLog";
import type { AuditTranslate } from "../core/translate";
import type { AuditTimelineItem } from "./auditTimeline.types";

const isId = (value: unknown): value is string | number => (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value));

/**
 * What an entry written by a restore or a revert restored, in words, from its
 * `meta.restoredFrom` (the kit's `useUpdate` meta, which Refine copies into the log) and
 * the entry it names: "Restored the version of …", "Reverted a change of …",
 * "Restored “Launch price”". An entry the history does not hold is named by its id.
 */
export function createRestoredText(entries: readonly AuditLogEntry[], t: AuditTranslate, formatters: TimelineFormatters) {
  const byId = new Map(entries.map((entry) => [String(entry.id), entry]));
  return (item: AuditTimelineItem): string | undefined => {
    const from = item.entry.meta.restoredFrom;
    if (!isId(from)) return undefined;
    const source = byId.get(String(from)) ?? entries.find((entry) => sameId(entry.id, from));
    const isRevert = item.entry.meta.restoreKind === "revert";
    if (!source) {
      return isRevert
        ? t("auditLog.timeline.revertedUnknown", "Reverted a change of an earlier entry (#{id})", { id: String(from) })
        : t("auditLog.timeline.restoredUnknown", "Restored an earlier version (entry #{id})", { id: String(from) });
    }
    const time = source.createdAt ? formatters.short.format(source.createdAt) : t("auditLog.versions.unknownTime", "an unknown time");
    if (isRevert) return t("auditLog.timeline.reverted", "Reverted a change of {time}", { time });
    if (source.name !== undefined) return t("auditLog.timeline.restoredNamed", "Restored “{name}” ({time})", { name: source.name, time });
    return t("auditLog.timeline.restored", "Restored the version of {time}", { time });
  };
}
