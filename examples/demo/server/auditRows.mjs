// @ts-check
// An audit row as stored: the log row, the columns the queries read (author parts), the
// field paths it changed and the records it concerns. One function builds it for every
// writer: the server's writes, the seeds, the migration, the bulk seed of PostgreSQL.
import { changedFieldPaths } from "./auditFields.mjs";
import { AUDIT_COLUMNS } from "./auditSchema.mjs";

/** The most records one row is filed under (a bulk row's meta.ids). */
export const MAX_RECORDS_PER_ROW = 1000;

/**
 * @typedef {object} AuditEntry what a writer logs
 * @property {string} resource
 * @property {string} action
 * @property {string} createdAt ISO 8601 in UTC (`toISOString()`)
 * @property {Record<string, unknown> | null} [author] who, from the session (never from a request body)
 * @property {string | null} [name]
 * @property {unknown} [data]
 * @property {unknown} [previousData]
 * @property {Record<string, unknown>} meta `id` (or `ids` for a bulk row), and e.g. `restoredFrom`
 */

/**
 * @typedef {object} StoredAuditRow
 * @property {Record<string, string | null>} row the audit_logs columns (JSON as text)
 * @property {Array<[string, number]>} fields changed paths and their kinds
 * @property {string[]} records the record ids the row concerns
 */

/** @param {unknown} value @returns {value is string | number} */
const isId = (value) => (typeof value === "string" && value !== "" && value.length <= 200) || (typeof value === "number" && Number.isFinite(value));

/** @param {unknown} value */
const text = (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/**
 * The author columns: id, name and email as text, and the label the kit shows (name, else
 * email, else id) that the author sort uses.
 * @param {Record<string, unknown> | null | undefined} author
 */
export function authorColumns(author) {
  const id = author && isId(author.id) ? String(author.id) : null;
  const name = author ? text(author.name) : null;
  const email = author ? text(author.email) : null;
  return { author_id: id, author_name: name, author_email: email, author_label: name ?? email ?? id ?? "" };
}

/** The records a row concerns: `meta.id` and the ids in `meta.ids`, as text, once each. @param {Record<string, unknown>} meta */
export function recordIdsOf(meta) {
  /** @type {Set<string>} */
  const ids = new Set();
  if (isId(meta.id)) ids.add(String(meta.id));
  if (Array.isArray(meta.ids)) {
    for (const id of meta.ids) {
      if (ids.size >= MAX_RECORDS_PER_ROW) break;
      if (isId(id)) ids.add(String(id));
    }
  }
  return [...ids];
}

/**
 * Builds the stored form of a log entry.
 * @param {AuditEntry} entry
 * @returns {StoredAuditRow}
 */
export function buildAuditRow(entry) {
  const meta = entry.meta;
  const json = (/** @type {unknown} */ value) => (value === undefined || value === null ? null : JSON.stringify(value));
  /** @type {Record<string, string | null>} */
  const row = {
    resource: entry.resource,
    action: entry.action,
    record_id: isId(meta.id) ? String(meta.id) : null,
    created_at: entry.createdAt,
    author: json(entry.author),
    ...authorColumns(entry.author),
    name: text(entry.name),
    data: json(entry.data),
    previous_data: json(entry.previousData),
    meta: JSON.stringify(meta),
  };
  return { row, fields: [...changedFieldPaths(entry.action, entry.data, entry.previousData)], records: recordIdsOf(meta) };
}

/**
 * A writer of audit rows into SQLite (better-sqlite3), for use inside the caller's
 * transaction: the row, its field paths and its records go in together or not at all.
 * @param {import("better-sqlite3").Database} db
 * @returns {(entry: AuditEntry) => number} writes an entry, returns its id
 */
export function createSqliteAuditWriter(db) {
  const insertLog = db.prepare(`INSERT INTO audit_logs (${AUDIT_COLUMNS.join(", ")}) VALUES (${AUDIT_COLUMNS.map((column) => `@${column}`).join(", ")})`);
  const insertField = db.prepare("INSERT INTO audit_log_fields (log_id, path, kind) VALUES (?, ?, ?)");
  const insertRecord = db.prepare("INSERT INTO audit_log_records (log_id, resource, record_id) VALUES (?, ?, ?)");
  return (entry) => {
    const { row, fields, records } = buildAuditRow(entry);
    const id = Number(insertLog.run(row).lastInsertRowid);
    for (const [path, kind] of fields) insertField.run(id, path, kind);
    for (const recordId of records) insertRecord.run(id, entry.resource, recordId);
    return id;
  };
}

/**
 * A writer of audit rows into PostgreSQL through any client with `query(sql, args)`
 * (PGlite, node-postgres), for use inside the caller's transaction.
 * @param {{ query: (sql: string, args: unknown[]) => Promise<{ rows: any[] }> }} client
 * @returns {(entry: AuditEntry) => Promise<number>} writes an entry, returns its id
 */
export function createPostgresAuditWriter(client) {
  const columns = AUDIT_COLUMNS.join(", ");
  const placeholders = AUDIT_COLUMNS.map((_, index) => `$${index + 1}`).join(", ");
  return async (entry) => {
    const { row, fields, records } = buildAuditRow(entry);
    const { rows } = await client.query(`INSERT INTO audit_logs (${columns}) VALUES (${placeholders}) RETURNING id`, AUDIT_COLUMNS.map((column) => row[column]));
    const id = Number(rows[0].id);
    if (fields.length > 0) {
      await client.query("INSERT INTO audit_log_fields (log_id, path, kind) SELECT $1, path, kind FROM unnest($2::text[], $3::smallint[]) AS f (path, kind)", [
        id,
        fields.map(([path]) => path),
        fields.map(([, kind]) => kind),
      ]);
    }
    if (records.length > 0) {
      await client.query("INSERT INTO audit_log_records (log_id, resource, record_id) SELECT $1, $2, record_id FROM unnest($3::text[]) AS r (record_id)", [id, entry.resource, records]);
    }
    return id;
  };
}
