export { CompareVersions, compareVersionsOptionKeys, type CompareVersionsProps, type CompareVersionsOptions } from "./CompareVersions";
export { RestoreVersion, RevertChange, writeBackOptionKeys, type WriteBackProps, type WriteBackOptions, type RevertChangeProps } from "./WriteBack";
export {
  useCompareVersions,
  type UseCompareVersionsOptions,
  type UseCompareVersionsResult,
  type CompareVersionsState,
} from "./useCompareVersions";
export {
  useRecordVersions,
  type UseRecordVersionsOptions,
  type UseRecordVersionsResult,
  type RecordVersion,
  type CurrentRecord,
} from "./useRecordVersions";
export {
  useRestoreVersion,
  useRevertChange,
  type UseRestoreVersionOptions,
  type UseRevertChangeOptions,
  type UseRestoreResult,
  type WriteBackBaseOptions,
} from "./useRestoreVersion";
export {
  useWriteBack,
  RESTORED_FROM_META_KEY,
  type UseWriteBackOptions,
  type UseWriteBackResult,
  type WriteBackStatus,
  type WriteBackUnavailableReason,
  type WriteBackTarget,
} from "./useWriteBack";
export {
  COMPARE_VERSIONS_SCOPE,
  compareVersionsParts,
  compareVersionsAnatomy,
  WRITE_BACK_SCOPE,
  writeBackParts,
  writeBackAnatomy,
} from "./parts";
