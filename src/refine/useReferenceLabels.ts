import { keys, pickDataProvider, ResourceContext, useDataProvider, type BaseRecord, type GetManyResponse } from "@refinedev/core";
import { keepPreviousData, QueryClient, QueryClientContext, useQueries } from "@tanstack/react-query";
import { createContext, useContext, useMemo } from "react";
import { getReferenceLabel, referenceKey, toReferenceId, type ReferenceLookup, type ReferenceRequests, type ReferenceState } from "../core/references";
import { getValueType, safeGet } from "../core/values";
import { findResource } from "./useResourceLabel";
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
 * lookup?.({ resource: "categories" }, "7"); // { status: "resolved", label: "Lighting" }
 */
export function useReferenceLabels(requests: ReferenceRequests | undefined): UseReferenceLabelsResult {
  const client = useContext(QueryClientContext);
  const { resources } = useContext(ResourceContext) ?? { resources: [] };
  const getDataProvider = useDataProvider();
  // The requests' content (the ids sorted), once per requests object, not on every render.
  const requestKey = useMemo(() => (requests ? [...requests].map(([key, request]) => `${key}\u0001${[...request.ids].sort().join("\u0002")}`).join("\u0003") : ""), [requests]);
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
    // Per data provider and resource: what was asked, what came back (read defensively: an
    // answer is the provider's data, whatever its shape), and how the request stands.
    const byKey = new Map<string, { asked: ReadonlySet<string>; records: readonly unknown[]; status: "pending" | "error" | "success"; isPlaceholder: boolean; message?: string }>();
    queries.forEach((query, i) => {
      const result = results[i];
      byKey.set(query.key, {
        asked: new Set(query.ids),
        records: readRecords(result?.data),
        status: result?.status ?? "pending",
        isPlaceholder: result?.isPlaceholderData ?? false,
        message: readMessage(result?.error),
      });
    });
    // Records by id, per resource and id field; states per reference (its own label).
    const indexes = new Map<string, Map<string, unknown>>();
    const states = new WeakMap<RecordDiffReference, Map<string, ReferenceState>>();
    return (reference, id) => {
      const key = referenceKey(reference);
      const known = byKey.get(key);
      if (!known || !known.asked.has(id)) return undefined;
      let cache = states.get(reference);
      if (!cache) states.set(reference, (cache = new Map()));
      let state = cache.get(id);
      if (state) return state;
      const idField = reference.idField ?? "id";
      const indexKey = `${key}\u0000${idField}`;
      let index = indexes.get(indexKey);
      if (!index) indexes.set(indexKey, (index = indexRecords(known.records, idField)));
      const record = index.get(id);
      if (record !== undefined) state = { status: "resolved", label: getReferenceLabel(record, reference) ?? `#${id}` };
      else if (known.status === "error") state = { status: "error", message: known.message };
      else if (known.status === "pending" || known.isPlaceholder) state = { status: "loading" };
      else state = { status: "missing" };
      cache.set(id, state);
      return state;
    };
    // `results` is read through `signature`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, queries, signature]);

  return { lookup, isLoading: results.some((result) => result.isPending || result.isPlaceholderData) && client !== undefined };
}

/** The records of an answer: its `data` when that is a list, else none. */
function readRecords(answer: unknown): readonly unknown[] {
  try {
    const data = answer && typeof answer === "object" ? (answer as { data?: unknown }).data : undefined;
    return Array.isArray(data) ? data : [];
  } catch {
    return []; // a getter that throws: no records
  }
}

/** Records by their id (text), first one wins; records whose id cannot be read are left out. */
function indexRecords(records: readonly unknown[], idField: string): Map<string, unknown> {
  const index = new Map<string, unknown>();
  for (const record of records) {
    if (getValueType(record) !== "object") continue;
    let id: string | undefined;
    try {
      id = toReferenceId(safeGet(record as object, idField));
    } catch {
      id = undefined;
    }
    if (id !== undefined && !index.has(id)) index.set(id, record);
  }
  return index;
}

/** An error's message, if it can be read as text. */
function readMessage(error: unknown): string | undefined {
  try {
    return error instanceof Error && typeof error.message === "string" ? error.message : undefined;
  } catch {
    return undefined;
  }
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
