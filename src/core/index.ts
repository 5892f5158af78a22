export * from "./types";
export { computeChanges, computeChangeSet, defaultGetItemId, type ChangeSet } from "./computeChanges";
export { applyChanges } from "./applyChanges";
export { diffWords, type DiffWordsOptions } from "./diffWords";
export { formatPath, toPathKey, compilePathPatterns, type PathMatcher } from "./path";
export { getValueType, parseIsoDate, isDateOnly, toCompactJson, RedactedValue, isRedactedValue, UnreadableValue, type ValueType, type CompactJsonOptions } from "./values";
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
  getEntryChangeSet,
  getRecordPart,
  sortEntriesByTime,
  getActionKind,
  isBulkAction,
  type AuditHistory,
  type KnownRecordState,
  type ReplayHistoryOptions,
  type EntryChangesOptions,
  type EntryChangeSet,
  type ActionKind,
} from "./history";
export { summarizeChanges, type ChangeSummary, type SummarizeChangesOptions } from "./summarizeChanges";
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
export {
  DEFAULT_WORK_BUDGET,
  createWorkBudget,
  type WorkBudget,
  type WorkBudgetLimits,
  type ChangeOverflow,
} from "./budget";
export {
  compileFields,
  type CompiledFields,
  type RecordDiffField,
  type RecordDiffFields,
  type RecordDiffFieldType,
  type RecordDiffReference,
  type FieldFormatContext,
  type RecordDiffSide,
  type LabelOptions,
} from "./policy";
export { humanizeKey } from "./humanizeKey";
export {
  applyPolicy,
  applyPolicyToSet,
  getEntryDiff,
  diffRecords,
  policyPath,
  isItemListEntry,
  toCompiledFields,
  createItemReader,
  createItemAt,
  type ItemReader,
  type AuditPolicyOptions,
  type ApplyPolicyOptions,
  type EntryDiffOptions,
  type DiffRecordsOptions,
  type PolicyChangeSet,
} from "./pipeline";
export {
  createEntryReader,
  createEntryDiffCache,
  getChangedFieldPaths,
  matchAnyField,
  type AuditEntryDescription,
  type EntryDiffCache,
  type EntryReader,
  type EntryReaderOptions,
  type FieldMatch,
} from "./readEntries";
export { formatValue, type FormattedValue, type FormattedValueType, type FormatValueOptions } from "./formatValue";
export {
  createFormatters,
  formatAction,
  formatSummary,
  formatRelativeTime,
  type TimelineFormatters,
  type FormatSummaryOptions,
} from "./formatEntry";
export { interpolate, englishTranslate, type AuditTranslate, type MessageParams } from "./translate";
export { formatNumber, toIntlLocale } from "./intl";
export { plural } from "./plural";
export {
  CURRENT_VERSION,
  getVersionState,
  compareVersionStates,
  planWrite,
  getRevertTarget,
  compareRecords,
  type VersionRef,
  type VersionOptions,
  type VersionComparison,
  type CompareVersionStatesOptions,
  type LeftOutReason,
  type LeftOutField,
  type WritePlan,
  type RevertUnavailableReason,
  type RevertTarget,
  type RevertTargetOptions,
} from "./versions";
export {
  getFieldHistory,
  parseFieldPath,
  DEFAULT_MAX_FIELD_HISTORY_POINTS,
  type FieldHistoryResult,
  type FieldHistoryPoint,
  type FieldHistoryPointKind,
  type FieldHistoryOverflow,
  type FieldHistoryOptions,
} from "./fieldHistory";
export { getImageSrc, parseDuration } from "./typedValues";
export {
  collectReferences,
  formatReference,
  getReferenceAt,
  getReferenceLabel,
  getValueField,
  hasReferences,
  referenceKey,
  toReferenceId,
  MAX_REFERENCE_IDS,
  type FormattedReference,
  type FormatReferenceOptions,
  type ReferenceLookup,
  type ReferenceRequests,
  type ReferenceState,
} from "./references";
export {
  listObjectFields,
  OBJECT_FIELDS_MAX_DEPTH,
  OBJECT_FIELDS_MAX_VALUES,
  type ObjectField,
  type ObjectFieldList,
  type ListObjectFieldsOptions,
} from "./listObjectFields";
export {
  buildAuditLogQuery,
  readServerAnswer,
  findAnswerProblem,
  AUDIT_LOG_SORT_FIELDS,
  MAX_AUDIT_QUERY_PAGE_SIZE,
  MAX_SERVER_ANSWER_ROWS,
  isHistoryStretch,
  type AuditLogQuery,
  type AuditLogQueryFilters,
  type AuditLogServerAnswer,
  type AuditLogServerPage,
  type AuditLogSorter,
  type AuditLogSortField,
  type AuditLogPagination,
  type AuditLogAnswerProblem,
  type AnswerPageCheck,
  type FindAnswerProblemOptions,
  type BuildAuditLogQueryOptions,
  type BuiltAuditLogQuery,
} from "./auditQuery";
