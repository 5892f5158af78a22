import type { AuditLogProvider, HttpError } from "@refinedev/core";
import type { AuditLogQuery } from "../core/auditQuery";
import { getValueType, safeGet } from "../core/values";

/** Options of {@link createRestAuditLogProvider}. */
export interface RestAuditLogProviderOptions {
  /** The API's base URL (`https://api.example.com`, `/api`): the log is at `{apiUrl}/audit-logs`. */
  apiUrl: string;
  /** The `fetch` to use (a wrapped one, one with retries, a test's). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Headers for every request (an `Authorization`…), or a function that gives them (called per request). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /**
   * POST the entries Refine logs after each write (`create`). Default `false`: the backend
   * writes its audit rows with each change (what Refine's docs advise: it knows the true
   * before-values and cannot be bypassed), so the client's `create` does nothing.
   */
  logCreates?: boolean;
  /** The largest answer read, in bytes (by `Content-Length`, else by its text). Default 10 MB: past it the request fails, saying why. */
  maxResponseBytes?: number;
}

const DEFAULT_MAX_BYTES = 10_000_000;
const MAX_MESSAGE_LENGTH = 500;

/** An `Error` in Refine's `HttpError` shape (`message`, `statusCode`). */
function httpError(message: string, statusCode: number): Error & HttpError {
  return Object.assign(new Error(message), { message, statusCode });
}

/** The URL parameters of a query (the contract's REST mapping). */
function toSearchParams(params: URLSearchParams, query: AuditLogQuery) {
  const { filters = {}, pagination } = query;
  const many = (name: string, values: readonly string[] | undefined) => values?.forEach((value) => params.append(name, value));
  if (query.id !== undefined) params.set("id", query.id);
  many("action", filters.actions);
  many("author", filters.authors);
  many("field", filters.fields);
  if (filters.namedOnly) params.set("named", "1");
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.search) params.set("q", filters.search);
  if (query.sorters.length > 0) {
    params.set("_sort", query.sorters.map((sorter) => sorter.field).join(","));
    params.set("_order", query.sorters.map((sorter) => sorter.order).join(","));
  }
  if (pagination.mode === "page") params.set("_page", String(pagination.currentPage));
  params.set("_pageSize", String(pagination.pageSize));
  if (pagination.mode === "cursor" && pagination.cursor !== undefined) params.set("_cursor", pagination.cursor);
  if (query.total) params.set("_total", "1");
}

/**
 * The body as text, counted while it streams in: `undefined` (the rest cancelled) once it
 * passes `maxBytes`, so an answer sent in chunks or compressed cannot fill the memory first.
 */
async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    return text.length > maxBytes ? undefined : text;
  }
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * An id as one path segment, encoded. `.` and `..` are refused: a URL reads them (encoded
 * too: `%2E%2E`) as "this folder" and "the folder above", so the request would go elsewhere.
 */
const toPathSegment = (id: unknown) => {
  const segment = encodeURIComponent(String(id));
  if (segment === "." || segment === "..") throw httpError(`The entry id "${String(id)}" cannot be sent in a URL.`, 400);
  return segment;
};

/**
 * An `auditLogProvider` for a REST backend, in the style of `@refinedev/simple-rest` (with
 * `fetch`, no axios), speaking the kit's query contract:
 *
 * - `get` → `GET {apiUrl}/audit-logs?resource=…` with the REST mapping of `meta.auditQuery`
 *   (`id`, `action`, `author`, `field` repeated, `named=1`, `from`, `to`, `q`,
 *   `_sort=createdAt,action&_order=desc,asc`, `_page` or `_cursor`, `_pageSize`,
 *   `_total=1`); without an `auditQuery`, the legacy `id`, `pageSize`, `cursor` (and
 *   Refine's `action`). It resolves the server's JSON as it is: `{ data, total, nextCursor }`.
 * - `update` → `PATCH {apiUrl}/audit-logs/:id` with `{ name }` (renaming a version).
 * - `create` → nothing by default: the backend writes an audit row with each change.
 *   `logCreates: true` POSTs Refine's entries to `{apiUrl}/audit-logs` instead.
 *
 * A failed request rejects with Refine's `HttpError` (`{ message, statusCode }`), the
 * message the server's own (`{ message }` in its JSON) when it gives one; an unreachable
 * server has `statusCode` 0. Answers that are not JSON, or larger than `maxResponseBytes`,
 * are refused the same way.
 *
 * @example
 * import { createRestAuditLogProvider } from "refine-audit-trail";
 *
 * const auditLogProvider = createRestAuditLogProvider({
 *   apiUrl: "https://api.example.com",
 *   headers: () => ({ Authorization: `Bearer ${localStorage.getItem("token")}` }),
 * });
 * <Refine auditLogProvider={auditLogProvider} … />
 */
export function createRestAuditLogProvider(options: RestAuditLogProviderOptions): Required<Pick<AuditLogProvider, "get" | "create" | "update">> {
  const apiUrl = options.apiUrl.replace(/\/+$/, "");
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_BYTES;

  const request = async (method: "GET" | "POST" | "PATCH", url: string, body?: unknown): Promise<unknown> => {
    const own = typeof options.headers === "function" ? await options.headers() : options.headers;
    const headers = new Headers(own);
    headers.set("Accept", "application/json");
    if (body !== undefined) headers.set("Content-Type", "application/json");
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw httpError(`The audit log server could not be reached${error instanceof Error && error.message ? `: ${error.message}` : "."}`, 0);
    }
    const declared = Number(response.headers.get("Content-Length"));
    const tooLarge = () => httpError(`The audit log server's answer is too large (over ${maxBytes} bytes).`, response.status);
    if (declared > maxBytes) {
      void response.body?.cancel().catch(() => {});
      throw tooLarge();
    }
    const text = await readText(response, maxBytes);
    if (text === undefined) throw tooLarge();
    let payload: unknown;
    try {
      payload = text === "" ? undefined : JSON.parse(text);
    } catch {
      if (response.ok) throw httpError("The audit log server's answer is not JSON.", response.status);
    }
    if (!response.ok) {
      const message = getValueType(payload) === "object" ? safeGet(payload as object, "message") : undefined;
      throw httpError(
        typeof message === "string" && message.trim() !== "" ? message.slice(0, MAX_MESSAGE_LENGTH) : `The audit log request failed (${response.status}${response.statusText ? ` ${response.statusText}` : ""}).`,
        response.status,
      );
    }
    return payload;
  };

  return {
    get: ({ resource, action, meta }) => {
      const params = new URLSearchParams({ resource });
      const query = meta?.auditQuery as AuditLogQuery | undefined;
      if (query?.version === 1 && query.pagination) toSearchParams(params, query);
      else {
        if (meta?.id !== undefined && meta.id !== null) params.set("id", String(meta.id));
        if (action) params.set("action", action);
        if (meta?.pageSize !== undefined) params.set("pageSize", String(meta.pageSize));
        if (meta?.cursor !== undefined) params.set("cursor", String(meta.cursor));
      }
      return request("GET", `${apiUrl}/audit-logs?${params}`);
    },
    update: async ({ id, name }) => request("PATCH", `${apiUrl}/audit-logs/${toPathSegment(id)}`, { name }),
    create: async (params) => (options.logCreates ? request("POST", `${apiUrl}/audit-logs`, params) : undefined),
  };
}
