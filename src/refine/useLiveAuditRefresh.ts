import { useQueryClient, type MutationCacheNotifyEvent } from "@tanstack/react-query";
import { useEffect } from "react";

/** Options of {@link useLiveAuditRefresh}. */
export interface UseLiveAuditRefreshOptions {
  /** The resource whose log lists to refresh (the `resource` of the logs, as Refine writes it). */
  resource: string;
  /** Turn the refresh off. Default `true`. */
  enabled?: boolean;
}

const isKey = (key: readonly unknown[] | undefined, action: string) => key?.length === 2 && key[0] === "audit" && key[1] === action;

/**
 * Keeps a resource's audit log lists fresh. Refine v5 writes a log after each data
 * mutation but never refetches an open `useLogList`; this hook watches the QueryClient's
 * mutation cache and, when a log write for `resource` succeeds (Refine's `["audit", "log"]`
 * mutation resolves: the provider's `create` has returned, so the entry can be read),
 * invalidates `["audit", resource, "list"]`. Waiting for the data mutation instead would
 * refetch before the entry exists.
 *
 * It also refetches after a rename (`["audit", "rename"]`): Refine only does so when the
 * provider's `update` resolves an object with a `resource` field.
 *
 * Must be called inside `<Refine>` (it uses Refine's QueryClient).
 */
export function useLiveAuditRefresh({ resource, enabled = true }: UseLiveAuditRefreshOptions): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return queryClient.getMutationCache().subscribe((event: MutationCacheNotifyEvent) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      const key = event.mutation.options.mutationKey;
      const variables = event.mutation.state.variables as { resource?: unknown } | undefined;
      const isLog = isKey(key, "log") && (variables?.resource === undefined || variables.resource === resource);
      if (isLog || isKey(key, "rename")) {
        void queryClient.invalidateQueries({ queryKey: ["audit", resource, "list"] });
      }
    });
  }, [queryClient, resource, enabled]);
}
