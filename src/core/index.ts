export * from "./types";
export { computeChanges, defaultGetItemId } from "./computeChanges";
export { applyChanges } from "./applyChanges";
export { diffWords, type DiffWordsOptions } from "./diffWords";
export { formatPath, toPathKey, compilePathPatterns, type PathMatcher } from "./path";
export { getValueType, parseIsoDate, isDateOnly, toCompactJson, type ValueType, type CompactJsonOptions } from "./values";
export {
  normalizeLog,
  normalizeLogs,
  extractRows,
  getAuthorLabel,
  sameId,
  type AuditId,
  type AuditAuthor,
  type AuditLogEntry,
  type MalformedLogEntry,
  type NormalizeLogResult,
} from "./normalizeLog";
export {
  replayHistory,
  getEntryChanges,
  getRecordPart,
  sortEntriesByTime,
  getActionKind,
  isBulkAction,
  type AuditHistory,
  type KnownRecordState,
  type ReplayHistoryOptions,
  type EntryChangesOptions,
  type ActionKind,
} from "./history";
export { summarizeChanges, type ChangeSummary } from "./summarizeChanges";
export { groupByDay, toDayKey, shiftDayKey, type DayGroup, type DayOptions } from "./groupByDay";
export {
  filterEntries,
  createEntryFilter,
  canonicalizeFilters,
  entryConcernsRecord,
  entryTouchesField,
  type AuditLogFilters,
  type CanonicalAuditLogFilters,
  type FilterEntriesOptions,
} from "./filterEntries";
export { neutralizeFormula, toCsv, toJsonText, type ExportCell } from "./exportEntries";
