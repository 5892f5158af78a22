import { Refine, type AuditLogProvider } from "@refinedev/core";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { buildAuditLogQuery, createRestAuditLogProvider, useAuditLogEntries } from "../../src/index";
import { createTestQueryClient } from "../audit-timeline/renderWithRefine";

/** A fetch that records its calls and answers with `respond` (a Response, or a function of the URL). */
function fakeFetch(respond: Response | ((url: string, init: RequestInit) => Response | Promise<Response>) = () => json({ data: [], total: null })) {
  return vi.fn(async (url: RequestInfo | URL, init: RequestInit = {}) => (typeof respond === "function" ? respond(String(url), init) : respond.clone()));
}
const json = (body: unknown, init: ResponseInit = {}) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" }, ...init });
const urlOf = (fetch: ReturnType<typeof fakeFetch>, call = 0) => decodeURIComponent(String(fetch.mock.calls[call]![0]));

describe("createRestAuditLogProvider", () => {
  it("maps a page query to the REST parameters exactly", async () => {
    const fetch = fakeFetch();
    const provider = createRestAuditLogProvider({ apiUrl: "https://api.example.com/", fetch });
    const { query } = buildAuditLogQuery({
      id: 7,
      filters: { action: ["update", "create"], author: [5, "ada@example.com"], field: ["price", "address.city"], namedOnly: true, from: "2024-11-01T00:00:00.000Z", to: "2024-11-05T23:59:59.999Z", search: "  Ada   Price " },
      sorters: [{ field: "createdAt", order: "desc" }, { field: "action", order: "asc" }],
      pagination: { mode: "page", currentPage: 3, pageSize: 50 },
      total: true,
    });
    await provider.get({ resource: "products", meta: { id: 7, pageSize: 100, auditQuery: query } });
    expect(String(fetch.mock.calls[0]![0])).toBe(
      "https://api.example.com/audit-logs?resource=products&id=7&action=create&action=update&author=5&author=ada%40example.com&field=address.city&field=price&named=1&from=2024-11-01T00%3A00%3A00.000Z&to=2024-11-05T23%3A59%3A59.999Z&q=ada+price&_sort=createdAt%2Caction&_order=desc%2Casc&_page=3&_pageSize=50&_total=1",
    );
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: "GET" });
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get("Accept")).toBe("application/json");
  });

  it("maps cursor mode, and falls back to the legacy parameters without a query", async () => {
    const fetch = fakeFetch();
    const provider = createRestAuditLogProvider({ apiUrl: "/api", fetch });
    const { query } = buildAuditLogQuery({ pagination: { mode: "cursor", pageSize: 20, cursor: "eyJ0IjoxfQ==" } });
    await provider.get({ resource: "orders", meta: { auditQuery: query, cursor: "eyJ0IjoxfQ==" } });
    expect(urlOf(fetch)).toBe("/api/audit-logs?resource=orders&_sort=createdAt&_order=desc&_pageSize=20&_cursor=eyJ0IjoxfQ==");
    await provider.get({ resource: "orders", action: "update", meta: { id: 7, pageSize: 50, cursor: 100 } });
    expect(urlOf(fetch, 1)).toBe("/api/audit-logs?resource=orders&id=7&action=update&pageSize=50&cursor=100");
  });

  it("renames with PATCH { name }, and leaves creating rows to the backend unless asked", async () => {
    const fetch = fakeFetch(() => json({ id: "a/b", name: "Launch", resource: "products" }));
    const provider = createRestAuditLogProvider({ apiUrl: "https://api.example.com", fetch, headers: async () => ({ Authorization: "Bearer t0ken" }) });
    await expect(provider.update({ id: "a/b", name: "Launch" })).resolves.toEqual({ id: "a/b", name: "Launch", resource: "products" });
    expect(String(fetch.mock.calls[0]![0])).toBe("https://api.example.com/audit-logs/a%2Fb");
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: "PATCH", body: JSON.stringify({ name: "Launch" }) });
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get("Authorization")).toBe("Bearer t0ken");

    await provider.create({ resource: "products", action: "update", data: { price: 1 }, meta: { id: 7 } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const logging = createRestAuditLogProvider({ apiUrl: "https://api.example.com", fetch, logCreates: true });
    await logging.create({ resource: "products", action: "update", data: { price: 1 }, meta: { id: 7 } });
    expect(String(fetch.mock.calls[1]![0])).toBe("https://api.example.com/audit-logs");
    expect(fetch.mock.calls[1]![1]).toMatchObject({ method: "POST", body: JSON.stringify({ resource: "products", action: "update", data: { price: 1 }, meta: { id: 7 } }) });
  });

  it("refuses an id that is only dots (a URL reads it as a folder up), and sends nothing", async () => {
    const fetch = fakeFetch(() => json({}));
    const provider = createRestAuditLogProvider({ apiUrl: "https://api.example.com/api", fetch });
    for (const id of ["..", "."]) {
      const error = await provider.update({ id, name: "x" }).catch((reason: unknown) => reason);
      expect(error).toMatchObject({ statusCode: 400 });
    }
    expect(fetch).not.toHaveBeenCalled();
    // Three dots, or dots spelled "%2e", are ordinary ids (the latter is sent encoded: "%252e").
    await provider.update({ id: "...", name: "x" });
    await provider.update({ id: "%2e%2e", name: "x" });
    expect(fetch.mock.calls.map((call) => new URL(String(call[0])).pathname)).toEqual(["/api/audit-logs/...", "/api/audit-logs/%252e%252e"]);
  });

  it("stops reading an answer as soon as it passes the size limit, without a Content-Length", async () => {
    let sent = 0;
    let cancelled = false;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const provider = createRestAuditLogProvider({ apiUrl: "https://api.example.com", fetch: fakeFetch(() => new Response(endless, { status: 200 })), maxResponseBytes: 1_000_000 });
    const error = await provider.get({ resource: "products", meta: {} }).catch((reason: unknown) => reason);
    expect((error as Error).message).toBe("The audit log server's answer is too large (over 1000000 bytes).");
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThan(2_000_000);
  });

  it.each([
    ["the server's message", () => json({ message: "Unknown sort field: price" }, { status: 400 }), { message: "Unknown sort field: price", statusCode: 400 }],
    ["a status without a message", () => new Response("<html>oops</html>", { status: 502, statusText: "Bad Gateway" }), { message: "The audit log request failed (502 Bad Gateway).", statusCode: 502 }],
    ["an answer that is not JSON", () => new Response("<html>login</html>", { status: 200 }), { message: "The audit log server's answer is not JSON.", statusCode: 200 }],
    ["an unreachable server", () => Promise.reject(new TypeError("Failed to fetch")), { message: "The audit log server could not be reached: Failed to fetch", statusCode: 0 }],
    ["an answer too large", () => new Response("[]", { status: 200, headers: { "Content-Length": "999999999" } }), { message: "The audit log server's answer is too large (over 10000000 bytes).", statusCode: 200 }],
    ["a message too long", () => json({ message: "x".repeat(10_000) }, { status: 500 }), { message: "x".repeat(500), statusCode: 500 }],
  ])("turns a failure into Refine's HttpError: %s", async (_, respond, expected) => {
    const provider = createRestAuditLogProvider({ apiUrl: "https://api.example.com", fetch: fakeFetch(respond) });
    const error = await provider.get({ resource: "products", meta: {} }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect({ message: (error as Error).message, statusCode: (error as { statusCode: number }).statusCode }).toEqual(expected);
  });

  it("reads a server-side log through useAuditLogEntries, inside <Refine>", async () => {
    const rows = Array.from({ length: 3 }, (_, index) => ({ id: 3 - index, resource: "products", action: "update", createdAt: `2024-11-0${5 - index}T10:00:00.000Z`, data: { price: index }, meta: { id: 7 } }));
    const fetch = fakeFetch(() => json({ data: rows, total: 1234, nextCursor: null }));
    const provider = createRestAuditLogProvider({ apiUrl: "https://api.example.com", fetch });
    const queryClient = createTestQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <Refine auditLogProvider={provider as AuditLogProvider} options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}>
        {children}
      </Refine>
    );
    const { result } = renderHook(() => useAuditLogEntries({ resource: "products", id: 7, query: { page: { currentPage: 1, pageSize: 3 } } }), { wrapper });
    await waitFor(() => expect(result.current.state).toBe("ready"));
    expect(result.current.isServerSide).toBe(true);
    expect(result.current.total).toBe(1234);
    expect(result.current.entries.map((entry) => entry.id)).toEqual([3, 2, 1]);
    expect(urlOf(fetch)).toBe("https://api.example.com/audit-logs?resource=products&id=7&_sort=createdAt&_order=desc&_page=1&_pageSize=3&_total=1");
  });
});
