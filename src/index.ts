export * from "./core";
export {
  createInMemoryAuditLogProvider,
  type InMemoryAuditLogProvider,
  type InMemoryAuditLogProviderOptions,
  type InMemoryLogRow,
} from "./refine/createInMemoryAuditLogProvider";
export { useAuditTranslate, type UseAuditTranslateResult } from "./refine/useAuditTranslate";
export * from "./rename-log-entry";
export { AuditTrailProvider, useAuditTrailConfig, type AuditTrailProviderProps, type AuditTrailConfig } from "./shared/AuditTrailProvider";
export { useRenameLog, getAuditListKey, type RenameLogTarget, type UseRenameLogResult } from "./refine/useRenameLog";
export { updateCachedLogRow, findCachedLogRow, type LogRowUpdater } from "./refine/updateCachedLogRow";
export * from "./record-diff";
export {
  useAuditLogEntries,
  readNextCursor,
  MAX_AUDIT_LOG_PAGES,
  type UseAuditLogEntriesOptions,
  type UseAuditLogEntriesResult,
  type AuditLogListState,
  type AuditLogRequestMeta,
  type AuditLogError,
  type AuditLogEntriesQuery,
  type UseAuditLogEntriesQueryOptions,
} from "./refine/useAuditLogEntries";
export { getAuditLogProblemText, getRefusedFieldsText } from "./refine/getAuditLogProblemText";
export { createRestAuditLogProvider, type RestAuditLogProviderOptions } from "./refine/createRestAuditLogProvider";
export {
  useServerAuditLogExport,
  type UseServerAuditLogExportOptions,
  type UseServerAuditLogExportResult,
  type AuditLogExportProgress,
  type AuditLogExportRead,
} from "./refine/useServerAuditLogExport";
export { useLiveAuditRefresh, type UseLiveAuditRefreshOptions } from "./refine/useLiveAuditRefresh";
export { withPreviousData, type WithPreviousDataOptions, type WithPreviousDataResult } from "./refine/withPreviousData";
export {
  AuditTimeline,
  AuditTimelineEntryContent,
  defaultRenderRename,
  WINDOWED_FROM,
  type AuditTimelineProps,
  type AuditTimelineAuthorProps,
  type AuditTimelineActionProps,
  type AuditTimelineSummaryProps,
  type AuditTimelineRenameProps,
  type AuditTimelineEntryProps,
  type AuditTimelineEntryContentProps,
} from "./audit-timeline/AuditTimeline";
export {
  useAuditTimeline,
  type UseAuditTimelineOptions,
  type UseAuditTimelineResult,
  type AuditTimelineItem,
  type AuditTimelineDay,
  type AuditTimelineActions,
  type AuditTimelineJump,
  type AuditTimelineEntryGetters,
  type AuditTimelineState,
  type AuditTimelineFieldMatch,
  type AuditTimelineRecordDiffProps,
  type TimelinePartProps,
} from "./audit-timeline/useAuditTimeline";
export { auditTimelineOptionKeys } from "./audit-timeline/auditTimelineOptionKeys";
export { AUDIT_TIMELINE_SCOPE, auditTimelineParts, auditTimelineAnatomy, type AuditTimelinePart } from "./audit-timeline/parts";
export { flexRender, type Renderable } from "./shared/flexRender";
export * from "./audit-log-table";
export {
  useAuditEntryDescriber,
  useCompiledFields,
  type UseAuditEntryDescriberOptions,
  type UseAuditEntryDescriberResult,
} from "./refine/useAuditEntryDescriber";
export * from "./versions";
export { useEntryAccess, useCanRename, type UseEntryAccessOptions, type UseCanRenameOptions, type UseCanRenameResult } from "./refine/useCanRename";
export * from "./field-history";
export { useEntryLink, DEFAULT_ENTRY_LINK_PARAM, type UseEntryLinkResult } from "./refine/useEntryLink";
export { useDataProviderMethods, type DataProviderMethods } from "./refine/useDataProviderMethods";
export { useResourceLabel, getResourceLabel } from "./refine/useResourceLabel";
export { useReferenceLabels, useReferenceLookupContext, ReferenceLookupContext, type UseReferenceLabelsResult } from "./refine/useReferenceLabels";
export {
  AuditEntryActions,
  AuditRowActions,
  type AuditTimelineActionContext,
  type AuditTimelineEntryActionsProps,
  type AuditTimelineRowActionsProps,
} from "./audit-timeline/AuditEntryActions";
export type { AuditTimelineLinkState } from "./audit-timeline/auditTimeline.types";
