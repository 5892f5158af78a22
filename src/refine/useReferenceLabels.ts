import { keys, pickDataProvider, ResourceContext, useDataProvider, type BaseRecord, type GetManyResponse, type IResourceItem } from "@refinedev/core";
import { keepPreviousData, QueryClient, QueryClientContext, useQueries } from "@tanstack/react-query";
import { createContext, useContext, useMemo } from "react";
import { getReferenceLabel, toReferenceId, type ReferenceLookup, type ReferenceRequests, type ReferenceState } from "../core/references";
import type { RecordDiffReference } from "../core/policy";

/** The result of {@link useReferenceLabels}. */
export interface UseReferenceLabelsResult {
  /** What is known of each referenced record; `undefined` outside Refine (ids show). */
  lookup: ReferenceLookup | undefined;
  /** Some labels are still loading. */
  isLoading: boolean;
}

/**
 * The lookup of the views around (a timeline or a table resolves the ids of all its
 * entries at once): a `<RecordDiff>` inside reads it instead of asking again.
 */
export const ReferenceLookupContext = createContext<ReferenceLookup | undefined>(undefined);

/** The lookup of the view around, if any; see {@link ReferenceLookupContext}. */
export function useReferenceLookupContext(): ReferenceLookup | undefined {
  return useContext(ReferenceLookupContext);
}

// Outside a QueryClientProvider nothing is asked: a client of its own keeps the hook order.
let idleClient: QueryClient | undefined;

interface ResourceQuery {
  key: string;
  reference: RecordDiffReference;
  ids: readonly string[];
  identifier: string;
  name: string;
  dataProviderName: string | undefined;
}

/**
 * Resolves referenced ids to labels (`fields[…].reference`), one request per resource for
 * all the ids asked: the data provider's `getMany` (or `getOne` per id when it has none),
 * under the same query key as Refine's `useMany`, so React Query caches and shares it like
 * any Refine read. A record the answer lacks is `missing` (deleted); a failed request is
 * `error` (the ids show). While more ids load, the labels already known stay.
 *
 * @example
 * const requests = new Map([["\u0000categories", { reference: { resource: "categories" }, ids: new Set(["3", "7"]) }]]);
 * const { lookup } = useReferenceLabels(requests);
 * lookup?.("categories", "7"); // { status: "resolved", label: "Lighting" }
 */
export function useReferenceLabels(requests: ReferenceRequests | undefined): UseReferenceLabelsResult {
  const client = useContext(QueryClientContext);
  const { resources } = useContext(ResourceContext) ?? { resources: [] };
  const getDataProvider = useDataProvider();
  const requestKey = requests ? [...requests].map(([key, request]) => `${key}\u0001${[...request.ids].sort().join("\u0002")}`).join("\u0003") : "";
  const queries: ResourceQuery[] = useMemo(() => {
    const out: ResourceQuery[] = [];
    for (const [key, { reference, ids }] of requests ?? []) {
      if (ids.size === 0) continue;
      const resource = findResource(resources, reference.resource);
      const identifier = resource?.identifier ?? resource?.name ?? reference.resource;
      let dataProviderName: string | undefined;
      try {
        dataProviderName = pickDataProvider(identifier, reference.dataProviderName, resources);
      } catch {
        dataProviderName = reference.dataProviderName;
      }
      out.push({ key, reference, ids: [...ids].sort(), identifier, name: resource?.name ?? reference.resource, dataProviderName });
    }
    return out;
    // `requests` is read through its content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey, resources]);

  const results = useQueries(
    {
      queries: queries.map((query) => ({
        // Refine's `useMany` key: a `useMany` of the same ids shares this entry of the cache.
        queryKey: keys()
          .data(query.dataProviderName)
          .resource(query.identifier)
          .action("many")
          .ids(...query.ids)
          .params({})
          .get(),
        queryFn: (context: { signal: AbortSignal }) => readMany(getDataProvider, query, context.signal),
        enabled: client !== undefined,
        placeholderData: keepPreviousData,
        retry: false,
      })),
    },
    client ?? (idleClient ??= new QueryClient()),
  );

  const signature = results.map((result) => `${result.status}|${result.dataUpdatedAt}|${result.errorUpdatedAt}|${result.isPlaceholderData}`).join(",");
  const lookup = useMemo((): ReferenceLookup | undefined => {
    if (client === undefined || queries.length === 0) return undefined;
    const byResource = new Map<string, { asked: ReadonlySet<string>; records: Map<string, BaseRecord>; status: "pending" | "error" | "success"; isPlaceholder: boolean; reference: RecordDiffReference; message?: string }>();
    queries.forEach((query, i) => {
      const result = results[i];
      const records = new Map<string, BaseRecord>();
      const idField = query.reference.idField ?? "id";
      for (const record of result?.data?.data ?? []) {
        const id = record && typeof record === "object" ? toReferenceId((record as Record<string, unknown>)[idField]) : undefined;
        if (id !== undefined) records.set(id, record);
      }
      byResource.set(query.reference.resource, {
        asked: new Set(query.ids),
        records,
        status: result?.status ?? "pending",
        isPlaceholder: result?.isPlaceholderData ?? false,
        reference: query.reference,
        message: result?.error instanceof Error ? result.error.message : undefined,
      });
    });
    const labels = new Map<string, ReferenceState>();
    return (resource, id) => {
      const known = byResource.get(resource);
      if (!known || !known.asked.has(id)) return undefined;
      const cacheKey = `${resource}\u0000${id}`;
      let state = labels.get(cacheKey);
      if (state) return state;
      const record = known.records.get(id);
      if (record) state = { status: "resolved", label: getReferenceLabel(record, known.reference) ?? `#${id}` };
      else if (known.status === "error") state = { status: "error", message: known.message };
      else if (known.status === "pending" || known.isPlaceholder) state = { status: "loading" };
      else state = { status: "missing" };
      labels.set(cacheKey, state);
      return state;
    };
    // `results` is read through `signature`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, queries, signature]);

  return { lookup, isLoading: results.some((result) => result.isPending || result.isPlaceholderData) && client !== undefined };
}

function findResource(resources: readonly IResourceItem[] | undefined, name: string): IResourceItem | undefined {
  const list = resources ?? [];
  return list.find((resource) => (resource.identifier ?? resource.name) === name) ?? list.find((resource) => resource.name === name);
}

const statusOf = (error: unknown): number | undefined => {
  const status = error && typeof error === "object" ? (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status : undefined;
  return typeof status === "number" ? status : undefined;
};

/** `getMany`, or `getOne` per id: a record that answers 404 or 410 is left out (deleted), any other failure fails the whole. */
async function readMany(getDataProvider: ReturnType<typeof useDataProvider>, query: ResourceQuery, signal: AbortSignal): Promise<GetManyResponse<BaseRecord>> {
  const provider = getDataProvider(query.dataProviderName);
  const meta = { signal };
  if (typeof provider.getMany === "function") return provider.getMany({ resource: query.name, ids: [...query.ids], meta });
  const settled = await Promise.allSettled(query.ids.map((id) => provider.getOne({ resource: query.name, id, meta })));
  const data: BaseRecord[] = [];
  for (const result of settled) {
    if (result.status === "fulfilled") {
      if (result.value?.data) data.push(result.value.data);
    } else if (statusOf(result.reason) !== 404 && statusOf(result.reason) !== 410) throw result.reason;
  }
  return { data };
}
