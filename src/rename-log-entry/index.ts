export { RenameLogEntry, RenameLogEntryView, type RenameLogEntryProps, type RenameLogEntryViewProps } from "./RenameLogEntry";
export {
  useRenameLogEntry,
  renameLogEntryOptionKeys,
  DEFAULT_RENAME_MAX_LENGTH,
  type UseRenameLogEntryOptions,
  type UseRenameLogEntryResult,
  type RenameLogEntryLabels,
  type RenameLogEntryPartProps,
} from "./useRenameLogEntry";
export { renameLogEntryParts, renameLogEntryAnatomy, RENAME_LOG_ENTRY_SCOPE, type RenameLogEntryPart, type RenameLogEntryState } from "./parts";
