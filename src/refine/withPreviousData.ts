import type { AuditLogProvider, BaseKey, BaseRecord, DataProvider, DataProviders, LogParams } from "@refinedev/core";
import { sameId } from "../core/normalizeLog";
import { getValueType, safeGet, safeKeys } from "../core/values";

/** Options of {@link withPreviousData}. */
export interface WithPreviousDataOptions<TData extends DataProvider | DataProviders, TAudit extends Partial<AuditLogProvider>> {
  /** The app's data provider (one, or Refine's `{ default, ...others }` map). */
  dataProvider: TData;
  /** The app's audit log provider. Its `get` and `update` are kept as they are. */
  auditLogProvider: TAudit;
  /** The field that holds a record's id in `getMany` answers. Default `"id"`. */
  idField?: string;
  /**
   * How long a finished write waits for its log, in milliseconds, and the longest a read
   * record is held while its write is in flight. A log never comes when the resource's
   * `meta.audit` leaves the action out, or for a direct `dataProvider.update` call.
   * Default 60,000.
   */
  maxWaitMs?: number;
  /**
   * The most read records held at once; beyond it the oldest is let go (its log keeps
   * Refine's `previousData`). Each is a whole record, so this bounds the memory.
   * Default 1,000.
   */
  maxPending?: number;
}

/** The wrapped providers: pass both to `<Refine>`. */
export interface WithPreviousDataResult<TData, TAudit> {
  /** The data provider, whose `update` / `updateMany` read the records first. */
  dataProvider: TData;
  /** The audit log provider, whose `create` fills `previousData` of update logs. */
  auditLogProvider: TAudit;
}

/** One write under way or done, waiting for its log. */
interface PendingWrite {
  resource: string;
  id: BaseKey;
  /** The `variables` object of the write: Refine logs this very object as `data`. */
  patch: object;
  /** The record as read before the write, when `hasRecord`. */
  record: unknown;
  /** False while reading, when the read failed or did not return this record, or once let go. */
  hasRecord: boolean;
  /** Its log can only come once the write has succeeded. */
  isWritten: boolean;
  /** When it was read, then when the write ended. */
  at: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => getValueType(value) === "object";

/** The old values of the keys a patch writes (only those the record has). */
function pickPatched(record: unknown, patch: unknown): Record<string, unknown> | undefined {
  if (!isRecord(record) || !isRecord(patch)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of safeKeys(patch)) {
    if (!Object.hasOwn(record, key)) continue;
    Object.defineProperty(out, key, { value: safeGet(record, key), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Makes an app log true before-values. Refine v5 logs updates with a `previousData`
 * whose every key is `undefined` (it looks the record up under a query key that
 * `useOne`/`useShow`/`useForm` never use). This wraps both providers so that:
 *
 * - the data provider's `update` first reads the record (`getOne`), and `updateMany` the
 *   records (`getMany`, else one `getOne` per id), then writes as before;
 * - the audit log provider's `create`, for the `update` / `updateMany` log that follows,
 *   replaces `previousData` with the old values of the patched keys (for `updateMany`, an
 *   array in `meta.ids` order, as Refine sends it).
 *
 * **How a log finds its read** (checked against `@refinedev/core` 5.0.x and TanStack
 * Query 5, which hands one `variables` object to `mutationFn` and `onSuccess`).
 * `useUpdate` and `useUpdateMany` (and the one-by-one
 * `update` calls `useUpdateMany` makes without `updateMany`) hand the same `values`
 * object to the data provider as `variables` and, after the write succeeded, to the
 * audit log as `data`. A log is paired with the read of the write whose `variables` is
 * that very object, for the same resource and record id. Nothing else identifies a
 * write: `meta` is rebuilt for each call, and a record id alone cannot tell two
 * concurrent updates of one record apart.
 *
 * **What it cannot know**, and then leaves Refine's `previousData` as sent:
 * - a record the read did not return (`getMany` left it out, `getOne` failed): its
 *   before-values are unknown, never taken from another record;
 * - which of several finished writes of one record a log belongs to when they share one
 *   `values` object (a constant such as `{ status: "archived" }` saved twice before the
 *   first log came): none of those logs gets before-values;
 * - a write whose `values` was copied on the way (another wrapper between Refine and this
 *   one that clones `variables`, a log made by hand with a copy): it is never paired;
 * - a log that comes more than `maxWaitMs` after its write (its read is forgotten; had
 *   the same `values` object been written to the same record again meanwhile, that late
 *   log would take the newer write's read), or whose read was let go beyond `maxPending`;
 * - a write whose `variables` is not an object (never so with Refine's hooks): it is
 *   written without a read.
 * - what another client wrote between the read and the write: there is no transaction,
 *   so the values are those the record had just before this client wrote.
 *
 * **Cost:** one extra read per update (one `getMany` per bulk update), made before the
 * write, so every save waits one more round trip. A failed read does not block the
 * write. A failed write drops its read (Refine logs only successes).
 *
 * @example
 * const providers = withPreviousData({ dataProvider: simpleRest(API), auditLogProvider });
 * <Refine dataProvider={providers.dataProvider} auditLogProvider={providers.auditLogProvider} />
 */
export function withPreviousData<TData extends DataProvider | DataProviders, TAudit extends Partial<AuditLogProvider>>(
  options: WithPreviousDataOptions<TData, TAudit>,
): WithPreviousDataResult<TData, TAudit> {
  const { idField = "id", maxWaitMs = 60_000, maxPending = 1_000 } = options;
  // Writes waiting for their log, oldest read first; and the same by `variables` object.
  const writes = new Set<PendingWrite>();
  // By `variables` object, then by resource and record: a bulk update's writes share one
  // object, so a log finds its record's writes without scanning the others (linear, not N²).
  const byPatch = new Map<object, Map<string, Set<PendingWrite>>>();
  const recordKey = (resource: unknown, id: unknown) => `${String(resource)}\u0000${String(id)}`;
  let held = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const letGo = (write: PendingWrite) => {
    if (!write.hasRecord) return;
    write.hasRecord = false;
    write.record = undefined;
    held -= 1;
  };
  const remove = (write: PendingWrite) => {
    if (!writes.delete(write)) return;
    letGo(write);
    const groups = byPatch.get(write.patch);
    const key = recordKey(write.resource, write.id);
    const group = groups?.get(key);
    group?.delete(write);
    if (group?.size === 0) groups!.delete(key);
    if (groups?.size === 0) byPatch.delete(write.patch);
  };
  /** Forgets finished writes older than `maxWaitMs`, lets go of old and surplus records; re-arms the timer. */
  const prune = () => {
    const now = Date.now();
    for (const write of writes) {
      if (now - write.at <= maxWaitMs) continue;
      // A write still in flight keeps its place (its log may yet come), not its record.
      if (write.isWritten) remove(write);
      else letGo(write);
    }
    for (const write of writes) {
      if (held <= maxPending) break;
      letGo(write);
    }
    let next = Infinity;
    for (const write of writes) if (write.isWritten || write.hasRecord) next = Math.min(next, write.at + maxWaitMs);
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (next !== Infinity) {
      timer = setTimeout(prune, Math.max(0, next - now) + 1);
      // Never keep a Node process (SSR, tests) alive for this.
      (timer as { unref?: () => void }).unref?.();
    }
  };

  /** Registers a write before its read, so that a failed read still counts as a write of that record. */
  const begin = (resource: string, id: BaseKey, patch: unknown): PendingWrite | undefined => {
    // Only an object comes back recognisably as the log's `data`.
    if (typeof patch !== "object" || patch === null) return undefined;
    const write: PendingWrite = { resource, id, patch, record: undefined, hasRecord: false, isWritten: false, at: Date.now() };
    writes.add(write);
    let groups = byPatch.get(patch);
    if (!groups) byPatch.set(patch, (groups = new Map()));
    const key = recordKey(resource, id);
    const group = groups.get(key);
    if (group) group.add(write);
    else groups.set(key, new Set([write]));
    return write;
  };
  const fill = (write: PendingWrite | undefined, record: unknown) => {
    if (!write || !writes.has(write) || write.hasRecord) return;
    write.record = record;
    write.hasRecord = true;
    held += 1;
  };
  const settle = (write: PendingWrite | undefined, succeeded: boolean) => {
    if (!write) return;
    if (succeeded) {
      write.isWritten = true;
      write.at = Date.now();
    } else remove(write);
  };
  /**
   * The record read before the write this log is about, or `undefined` when that cannot
   * be told. Consumes one finished write of the record either way: each log is one write's.
   */
  const claim = (resource: unknown, id: unknown, patch: unknown): unknown => {
    if (typeof patch !== "object" || patch === null) return undefined;
    const candidates = [...(byPatch.get(patch)?.get(recordKey(resource, id)) ?? [])].filter((write) => write.isWritten && sameId(write.id, id));
    const [first, ...others] = candidates;
    if (!first) return undefined;
    const record = first.hasRecord && others.length === 0 ? first.record : undefined;
    remove(first);
    // Several writes of this record with this very object: the log is one of theirs, but
    // whose is unknown, and so are the logs still to come for the others.
    for (const other of others) letGo(other);
    return record;
  };

  const wrap = (provider: DataProvider): DataProvider => {
    const update: DataProvider["update"] = async (params) => {
      const write = begin(params.resource, params.id, params.variables);
      if (write) {
        try {
          fill(write, (await provider.getOne({ resource: params.resource, id: params.id, meta: params.meta })).data);
        } catch {
          // The write matters more than its history: go on without before-values.
        }
        prune();
      }
      let failed = false;
      try {
        return await provider.update(params);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // Before Refine sees the result: its log may only come after this.
        settle(write, !failed);
        prune();
      }
    };
    const updateMany: DataProvider["updateMany"] = async (params) => {
      const pending = params.ids.map((id) => [id, begin(params.resource, id, params.variables)] as const);
      if (pending.some(([, write]) => write)) {
        try {
          if (provider.getMany) {
            const { data } = await provider.getMany({ resource: params.resource, ids: params.ids, meta: params.meta });
            // By id only: an API may answer in its own order and leave records out.
            const byId = new Map<string, unknown>();
            for (const candidate of Array.isArray(data) ? (data as unknown[]) : []) {
              const id = isRecord(candidate) ? safeGet(candidate, idField) : undefined;
              // sameId(id, id): the field holds a usable id (a non-empty string or a finite number).
              if (sameId(id, id) && !byId.has(String(id))) byId.set(String(id), candidate);
            }
            for (const [id, write] of pending) if (byId.has(String(id))) fill(write, byId.get(String(id)));
          } else {
            await Promise.all(
              pending.map(async ([id, write]) => {
                try {
                  fill(write, (await provider.getOne<BaseRecord>({ resource: params.resource, id, meta: params.meta })).data);
                } catch {
                  // This record's before-values stay unknown; the others' are still read.
                }
              }),
            );
          }
        } catch {
          // As for update: the write goes on without before-values.
        }
        prune();
      }
      let failed = false;
      try {
        // Called as a method: a class-based provider reads `this`.
        return await provider.updateMany!(params);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        for (const [, write] of pending) settle(write, !failed);
        prune();
      }
    };
    // A proxy, not a spread: a class-based provider keeps its prototype methods, and they
    // run with the provider itself as `this` (its private fields included).
    const bound = new WeakMap<object, unknown>();
    // A proxy may not report another value for a read-only, non-configurable own property
    // (a frozen provider): put a blank object in front of such a provider.
    const isLocked = Reflect.ownKeys(provider).some((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(provider, key);
      return !!descriptor && !descriptor.configurable && descriptor.writable === false;
    });
    return new Proxy(isLocked ? (Object.create(provider) as DataProvider) : provider, {
      get(_target, key) {
        if (key === "update") return update;
        if (key === "updateMany" && typeof provider.updateMany === "function") return updateMany;
        const value: unknown = Reflect.get(provider, key, provider);
        if (typeof value !== "function") return value;
        if (!bound.has(value)) bound.set(value, value.bind(provider));
        return bound.get(value);
      },
    });
  };

  const source = options.dataProvider;
  const isSingle = !("default" in source) && ("getList" in source || "getOne" in source);
  const dataProvider = (
    isSingle
      ? wrap(source as DataProvider)
      : Object.fromEntries(Object.entries(source as DataProviders).map(([name, provider]) => [name, wrap(provider)]))
  ) as TData;

  const audit = options.auditLogProvider;
  // Refine spreads the audit log provider into a context and calls its methods unbound:
  // bind them here, so a class-based provider works too.
  const own = (key: keyof AuditLogProvider) => {
    const method: unknown = audit[key];
    return typeof method === "function" ? { [key]: method.bind(audit) } : {};
  };
  const log = (params: LogParams) => audit.create!(params);
  const auditLogProvider = (
    audit.create
      ? {
          ...audit,
          ...own("get"),
          ...own("update"),
          create: (params: LogParams) => {
            prune();
            const meta = isRecord(params.meta) ? params.meta : {};
            if (params.action === "update" && meta.id !== undefined) {
              const previous = pickPatched(claim(params.resource, meta.id, params.data), params.data);
              if (previous) return log({ ...params, previousData: previous });
            }
            if (params.action === "updateMany" && Array.isArray(meta.ids)) {
              const logged: unknown[] = Array.isArray(params.previousData) ? params.previousData : [];
              let found = false;
              const previousData = meta.ids.map((id: unknown, index: number) => {
                const previous = pickPatched(claim(params.resource, id, params.data), params.data);
                found ||= previous !== undefined;
                return previous ?? logged[index];
              });
              if (found) return log({ ...params, previousData });
            }
            return log(params);
          },
        }
      : { ...audit, ...own("get"), ...own("update") }
  ) as TAudit;

  return { dataProvider, auditLogProvider };
}
