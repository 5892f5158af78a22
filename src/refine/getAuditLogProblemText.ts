import type { AuditLogAnswerProblem } from "../core/auditQuery";
import { formatNumber } from "../core/intl";
import type { AuditTranslate } from "../core/translate";

/**
 * What a view says when the provider's answer may be incomplete (`problem` of
 * `useAuditLogEntries`, `useAuditLogTable`), translated (`auditLog.problem.*`):
 * "The audit log provider returned rows out of order; this list may be incomplete."
 * `options.count` is the number of entries a `truncated-list` answer held; `options.locale`
 * formats it.
 *
 * @example
 * {log.problem && <p role="note">{getAuditLogProblemText(log.problem, t, { count: log.entries.length })}</p>}
 */
export function getAuditLogProblemText(problem: AuditLogAnswerProblem, t: AuditTranslate, options: { count?: number; locale?: string } = {}): string {
  switch (problem) {
    case "out-of-order":
      return t("auditLog.problem.outOfOrder", "The audit log provider returned rows out of order; this list may be incomplete.");
    case "too-many-rows":
      return t("auditLog.problem.tooManyRows", "The audit log provider returned more rows than asked for; this list may be incomplete.");
    case "missing-rows":
      return t("auditLog.problem.missingRows", "The audit log provider left rows out; this list may be incomplete.");
    case "inconsistent":
      return t("auditLog.problem.inconsistent", "The audit log provider's answers contradict each other; this list may be incomplete.");
    default:
      return t(
        "auditLog.problem.truncatedList",
        "The audit log provider returned exactly {count} entries, oldest first: it may be cutting the log short.",
        { count: formatNumber(options.count ?? 0, options.locale) },
      );
  }
}

/**
 * What a view says when changed-field filters were not sent to a server-side provider
 * (`refusedFields` of `useAuditLogEntries`): their matches could reveal what the `fields`
 * policy keeps back, so the list is not filtered by them. Translated
 * (`auditLog.filters.refused`).
 *
 * @example
 * {log.refusedFields.length > 0 && <p role="note">{getRefusedFieldsText(log.refusedFields, t)}</p>}
 */
export function getRefusedFieldsText(fields: readonly string[], t: AuditTranslate): string {
  return t("auditLog.filters.refused", "Not filtered by {fields}: a match could reveal fields kept hidden.", { fields: fields.map((field) => `“${field}”`).join(", ") });
}
