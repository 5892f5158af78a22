import type { AuditLogProvider } from "@refinedev/core";
import { sameId } from "../core/normalizeLog";

/** A log row as the in-memory provider stores it (Refine's `ILog` shape). */
export interface InMemoryLogRow {
  id: number | string;
  resource: string;
  action: string;
  createdAt: string;
  author?: Record<string, unknown>;
  name?: string;
  data?: unknown;
  previousData?: unknown;
  meta?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Options of {@link createInMemoryAuditLogProvider}. */
export interface InMemoryAuditLogProviderOptions {
  /** Rows to start with (kept as given, so malformed rows can be tested too). */
  initial?: readonly unknown[];
  /** Milliseconds each call waits before answering (to show loading states). Default 0. */
  latency?: number;
  /** The clock used for new rows. Default `() => new Date()`. */
  now?: () => Date;
  /**
   * Makes `get` page its answers, following the kit's paging convention: it reads
   * `meta.pageSize` (default: this number) and `meta.cursor` (an opaque string from the
   * previous answer) and resolves `{ data: rows, nextCursor }`, with no `nextCursor` on
   * the last page. Without this option `get` resolves a plain array of every match.
   */
  pageSize?: number;
}

/** An audit log provider that keeps its rows in memory, with helpers for tests and stories. */
export interface InMemoryAuditLogProvider extends Required<Pick<AuditLogProvider, "create" | "get" | "update">> {
  /** The stored rows, oldest first (the live array: do not mutate it). */
  readonly rows: unknown[];
  /** Makes every call of one method fail with this error, until cleared with `undefined`. */
  setFailure: (method: "get" | "create" | "update", error: Error | undefined) => void;
}

/**
 * An `auditLogProvider` for demos, stories and tests, following the conventions of
 * Refine's own example: `get({ resource, meta: { id } })` returns the rows of that
 * resource that concern record `id` (through `meta.id`, or `meta.ids` for bulk actions;
 * ids compare by value, so `1` matches `"1"`), newest first; `action` and `author.id`
 * filter when given; `update({ id, name })` renames a row and resolves it. With the
 * `pageSize` option, `get` pages its answers (`meta.pageSize`, `meta.cursor` →
 * `{ data, nextCursor }`), the convention `useAuditLogEntries` reads.
 *
 * @example
 * <Refine auditLogProvider={createInMemoryAuditLogProvider()} ... />
 */
export function createInMemoryAuditLogProvider(options: InMemoryAuditLogProviderOptions = {}): InMemoryAuditLogProvider {
  const rows: unknown[] = [...(options.initial ?? [])];
  const now = options.now ?? (() => new Date());
  const failures: Partial<Record<"get" | "create" | "update", Error>> = {};
  let nextId = rows.reduce<number>((max, row) => {
    const id = Number((row as { id?: unknown } | null)?.id);
    return Number.isFinite(id) ? Math.max(max, id) : max;
  }, 0);
  const answer = async <T>(method: "get" | "create" | "update", work: () => T): Promise<T> => {
    if (options.latency) await new Promise((resolve) => setTimeout(resolve, options.latency));
    const failure = failures[method];
    if (failure) throw failure;
    return work();
  };
  // Answers hand out copies, as a real backend would: a cached row never changes behind TanStack Query's back.
  const copy = <T,>(row: T): T => (row && typeof row === "object" && !Array.isArray(row) ? { ...row } : row);
  const concerns = (row: InMemoryLogRow, id: unknown) =>
    sameId(row.meta?.id, id) || (Array.isArray(row.meta?.ids) && row.meta.ids.some((rowId: unknown) => sameId(rowId, id)));

  return {
    rows,
    setFailure: (method, error) => {
      failures[method] = error;
    },
    create: (params) =>
      answer("create", () => {
        const row: InMemoryLogRow = { ...params, id: ++nextId, createdAt: now().toISOString() };
        rows.push(row);
        return copy(row);
      }),
    get: ({ resource, action, meta, author }) =>
      answer("get", () => {
        const matches = rows
          .filter((row) => {
            const r = row as InMemoryLogRow | null;
            if (!r || typeof r !== "object" || r.resource !== resource) return false;
            if (action && r.action !== action) return false;
            if (author?.id !== undefined && !sameId(r.author?.id, author.id)) return false;
            return meta?.id === undefined || concerns(r, meta.id);
          })
          .reverse()
          .map(copy);
        if (!options.pageSize) return matches;
        const requested = Number(meta?.pageSize);
        const size = Number.isInteger(requested) && requested > 0 ? requested : options.pageSize;
        // The cursor is the offset of the page's first row, as text: callers treat it as opaque.
        const offset = Math.max(0, Number.parseInt(String(meta?.cursor ?? "0"), 10) || 0);
        const end = offset + size;
        return end < matches.length ? { data: matches.slice(offset, end), nextCursor: String(end) } : { data: matches.slice(offset) };
      }),
    update: ({ id, name }) =>
      answer("update", () => {
        const row = rows.find((candidate) => sameId((candidate as InMemoryLogRow | null)?.id, id)) as InMemoryLogRow | undefined;
        if (!row) throw new Error(`No log entry with id ${String(id)}.`);
        row.name = name;
        return { ...row };
      }),
  };
}
