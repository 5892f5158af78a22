import { normalizeLog, type AuditLogEntry } from "../../src/core/normalizeLog";

/**
 * A factory of `update` entries of record 1 of "products", each a minute after the one
 * before (ids 1, 2, 3… per factory), read through `normalizeLog` as the kit reads them.
 */
export function createUpdateEntries(): (data: unknown, previousData: unknown) => AuditLogEntry {
  let clock = 0;
  return (data, previousData) => {
    clock++;
    const result = normalizeLog({ id: clock, resource: "products", action: "update", createdAt: new Date(Date.UTC(2024, 4, 1, 10, clock)).toISOString(), data, previousData, meta: { id: 1 } });
    if (!result.ok) throw new Error(result.error.reason);
    return result.entry;
  };
}
