import { keys, useLog } from "@refinedev/core";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { sameId, type AuditId } from "../core/normalizeLog";
import { findCachedLogRow, updateCachedLogRow, type LogRowUpdater } from "./updateCachedLogRow";

/** The log entry to rename: its id and the resource whose lists show it. */
export interface RenameLogTarget {
  /** The log entry's own id, sent to the provider as is (a number stays a number). */
  id: AuditId;
  /** The entry's resource: the lists under `["audit", resource, "list"]` are updated. */
  resource: string;
}

/** The result of {@link useRenameLog}. */
export interface UseRenameLogResult {
  /**
   * Renames a log entry through Refine's `useLog().rename` (the provider's
   * `update({ id, name })`), optimistically: every cached `["audit", resource, "list", ...]`
   * query shows `name` at once, and keeps showing it when a list refetches before the
   * provider has stored it (another rename finishing, a live refresh). If the provider
   * fails, the row gets its previous name back, unless something else renamed it
   * meanwhile. Afterwards, success or failure, those lists are invalidated (Refine itself
   * only does so when `update` resolves an object with a `resource`); with several
   * renames of one resource in flight, the last to settle does it. Resolves with what
   * `update` resolved; rejects with its error. `name` is sent as given: trim it first.
   */
  renameLog: (target: RenameLogTarget, name: string) => Promise<unknown>;
}

/** `meta` of the kit's rename mutations, so {@link useLiveAuditRefresh} leaves their refetch to them. */
export const KIT_RENAME_META = { refineAuditTrail: "rename" } as const;

/** Tells a rename mutation started by {@link useRenameLog} (its `meta`) from one the app started. */
export const isKitRename = (meta: unknown): boolean =>
  !!meta && typeof meta === "object" && (meta as Record<string, unknown>).refineAuditTrail === KIT_RENAME_META.refineAuditTrail;

interface InFlightRename {
  resource: string;
  id: AuditId;
  name: string;
}

interface RenameRegistry {
  /** Renames in flight, oldest first. The newest of an entry is the name its lists show. */
  renames: InFlightRename[];
  unsubscribe: () => void;
}

const registries = new WeakMap<QueryClient, RenameRegistry>();

/** The prefix of every `useLogList` query of a resource: `["audit", resource, "list"]`. */
export const getAuditListKey = (resource: string) => keys().audit().resource(resource).action("list").get();

/** The newest name in flight for each entry of `resource`. */
function newestNames(registry: RenameRegistry, resource: string): InFlightRename[] {
  const newest: InFlightRename[] = [];
  for (let index = registry.renames.length - 1; index >= 0; index--) {
    const rename = registry.renames[index]!;
    if (rename.resource === resource && !newest.some((seen) => sameId(seen.id, rename.id))) newest.push(rename);
  }
  return newest;
}

/** Writes `name` into the row `id`; `undefined` when no row changes (so the cache is left alone). */
function withName(old: unknown, id: AuditId, name: string): unknown {
  const next = updateCachedLogRow(old, id, (row) => (row.name === name ? row : { ...row, name }));
  return next === old ? undefined : next;
}

function register(queryClient: QueryClient, rename: InFlightRename): RenameRegistry {
  let registry = registries.get(queryClient);
  if (!registry) {
    const created: RenameRegistry = { renames: [], unsubscribe: () => {} };
    // A list that refetches while a rename is in flight (Refine's own `onSuccess` after
    // another rename, a live refresh, a first load that was under way) brings back the
    // name the server has; the name being saved goes back on top of it.
    created.unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      const { queryKey } = event.query;
      if (queryKey[0] !== "audit" || queryKey[2] !== "list" || typeof queryKey[1] !== "string") return;
      for (const { id, name } of newestNames(created, queryKey[1])) {
        queryClient.setQueryData(queryKey, (old: unknown) => withName(old, id, name));
      }
    });
    registry = created;
    registries.set(queryClient, registry);
  }
  registry.renames.push(rename);
  return registry;
}

function unregister(queryClient: QueryClient, registry: RenameRegistry, rename: InFlightRename, succeeded: boolean) {
  const index = registry.renames.indexOf(rename);
  // A stored name supersedes the older renames of the same entry still in flight.
  registry.renames = registry.renames.filter(
    (other, position) => other !== rename && !(succeeded && position < index && other.resource === rename.resource && sameId(other.id, rename.id)),
  );
  if (registry.renames.length === 0) {
    registry.unsubscribe();
    registries.delete(queryClient);
  }
}

/**
 * Renames audit-log entries with an optimistic cache update and a rollback; see
 * {@link UseRenameLogResult.renameLog}. Must be used inside `<Refine>`.
 *
 * @example
 * const { renameLog } = useRenameLog();
 * await renameLog({ id: entry.id, resource: entry.resource }, "Spring price list");
 */
export function useRenameLog(): UseRenameLogResult {
  const queryClient = useQueryClient();
  const { rename } = useLog({ renameMutationOptions: { meta: KIT_RENAME_META } });
  const { mutateAsync } = rename;
  const renameLog = useCallback(
    (target: RenameLogTarget, name: string) => renameOptimistically(queryClient, (variables) => mutateAsync(variables), target, name),
    [queryClient, mutateAsync],
  );
  return { renameLog };
}

async function renameOptimistically(
  queryClient: QueryClient,
  send: (variables: { id: AuditId; name: string }) => Promise<unknown>,
  { id, resource }: RenameLogTarget,
  name: string,
): Promise<unknown> {
  const filters = { queryKey: getAuditListKey(resource) };
  // No cancelQueries: a fetch under way lands and gets the name from the registry
  // (cancelling a list's first load would leave it pending and never fetched).
  const snapshot = queryClient.getQueriesData(filters);
  const rename: InFlightRename = { resource, id, name };
  const registry = register(queryClient, rename);
  queryClient.setQueriesData(filters, (old: unknown) => withName(old, id, name));
  try {
    const result = await send({ id, name });
    unregister(queryClient, registry, rename, true);
    return result;
  } catch (error) {
    // Out of the registry first, or the rollback's own cache write would bring the name back.
    unregister(queryClient, registry, rename, false);
    // Only rows that still show this rename's name get their old one back: a newer name
    // (another rename, a refetch) stays.
    for (const [queryKey, before] of snapshot) {
      const original = findCachedLogRow(before, id);
      if (!original) continue;
      queryClient.setQueryData(queryKey, (old: unknown) => changedOrUndefined(old, id, (row) => (row.name === name ? restoreName(row, original) : row)));
    }
    throw error;
  } finally {
    // With several renames of the resource in flight, only the last one refetches: the
    // lists would otherwise fetch once per rename.
    if (!registries.get(queryClient)?.renames.some((other) => other.resource === resource)) {
      void queryClient.invalidateQueries(filters);
    }
  }
}

function restoreName(row: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown> {
  const { name: _optimistic, ...rest } = row;
  return "name" in original ? { ...rest, name: original.name } : rest;
}

/** The updated answer, or `undefined` (which leaves a list without the entry untouched, not even marked fresh). */
function changedOrUndefined(old: unknown, id: AuditId, update: LogRowUpdater): unknown {
  const next = updateCachedLogRow(old, id, update);
  return next === old ? undefined : next;
}
