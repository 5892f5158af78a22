import { defineOptionKeys } from "../shared/splitProps";
import type { UseFieldHistoryOptions } from "./useFieldHistory";

/**
 * Every option of `useFieldHistory`, declared once and checked complete at compile time:
 * `<FieldHistory>` splits its props with it (`splitProps`), so every option reaches the
 * hook and none reaches the root `<div>`.
 *
 * @example
 * const [options, rootProps] = splitProps(props, fieldHistoryOptionKeys);
 */
export const fieldHistoryOptionKeys = defineOptionKeys<UseFieldHistoryOptions>()([
  "resource",
  "id",
  "field",
  "label",
  "fields",
  "ignore",
  "budget",
  "idField",
  "maxPoints",
  "pageSize",
  "live",
  "meta",
  "now",
  "locale",
  "timeZone",
]);
