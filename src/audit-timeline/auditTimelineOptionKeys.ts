import { defineOptionKeys } from "../shared/splitProps";
import type { UseAuditTimelineOptions } from "./auditTimeline.types";
import type { AuditTimelineProps } from "./AuditTimeline";

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

/** The props of `<AuditTimeline>` that are neither the hook's options nor the root's attributes: its renderers and layout. */
export type AuditTimelineRenderProps = Pick<
  AuditTimelineProps,
  "renderEntry" | "renderAuthor" | "renderAction" | "renderSummary" | "renderRename" | "diffProps" | "headingLevel" | "renderActions" | "renderRowActions" | "windowed" | "showJumpToDate"
>;

/**
 * The props of `<AuditTimeline>` of its own (renderers, layout), declared once and checked
 * complete: split off with `splitProps`, so none reaches the root `<div>`.
 */
export const auditTimelineRenderKeys = defineOptionKeys<AuditTimelineRenderProps>()([
  "renderEntry",
  "renderAuthor",
  "renderAction",
  "renderSummary",
  "renderRename",
  "diffProps",
  "headingLevel",
  "renderActions",
  "renderRowActions",
  "windowed",
  "showJumpToDate",
]);
