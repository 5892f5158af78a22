import { defineOptionKeys } from "../shared/splitProps";
import type { UseAuditTimelineOptions } from "./auditTimeline.types";

/**
 * Every option of `useAuditTimeline`, declared once and checked complete at compile time:
 * `<AuditTimeline>` splits its props with it (`splitProps`), so every option reaches the
 * hook and none reaches the root `<div>`.
 *
 * @example
 * const [options, rootProps] = splitProps(props, auditTimelineOptionKeys);
 */
export const auditTimelineOptionKeys = defineOptionKeys<UseAuditTimelineOptions>()([
  "resource",
  "id",
  "filters",
  "pageSize",
  "live",
  "meta",
  "order",
  "batchSize",
  "ignore",
  "idField",
  "fields",
  "budget",
  "expanded",
  "defaultExpanded",
  "onExpandedChange",
  "now",
  "locale",
  "timeZone",
  "linkParam",
  "linkedEntryId",
]);
