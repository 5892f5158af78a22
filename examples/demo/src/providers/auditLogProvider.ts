import type { AuditLogProvider, HttpError } from "@refinedev/core";
import { translateNow } from "../i18n/i18nProvider";
import { CLIENT_ID, CLIENT_ID_HEADER } from "./clientId";

/** An error with the server's message and status (Refine's `HttpError` shape). */
function toHttpError(message: string, statusCode: number): Error & HttpError {
  return Object.assign(new Error(message), { message, statusCode });
}

async function request(method: "GET" | "POST" | "PATCH", url: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { Accept: "application/json", [CLIENT_ID_HEADER]: CLIENT_ID, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw toHttpError(translateNow("errors.unreachable"), 0);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = (payload as { message?: unknown } | undefined)?.message;
    throw toHttpError(typeof message === "string" ? message : translateNow("errors.status", { status: response.status }), response.status);
  }
  return payload;
}

/**
 * The audit log lives on the demo's server:
 * - `create` posts the entry Refine logs after each write; the server fills in
 *   `previousData` from the record as it was before that write (Refine v5 sends none).
 * - `get` reads one resource's (or record's) entries, newest first, a page at a time:
 *   the kit sends `meta.id`, `meta.pageSize` and `meta.cursor`, the server answers
 *   `{ data, nextCursor }`. The kit's `meta.filters` stay in the browser: the kit filters
 *   what it reads, and needs the unfiltered history to reconstruct before-values.
 * - `update` names an entry (`PATCH /api/audit-logs/:id { name }`).
 */
export const auditLogProvider: Required<AuditLogProvider> = {
  create: (params) => request("POST", "/api/audit-logs", params),
  get: ({ resource, action, meta }) => {
    const query = new URLSearchParams({ resource });
    if (meta?.id !== undefined && meta.id !== null) query.set("id", String(meta.id));
    if (action) query.set("action", action);
    if (meta?.pageSize !== undefined) query.set("pageSize", String(meta.pageSize));
    if (meta?.cursor !== undefined) query.set("cursor", String(meta.cursor));
    return request("GET", `/api/audit-logs?${query}`);
  },
  update: ({ id, name }) => request("PATCH", `/api/audit-logs/${encodeURIComponent(String(id))}`, { name }),
};
