export { RecordDiff, type RecordDiffProps } from "./RecordDiff";
export {
  useRecordDiff,
  type UseRecordDiffOptions,
  type UseRecordDiffResult,
  type RecordDiffRow,
  type RecordDiffView,
  type RecordDiffDataAttributes,
  type RecordDiffPartProps,
  type RecordDiffButtonProps,
} from "./useRecordDiff";
export type { RenderValue, RenderValueProps, TextDiffMode } from "./DiffValue";
export { compileFields, type CompiledFields, type RecordDiffField, type RecordDiffFields, type FieldFormatContext, type RecordDiffSide } from "./compileFields";
export { formatValue, type FormattedValue, type FormattedValueType, type FormatValueOptions } from "./formatValue";
export { RECORD_DIFF_SCOPE, recordDiffParts, type RecordDiffPart } from "./parts";
