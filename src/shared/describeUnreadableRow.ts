import { getValueType, safeGet, toCompactJson } from "../core/values";

// Only what identifies a row: its data, previousData and author may hold secrets or
// personal data that `fields[…].redact` / `hidden` would have kept out of a diff.
const IDENTIFYING_KEYS = ["id", "resource", "action", "createdAt", "timestamp"] as const;

/**
 * What the kit shows of a provider row it could not read: compact JSON of the fields
 * that identify it (`id`, `resource`, `action`, `createdAt`, `timestamp`), never its
 * `data`, `previousData`, `meta` or `author`. `""` when none of them is readable.
 */
export function describeUnreadableRow(raw: unknown): string {
  let isObject = false;
  try {
    isObject = getValueType(raw) === "object";
  } catch {
    return "";
  }
  if (!isObject) return "";
  const picked: Record<string, unknown> = {};
  for (const key of IDENTIFYING_KEYS) {
    const value = safeGet(raw as object, key);
    const type = getValueType(value);
    if (type === "string" || type === "number") picked[key] = typeof value === "string" ? value.slice(0, 100) : value;
  }
  return Object.keys(picked).length > 0 ? toCompactJson(picked, { maxLength: 300 }) : "";
}
