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
   * How long a record read before an update waits for its log, in milliseconds. A log
   * never comes when the resource's `meta.audit` leaves the action out. Default 60,000.
   */
  maxWaitMs?: number;
  /**
   * The most reads kept waiting for their log at once; beyond it the oldest is dropped.
   * Each holds a whole record, so this bounds the memory. Default 1,000.
   */
  maxPending?: number;
}

/** The wrapped providers: pass both to `<Refine>`. */
export interface WithPreviousDataResult<TData, TAudit> {
  dataProvider: TData;
  auditLogProvider: TAudit;
}

interface Pending {
  record: unknown;
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
 * **Cost:** one extra read per update (one `getMany` per bulk update), made before the
 * write, so every save waits one more round trip. A failed read does not block the
 * write: its log keeps Refine's `previousData`. Reads are matched to logs by resource
 * and record id, first in first out; a read whose log never comes (a failed write, a
 * `meta.audit` that leaves updates out) is dropped after `maxWaitMs`, and at most
 * `maxPending` reads wait at once (the oldest goes first).
 *
 * @example
 * const providers = withPreviousData({ dataProvider: simpleRest(API), auditLogProvider });
 * <Refine dataProvider={providers.dataProvider} auditLogProvider={providers.auditLogProvider} />
 */
export function withPreviousData<TData extends DataProvider | DataProviders, TAudit extends Partial<AuditLogProvider>>(
  options: WithPreviousDataOptions<TData, TAudit>,
): WithPreviousDataResult<TData, TAudit> {
  const { idField = "id", maxWaitMs = 60_000, maxPending = 1_000 } = options;
  // Reads waiting for their log, oldest first (by resource and record id for lookup).
  const pending = new Map<string, Pending[]>();
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const keyOf = (resource: unknown, id: unknown) => `${String(resource)}\u0000${String(id)}`;

  const remove = (key: string, item: Pending) => {
    const list = pending.get(key);
    const index = list ? list.indexOf(item) : -1;
    if (!list || index < 0) return;
    list.splice(index, 1);
    count -= 1;
    if (list.length === 0) pending.delete(key);
  };
  /** Drops the reads older than `maxWaitMs`, and the oldest beyond `maxPending`; re-arms the timer. */
  const prune = () => {
    const now = Date.now();
    let oldest: Pending | undefined;
    let oldestKey = "";
    for (const [key, list] of [...pending]) {
      for (const item of [...list]) {
        if (now - item.at > maxWaitMs) remove(key, item);
        else if (!oldest || item.at < oldest.at) {
          oldest = item;
          oldestKey = key;
        }
      }
    }
    while (count > maxPending && oldest) {
      remove(oldestKey, oldest);
      oldest = undefined;
      for (const [key, list] of pending) {
        if (list[0] && (!oldest || list[0].at < oldest.at)) {
          oldest = list[0];
          oldestKey = key;
        }
      }
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (oldest) {
      timer = setTimeout(prune, Math.max(0, oldest.at + maxWaitMs - now) + 1);
      // Never keep a Node process (SSR, tests) alive for this.
      (timer as { unref?: () => void }).unref?.();
    }
  };

  const put = (resource: string, id: BaseKey, record: unknown): Pending => {
    const item = { record, at: Date.now() };
    const key = keyOf(resource, id);
    pending.set(key, [...(pending.get(key) ?? []), item]);
    count += 1;
    prune();
    return item;
  };
  const drop = (resource: string, id: BaseKey, item: Pending) => {
    remove(keyOf(resource, id), item);
    prune();
  };
  const take = (resource: unknown, id: unknown): unknown => {
    prune();
    const key = keyOf(resource, id);
    const first = pending.get(key)?.[0];
    if (first) remove(key, first);
    return first?.record;
  };

  const wrap = (provider: DataProvider): DataProvider => {
    const update: DataProvider["update"] = async (params) => {
      let item: Pending | undefined;
      try {
        const { data } = await provider.getOne({ resource: params.resource, id: params.id, meta: params.meta });
        item = put(params.resource, params.id, data);
      } catch {
        // The write matters more than its history: go on without before-values.
      }
      try {
        return await provider.update(params);
      } catch (error) {
        if (item) drop(params.resource, params.id, item);
        throw error;
      }
    };
    const updateMany: DataProvider["updateMany"] = async (params) => {
      const items: [BaseKey, Pending][] = [];
      try {
        const records: readonly unknown[] = provider.getMany
          ? (await provider.getMany({ resource: params.resource, ids: params.ids, meta: params.meta })).data
          : await Promise.all(params.ids.map(async (id) => (await provider.getOne<BaseRecord>({ resource: params.resource, id, meta: params.meta })).data));
        params.ids.forEach((id, index) => {
          const record = records.find((candidate) => isRecord(candidate) && sameId(safeGet(candidate, idField), id)) ?? records[index];
          if (record !== undefined) items.push([id, put(params.resource, id, record)]);
        });
      } catch {
        // As for update: the write goes on without before-values.
      }
      try {
        // Called as a method: a class-based provider reads `this`.
        return await provider.updateMany!(params);
      } catch (error) {
        for (const [id, item] of items) drop(params.resource, id, item);
        throw error;
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
            const meta = isRecord(params.meta) ? params.meta : {};
            if (params.action === "update" && meta.id !== undefined) {
              const previous = pickPatched(take(params.resource, meta.id), params.data);
              if (previous) return log({ ...params, previousData: previous });
            }
            if (params.action === "updateMany" && Array.isArray(meta.ids)) {
              const logged: unknown[] = Array.isArray(params.previousData) ? params.previousData : [];
              let found = false;
              const previousData = meta.ids.map((id: unknown, index: number) => {
                const previous = pickPatched(take(params.resource, id), params.data);
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
