import type { AuditLogProvider } from "@refinedev/core";
import { createRestAuditLogProvider } from "refine-audit-trail";
import { ensureSession, forgetSession } from "./session";

/**
 * `fetch` for the audit log: same-origin cookies, and a session for the one write the
 * client still makes (naming an entry): sign in first, and once more if the server has
 * forgotten the session (401).
 */
const sessionFetch: typeof fetch = async (input, init) => {
  const send = () => fetch(input, { ...init, credentials: "same-origin" });
  if ((init?.method ?? "GET") === "GET") return send();
  await ensureSession();
  const response = await send();
  if (response.status !== 401) return response;
  forgetSession();
  await ensureSession();
  return send();
};

/**
 * The audit log lives on the demo's server, read through the kit's ready provider
 * (`createRestAuditLogProvider`), no provider code of the app's own:
 * - `create` does nothing: the server writes each change's entry itself, in the same
 *   transaction as the change, with the true before and after values and the signed-in
 *   user as author (`POST /api/audit-logs` is refused). Refine still calls it after every
 *   mutation, and the kit refreshes its lists when that call resolves.
 * - `get` sends the kit's query (`meta.auditQuery`: filters, sort, a cursor or a page, a
 *   count) as the REST parameters the server reads (`GET /api/audit-logs?resource=…&_sort=…`);
 *   the server filters, sorts and pages in SQL and answers `{ data, total, nextCursor }`.
 * - `update` names an entry (`PATCH /api/audit-logs/:id { name }`, signed in).
 */
export const auditLogProvider: Required<Pick<AuditLogProvider, "get" | "create" | "update">> = createRestAuditLogProvider({ apiUrl: "/api", fetch: sessionFetch });
