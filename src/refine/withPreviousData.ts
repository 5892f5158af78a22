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
 * `meta.audit` that leaves updates out) is dropped after `maxWaitMs`.
 *
 * @example
 * const providers = withPreviousData({ dataProvider: simpleRest(API), auditLogProvider });
 * <Refine dataProvider={providers.dataProvider} auditLogProvider={providers.auditLogProvider} />
 */
export function withPreviousData<TData extends DataProvider | DataProviders, TAudit extends Partial<AuditLogProvider>>(
  options: WithPreviousDataOptions<TData, TAudit>,
): WithPreviousDataResult<TData, TAudit> {
  const { idField = "id", maxWaitMs = 60_000 } = options;
  const pending = new Map<string, Pending[]>();
  const keyOf = (resource: unknown, id: unknown) => `${String(resource)}\u0000${String(id)}`;

  const put = (resource: string, id: BaseKey, record: unknown): Pending => {
    const item = { record, at: Date.now() };
    const key = keyOf(resource, id);
    pending.set(key, [...(pending.get(key) ?? []), item]);
    return item;
  };
  const drop = (resource: string, id: BaseKey, item: Pending) => {
    const key = keyOf(resource, id);
    const left = (pending.get(key) ?? []).filter((candidate) => candidate !== item);
    if (left.length > 0) pending.set(key, left);
    else pending.delete(key);
  };
  const take = (resource: unknown, id: unknown): unknown => {
    const key = keyOf(resource, id);
    const fresh = (pending.get(key) ?? []).filter((item) => Date.now() - item.at <= maxWaitMs);
    const first = fresh.shift();
    if (fresh.length > 0) pending.set(key, fresh);
    else pending.delete(key);
    return first?.record;
  };

  const wrap = (provider: DataProvider): DataProvider => {
    const wrapped: DataProvider = {
      ...provider,
      update: async (params) => {
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
      },
    };
    const updateMany = provider.updateMany;
    if (updateMany) {
      wrapped.updateMany = async (params) => {
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
          return await updateMany(params);
        } catch (error) {
          for (const [id, item] of items) drop(params.resource, id, item);
          throw error;
        }
      };
    }
    return wrapped;
  };

  const source = options.dataProvider;
  const isSingle = !("default" in source) && ("getList" in source || "getOne" in source);
  const dataProvider = (
    isSingle
      ? wrap(source as DataProvider)
      : Object.fromEntries(Object.entries(source as DataProviders).map(([name, provider]) => [name, wrap(provider)]))
  ) as TData;

  const audit = options.auditLogProvider;
  const create = audit.create;
  const auditLogProvider = (
    create
      ? {
          ...audit,
          create: (params: LogParams) => {
            const meta = isRecord(params.meta) ? params.meta : {};
            if (params.action === "update" && meta.id !== undefined) {
              const previous = pickPatched(take(params.resource, meta.id), params.data);
              if (previous) return create({ ...params, previousData: previous });
            }
            if (params.action === "updateMany" && Array.isArray(meta.ids)) {
              const logged: unknown[] = Array.isArray(params.previousData) ? params.previousData : [];
              let found = false;
              const previousData = meta.ids.map((id: unknown, index: number) => {
                const previous = pickPatched(take(params.resource, id), params.data);
                found ||= previous !== undefined;
                return previous ?? logged[index];
              });
              if (found) return create({ ...params, previousData });
            }
            return create(params);
          },
        }
      : audit
  ) as TAudit;

  return { dataProvider, auditLogProvider };
}
