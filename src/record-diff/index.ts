export { RecordDiff, type RecordDiffProps } from "./RecordDiff";
export {
  useRecordDiff,
  recordDiffOptionKeys,
  type UseRecordDiffOptions,
  type UseRecordDiffResult,
  type RecordDiffRow,
  type RecordDiffView,
  type RecordDiffDataAttributes,
  type RecordDiffPartProps,
  type RecordDiffButtonProps,
} from "./useRecordDiff";
export type { RenderValue, RenderValueProps, TextDiffMode } from "./renderDiffValue";
export type { RecordDiffObjectFields, RecordDiffObjectLimits } from "./getObjectFields";
export { RECORD_DIFF_SCOPE, recordDiffParts, recordDiffAnatomy, type RecordDiffPart } from "./parts";
