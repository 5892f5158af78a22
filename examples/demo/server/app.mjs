// @ts-check
// The demo's REST server: records in the shape @refinedev/simple-rest expects, audit logs
// in the paging convention refine-audit-trail documents, and (optionally) the built app.
//
//   GET    /api/<resource>?_start&_end&_sort&_order&<field>[_like|_ne|_gte|_lte]=…&q=…
//                                              list (x-total-count header)
//   GET    /api/<resource>/:id                 one record
//   POST   /api/<resource>                     create
//   PATCH  /api/<resource>/:id                 merge the body's top-level fields in
//   PUT    /api/<resource>/:id                 replace
//   DELETE /api/<resource>/:id                 delete
//   GET    /api/audit-logs?resource&…          the audit-log query contract v1 (auditQuery.mjs) → { data, total, nextCursor };
//                                              the old ?resource&id&action&pageSize&cursor → { data, nextCursor? }
//   POST   /api/audit-logs                     refused (405): the server writes every entry itself
//   GET    /api/audit-logs/:id                 one entry
//   PATCH  /api/audit-logs/:id  { name }       name (or, with "", unname) an entry (signed in)
//   POST   /api/session  {}                    sign in (the demo's user), sets the session cookie (a new one
//                                              in place of the one the request holds, if any)
//   GET    /api/session                        who is signed in (401 when nobody)
//   DELETE /api/session                        sign out
//   GET    /photos/<file>                       a product photo (server/photos)
//
// Each write (POST, PUT, PATCH, DELETE of a record) needs a signed-in session and writes
// its audit row in the same transaction: the true before and after values, the session's
// user as author, the server's clock. Every error is JSON `{ message }` (plus `errors` by
// field for an invalid record) with a 4xx status, and a rejected request writes nothing.
// A request whose Host is not the server's own (127.0.0.1, localhost, [::1] or one of
// `allowedHosts`) gets a 421 and nothing else: a page on another site that rebinds its
// name to 127.0.0.1 (DNS rebinding) is same-origin with itself, not with this server.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AuditQueryError, parseAuditQuery, runAuditQuerySqlite, toAuditLog } from "./auditQuery.mjs";
import { createSqliteAuditWriter } from "./auditRows.mjs";
import { findResource, isPlainObject, validateRecord } from "./resources.mjs";

/** @typedef {import("better-sqlite3").Database} DB */
/** @typedef {import("./resources.mjs").ResourceDefinition} ResourceDefinition */

/** An error to answer with: its status, `{ message }` and any extra fields. */
export class RequestError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {Record<string, unknown>} [extra]
   * @param {Record<string, string>} [headers]
   */
  constructor(status, message, extra = {}, headers = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
    this.headers = headers;
  }
}

/**
 * @typedef {object} DemoServerOptions
 * @property {DB} db                      an open database (see openDatabase)
 * @property {string} [staticDir]         serve the built app from here (with an SPA fallback)
 * @property {string} [photosDir]         serve /photos/* from here (default server/photos)
 * @property {number} [bodyLimit]         largest accepted request body, in bytes (default 1 MB)
 * @property {DemoUser} [user]           whom the demo's sign-in (POST /api/session) signs in (default DEMO_USER)
 * @property {number} [sessionTtl]        how long a session lasts, in ms (default 7 days)
 * @property {number} [maxSessions]       the most sessions kept (default 1,000): a sign-in beyond them ends the oldest
 * @property {string[]} [allowedHosts]    host names (no port) this server answers besides 127.0.0.1, localhost and [::1],
 *                                        such as the one it listens on (main.mjs passes HOST)
 * @property {() => number} [now]         the clock (ms): audit rows' createdAt, sessions; for tests
 */

/** @typedef {{ id: number | string, name: string, email?: string }} DemoUser */

/** The demo's user, the one the app's authProvider shows (examples/demo/src/providers/authProvider.ts). */
export const DEMO_USER = Object.freeze({ id: 5, name: "Dana Whitfield", email: "dana.whitfield@northwind.example" });

/** The session cookie: a random token; the database keeps only its SHA-256. */
export const SESSION_COOKIE = "demo_session";
/** The headers a restore or revert sends (the kit's meta.restoredFrom and meta.restoreKind). */
export const RESTORED_FROM_HEADER = "x-audit-restored-from";
export const RESTORE_KIND_HEADER = "x-audit-restore-kind";

/** The host names every demo server answers to (a request's Host, without its port). */
export const LOCAL_HOSTS = Object.freeze(["127.0.0.1", "localhost", "[::1]"]);

/** The product photos the seed refers to (`/photos/<file>`). */
export const PHOTOS_DIR = fileURLToPath(new URL("./photos", import.meta.url));

const AUDIT_LOGS = "audit-logs";
const MAX_NAME_LENGTH = 120;
const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.(?:[A-Za-z_][A-Za-z0-9_]*|\d+))*$/;
const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
});

/**
 * Creates the demo's HTTP server (not yet listening).
 * @param {DemoServerOptions} options
 * @returns {http.Server}
 */
export function createDemoServer(options) {
  const api = createApi(options);
  return http.createServer((req, res) => {
    api.handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { message: "Internal server error" });
      else res.destroy();
    });
  });
}

/**
 * Starts listening; resolves with the port (useful with port 0).
 * @param {http.Server} server
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<number>}
 */
export function listen(server, port, host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(text);
}

/**
 * Reads a JSON body of at most `limit` bytes. An oversized body is read to its end (and
 * dropped) before the 413, so the client gets the answer rather than a reset connection;
 * one far beyond the limit is cut off.
 * @param {http.IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<unknown>}
 */
function readJson(req, limit) {
  const type = String(req.headers["content-type"] ?? "");
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    req.resume();
    return Promise.reject(new RequestError(415, 'Send the body as JSON, with "Content-Type: application/json".'));
  }
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on("data", (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 16) req.destroy();
    });
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new RequestError(400, "The request body was cut off."));
    });
    req.on("end", () => {
      if (size > limit) return reject(new RequestError(413, `The request body is too large: ${size} bytes, at most ${limit} are accepted.`));
      const text = Buffer.concat(chunks).toString("utf8");
      if (text.trim() === "") return reject(new RequestError(400, "The request body is empty; send a JSON object."));
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new RequestError(400, `The request body is not valid JSON: ${/** @type {Error} */ (error).message}`));
      }
    });
  });
}

/** @param {unknown} body @returns {Record<string, unknown>} */
function requireObject(body) {
  if (!isPlainObject(body)) throw new RequestError(400, "The request body must be a JSON object.");
  return body;
}

/** @param {string} field @returns {string} a JSON path for SQLite's json functions */
function toJsonPath(field) {
  return "$" + field.split(".").map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join("");
}

/** @param {string} field */
function checkField(field) {
  if (!FIELD_PATTERN.test(field)) throw new RequestError(400, `"${field}" is not a field name.`);
}

/** @param {string} value */
const escapeLike = (value) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * @param {URLSearchParams} params
 * @param {string} name
 * @param {{ min: number, max?: number }} range
 * @returns {number | undefined}
 */
function readInteger(params, name, { min, max = Number.MAX_SAFE_INTEGER }) {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new RequestError(400, `${name} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ""}.`);
  return value;
}

/**
 * The host name of a Host header (lower-cased, an IPv6 address in brackets, without the
 * port), or undefined when it is not one.
 * @param {string | undefined} host
 */
export function hostnameOf(host) {
  if (!host || /[\s/\\?#@]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The names `allowedHosts` gives, as {@link hostnameOf} reads a Host header ("::1" and
 * "[::1]" alike); throws on one that is not a host name.
 * @param {readonly string[]} hosts
 */
function normalizeHosts(hosts) {
  return hosts.map((host) => {
    const trimmed = host.trim();
    const bracketed = trimmed.startsWith("[");
    // A colon outside brackets is an IPv6 address's (a port there would make it invalid).
    const name = hostnameOf(trimmed.includes(":") && !bracketed ? `[${trimmed}]` : trimmed);
    if (!name || (bracketed && !trimmed.endsWith("]"))) throw new TypeError(`allowedHosts: "${host}" is not a host name (give it without a port).`);
    return name;
  });
}

/** @param {string | undefined} raw */
function parseId(raw) {
  return raw !== undefined && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined;
}

/** @param {DemoServerOptions} options */
function createApi({
  db,
  staticDir,
  photosDir = PHOTOS_DIR,
  bodyLimit = 1_000_000,
  user = DEMO_USER,
  sessionTtl = 7 * 24 * 60 * 60 * 1000,
  maxSessions = 1_000,
  allowedHosts = [],
  now = Date.now,
}) {
  if (!Number.isSafeInteger(maxSessions) || maxSessions < 1) throw new TypeError(`maxSessions must be a whole number from 1, not ${maxSessions}.`);
  const hosts = new Set([...LOCAL_HOSTS, ...normalizeHosts(allowedHosts)]);
  const statements = {
    auditById: db.prepare("SELECT * FROM audit_logs WHERE id = ?"),
    renameAudit: db.prepare("UPDATE audit_logs SET name = ? WHERE id = ?"),
    // The entry a restore names: one of this record's entries in this resource.
    auditOfRecord: db.prepare("SELECT 1 AS found FROM audit_log_records WHERE log_id = ? AND resource = ? AND record_id = ?"),
    categoryInUse: db.prepare("SELECT count(*) AS n FROM products WHERE json_extract(doc, '$.categoryId') = ?"),
    insertSession: db.prepare("INSERT INTO sessions (token_hash, user, created_at, expires_at) VALUES (?, ?, ?, ?)"),
    sessionByHash: db.prepare("SELECT user FROM sessions WHERE token_hash = ? AND expires_at > ?"),
    deleteSession: db.prepare("DELETE FROM sessions WHERE token_hash = ?"),
    expireSessions: db.prepare("DELETE FROM sessions WHERE expires_at <= ?"),
    // All but the newest `?` sessions (by when they began, then by insertion).
    trimSessions: db.prepare("DELETE FROM sessions WHERE rowid IN (SELECT rowid FROM sessions ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?)"),
  };
  const writeAudit = createSqliteAuditWriter(db);
  /** @type {Map<string, { one: import("better-sqlite3").Statement, insert: import("better-sqlite3").Statement, update: import("better-sqlite3").Statement, remove: import("better-sqlite3").Statement }>} */
  const recordStatements = new Map();
  /** @param {ResourceDefinition} resource */
  const statementsFor = (resource) => {
    let found = recordStatements.get(resource.table);
    if (!found) {
      // Table names come from the fixed resource list, never from the request.
      found = {
        one: db.prepare(`SELECT id, doc FROM ${resource.table} WHERE id = ?`),
        insert: db.prepare(`INSERT INTO ${resource.table} (doc) VALUES (?)`),
        update: db.prepare(`UPDATE ${resource.table} SET doc = ? WHERE id = ?`),
        remove: db.prepare(`DELETE FROM ${resource.table} WHERE id = ?`),
      };
      recordStatements.set(resource.table, found);
    }
    return found;
  };

  /** @param {string} token */
  const hashToken = (token) => createHash("sha256").update(token).digest("hex");

  /** The session token the request's cookie holds, if any. @param {http.IncomingMessage} req */
  const sessionTokenOf = (req) => {
    for (const part of String(req.headers.cookie ?? "").split(";")) {
      const [name, ...value] = part.trim().split("=");
      if (name === SESSION_COOKIE && /^[A-Za-z0-9_-]{43}$/.test(value.join("="))) return value.join("=");
    }
    return undefined;
  };

  /** The signed-in user of the request, or undefined. @param {http.IncomingMessage} req @returns {Record<string, unknown> | undefined} */
  const sessionUserOf = (req) => {
    const token = sessionTokenOf(req);
    if (!token) return undefined;
    const row = /** @type {{ user: string } | undefined} */ (statements.sessionByHash.get(hashToken(token), new Date(now()).toISOString()));
    return row ? JSON.parse(row.user) : undefined;
  };

  /** The signed-in user; a 401 when nobody is. @param {http.IncomingMessage} req */
  const requireUser = (req) => {
    const found = sessionUserOf(req);
    if (!found) throw new RequestError(401, "Sign in first: changes are made by a signed-in user (POST /api/session signs in the demo's user).");
    return found;
  };

  /**
   * The session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site request
   * carries it), for /api only. Behind HTTPS a real app adds `Secure`; the demo runs on http://127.0.0.1.
   * @param {string} value @param {number} maxAge in ms (0 removes it)
   */
  const cookie = (value, maxAge) => `${SESSION_COOKIE}=${value}; Path=/api; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(maxAge / 1000)}`;

  /**
   * Signs the demo's user in: a new session, its token in an HttpOnly cookie. The session
   * the request holds, if any, ends (a sign-in replaces it rather than adding one), and the
   * table keeps the newest `maxSessions`: signing in again and again cannot grow it.
   * @param {http.IncomingMessage} req
   */
  const signIn = (req) => {
    const token = randomBytes(32).toString("base64url");
    const time = now();
    const previous = sessionTokenOf(req);
    db.transaction(() => {
      statements.expireSessions.run(new Date(time).toISOString());
      if (previous) statements.deleteSession.run(hashToken(previous));
      statements.insertSession.run(hashToken(token), JSON.stringify(user), new Date(time).toISOString(), new Date(time + sessionTtl).toISOString());
      statements.trimSessions.run(maxSessions);
    })();
    return cookie(token, sessionTtl);
  };

  /**
   * What a restore or revert says it restored (the kit's meta.restoredFrom and
   * meta.restoreKind, sent by the app's data provider as headers). Both or neither.
   * @param {http.IncomingMessage} req
   * @returns {{ restoredFrom: number, restoreKind: "restore" | "revert" } | undefined}
   */
  const restoreOf = (req) => {
    const from = req.headers[RESTORED_FROM_HEADER];
    const kind = req.headers[RESTORE_KIND_HEADER];
    if (from === undefined && kind === undefined) return undefined;
    if (typeof from !== "string" || typeof kind !== "string") throw new RequestError(400, "X-Audit-Restored-From and X-Audit-Restore-Kind go together: send both or neither.");
    const id = parseId(from.trim());
    if (id === undefined) throw new RequestError(400, `X-Audit-Restored-From must be the id of an audit log entry, not "${from.slice(0, 40)}".`);
    const restoreKind = kind.trim();
    if (restoreKind !== "restore" && restoreKind !== "revert") throw new RequestError(400, `X-Audit-Restore-Kind must be "restore" or "revert", not "${kind.slice(0, 40)}".`);
    return { restoredFrom: id, restoreKind };
  };

  /** @param {string} name */
  const requireResource = (name) => {
    const resource = findResource(name);
    if (!resource) throw new RequestError(404, `Unknown resource "${name}". This server knows: products, categories.`);
    return resource;
  };

  /** @param {string} name @param {ResourceDefinition} resource @param {string} rawId the id as the URL gives it */
  const loadRecord = (name, resource, rawId) => {
    const id = parseId(rawId);
    const row = id === undefined ? undefined : /** @type {{ id: number, doc: string } | undefined} */ (statementsFor(resource).one.get(id));
    if (!row) throw new RequestError(404, `There is no record ${rawId} in ${name}.`);
    return { id: row.id, doc: /** @type {Record<string, unknown>} */ (JSON.parse(row.doc)) };
  };

  /**
   * Checks a record and the records it refers to; throws a 422 otherwise.
   * @param {string} name @param {ResourceDefinition} resource @param {Record<string, unknown>} doc
   */
  const checkRecord = (name, resource, doc) => {
    const failure = validateRecord(resource, doc);
    if (failure) throw new RequestError(422, failure.message, { errors: failure.errors });
    if (name === "products") {
      const categories = /** @type {ResourceDefinition} */ (findResource("categories"));
      if (!statementsFor(categories).one.get(doc.categoryId))
        throw new RequestError(422, `Invalid record: category ${String(doc.categoryId)} does not exist.`, { errors: { categoryId: ["does not exist"] } });
    }
  };

  /** @param {Record<string, unknown>} body */
  const withoutId = (body) => {
    const { id: _id, ...rest } = body;
    return rest;
  };

  /** @param {ResourceDefinition} resource @param {URLSearchParams} params */
  function listRecords(resource, params) {
    /** @type {string[]} */
    const where = [];
    /** @type {unknown[]} */
    const args = [];
    /** @type {Map<string, string[]>} */
    const equal = new Map();
    for (const [key, value] of params) {
      if (["_start", "_end", "_sort", "_order"].includes(key)) continue;
      if (key === "q") {
        if (value === "") continue;
        where.push("EXISTS (SELECT 1 FROM json_tree(doc) WHERE type = 'text' AND value LIKE ? ESCAPE '\\')");
        args.push(`%${escapeLike(value)}%`);
        continue;
      }
      const match = /^(.*?)(_like|_ne|_gte|_lte)?$/.exec(key);
      const field = match?.[1] ?? "";
      const operator = match?.[2];
      checkField(field);
      const column = field === "id" ? "id" : "json_extract(doc, ?)";
      const columnArgs = field === "id" ? [] : [toJsonPath(field)];
      if (!operator) {
        equal.set(field, [...(equal.get(field) ?? []), value]);
      } else if (operator === "_like") {
        where.push(`CAST(${column} AS TEXT) LIKE ? ESCAPE '\\'`);
        args.push(...columnArgs, `%${escapeLike(value)}%`);
      } else if (operator === "_ne") {
        where.push(`(${column} IS NULL OR CAST(${column} AS TEXT) <> ?)`);
        args.push(...columnArgs, ...columnArgs, value);
      } else {
        const numeric = value.trim() !== "" && Number.isFinite(Number(value));
        where.push(`${column} ${operator === "_gte" ? ">=" : "<="} ${numeric ? "CAST(? AS REAL)" : "?"}`);
        args.push(...columnArgs, value);
      }
    }
    // field=a&field=b: any of the values; an array field matches when it holds one of them.
    for (const [field, values] of equal) {
      const marks = values.map(() => "?").join(", ");
      if (field === "id") {
        where.push(`CAST(id AS TEXT) IN (${marks})`);
        args.push(...values);
      } else {
        const jsonPath = toJsonPath(field);
        where.push(
          `(CASE json_type(doc, ?) WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(doc, ?) WHERE CAST(value AS TEXT) IN (${marks}))
            WHEN 'true' THEN 'true' IN (${marks}) WHEN 'false' THEN 'false' IN (${marks})
            ELSE CAST(json_extract(doc, ?) AS TEXT) IN (${marks}) END)`,
        );
        args.push(jsonPath, jsonPath, ...values, ...values, ...values, jsonPath, ...values);
      }
    }
    const sorts = (params.get("_sort") ?? "").split(",").filter(Boolean);
    const orders = (params.get("_order") ?? "").split(",").filter(Boolean);
    if (orders.length > 0 && orders.length !== sorts.length) throw new RequestError(400, "_sort and _order must list as many items.");
    /** @type {string[]} */
    const orderBy = [];
    /** @type {unknown[]} */
    const orderArgs = [];
    sorts.forEach((field, index) => {
      checkField(field);
      const order = (orders[index] ?? "asc").toLowerCase();
      if (order !== "asc" && order !== "desc") throw new RequestError(400, `_order must be asc or desc, not "${orders[index]}".`);
      if (field === "id") orderBy.push(`id ${order}`);
      else {
        // Text sorts case-insensitively; numbers sort as numbers.
        orderBy.push(`json_extract(doc, ?) COLLATE NOCASE ${order}`);
        orderArgs.push(toJsonPath(field));
      }
    });
    orderBy.push("id ASC");
    const start = readInteger(params, "_start", { min: 0 }) ?? 0;
    const end = readInteger(params, "_end", { min: 0 });
    if (end !== undefined && end < start) throw new RequestError(400, "_end must not be before _start.");
    const whereSql = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const total = /** @type {{ n: number }} */ (db.prepare(`SELECT count(*) AS n FROM ${resource.table} ${whereSql}`).get(...args)).n;
    const rows = /** @type {Array<{ id: number, doc: string }>} */ (
      db
        .prepare(`SELECT id, doc FROM ${resource.table} ${whereSql} ORDER BY ${orderBy.join(", ")} LIMIT ? OFFSET ?`)
        .all(...args, ...orderArgs, end === undefined ? -1 : end - start, start)
    );
    return { rows: rows.map((row) => ({ id: row.id, ...JSON.parse(row.doc) })), total };
  }

  /** A page of the audit log, by the query contract (auditQuery.mjs). @param {URLSearchParams} params */
  function listAuditLogs(params) {
    let query;
    try {
      query = parseAuditQuery(params);
    } catch (error) {
      if (error instanceof AuditQueryError) throw new RequestError(400, error.message);
      throw error;
    }
    requireResource(query.resource);
    try {
      return runAuditQuerySqlite(db, query);
    } catch (error) {
      // A cursor is checked when the SQL is built.
      if (error instanceof AuditQueryError) throw new RequestError(400, error.message);
      throw error;
    }
  }

  /**
   * Writes a record's audit row, inside the write's transaction.
   * @param {{ resource: string, action: "create" | "update" | "delete", recordId: number, author: Record<string, unknown>,
   *   data?: unknown, previousData?: unknown, restore?: { restoredFrom: number, restoreKind: string } }} change
   */
  function logChange({ resource, action, recordId, author, data, previousData, restore }) {
    writeAudit({
      resource,
      action,
      createdAt: new Date(now()).toISOString(),
      author,
      data,
      previousData,
      meta: { id: recordId, ...(restore ? { restoredFrom: restore.restoredFrom, restoreKind: restore.restoreKind } : {}) },
    });
  }

  /** @param {string} rawId the id as the URL gives it @param {unknown} body */
  function renameAuditLog(rawId, body) {
    const id = parseId(rawId);
    const patch = requireObject(body);
    const other = Object.keys(patch).filter((key) => key !== "name");
    if (other.length > 0) throw new RequestError(422, `Only "name" can be changed in a log entry, not: ${other.join(", ")}.`);
    if (typeof patch.name !== "string") throw new RequestError(422, `"name" must be text ("" removes the name).`);
    const name = patch.name.trim();
    if (name.length > MAX_NAME_LENGTH) throw new RequestError(422, `A name can have at most ${MAX_NAME_LENGTH} characters; this one has ${name.length}.`);
    return db.transaction(() => {
      const row = id === undefined ? undefined : statements.auditById.get(id);
      if (!row) throw new RequestError(404, `There is no audit log entry ${rawId} to rename.`);
      statements.renameAudit.run(name === "" ? null : name, id);
      return toAuditLog(/** @type {Record<string, unknown>} */ (statements.auditById.get(id)));
    })();
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {URL} url
   */
  async function handleApi(req, res, url) {
    let segments;
    try {
      segments = url.pathname.split("/").slice(2).map((segment) => decodeURIComponent(segment));
    } catch {
      throw new RequestError(400, "The path is not valid.");
    }
    const method = req.method ?? "GET";
    /** @param {string[]} allowed */
    const allow = (allowed) => {
      if (!allowed.includes(method)) throw new RequestError(405, `${method} is not allowed here; use ${allowed.join(", ")}.`, {}, { allow: allowed.join(", ") });
    };
    if (segments.length === 0 || segments.length > 2 || segments[0] === "") throw new RequestError(404, `Nothing at ${url.pathname}.`);
    const [first, second] = /** @type {[string, string | undefined]} */ (segments);

    if (first === "session" && second === undefined) {
      allow(["GET", "POST", "DELETE"]);
      if (method === "GET") {
        const signedIn = sessionUserOf(req);
        if (!signedIn) throw new RequestError(401, "Nobody is signed in.");
        return sendJson(res, 200, { user: signedIn });
      }
      if (method === "POST") {
        // A JSON body ({}), like every other write: a cross-site form cannot send one.
        requireObject(await readJson(req, bodyLimit));
        return sendJson(res, 201, { user }, { "set-cookie": signIn(req) });
      }
      const token = sessionTokenOf(req);
      if (token) statements.deleteSession.run(hashToken(token));
      return sendJson(res, 200, {}, { "set-cookie": cookie("", 0) });
    }

    if (first === AUDIT_LOGS) {
      if (second === undefined) {
        if (method === "POST") {
          throw new RequestError(405, "Audit entries are written by the server with each change.", {}, { allow: "GET" });
        }
        allow(["GET"]);
        return sendJson(res, 200, listAuditLogs(url.searchParams));
      }
      allow(["GET", "PATCH"]);
      if (method === "GET") {
        const id = parseId(second);
        const row = id === undefined ? undefined : statements.auditById.get(id);
        if (!row) throw new RequestError(404, `There is no audit log entry ${second}.`);
        return sendJson(res, 200, toAuditLog(/** @type {Record<string, unknown>} */ (row)));
      }
      requireUser(req);
      return sendJson(res, 200, renameAuditLog(second, await readJson(req, bodyLimit)));
    }

    const resource = requireResource(first);
    if (second === undefined) {
      allow(["GET", "POST"]);
      if (method === "GET") {
        const { rows, total } = listRecords(resource, url.searchParams);
        return sendJson(res, 200, rows, { "x-total-count": String(total), "access-control-expose-headers": "x-total-count" });
      }
      const author = requireUser(req);
      if (restoreOf(req)) throw new RequestError(400, "A restore updates a record: send X-Audit-Restored-From with a PATCH or PUT.");
      const body = requireObject(await readJson(req, bodyLimit));
      if (body.id !== undefined) throw new RequestError(400, "Do not send an id: the server assigns it.");
      const created = db.transaction(() => {
        checkRecord(first, resource, body);
        const id = Number(statementsFor(resource).insert.run(JSON.stringify(body)).lastInsertRowid);
        logChange({ resource: first, action: "create", recordId: id, author, data: body });
        return { id, ...body };
      })();
      return sendJson(res, 201, created);
    }

    allow(["GET", "PUT", "PATCH", "DELETE"]);
    if (method === "GET") {
      const { id, doc } = loadRecord(first, resource, second);
      return sendJson(res, 200, { id, ...doc });
    }
    const author = requireUser(req);
    const restore = restoreOf(req);
    if (method === "DELETE") {
      if (restore) throw new RequestError(400, "A restore updates a record: send X-Audit-Restored-From with a PATCH or PUT.");
      const result = db.transaction(() => {
        const { id: recordId, doc } = loadRecord(first, resource, second);
        if (first === "categories") {
          const { n } = /** @type {{ n: number }} */ (statements.categoryInUse.get(recordId));
          if (n > 0) throw new RequestError(409, `This category is used by ${n} product${n === 1 ? "" : "s"}; move them to another category first.`);
        }
        statementsFor(resource).remove.run(recordId);
        const record = { id: recordId, ...doc };
        logChange({ resource: first, action: "delete", recordId, author, previousData: record });
        return record;
      })();
      return sendJson(res, 200, result);
    }
    const body = requireObject(await readJson(req, bodyLimit));
    const result = db.transaction(() => {
      const { id: recordId, doc } = loadRecord(first, resource, second);
      if (body.id !== undefined && String(body.id) !== String(recordId)) throw new RequestError(400, `The body's id (${String(body.id)}) is not the id in the URL (${recordId}).`);
      if (restore && !statements.auditOfRecord.get(restore.restoredFrom, first, String(recordId))) {
        throw new RequestError(422, `X-Audit-Restored-From: entry ${restore.restoredFrom} is not in the history of ${first} ${recordId}.`);
      }
      const patch = withoutId(body);
      const next = method === "PUT" ? patch : { ...doc, ...patch };
      checkRecord(first, resource, next);
      statementsFor(resource).update.run(JSON.stringify(next), recordId);
      // data: what the write wrote (a PATCH's keys; a PUT's whole record); previousData: the
      // stored values of those keys before it (and, for a PUT, of the keys it dropped).
      const dropped = method === "PUT" ? Object.keys(doc).filter((key) => !Object.hasOwn(next, key)) : [];
      logChange({ resource: first, action: "update", recordId, author, data: patch, previousData: pickKeys(doc, [...Object.keys(patch), ...dropped]), restore });
      return { id: recordId, ...next };
    })();
    return sendJson(res, 200, result);
  }

  /**
   * Serves a file from `root`: the built app (with its client-side routes) or a photo.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {string} pathname  the file's path under `root`, as the URL spells it
   * @param {string} root
   * @param {{ spa?: boolean, cache?: string, headers?: Record<string, string> }} [options]
   *   spa: a path without an extension gets index.html (a client-side route)
   */
  function serveStatic(req, res, pathname, root, { spa = false, cache = "public, max-age=31536000, immutable", headers = {} } = {}) {
    let relative;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      throw new RequestError(400, "The path is not valid.");
    }
    const file = path.resolve(root, `.${relative}`);
    const inside = file === root || file.startsWith(root + path.sep);
    const stat = inside ? statSafe(file) : undefined;
    let target = stat?.isFile() ? file : undefined;
    // Client-side routes (no file extension) get the app; a missing asset is a 404.
    if (!target && spa && inside && path.extname(relative) === "") target = path.join(root, "index.html");
    const targetStat = target ? statSafe(target) : undefined;
    if (!target || !targetStat?.isFile()) throw new RequestError(404, `Nothing at ${pathname}.`);
    const isIndex = spa && path.basename(target) === "index.html";
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(target)] ?? "application/octet-stream",
      "content-length": targetStat.size,
      "cache-control": isIndex ? "no-cache" : cache,
      "x-content-type-options": "nosniff",
      ...headers,
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(target).pipe(res);
  }

  return {
    /**
     * @param {http.IncomingMessage} req
     * @param {http.ServerResponse} res
     */
    async handle(req, res) {
      const url = new URL(req.url ?? "/", "http://localhost");
      try {
        // Before anything else: a request for another host name (DNS rebinding) gets nothing.
        const hostname = hostnameOf(req.headers.host);
        if (hostname === undefined || !hosts.has(hostname)) {
          const named = req.headers.host === undefined ? "no Host header" : `Host "${String(req.headers.host).slice(0, 100)}"`;
          throw new RequestError(421, `This server answers requests for ${[...hosts].join(", ")} only, not ${named}. (Another name: the allowedHosts option of createDemoServer.)`);
        }
        if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return await handleApi(req, res, url);
        const isRead = req.method === "GET" || req.method === "HEAD";
        // Product photos (records hold their paths, `/photos/…`): served in dev and with a built app alike.
        // An SVG opened on its own runs no script and loads nothing (its CSP), whatever it holds.
        if (url.pathname.startsWith("/photos/") && isRead) {
          return serveStatic(req, res, url.pathname.slice("/photos".length), path.resolve(photosDir), {
            cache: "public, max-age=3600",
            headers: { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" },
          });
        }
        if (staticDir && isRead) return serveStatic(req, res, url.pathname, path.resolve(staticDir), { spa: true });
        throw new RequestError(404, `Nothing at ${url.pathname}.`);
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        // A body nobody read is drained, so the client reads the answer instead of a reset.
        if (!req.readableEnded) req.resume();
        sendJson(res, error.status, { message: error.message, ...error.extra }, error.headers);
      }
    },
  };
}

/** @param {string} file */
function statSafe(file) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** @param {Record<string, unknown>} source @param {string[]} keys */
function pickKeys(source, keys) {
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(source, key)).map((key) => [key, source[key]]));
}
