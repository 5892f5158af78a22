import type { AuditLogProvider } from "@refinedev/core";
import type { AuditLogQuery, AuditLogServerAnswer, InMemoryLogRow } from "../../src/index";

/** Options of {@link createServerSideAuditLogProvider}. */
export interface ServerSideProviderOptions {
  /** The stored rows (any order). */
  rows: InMemoryLogRow[];
  /** Milliseconds each `get` waits. Default 0. */
  latency?: number;
}

/** A provider that applies the query contract in memory, with what tests and stories need to look inside. */
export interface ServerSideAuditLogProvider extends Required<Pick<AuditLogProvider, "get" | "update" | "create">> {
  rows: InMemoryLogRow[];
  /** Every `meta.auditQuery` received, in order. */
  queries: AuditLogQuery[];
  /** Makes `get` fail (for pages matching `when`, or every page) until cleared with `undefined`. */
  setFailure: (error: Error | undefined, when?: (query: AuditLogQuery) => boolean) => void;
  /** Rewrites answers (a provider that misbehaves): receives the honest answer. */
  setTamper: (tamper: ((answer: AuditLogServerAnswer<InMemoryLogRow>, query: AuditLogQuery) => unknown) | undefined) => void;
}

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));

/** True when `data` holds the dotted path, or a value written whole at one of its parents, or something under it. */
function changed(data: unknown, path: string): boolean {
  let value = data;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return false;
    if (!Object.hasOwn(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
    if (value === null || typeof value !== "object") return true;
  }
  return true;
}

const sortValue = (row: InMemoryLogRow, field: string): string | number => {
  if (field === "createdAt") return Date.parse(row.createdAt);
  if (field === "author") return text(row.author?.name ?? row.author?.email ?? row.author?.id).toLowerCase();
  if (field === "id") return text(row.meta?.id).padStart(12, "0");
  return text(row[field]).toLowerCase();
};

/**
 * An audit log provider that implements the query contract (version 1) in memory:
 * filters, sorters, page and cursor paging and `total`, answering
 * `{ data, total, nextCursor }`. For tests and stories of server-side logs.
 */
export function createServerSideAuditLogProvider(options: ServerSideProviderOptions): ServerSideAuditLogProvider {
  const rows = [...options.rows];
  const queries: AuditLogQuery[] = [];
  let failure: { error: Error; when?: (query: AuditLogQuery) => boolean } | undefined;
  let tamper: ((answer: AuditLogServerAnswer<InMemoryLogRow>, query: AuditLogQuery) => unknown) | undefined;
  let nextId = rows.reduce((max, row) => Math.max(max, Number(row.id) || 0), 0);
  return {
    rows,
    queries,
    setFailure: (error, when) => {
      failure = error ? { error, when } : undefined;
    },
    setTamper: (next) => {
      tamper = next;
    },
    create: async (params) => {
      const row = { ...params, id: ++nextId, createdAt: new Date().toISOString() } as InMemoryLogRow;
      rows.push(row);
      return row;
    },
    update: async ({ id, name }) => {
      const row = rows.find((candidate) => String(candidate.id) === String(id));
      if (!row) throw new Error(`No log entry with id ${String(id)}.`);
      row.name = name;
      return { ...row };
    },
    get: async ({ resource, meta }) => {
      if (options.latency) await new Promise((resolve) => setTimeout(resolve, options.latency));
      const query = meta?.auditQuery as AuditLogQuery;
      queries.push(query);
      if (failure && (!failure.when || failure.when(query))) throw failure.error;
      const { filters = {}, sorters, pagination } = query;
      const words = filters.search?.split(" ") ?? [];
      const matching = rows.filter((row) => {
        if (row.resource !== resource) return false;
        if (query.id !== undefined && text(row.meta?.id) !== query.id && !(Array.isArray(row.meta?.ids) && row.meta.ids.some((id: unknown) => text(id) === query.id))) return false;
        if (filters.actions && !filters.actions.includes(row.action)) return false;
        if (filters.authors && !filters.authors.some((author) => [row.author?.id, row.author?.name, row.author?.email].some((value) => text(value) === author))) return false;
        if (filters.fields && !filters.fields.some((field) => changed(row.data, field) || changed(row.previousData, field))) return false;
        if (filters.namedOnly && !row.name) return false;
        const time = Date.parse(row.createdAt);
        if (filters.from && time < Date.parse(filters.from)) return false;
        if (filters.to && time > Date.parse(filters.to)) return false;
        const haystack = [row.name, row.author?.name, row.author?.email, row.author?.id, row.action, row.meta?.id, ...(Array.isArray(row.meta?.ids) ? row.meta.ids : [])].map(text).join(" ").toLowerCase();
        return words.every((word) => haystack.includes(word));
      });
      const lastOrder = sorters[sorters.length - 1]!.order === "asc" ? 1 : -1;
      matching.sort((a, b) => {
        for (const { field, order } of sorters) {
          const x = sortValue(a, field);
          const y = sortValue(b, field);
          if (x !== y) return (x < y ? -1 : 1) * (order === "asc" ? 1 : -1);
        }
        return (Number(a.id) - Number(b.id)) * lastOrder;
      });
      const offset = pagination.mode === "page" ? (pagination.currentPage - 1) * pagination.pageSize : Number(pagination.cursor ?? 0);
      const end = offset + pagination.pageSize;
      const answer: AuditLogServerAnswer<InMemoryLogRow> = {
        data: matching.slice(offset, end).map((row) => ({ ...row })),
        total: query.total ? matching.length : null,
        nextCursor: pagination.mode === "cursor" && end < matching.length ? String(end) : null,
      };
      return tamper ? tamper(answer, query) : answer;
    },
  };
}

/** `count` rows of `products`, one a minute back from `now`, newest with the highest id; authors and actions vary. */
export function serverRows(count: number, now = Date.UTC(2024, 10, 5, 12)): InMemoryLogRow[] {
  const authors = [
    { id: 1, name: "Ada Lovelace", email: "ada@example.com" },
    { id: 2, name: "Grace Hopper", email: "grace@example.com" },
    { id: 3, name: "Alan Turing", email: "alan@example.com" },
  ];
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    const action = id % 7 === 0 ? "create" : "update";
    return {
      id,
      resource: "products",
      action,
      createdAt: new Date(now - (count - id) * 60_000).toISOString(),
      author: authors[id % 3],
      ...(id % 50 === 0 ? { name: `Release ${id / 50}` } : {}),
      data: action === "create" ? { name: `Product ${id}`, price: id, secret: `s3cret-${id}` } : { price: id, secret: `s3cret-${id}` },
      previousData: action === "create" ? undefined : { price: id - 1, secret: `s3cret-${id - 1}` },
      meta: { id: (id % 40) + 1 },
    } as InMemoryLogRow;
  });
}
