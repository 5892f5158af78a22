import { Refine, useLog, type AuditLogProvider } from "@refinedev/core";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { createInMemoryAuditLogProvider, useAuditLogEntries, type UseAuditLogEntriesOptions } from "../../src/index";
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

  it("sends the record id and the filters in meta, and applies the filters itself", async () => {
    const provider = createInMemoryAuditLogProvider({
      initial: [
        { id: 1, resource: "products", action: "update", createdAt: "2024-05-01T10:00:00Z", name: "v1", data: { price: 1 }, meta: { id: 7 } },
        { id: 2, resource: "products", action: "update", createdAt: "2024-05-01T11:00:00Z", data: { stock: 1 }, meta: { id: 7 } },
      ],
    });
    const get = vi.spyOn(provider, "get");
    const { result } = renderEntries({ resource: "products", id: 7, filters: { namedOnly: true, action: ["update"] } }, provider);
    await waitFor(() => expect(result.current.list.state).toBe("ready"));
    expect(get).toHaveBeenCalledWith(
      expect.objectContaining({ action: "update", meta: { id: 7, pageSize: 50, filters: { actions: ["update"], namedOnly: true } } }),
    );
    expect(result.current.list.entries.map((entry) => entry.id)).toEqual([1]);
    expect(result.current.list.allEntries.map((entry) => entry.id)).toEqual([2, 1]);
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

  it("pages with meta.cursor, each page twice the previous, without duplicates; live refresh refetches every page", async () => {
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
    const { result } = renderEntries({ resource: "products", id: 7, pageSize: 10 }, provider);
    await waitFor(() => expect(result.current.list.entries).toHaveLength(10));
    expect(result.current.list.hasNextPage).toBe(true);
    act(() => result.current.list.fetchNextPage());
    await waitFor(() => expect(result.current.list.entries).toHaveLength(30));
    act(() => result.current.list.fetchNextPage());
    await waitFor(() => expect(result.current.list.entries).toHaveLength(70));
    expect(result.current.list.hasNextPage).toBe(false);
    expect(get.mock.calls.map(([params]) => [params.meta?.cursor, params.meta?.pageSize])).toEqual([
      [undefined, 10],
      ["10", 20],
      ["30", 40],
    ]);

    get.mockClear();
    await act(() => result.current.log.log.mutateAsync({ resource: "products", action: "update", data: { n: 70 }, meta: { id: 7 } }));
    await waitFor(() => expect(result.current.list.entries[0]!.id).toBe(71));
    expect(get).toHaveBeenCalledTimes(3);
    // The pages keep their offsets: the oldest entry moved to a page not read yet.
    expect(result.current.list.entries).toHaveLength(70);
    expect(result.current.list.hasNextPage).toBe(true);
    act(() => result.current.list.fetchNextPage());
    await waitFor(() => expect(result.current.list.entries).toHaveLength(71));
    expect(new Set(result.current.list.entries.map((entry) => entry.id)).size).toBe(71);
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
    await waitFor(() => expect(result.current.list.entries).toHaveLength(30));
    expect(result.current.list.pageError).toBeNull();
  });
});
