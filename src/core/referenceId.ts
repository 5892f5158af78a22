/** The longest id text resolved; longer values are not ids (they show as values). */
export const MAX_REFERENCE_ID_LENGTH = 200;
// No path, query or fragment characters (a data provider may put the id into a URL
// unencoded: `../users/1` must never reach it), no whitespace or control characters.
const ID_TEXT = /^[^\s/\\?#%\u0000-\u001f\u007f]+$/;

/**
 * An id as the kit compares and asks for it: a finite number, or text of at most
 * {@link MAX_REFERENCE_ID_LENGTH} characters without `/ \ ? # %`, whitespace or control
 * characters; else `undefined` (the value is not resolved and shows as it is).
 */
export function toReferenceId(value: unknown): string | undefined {
  if (typeof value === "string") return value.length <= MAX_REFERENCE_ID_LENGTH && ID_TEXT.test(value) ? value : undefined;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "bigint") return String(value);
  return undefined;
}
