import { Refine, type AuditLogProvider } from "@refinedev/core";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { createInMemoryAuditLogProvider, MAX_AUDIT_LOG_PAGES, useAuditLogEntries, type InMemoryLogRow, type UseAuditLogEntriesQueryOptions } from "../../src/index";
import { createServerSideAuditLogProvider, serverRows } from "../../stories/support/serverSideProvider";
import { createTestQueryClient } from "../audit-timeline/renderWithRefine";

function renderEntries(options: UseAuditLogEntriesQueryOptions, auditLogProvider: Partial<AuditLogProvider>) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Refine auditLogProvider={auditLogProvider as AuditLogProvider} options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}>
      {children}
    </Refine>
  );
  return { ...renderHook((props: UseAuditLogEntriesQueryOptions) => useAuditLogEntries(props), { wrapper, initialProps: options }), queryClient };
}

const ids = (entries: { id: unknown }[]) => entries.map((entry) => entry.id);

describe("useAuditLogEntries with a server-side provider (the query contract)", () => {
  it("reads 30 cursor pages with no cap, holding a sliding window of at most 10, and goes back", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(200) });
    const get = vi.spyOn(provider, "get");
    const { result, queryClient } = renderEntries({ resource: "products", pageSize: 5 }, provider);
    await waitFor(() => expect(result.current.entries).toHaveLength(5));
    expect(result.current.isServerSide).toBe(true);
    expect(result.current.total).toBeNull();
    expect(ids(result.current.entries)).toEqual([200, 199, 198, 197, 196]);
    for (let page = 2; page <= 30; page++) {
      act(() => result.current.fetchNextPage());
      await waitFor(() => expect(result.current.entries.at(-1)?.id).toBe(200 - page * 5 + 1));
    }
    // Pages 20 to 29 (0-based) are held: 50 entries, newest of page 20 first.
    expect(result.current.firstPageIndex).toBe(20);
    expect(result.current.entries).toHaveLength(MAX_AUDIT_LOG_PAGES * 5);
    expect(result.current.entries[0]!.id).toBe(100);
    expect(result.current.isTruncated).toBe(false);
    expect(result.current.hasNextPage).toBe(true);
    expect(result.current.hasPreviousPage).toBe(true);
    expect(result.current.problem).toBeUndefined();
    // Each page was asked for once (sliding moves one slot, the others keep their queries).
    expect(get).toHaveBeenCalledTimes(30);
    expect(get.mock.calls.map(([params]) => params.meta?.auditQuery.pagination.cursor)).toEqual([undefined, ...Array.from({ length: 29 }, (_, page) => String((page + 1) * 5))]);
    // The legacy keys go along, for old providers.
    expect(get.mock.calls[3]![0].meta).toMatchObject({ pageSize: 5, cursor: "15" });
    // Pages the window left are not kept in the cache: at most 10 pages (and the parked first key).
    expect(queryClient.getQueryCache().findAll({ queryKey: ["audit", "products", "list"] }).filter((query) => query.state.data !== undefined).length).toBeLessThanOrEqual(MAX_AUDIT_LOG_PAGES + 1);

    act(() => result.current.fetchPreviousPage());
    await waitFor(() => expect(result.current.entries[0]!.id).toBe(105));
    expect(result.current.firstPageIndex).toBe(19);
    expect(result.current.entries).toHaveLength(50);
    expect(result.current.entries.at(-1)!.id).toBe(56);
  });

  it("keeps every page read, up to the cap, for a view that needs the history whole (slidingWindow: false)", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(100) });
    const { result } = renderEntries({ resource: "products", pageSize: 5, slidingWindow: false }, provider);
    await waitFor(() => expect(result.current.entries).toHaveLength(5));
    for (let page = 2; page <= MAX_AUDIT_LOG_PAGES; page++) {
      act(() => result.current.fetchNextPage());
      await waitFor(() => expect(result.current.entries).toHaveLength(page * 5));
    }
    expect(result.current.isTruncated).toBe(true);
    expect(result.current.hasNextPage).toBe(false);
    act(() => result.current.fetchNextPage());
    await act(async () => {});
    expect(result.current.firstPageIndex).toBe(0);
    expect(result.current.entries[0]!.id).toBe(100);
  });

  it("keeps a legacy provider exactly as before: capped at 10 requests, its answer filtered by the view", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: serverRows(80), pageSize: 5 });
    const { result } = renderEntries({ resource: "products", pageSize: 5 }, provider);
    await waitFor(() => expect(result.current.entries).toHaveLength(5));
    expect(result.current.isServerSide).toBe(false);
    for (let page = 2; page <= MAX_AUDIT_LOG_PAGES; page++) {
      act(() => result.current.fetchNextPage());
      await waitFor(() => expect(result.current.entries).toHaveLength(page * 5));
    }
    expect(result.current.isTruncated).toBe(true);
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.firstPageIndex).toBe(0);
    expect(result.current.total).toBeNull();
  });

  it("sends a legacy provider the first query only: the view's own sorting, paging and filters never refetch it", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: serverRows(30) });
    const get = vi.spyOn(provider, "get");
    const page = (currentPage: number) => ({ resource: "products", query: { page: { currentPage, pageSize: 10 }, filters: { search: `x${currentPage}` } } });
    const { result, rerender } = renderEntries(page(1), provider);
    await waitFor(() => expect(result.current.entries).toHaveLength(30));
    rerender(page(2));
    rerender(page(3));
    await act(async () => {});
    expect(get).toHaveBeenCalledTimes(1);
    expect(result.current.requestMeta.auditQuery.pagination).toEqual({ mode: "page", currentPage: 1, pageSize: 10 });
  });

  it("asks for any page with its sorters, filters and total, and counts from total", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(1000) });
    const query = (currentPage: number) => ({
      resource: "products",
      timeZone: "Europe/Paris",
      fields: { secret: { hidden: true } },
      query: {
        page: { currentPage, pageSize: 25 },
        sorters: [{ field: "action" as const, order: "asc" as const }, { field: "createdAt" as const, order: "desc" as const }],
        filters: { author: "Ada Lovelace", field: ["price", "secret.x"], from: "2024-11-01", to: "2024-11-05" },
      },
    });
    const { result, rerender } = renderEntries(query(1), provider);
    await waitFor(() => expect(result.current.state).toBe("ready"));
    expect(provider.queries.at(-1)).toEqual({
      version: 1,
      filters: { authors: ["Ada Lovelace"], fields: ["price"], from: "2024-10-31T23:00:00.000Z", to: "2024-11-05T22:59:59.999Z" },
      sorters: [
        { field: "action", order: "asc" },
        { field: "createdAt", order: "desc" },
      ],
      pagination: { mode: "page", currentPage: 1, pageSize: 25 },
      total: true,
    });
    const matching = provider.rows.filter((row) => row.author?.name === "Ada Lovelace").length;
    expect(result.current.total).toBe(matching);
    expect(result.current.entries).toHaveLength(25);
    expect(result.current.entries.every((entry) => entry.author?.name === "Ada Lovelace")).toBe(true);
    // Creates first (sorted by action), as the server sent them: never sorted again.
    expect(result.current.entries[0]!.action).toBe("create");

    rerender(query(14));
    // The previous page stays while the new one is on its way.
    expect(result.current.isPreviousData).toBe(true);
    expect(result.current.entries).toHaveLength(25);
    await waitFor(() => expect(result.current.isPreviousData).toBe(false));
    expect(result.current.entries).toHaveLength(matching - 13 * 25);
    expect(result.current.total).toBe(matching);
    expect(result.current.problem).toBeUndefined();
  });

  it.each([
    ["an unreadable row", (row: InMemoryLogRow) => ({ ...row, action: undefined })],
    ["a row of another resource", (row: InMemoryLogRow) => ({ ...row, resource: "orders" })],
  ])("pages on without a total while the server's page is full, even with %s in it", async (_, spoil) => {
    // 25 rows, pages of 10, no total: page 1 holds rows 25–16, its last one spoiled.
    const provider = createServerSideAuditLogProvider({ rows: serverRows(25) });
    provider.setTamper((answer, query) => ({
      ...answer,
      total: null,
      data: query.pagination.mode === "page" && query.pagination.currentPage === 1 ? answer.data.map((row) => (row.id === 16 ? spoil(row) : row)) : answer.data,
    }));
    const query = (currentPage: number) => ({ resource: "products", query: { page: { currentPage, pageSize: 10 } } });
    const { result, rerender } = renderEntries(query(1), provider);
    await waitFor(() => expect(result.current.state).toBe("ready"));
    expect(result.current.total).toBeNull();
    expect(result.current.entries).toHaveLength(9);
    expect(result.current.hasNextPage).toBe(true);
    rerender(query(2));
    await waitFor(() => expect(ids(result.current.entries)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]));
    expect(result.current.hasNextPage).toBe(true);
    rerender(query(3));
    await waitFor(() => expect(ids(result.current.entries)).toEqual([5, 4, 3, 2, 1]));
    expect(result.current.hasNextPage).toBe(false);
  });

  it("matches nothing when every changed field asked for is hidden, whatever the server says", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(40) });
    const { result, rerender } = renderEntries({ resource: "products", fields: { secret: { hidden: true } }, query: { page: { currentPage: 1, pageSize: 10 } } }, provider);
    await waitFor(() => expect(result.current.entries).toHaveLength(10));
    rerender({ resource: "products", fields: { secret: { hidden: true } }, query: { page: { currentPage: 1, pageSize: 10 }, filters: { field: "secret" } } });
    await waitFor(() => expect(provider.queries.at(-1)?.filters).toBeUndefined());
    await waitFor(() => expect(result.current.entries).toHaveLength(0));
    expect(result.current.total).toBe(0);
    expect(result.current.state).toBe("ready");
    expect(provider.queries.every((query) => !JSON.stringify(query).includes("secret"))).toBe(true);
  });

  it("leaves the fields the policy keeps back out of the legacy meta.filters too", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(40) });
    const metas: unknown[] = [];
    const recording = { ...provider, get: (params: Parameters<typeof provider.get>[0]) => (metas.push(params.meta), provider.get(params)) };
    const fields = { "supplier.email": { hidden: true } };
    renderEntries({ resource: "products", fields, filters: { field: ["supplier", "price"] } }, recording);
    await waitFor(() => expect(metas.length).toBeGreaterThan(0));
    for (const meta of metas) {
      expect((meta as { filters?: { fields?: string[] } }).filters?.fields).toEqual(["price"]);
      expect(JSON.stringify(meta)).not.toMatch(/supplier/);
    }
  });

  it("keeps the paging of a failed page, with the error and a retry", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(100) });
    const query = (currentPage: number) => ({ resource: "products", query: { page: { currentPage, pageSize: 10 } } });
    const { result, rerender } = renderEntries(query(1), provider);
    await waitFor(() => expect(result.current.total).toBe(100));
    provider.setFailure(new Error("page 3 failed"), (asked) => asked.pagination.mode === "page" && asked.pagination.currentPage === 3);
    rerender(query(3));
    await waitFor(() => expect(result.current.pageError?.message).toBe("page 3 failed"));
    expect(result.current.state).toBe("ready");
    expect(result.current.total).toBe(100);
    expect(result.current.entries).toHaveLength(0);
    provider.setFailure(undefined);
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.entries).toHaveLength(10));
    expect(result.current.pageError).toBeNull();
  });
});

describe("answers that contradict the query", () => {
  const pageQuery = { resource: "products", query: { page: { currentPage: 1, pageSize: 10 } } };

  it("says when rows come out of the order asked", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(30) });
    provider.setTamper((answer) => ({ ...answer, data: [...answer.data].reverse() }));
    const { result } = renderEntries(pageQuery, provider);
    await waitFor(() => expect(result.current.problem).toBe("out-of-order"));
    // Shown as the server sent them, never re-sorted.
    expect(result.current.entries[0]!.id).toBe(21);
  });

  it("says when a cursor page repeats the rows of the page before (a provider that ignores the cursor)", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(30) });
    provider.setTamper((answer, query) => ({ ...answer, data: provider.rows.slice(-10).reverse(), nextCursor: query.pagination.mode === "cursor" ? "more" : null }));
    const { result } = renderEntries({ resource: "products", pageSize: 10 }, provider);
    await waitFor(() => expect(result.current.entries).toHaveLength(10));
    expect(result.current.problem).toBeUndefined();
    act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.problem).toBe("out-of-order"));
  });

  it("says when a page holds more rows than asked for, or fewer than its total says", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(30) });
    provider.setTamper((answer) => ({ ...answer, data: provider.rows.slice(-12).reverse() }));
    const { result, rerender } = renderEntries(pageQuery, provider);
    await waitFor(() => expect(result.current.problem).toBe("too-many-rows"));
    provider.setTamper((answer) => ({ ...answer, data: answer.data.slice(0, 4) }));
    rerender({ ...pageQuery, query: { page: { currentPage: 2, pageSize: 10 } } });
    await waitFor(() => expect(result.current.problem).toBe("missing-rows"));
  });

  it("says when a plain provider returns exactly a usual page size, oldest first, with no next page", async () => {
    // simple-rest's default: the first 10 rows by id, oldest first.
    const { result } = renderEntries({ resource: "products" }, { get: async () => serverRows(50).slice(0, 10) });
    await waitFor(() => expect(result.current.problem).toBe("truncated-list"));
  });

  it.each([
    ["a small log, oldest first", () => serverRows(7)],
    ["ten rows, newest first", () => serverRows(10).reverse()],
    ["ten rows, some without a time", () => serverRows(10).map((row, index) => (index === 3 ? { ...row, createdAt: undefined } : row))],
  ])("raises no alarm on an honest plain answer: %s", async (_, rows) => {
    const { result } = renderEntries({ resource: "products" }, { get: async () => rows() });
    await waitFor(() => expect(result.current.state).toBe("ready"));
    expect(result.current.problem).toBeUndefined();
  });
});
