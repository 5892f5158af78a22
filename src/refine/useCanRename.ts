import { AccessControlContext, keys, useCan } from "@refinedev/core";
import { useContext } from "react";
import type { AuditLogEntry } from "../core/normalizeLog";

/** Options of {@link useCanRename}. */
export interface UseCanRenameOptions {
  /** The entry to rename; `undefined` (an unreadable row) skips the check. */
  entry: AuditLogEntry | undefined;
  /** Ask access control at all (false when the action is impossible anyway: no provider `update`, read-only). */
  enabled: boolean;
  /** Overrides of `accessControlProvider.options.buttons`, as on Refine's own buttons. */
  accessControl?: { enabled?: boolean; hideIfUnauthorized?: boolean };
}

/** Options of {@link useEntryAccess}: {@link UseCanRenameOptions} and the action to ask about. */
export interface UseEntryAccessOptions extends UseCanRenameOptions {
  /** The action asked of `useCan`: `rename`, `restore`, `revert`, or one of your own. */
  action: string;
  /** The record the action writes (a restore or revert); default the entry's id. Sent as `params.id`. */
  recordId?: string | number;
  /** The resource the action writes to; default the entry's. */
  resource?: string;
}

/** The result of {@link useCanRename}. */
export interface UseCanRenameResult {
  /** `allowed` (also when no check applies), `denied` (or the check failed), or `checking`. */
  access: "allowed" | "denied" | "checking";
  /** The access control provider's `reason` when denied, if it gave one. */
  reason: string | undefined;
  /** The check itself failed (counts as denied). */
  isError: boolean;
  /** Remove the trigger rather than disable it while not allowed. */
  hideIfUnauthorized: boolean;
}

/**
 * Whether the user may rename a log entry, the way Refine's own buttons decide
 * (`useButtonCanAccess`): `useCan({ resource, action: "rename", params: { id, log } })`,
 * skipped when `accessControlProvider.options.buttons.enableAccessControl` is false (or
 * `accessControl.enabled` is) and when there is no access control provider.
 *
 * @example
 * const { access, reason } = useCanRename({ entry, enabled: true });
 */
export function useCanRename(options: UseCanRenameOptions): UseCanRenameResult {
  return useEntryAccess({ ...options, action: "rename" });
}

/**
 * Whether the user may do `action` to a log entry, the way Refine's own buttons decide:
 * `useCan({ resource, action, params: { id, log } })`, skipped when access control for
 * buttons is off or there is no access control provider. `params.id` is the record for a
 * restore or revert (`recordId`), else the entry's id.
 *
 * @example
 * const { access, reason } = useEntryAccess({ entry, action: "restore", recordId: 7, enabled: true });
 */
export function useEntryAccess({ entry, enabled, accessControl, action, recordId, resource: resourceOption }: UseEntryAccessOptions): UseCanRenameResult {
  const resource = resourceOption ?? entry?.resource;
  const context = useContext(AccessControlContext);
  const isCheckOn = accessControl?.enabled ?? context.options.buttons.enableAccessControl;
  const hideIfUnauthorized = accessControl?.hideIfUnauthorized ?? context.options.buttons.hideIfUnauthorized ?? false;
  const shouldCheck = !!isCheckOn && enabled && !!entry && !!context.can;
  const query = useCan({
    resource: resource ?? "",
    action,
    params: { id: recordId ?? entry?.id, log: entry },
    queryOptions: {
      enabled: shouldCheck,
      // The entry itself goes to `can` but stays out of the key: rows can be large or
      // circular, and the key is hashed on every render of every entry. With no check to
      // make, every entry shares one key: a key per entry would stay cached (and held in
      // memory) long after the entry scrolled away, thousands of them in a long history.
      queryKey: keys()
        .access()
        .resource(resource)
        .action(action)
        .params(shouldCheck ? { params: { id: recordId ?? entry?.id, log: entry?.id }, enabled: true } : { enabled: false })
        .get(),
    },
  });
  const access = !shouldCheck ? "allowed" : query.data?.can === true ? "allowed" : query.data?.can === false || query.isError ? "denied" : "checking";
  return { access, reason: access === "denied" ? query.data?.reason || undefined : undefined, isError: shouldCheck && query.isError, hideIfUnauthorized };
}
