import type { DataProvider, HttpError } from "@refinedev/core";
import simpleRest, { axiosInstance } from "@refinedev/simple-rest";
import type { InternalAxiosRequestConfig } from "axios";
import { ensureSession, forgetSession } from "./session";

const WRITES = new Set(["post", "put", "patch", "delete"]);
const isWrite = (method: string | undefined) => WRITES.has((method ?? "get").toLowerCase());

// simple-rest's own axios instance (it turns error responses into Refine's HttpError with
// the server's `message`). Writes need a session: sign in first, and once more if the
// server has forgotten it (a 401: expired, or the database was reset).
axiosInstance.interceptors.request.use(async (config) => {
  if (isWrite(config.method)) await ensureSession();
  return config;
});
axiosInstance.interceptors.response.use(undefined, async (error: HttpError & { config?: InternalAxiosRequestConfig & { signedInAgain?: boolean } }) => {
  const config = error.config;
  if (error.statusCode !== 401 || !config || !isWrite(config.method) || config.signedInAgain) throw error;
  forgetSession();
  return axiosInstance.request({ ...config, signedInAgain: true } as InternalAxiosRequestConfig);
});

/** The headers that carry the kit's restore and revert meta to the server (simple-rest sends only `meta.headers`). */
export const RESTORED_FROM_HEADER = "X-Audit-Restored-From";
export const RESTORE_KIND_HEADER = "X-Audit-Restore-Kind";

/**
 * A mutation's meta with the kit's `restoredFrom` and `restoreKind` (what a restore or a
 * revert sends with its `useUpdate`) copied into `meta.headers`, where simple-rest puts
 * them on the request; the server checks them and writes them into the audit row's meta,
 * so the timeline can say "Restored the version of …".
 */
function withRestoreHeaders(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const from = meta?.restoredFrom;
  const kind = meta?.restoreKind;
  if ((typeof from !== "string" && typeof from !== "number") || (kind !== "restore" && kind !== "revert")) return meta;
  const headers = (meta?.headers ?? {}) as Record<string, string>;
  return { ...meta, headers: { ...headers, [RESTORED_FROM_HEADER]: String(from), [RESTORE_KIND_HEADER]: kind } };
}

const rest = simpleRest("/api", axiosInstance);

/**
 * Records under /api/<resource>, in the REST shape @refinedev/simple-rest speaks. The
 * server writes each change's audit row itself, in the same transaction as the change;
 * `update` forwards a restore's `meta.restoredFrom` / `meta.restoreKind` as headers.
 */
export const dataProvider: DataProvider = {
  ...rest,
  update: (params) => rest.update({ ...params, meta: withRestoreHeaders(params.meta) }),
};
