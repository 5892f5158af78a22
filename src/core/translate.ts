/** Values to put into a message: `{count}` in the English default is replaced by `params.count`. */
export type MessageParams = Record<string, string | number>;

/**
 * Translates a kit string: a key under `auditLog.*`, its English default, and the
 * values of its `{placeholders}`. In React, `useAuditTranslate()` gives one that goes
 * through Refine's i18n; on a server, {@link englishTranslate} (or your own) will do.
 */
export type AuditTranslate = (key: string, defaultMessage: string, params?: MessageParams) => string;

/** Replaces `{name}` placeholders in a message (unknown names stay as they are). */
export function interpolate(message: string, params?: MessageParams): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}

/** The kit's English strings: each message's default, interpolated. */
export const englishTranslate: AuditTranslate = (_key, message, params) => interpolate(message, params);
