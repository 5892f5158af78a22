import { useUpdate, type BaseKey, type BaseRecord, type HttpError } from "@refinedev/core";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkBudgetLimits } from "../core/budget";
import type { AuditLogEntry } from "../core/normalizeLog";
import type { RecordDiffFields } from "../core/policy";
import { compareRecords, planWrite, type RevertUnavailableReason, type WritePlan } from "../core/versions";
import type { KnownRecordState } from "../core/history";
import { useEntryAccess, type UseCanRenameResult } from "../refine/useCanRename";
import type { CurrentRecord } from "./useRecordVersions";

/**
 * Where a restore or a revert stands (`data-state` of its confirmation):
 * - `idle`: nothing open
 * - `loading`: reading the record as it is now, to show what would be written
 * - `confirming`: the confirmation shows the plan
 * - `checking`: confirmed; reading the record again before writing (the stale guard)
 * - `stale`: the record changed since the confirmation was shown: the new plan is shown, to confirm again
 * - `writing`: `useUpdate` is on its way
 * - `error`: the write (or the read before it) failed: the message says why, the plan stays
 * - `unavailable`: nothing can be written (`reason` says why)
 * - `done`: written
 */
export type WriteBackStatus = "idle" | "loading" | "confirming" | "checking" | "stale" | "writing" | "error" | "unavailable" | "done";

/**
 * Why nothing can be written: a revert's reason (see `RevertUnavailableReason`), or
 * `record-missing` (the record no longer exists), `too-large` (past the work budget),
 * `nothing-to-write` (it already holds those values, or every difference is left out),
 * `no-current` (the record as it is now cannot be read).
 */
export type WriteBackUnavailableReason = RevertUnavailableReason | "record-missing" | "too-large" | "nothing-to-write" | "no-current";

/** What a target builder gives: the values to write over the current record, or why there are none. */
export type WriteBackTarget = { ok: true; target: KnownRecordState } | { ok: false; reason: RevertUnavailableReason };

/** Options of {@link useWriteBack}. */
export interface UseWriteBackOptions {
  resource: string;
  id: BaseKey;
  /** The entry restored from (sent as `meta.restoredFrom`, asked about in `useCan`'s `params.log`). */
  entry: AuditLogEntry | undefined;
  /** `restore` (a version) or `revert` (one change): the `useCan` action and `meta.restoreKind`. */
  action: "restore" | "revert";
  /** The record as it is now (see `useRecordVersions`). */
  current: CurrentRecord;
  /** What to write over a read of the record (called again on every fresh read). */
  getTarget: (current: BaseRecord) => WriteBackTarget;
  fields?: RecordDiffFields;
  ignore?: readonly string[];
  budget?: WorkBudgetLimits;
  idField?: string;
  /** Extra `meta` for `useUpdate` (and so for the log Refine writes). The kit's keys win. */
  meta?: Record<string, unknown>;
  /** Overrides of Refine's access control for buttons (as on Refine's own buttons). */
  accessControl?: { enabled?: boolean; hideIfUnauthorized?: boolean };
  /** Called once the write succeeded. */
  onSuccess?: () => void;
}

/** The result of {@link useWriteBack}. */
export interface UseWriteBackResult {
  status: WriteBackStatus;
  /** What would be written (set from `confirming` on). */
  plan: WritePlan | undefined;
  /** Why nothing can be written (`unavailable`). */
  reason: WriteBackUnavailableReason | undefined;
  /** The provider's error (`error`). */
  error: HttpError | Error | undefined;
  /** Access control's answer for this action. */
  access: UseCanRenameResult;
  /** Opens the confirmation: reads the record and plans the write. */
  open: () => void;
  /** Confirms: reads the record again, and writes only if it is as the confirmation showed it. */
  confirm: () => Promise<void>;
  /** Closes without writing (not while a write is on its way: it finishes, and says so). */
  cancel: () => void;
}

/** `restoredFrom`, the meta key the kit adds to a restore's or revert's update (so its log says what it restored). */
export const RESTORED_FROM_META_KEY = "restoredFrom";

/**
 * The machinery of a restore and a revert: plan the write over the record as it is now,
 * confirm, read the record again (the stale guard: if it changed, show the new plan and
 * ask again), then write through Refine's `useUpdate` (so Refine logs it as an ordinary
 * update) with `meta.restoredFrom` (the entry's id) and `meta.restoreKind`. A failed
 * write keeps the plan and says why. Access control: `useCan({ resource, action, params: { id, log } })`.
 */
export function useWriteBack(options: UseWriteBackOptions): UseWriteBackResult {
  const { resource, id, entry, action, current, getTarget, fields, ignore, budget, idField, meta, onSuccess } = options;
  const [status, setStatus] = useState<WriteBackStatus>("idle");
  const [plan, setPlan] = useState<WritePlan>();
  const [reason, setReason] = useState<WriteBackUnavailableReason>();
  const [error, setError] = useState<HttpError | Error>();
  // The read of the record the shown plan was made from, and the plan itself: read by
  // `confirm` from refs, so a `confirm` kept from an older render writes what is shown now.
  const basis = useRef<BaseRecord | undefined>(undefined);
  const shownPlan = useRef<WritePlan | undefined>(undefined);
  const access = useEntryAccess({ entry, action, recordId: id, resource, enabled: !!entry, accessControl: options.accessControl });
  // A session is one confirmation, from `open` to `cancel` (or unmount). An answer that
  // arrives for an older session (the user cancelled while the record was re-read) is
  // dropped, never written; a plan shown in an older session cannot be confirmed.
  const session = useRef(0);
  const planSession = useRef(-1);
  const inFlight = useRef(false);
  const isMounted = useRef(true);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
      session.current++;
    };
  }, []);
  const update = useUpdate<BaseRecord, HttpError>();

  const makePlan = useCallback(
    (record: BaseRecord | undefined): { plan?: WritePlan; reason?: WriteBackUnavailableReason } => {
      if (!record) return { reason: "record-missing" };
      const target = getTarget(record);
      if (!target.ok) return { reason: target.reason };
      // A revert writes one field on purpose: the others are not "not recorded".
      const next = planWrite(record, target.target, { fields, ignore, budget, idField, onlyTargetFields: action === "revert" });
      if (next.isRecordMissing) return { reason: "record-missing" };
      if (next.isTooLarge) return { plan: next, reason: "too-large" };
      if (next.isEmpty) return { plan: next, reason: "nothing-to-write" };
      return { plan: next };
    },
    [getTarget, fields, ignore, budget, idField, action],
  );

  const show = useCallback(
    (record: BaseRecord | undefined, nextStatus: "confirming" | "stale") => {
      const made = makePlan(record);
      basis.current = record;
      shownPlan.current = made.reason ? undefined : made.plan;
      planSession.current = session.current;
      setPlan(made.plan);
      setReason(made.reason);
      setError(undefined);
      setStatus(made.reason ? "unavailable" : nextStatus);
    },
    [makePlan],
  );

  const isAllowed = access.access === "allowed";
  const open = useCallback(() => {
    // Access control is enforced here, not only by a disabled button; a write on its way finishes first.
    if (!isAllowed || inFlight.current) return;
    const mine = ++session.current;
    shownPlan.current = undefined;
    if (current.state === "unavailable") {
      setReason("no-current");
      setStatus("unavailable");
      return;
    }
    if (current.state === "ready") {
      show(current.record, "confirming");
      return;
    }
    setStatus("loading");
    current.refetch().then(
      (record) => {
        if (mine === session.current) show(record, "confirming");
      },
      (failure: HttpError | Error) => {
        if (mine !== session.current) return;
        setError(failure);
        setStatus("error");
      },
    );
  }, [isAllowed, current, show]);

  // A plain function (not memoised): it reads this render's record and options, and the plan shown.
  const confirm = async () => {
    const mine = session.current;
    const planned = shownPlan.current;
    // One confirm at a time, whatever calls it; only the plan shown in this session.
    if (!isAllowed || !planned || inFlight.current || planSession.current !== mine) return;
    inFlight.current = true;
    try {
      await confirmRun(mine, planned);
    } finally {
      inFlight.current = false;
    }
  };

  async function confirmRun(mine: number, planned: WritePlan) {
    setStatus("checking");
    setError(undefined);
    let fresh: BaseRecord | undefined;
    try {
      fresh = await current.refetch();
    } catch (failure) {
      if (mine !== session.current) return;
      setError(failure as HttpError | Error);
      setStatus("error");
      return;
    }
    // Cancelled (or unmounted) while the record was read: nothing is written.
    if (mine !== session.current) return;
    const sameness = compareRecords(basis.current, fresh, budget);
    if (sameness === "unknown") {
      shownPlan.current = undefined;
      setReason("too-large");
      setStatus("unavailable");
      return;
    }
    if (sameness === "different") {
      show(fresh, "stale");
      return;
    }
    setStatus("writing");
    try {
      await update.mutateAsync({
        resource,
        id,
        values: planned.values,
        mutationMode: "pessimistic",
        errorNotification: false,
        meta: { ...meta, [RESTORED_FROM_META_KEY]: entry?.id, restoreKind: action },
      });
    } catch (failure) {
      if (mine !== session.current) return;
      setError(failure as HttpError | Error);
      setStatus("error");
      return;
    }
    // Written: said even when the view went away meanwhile (the caller's onSuccess still runs).
    shownPlan.current = undefined;
    if (isMounted.current) setStatus("done");
    onSuccess?.();
  }

  const cancel = useCallback(() => {
    // A write on its way cannot be called back: it finishes, and says so.
    if (inFlight.current && status === "writing") return;
    session.current++;
    shownPlan.current = undefined;
    setStatus("idle");
    setPlan(undefined);
    setReason(undefined);
    setError(undefined);
  }, [status]);

  return { status, plan, reason, error, access, open, confirm, cancel };
}
