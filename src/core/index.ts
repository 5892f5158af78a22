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
