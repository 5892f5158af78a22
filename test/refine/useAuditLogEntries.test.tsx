import { Refine, useLog, type AuditLogProvider } from "@refinedev/core";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { createInMemoryAuditLogProvider, MAX_AUDIT_LOG_PAGES, useAuditLogEntries, type UseAuditLogEntriesOptions } from "../../src/index";
import { createTestQueryClient } from "../audit-timeline/renderWithRefine";

function renderEntries(options: UseAuditLogEntriesOptions, auditLogProvider?: Partial<AuditLogProvider>) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Refine auditLogProvider={auditLogProvider as AuditLogProvider} options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}>
      {children}
    </Refine>
  );
  return { ...renderHook((props: UseAuditLogEntriesOptions) => ({ list: useAuditLogEntries(props), log: useLog() }), { wrapper, initialProps: options }), queryClient };
}

// A provider that ignores meta, as many do: it returns every row it has.
const everything = (rows: unknown[]) => ({ get: async () => rows });

describe("useAuditLogEntries", () => {
  it("normalises every shape and keeps only the record's entries, comparing ids by value", async () => {
    const rows = [
      { id: "a", resource: "products", action: "update", timestamp: 1714557600, meta: { id: "7" }, data: { price: 1 } },
      { id: 2, resource: "products", action: "updateMany", createdAt: "2024-05-01T10:00:00Z", meta: { id: 99, ids: [5, 7] } },
      { id: 3, resource: "products", action: "update", createdAt: "2024-05-01T11:00:00Z", meta: { id: 8 } },
      { id: 4, resource: "orders", action: "update", createdAt: "2024-05-01T11:00:00Z", meta: { id: 7 } },
      { id: 5, resource: "products", action: "note", createdAt: "2024-05-01T12:00:00Z" },
      { id: "a", resource: "products", action: "update", createdAt: "2024-05-01T10:00:00Z", meta: { id: 7 } },
    ];
    const { result } = renderEntries({ resource: "products", id: 7 }, everything(rows));
    await waitFor(() => expect(result.current.list.state).toBe("ready"));
    // Bulk entries whose meta.ids hold the record stay even when meta.id names a page;
    // an entry that names no record cannot be checked and stays; duplicates go.
    expect(result.current.list.entries.map((entry) => entry.id)).toEqual(["a", 2, 5]);
    expect(result.current.list.entries[0]!.createdAt?.toISOString()).toBe("2024-05-01T10:00:00.000Z");
    expect(result.current.list.entries[0]!.author).toBeUndefined();
  });

  it("sends the filters in meta only (never as Refine's action, which providers apply), and leaves filtering to the view", async () => {
    // The in-memory provider, like Refine's example one, applies Refine's `action` param:
    // the create must still come back, since before-values are reconstructed from it.
    const provider = createInMemoryAuditLogProvider({
      initial: [
        { id: 0, resource: "products", action: "create", createdAt: "2024-05-01T09:00:00Z", data: { price: 0, stock: 0 }, meta: { id: 7 } },
        { id: 1, resource: "products", action: "update", createdAt: "2024-05-01T10:00:00Z", name: "v1", data: { price: 1 }, meta: { id: 7 } },
        { id: 2, resource: "products", action: "update", createdAt: "2024-05-01T11:00:00Z", data: { stock: 1 }, meta: { id: 7 } },
      ],
    });
    const get = vi.spyOn(provider, "get");
    const { result } = renderEntries({ resource: "products", id: 7, filters: { namedOnly: true, action: ["update"] } }, provider);
    await waitFor(() => expect(result.current.list.state).toBe("ready"));
    // The legacy keys as before, and the query contract beside them (meta.auditQuery).
    expect(get).toHaveBeenCalledWith(
      expect.objectContaining({
        meta: {
          id: 7,
          pageSize: 50,
          filters: { actions: ["update"], namedOnly: true },
          auditQuery: {
            version: 1,
            id: "7",
            filters: { actions: ["update"], namedOnly: true },
            sorters: [{ field: "createdAt", order: "desc" }],
            pagination: { mode: "cursor", pageSize: 50 },
            total: false,
          },
        },
      }),
    );
    expect(get.mock.calls.every(([params]) => params.action === undefined)).toBe(true);
    // The view filters through its pipeline reader, which needs the whole history first.
    expect(result.current.list.entries.map((entry) => entry.id)).toEqual([2, 1, 0]);
    expect(result.current.list.allEntries.map((entry) => entry.id)).toEqual([2, 1, 0]);
  });

  it("says 'unconfigured' when the provider has no get", async () => {
    const { result } = renderEntries({ resource: "products" }, { create: async () => ({}) });
    await act(async () => {});
    expect(result.current.list.state).toBe("unconfigured");
  });

  it("refetches when Refine's log write for the resource resolves, not for another resource", async () => {
    const provider = createInMemoryAuditLogProvider();
    const get = vi.spyOn(provider, "get");
    const { result } = renderEntries({ resource: "products", id: 7 }, provider);
    await waitFor(() => expect(result.current.list.state).toBe("empty"));
    const calls = get.mock.calls.length;

    await act(() => result.current.log.log.mutateAsync({ resource: "orders", action: "update", data: { a: 1 }, meta: { id: 7 } }));
    await act(async () => {});
    expect(get.mock.calls.length).toBe(calls);

    await act(() => result.current.log.log.mutateAsync({ resource: "products", action: "update", data: { a: 1 }, meta: { id: 7 } }));
    await waitFor(() => expect(result.current.list.entries).toHaveLength(1));
    expect(get.mock.calls.length).toBe(calls + 1);
  });

  it("pages with meta.cursor at a constant page size, without duplicates; live refresh refetches every page", async () => {
    const initial = Array.from({ length: 70 }, (_, i) => ({
      id: i + 1,
      resource: "products",
      action: "update",
      createdAt: new Date(Date.UTC(2024, 4, 1, 0, i)).toISOString(),
      data: { n: i },
      meta: { id: 7 },
    }));
    const provider = createInMemoryAuditLogProvider({ initial, pageSize: 100 });
    const get = vi.spyOn(provider, "get");
    const { result } = renderEntries({ resource: "products", id: 7, pageSize: 30 }, provider);
    await waitFor(() => expect(result.current.list.entries).toHaveLength(30));
    expect(result.current.list.hasNextPage).toBe(true);
    act(() => result.current.list.fetchNextPage());
    // While the page is on its way there is still "more": a "Show more" button stays put.
    expect(result.current.list.isFetchingNextPage).toBe(true);
    expect(result.current.list.hasNextPage).toBe(true);
    await waitFor(() => expect(result.current.list.entries).toHaveLength(60));
    act(() => result.current.list.fetchNextPage());
    await waitFor(() => expect(result.current.list.entries).toHaveLength(70));
    expect(result.current.list.hasNextPage).toBe(false);
    expect(result.current.list.isTruncated).toBe(false);
    expect(get.mock.calls.map(([params]) => [params.meta?.cursor, params.meta?.pageSize])).toEqual([
      [undefined, 30],
      ["30", 30],
      ["60", 30],
    ]);

    get.mockClear();
    await act(() => result.current.log.log.mutateAsync({ resource: "products", action: "update", data: { n: 70 }, meta: { id: 7 } }));
    await waitFor(() => expect(result.current.list.entries[0]!.id).toBe(71));
    expect(get).toHaveBeenCalledTimes(3);
    expect(result.current.list.entries).toHaveLength(71);
    expect(new Set(result.current.list.entries.map((entry) => entry.id)).size).toBe(71);
  });

  it("says the list is truncated when the request cap is reached and the provider still has more", async () => {
    const initial = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, resource: "products", action: "update", createdAt: "2024-05-01T00:00:00Z", meta: { id: 7 } }));
    // A backend that caps its pages at 5 rows, whatever meta.pageSize asks.
    const capped = createInMemoryAuditLogProvider({ initial, pageSize: 5 });
    const provider = { get: (params: Parameters<typeof capped.get>[0]) => capped.get({ ...params, meta: { ...params.meta, pageSize: 5 } }) };
    const { result } = renderEntries({ resource: "products", id: 7, pageSize: 50 }, provider);
    await waitFor(() => expect(result.current.list.entries).toHaveLength(5));
    for (let page = 2; page <= MAX_AUDIT_LOG_PAGES; page++) {
      act(() => result.current.list.fetchNextPage());
      await waitFor(() => expect(result.current.list.entries).toHaveLength(page * 5));
    }
    expect(result.current.list.hasNextPage).toBe(false);
    expect(result.current.list.isTruncated).toBe(true);
    expect(result.current.list.state).toBe("ready");
  });

  it("keeps the pages read when a further page fails, and retries it", async () => {
    const initial = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, resource: "products", action: "update", createdAt: "2024-05-01T00:00:00Z", meta: { id: 7 } }));
    const provider = createInMemoryAuditLogProvider({ initial, pageSize: 10 });
    const { result } = renderEntries({ resource: "products", id: 7, pageSize: 10 }, provider);
    await waitFor(() => expect(result.current.list.entries).toHaveLength(10));
    provider.setFailure("get", new Error("page failed"));
    act(() => result.current.list.fetchNextPage());
    await waitFor(() => expect(result.current.list.pageError?.message).toBe("page failed"));
    expect(result.current.list.state).toBe("ready");
    expect(result.current.list.entries).toHaveLength(10);
    provider.setFailure("get", undefined);
    act(() => result.current.list.retry());
    await waitFor(() => expect(result.current.list.entries).toHaveLength(20));
    expect(result.current.list.pageError).toBeNull();
  });
});
