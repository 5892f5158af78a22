export { FieldHistory, type FieldHistoryProps, type FieldHistoryValueProps } from "./FieldHistory";
export {
  useFieldHistory,
  type UseFieldHistoryOptions,
  type UseFieldHistoryResult,
  type FieldHistoryState,
  type FieldHistoryItem,
  type FieldHistoryChart,
  type FieldHistoryChartPoint,
  type FieldHistoryPartProps,
} from "./useFieldHistory";
export { fieldHistoryOptionKeys } from "./fieldHistoryOptionKeys";
export { FIELD_HISTORY_SCOPE, fieldHistoryParts, fieldHistoryAnatomy, type FieldHistoryPart } from "./parts";
export { FieldHistoryToggle, toFieldPath, type FieldHistoryToggleProps } from "./FieldHistoryToggle";
