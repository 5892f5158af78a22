/** Which methods the nearest `<Refine auditLogProvider>` has. */
export interface AuditLogMethods {
  /** `auditLogProvider.create` exists (Refine logs data mutations). */
  create: boolean;
  /** `auditLogProvider.get` exists (`useLogList` runs). */
  get: boolean;
  /** `auditLogProvider.update` exists (`useLog().rename` stores names). */
  update: boolean;
}

const CONTEXT_TYPES = new Set([Symbol.for("react.context"), Symbol.for("react.provider")]);
const AUDIT_LOG_KEYS = "create,get,update";

interface FiberLike {
  type?: unknown;
  memoizedProps?: { value?: unknown } | null;
  return?: FiberLike | null;
}

/**
 * Reads which methods the `auditLogProvider` of the nearest `<Refine>` above a mounted
 * DOM node has; `undefined` when that cannot be told.
 *
 * Why this exists: Refine 5 keeps the provider in an `AuditLogContext` it does not
 * export, and `useLog().rename` resolves `undefined` without calling anything when the
 * provider has no `update`, so a rename would look saved while nothing was stored. No
 * public API tells whether `update` exists, so this walks React's fiber tree upwards
 * (read only) to the context provider whose value is Refine's `{ create, get, update }`.
 * It relies on React internals that have been stable from React 16 to 19; when they
 * change it returns `undefined` and callers fall back to Refine's own assumption (the
 * method exists).
 */
export function readAuditLogMethods(node: Element | null | undefined): AuditLogMethods | undefined {
  if (!node) return undefined;
  try {
    const fiberKey = Object.keys(node).find((key) => key.startsWith("__reactFiber$"));
    let fiber = fiberKey ? ((node as unknown as Record<string, FiberLike | undefined>)[fiberKey] ?? null) : null;
    for (let depth = 0; fiber && depth < 10_000; depth += 1, fiber = fiber.return ?? null) {
      const type = fiber.type as { $$typeof?: symbol } | null | undefined;
      if (!type || typeof type !== "object" || !CONTEXT_TYPES.has(type.$$typeof as symbol)) continue;
      const value = fiber.memoizedProps?.value;
      if (!value || typeof value !== "object" || Object.keys(value).sort().join(",") !== AUDIT_LOG_KEYS) continue;
      const methods = value as Record<keyof AuditLogMethods, unknown>;
      return {
        create: typeof methods.create === "function",
        get: typeof methods.get === "function",
        update: typeof methods.update === "function",
      };
    }
  } catch {
    // Reading internals must never break rendering: unknown is a valid answer.
  }
  return undefined;
}
