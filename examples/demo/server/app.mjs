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
//   GET    /api/audit-logs?resource&id&action&pageSize&cursor   → { data, nextCursor? }, newest first
//   POST   /api/audit-logs                     record an entry (previousData from the stored record)
//   GET    /api/audit-logs/:id                 one entry
//   PATCH  /api/audit-logs/:id  { name }       name (or, with "", unname) an entry
//   GET    /photos/<file>                       a product photo (server/photos)
//
// Every error is JSON `{ message }` (plus `errors` by field for an invalid record) with a
// 4xx status, and a rejected request writes nothing.
import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
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
 * @property {number} [pendingWriteTtl]   how long a write's pre-image waits for its audit entry, in ms (default 10 minutes)
 * @property {() => number} [now]         the clock (ms), for tests
 */

/** The product photos the seed refers to (`/photos/<file>`). */
export const PHOTOS_DIR = fileURLToPath(new URL("./photos", import.meta.url));

const AUDIT_LOGS = "audit-logs";
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;
const MAX_NAME_LENGTH = 120;
const MAX_ACTION_LENGTH = 64;
const AUDIT_FIELDS = new Set(["resource", "action", "data", "previousData", "author", "meta", "name"]);
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

/** @param {string} raw @returns {[string, number] | undefined} */
function decodeCursor(raw) {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && Number.isInteger(value[1])) return [value[0], value[1]];
  } catch {
    // fall through
  }
  return undefined;
}

/** @param {string} createdAt @param {number} id */
const encodeCursor = (createdAt, id) => Buffer.from(JSON.stringify([createdAt, id])).toString("base64url");

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

/** @param {string | undefined} raw */
function parseId(raw) {
  return raw !== undefined && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * @typedef {{ id: number, resource: string, action: string, record_id: string | null, created_at: string,
 *   author: string | null, name: string | null, data: string | null, previous_data: string | null, meta: string }} AuditRow
 */

/** @param {AuditRow} row */
function toLog(row) {
  /** @type {Record<string, unknown>} */
  const log = { id: row.id, resource: row.resource, action: row.action, createdAt: row.created_at, meta: JSON.parse(row.meta) };
  if (row.author !== null) log.author = JSON.parse(row.author);
  if (row.name !== null) log.name = row.name;
  if (row.data !== null) log.data = JSON.parse(row.data);
  if (row.previous_data !== null) log.previousData = JSON.parse(row.previous_data);
  return log;
}

/** @param {DemoServerOptions} options */
function createApi({ db, staticDir, photosDir = PHOTOS_DIR, bodyLimit = 1_000_000, pendingWriteTtl = 10 * 60 * 1000, now = Date.now }) {
  const statements = {
    auditById: db.prepare("SELECT * FROM audit_logs WHERE id = ?"),
    insertAudit: db.prepare(
      `INSERT INTO audit_logs (resource, action, record_id, created_at, author, name, data, previous_data, meta)
       VALUES (@resource, @action, @recordId, @createdAt, @author, @name, @data, @previousData, @meta)`,
    ),
    renameAudit: db.prepare("UPDATE audit_logs SET name = ? WHERE id = ?"),
    insertPending: db.prepare(
      "INSERT INTO pending_writes (client_id, resource, record_id, action, before, written_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    takePending: db.prepare(
      `SELECT id, before FROM pending_writes
       WHERE client_id = ? AND resource = ? AND record_id = ? AND action = ? AND written_at >= ?
       ORDER BY id LIMIT 1`,
    ),
    deletePending: db.prepare("DELETE FROM pending_writes WHERE id = ?"),
    expirePending: db.prepare("DELETE FROM pending_writes WHERE written_at < ?"),
    categoryInUse: db.prepare("SELECT count(*) AS n FROM products WHERE json_extract(doc, '$.categoryId') = ?"),
  };
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

  /** @param {http.IncomingMessage} req */
  const clientIdOf = (req) => {
    const raw = req.headers["x-demo-client"];
    return typeof raw === "string" && /^[\w-]{1,64}$/.test(raw) ? raw : "";
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

  /** @param {URLSearchParams} params */
  function listAuditLogs(params) {
    const resourceName = params.get("resource");
    if (!resourceName) throw new RequestError(400, "Say which resource's logs to read: ?resource=products.");
    requireResource(resourceName);
    const where = ["resource = ?"];
    /** @type {unknown[]} */
    const args = [resourceName];
    const id = params.get("id");
    if (id !== null && id !== "") {
      where.push("(record_id = ? OR EXISTS (SELECT 1 FROM json_each(meta, '$.ids') WHERE CAST(value AS TEXT) = ?))");
      args.push(id, id);
    }
    const action = params.get("action");
    if (action) {
      where.push("action = ?");
      args.push(action);
    }
    const pageSize = readInteger(params, "pageSize", { min: 1, max: MAX_PAGE_SIZE }) ?? DEFAULT_PAGE_SIZE;
    const rawCursor = params.get("cursor");
    if (rawCursor) {
      const cursor = decodeCursor(rawCursor);
      if (!cursor) throw new RequestError(400, "The cursor is not one this server gave out.");
      where.push("(created_at < ? OR (created_at = ? AND id < ?))");
      args.push(cursor[0], cursor[0], cursor[1]);
    }
    const rows = /** @type {AuditRow[]} */ (
      db.prepare(`SELECT * FROM audit_logs WHERE ${where.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT ?`).all(...args, pageSize + 1)
    );
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return rows.length > pageSize && last ? { data: page.map(toLog), nextCursor: encodeCursor(last.created_at, last.id) } : { data: page.map(toLog) };
  }

  /** @param {unknown} body @param {string} clientId */
  function createAuditLog(body, clientId) {
    const log = requireObject(body);
    const unknown = Object.keys(log).filter((key) => !AUDIT_FIELDS.has(key));
    if (unknown.length > 0) throw new RequestError(422, `Unknown field${unknown.length > 1 ? "s" : ""} in the log entry: ${unknown.join(", ")}.`);
    if (typeof log.resource !== "string" || !findResource(log.resource)) throw new RequestError(422, `"resource" must name a known resource (products, categories).`);
    if (typeof log.action !== "string" || log.action === "" || log.action.length > MAX_ACTION_LENGTH)
      throw new RequestError(422, `"action" must be text of 1 to ${MAX_ACTION_LENGTH} characters.`);
    if (log.meta !== undefined && !isPlainObject(log.meta)) throw new RequestError(422, `"meta" must be an object.`);
    if (log.author !== undefined && log.author !== null && !isPlainObject(log.author)) throw new RequestError(422, `"author" must be an object.`);
    if (log.name !== undefined && (typeof log.name !== "string" || log.name.length > MAX_NAME_LENGTH))
      throw new RequestError(422, `"name" must be text of at most ${MAX_NAME_LENGTH} characters.`);
    const meta = /** @type {Record<string, unknown>} */ (log.meta ?? {});
    const recordId = typeof meta.id === "string" || typeof meta.id === "number" ? String(meta.id) : null;

    return db.transaction(() => {
      const time = now();
      statements.expirePending.run(time - pendingWriteTtl);
      let previousData = log.previousData;
      // The true before-value: the stored record as this client's matching write found it.
      if (recordId !== null && (log.action === "update" || log.action === "delete")) {
        const pending = /** @type {{ id: number, before: string | null } | undefined} */ (
          statements.takePending.get(clientId, log.resource, recordId, log.action, time - pendingWriteTtl)
        );
        if (pending) {
          statements.deletePending.run(pending.id);
          const before = pending.before === null ? undefined : JSON.parse(pending.before);
          previousData = log.action === "update" && isPlainObject(log.data) && isPlainObject(before) ? pickKeys(before, Object.keys(log.data)) : before;
        }
      }
      const { lastInsertRowid } = statements.insertAudit.run({
        resource: log.resource,
        action: log.action,
        recordId,
        createdAt: new Date(time).toISOString(),
        author: log.author === undefined || log.author === null ? null : JSON.stringify(log.author),
        name: typeof log.name === "string" && log.name.trim() !== "" ? log.name.trim() : null,
        data: log.data === undefined ? null : JSON.stringify(log.data),
        previousData: previousData === undefined ? null : JSON.stringify(previousData),
        meta: JSON.stringify(meta),
      });
      return toLog(/** @type {AuditRow} */ (statements.auditById.get(lastInsertRowid)));
    })();
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
      return toLog(/** @type {AuditRow} */ (statements.auditById.get(id)));
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

    if (first === AUDIT_LOGS) {
      if (second === undefined) {
        allow(["GET", "POST"]);
        if (method === "GET") return sendJson(res, 200, listAuditLogs(url.searchParams));
        return sendJson(res, 201, createAuditLog(await readJson(req, bodyLimit), clientIdOf(req)));
      }
      allow(["GET", "PATCH"]);
      if (method === "GET") {
        const id = parseId(second);
        const row = id === undefined ? undefined : statements.auditById.get(id);
        if (!row) throw new RequestError(404, `There is no audit log entry ${second}.`);
        return sendJson(res, 200, toLog(/** @type {AuditRow} */ (row)));
      }
      return sendJson(res, 200, renameAuditLog(second, await readJson(req, bodyLimit)));
    }

    const resource = requireResource(first);
    if (second === undefined) {
      allow(["GET", "POST"]);
      if (method === "GET") {
        const { rows, total } = listRecords(resource, url.searchParams);
        return sendJson(res, 200, rows, { "x-total-count": String(total), "access-control-expose-headers": "x-total-count" });
      }
      const body = requireObject(await readJson(req, bodyLimit));
      if (body.id !== undefined) throw new RequestError(400, "Do not send an id: the server assigns it.");
      checkRecord(first, resource, body);
      const { lastInsertRowid } = statementsFor(resource).insert.run(JSON.stringify(body));
      return sendJson(res, 201, { id: Number(lastInsertRowid), ...body });
    }

    allow(["GET", "PUT", "PATCH", "DELETE"]);
    if (method === "GET") {
      const { id, doc } = loadRecord(first, resource, second);
      return sendJson(res, 200, { id, ...doc });
    }
    const clientId = clientIdOf(req);
    if (method === "DELETE") {
      const result = db.transaction(() => {
        const { id: recordId, doc } = loadRecord(first, resource, second);
        if (first === "categories") {
          const { n } = /** @type {{ n: number }} */ (statements.categoryInUse.get(recordId));
          if (n > 0) throw new RequestError(409, `This category is used by ${n} product${n === 1 ? "" : "s"}; move them to another category first.`);
        }
        statementsFor(resource).remove.run(recordId);
        const record = { id: recordId, ...doc };
        statements.insertPending.run(clientId, first, String(recordId), "delete", JSON.stringify(record), now());
        return record;
      })();
      return sendJson(res, 200, result);
    }
    const body = requireObject(await readJson(req, bodyLimit));
    const result = db.transaction(() => {
      const { id: recordId, doc } = loadRecord(first, resource, second);
      if (body.id !== undefined && String(body.id) !== String(recordId)) throw new RequestError(400, `The body's id (${String(body.id)}) is not the id in the URL (${recordId}).`);
      const next = method === "PUT" ? withoutId(body) : { ...doc, ...withoutId(body) };
      checkRecord(first, resource, next);
      statementsFor(resource).update.run(JSON.stringify(next), recordId);
      // Refine logs the update after it succeeded, without the old values: keep them for that entry.
      statements.insertPending.run(clientId, first, String(recordId), "update", JSON.stringify(doc), now());
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
