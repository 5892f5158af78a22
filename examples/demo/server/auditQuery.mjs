// @ts-check
// The audit-log query contract (version 1) in SQL, for SQLite and PostgreSQL from one
// description. The REST mapping (GET /api/audit-logs):
//
//   resource=products                     required
//   id=7                                  a record's history (meta.id, or one of a bulk row's meta.ids)
//   action=update&action=create           any of these actions
//   author=5&author=ada@example.com       the author's id, name or email is one of these
//   field=price&field=address.city        changed one of these fields (or a part of one, or a whole parent)
//   named=1                               named versions only
//   from=<ISO instant>&to=<ISO instant>   inclusive; a bare YYYY-MM-DD is that day in UTC
//   q=ada price                           every word in the name, author, action or record id (not in values);
//                                         1 to 3 words of 2 characters or more (each word is a LIKE scan)
//   _sort=createdAt,action&_order=desc,asc   createdAt | action | author | name | id (the record id); ties by row id
//   _pageSize=50&_cursor=<opaque>         keyset pages (cursor mode, the default)
//   _page=3&_pageSize=50                  page 3 (page mode)
//   _total=1                              count the matching rows
//
// → { data, total, nextCursor }: total null unless asked; nextCursor null on the last page
// of cursor mode, absent in page mode.
//
// Legacy requests (no `_` parameter and no v1 filter: `resource`, `id`, one `action`,
// `pageSize`, `cursor`) get the old answer, { data, nextCursor } without `total` (nextCursor
// absent on the last page): for the kit, the absence of `total` says the server did not
// apply its filters.
//
// Every value from the request goes in as a parameter; the SQL text is built from fixed
// pieces only (column names and sort expressions from the tables below). A value the
// engines cannot take is a 400 here, never an engine's error: no NUL character in any
// parameter (PostgreSQL's text cannot hold one), instants within years 0001 to 9999 (the
// cursor's too), a cursor's integers within their column's range.
import { ancestorsOf, OPEN, TRUNCATED } from "./auditFields.mjs";

/** A 400 with a message naming the bad parameter. */
export class AuditQueryError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.status = 400;
  }
}

export const QUERY_LIMITS = Object.freeze({
  defaultPageSize: 50,
  maxPageSize: 200,
  /** Values per list filter (action, author, field). */
  maxValues: 50,
  /** Characters per value. */
  maxValueLength: 200,
  /** Words in `q`: each is a LIKE scan of the rows the other filters leave. */
  maxSearchWords: 3,
  /** Characters (at least) in each word of `q`. */
  minSearchWordLength: 2,
  /** Sorters in `_sort`. */
  maxSorters: 5,
  /** The last page `_page` may ask for. */
  maxPage: 1_000_000,
});

/** @typedef {"createdAt" | "action" | "author" | "name" | "id"} SortField */
/** @typedef {{ field: SortField, order: "asc" | "desc" }} Sorter */
/**
 * @typedef {object} AuditFilters
 * @property {string[]} [actions]
 * @property {string[]} [authors]
 * @property {string[]} [fields]
 * @property {true} [namedOnly]
 * @property {string} [from] ISO instant (toISOString)
 * @property {string} [to] ISO instant (toISOString)
 * @property {string[]} [search] lower-cased words
 */
/**
 * @typedef {object} AuditQuery
 * @property {string} resource
 * @property {string} [recordId]
 * @property {AuditFilters} filters
 * @property {Sorter[]} sorters
 * @property {{ mode: "cursor", pageSize: number, cursor?: string } | { mode: "page", page: number, pageSize: number }} pagination
 * @property {boolean} total
 * @property {boolean} legacy answer in the old shape ({ data, nextCursor }, no total)
 */

/**
 * The sort keys of each sort field: SQL expressions over `a` (audit_logs), each with the
 * type its cursor value must have (an `int` at most `max`: PostgreSQL's `length()` is an
 * integer, its ids bigints). The record id sorts by length first, so numeric ids come in
 * numeric order (2 before 10).
 * @type {Readonly<Record<SortField, ReadonlyArray<{ sql: string, type: "time" | "text" | "int", max?: number }>>>}
 */
const SORT_KEYS = Object.freeze({
  createdAt: [{ sql: "a.created_at", type: "time" }],
  action: [{ sql: "a.action", type: "text" }],
  author: [{ sql: "a.author_label", type: "text" }],
  name: [{ sql: "COALESCE(a.name, '')", type: "text" }],
  id: [
    { sql: "length(COALESCE(a.record_id, ''))", type: "int", max: 2_147_483_647 },
    { sql: "COALESCE(a.record_id, '')", type: "text" },
  ],
});
const SORT_FIELDS = /** @type {SortField[]} */ (Object.keys(SORT_KEYS));

/** Parameters only the contract's version 1 has: any of them makes a request a v1 query. */
const V1_PARAMS = ["_sort", "_order", "_page", "_pageSize", "_cursor", "_total", "author", "field", "named", "from", "to", "q"];
const LEGACY_PARAMS = ["pageSize", "cursor"];
/** Every parameter this server reads (each is checked for NUL characters). */
const KNOWN_PARAMS = ["resource", "id", "action", ...V1_PARAMS, ...LEGACY_PARAMS];

const FIELD_SEGMENT = /^[^.\s]+$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Instants whose toISOString() has a four-digit year, so they compare as text in order,
// and that PostgreSQL's timestamptz takes (it has no year 0).
const MIN_TIME = Date.parse("0001-01-01T00:00:00.000Z");
const MAX_TIME = Date.parse("9999-12-31T23:59:59.999Z");
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An ISO date-time with a zone (what {@link ISO_INSTANT} matches) as milliseconds, or NaN
 * when it is not one or falls outside {@link MIN_TIME}..{@link MAX_TIME} once its offset is
 * applied ("0000-01-01T00:00+00:01" is in year -1).
 * @param {unknown} raw
 */
function instantOf(raw) {
  if (typeof raw !== "string" || !ISO_INSTANT.test(raw)) return NaN;
  const time = Date.parse(raw);
  return time >= MIN_TIME && time <= MAX_TIME ? time : NaN;
}

/** PostgreSQL's text cannot hold a NUL character (SQLite's can, but it is never meant). @param {string} value */
const hasNul = (value) => value.includes("\u0000");

/**
 * @param {URLSearchParams} params
 * @param {string} name
 * @param {{ min: number, max: number }} range
 */
function readInteger(params, name, { min, max }) {
  const raw = params.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,16}$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new AuditQueryError(`${name} must be a whole number from ${min} to ${max}, not "${raw.slice(0, 40)}".`);
  return Number(raw);
}

/** @param {URLSearchParams} params @param {string} name */
function readList(params, name) {
  const values = [...new Set(params.getAll(name).map((value) => value.trim()).filter((value) => value !== ""))];
  if (values.length > QUERY_LIMITS.maxValues) throw new AuditQueryError(`${name} can be given at most ${QUERY_LIMITS.maxValues} times.`);
  for (const value of values) {
    if (value.length > QUERY_LIMITS.maxValueLength) throw new AuditQueryError(`A ${name} value can have at most ${QUERY_LIMITS.maxValueLength} characters.`);
  }
  return values.length > 0 ? values.sort() : undefined;
}

/** @param {URLSearchParams} params @param {string} name */
function readFlag(params, name) {
  const raw = params.get(name);
  if (raw === null || raw === "" || raw === "0" || raw === "false") return false;
  if (raw === "1" || raw === "true") return true;
  throw new AuditQueryError(`${name} must be 1 or 0, not "${raw.slice(0, 40)}".`);
}

/**
 * An instant as `toISOString()` gives it (what created_at holds): an ISO date-time with a
 * zone, or a bare day (its first millisecond in UTC for `from`, its last for `to`).
 * @param {URLSearchParams} params @param {"from" | "to"} name
 */
function readInstant(params, name) {
  const raw = params.get(name)?.trim();
  if (!raw) return undefined;
  const day = ISO_DAY.exec(raw);
  let time = NaN;
  if (day) {
    const start = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // A day that does not exist (2024-02-31) would roll over: refuse it.
    if (!Number.isNaN(start) && new Date(start).toISOString().slice(0, 10) === raw) time = start + (name === "to" ? 86_399_999 : 0);
  } else time = instantOf(raw);
  if (Number.isNaN(time) || time < MIN_TIME || time > MAX_TIME) {
    throw new AuditQueryError(`${name} must be an ISO 8601 instant such as 2024-11-05T23:59:59.999Z (or a day, 2024-11-05), not "${raw.slice(0, 40)}".`);
  }
  return new Date(time).toISOString();
}

/** @param {URLSearchParams} params @returns {Sorter[]} */
function readSorters(params) {
  const sorts = (params.get("_sort") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const orders = (params.get("_order") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (sorts.length === 0) {
    if (orders.length > 0) throw new AuditQueryError("_order needs _sort: say which fields to sort by.");
    return [{ field: "createdAt", order: "desc" }];
  }
  if (sorts.length > QUERY_LIMITS.maxSorters) throw new AuditQueryError(`_sort can name at most ${QUERY_LIMITS.maxSorters} fields.`);
  if (orders.length > 0 && orders.length !== sorts.length) throw new AuditQueryError("_sort and _order must list as many items.");
  /** @type {Sorter[]} */
  const sorters = [];
  sorts.forEach((field, index) => {
    if (!SORT_FIELDS.includes(/** @type {SortField} */ (field))) throw new AuditQueryError(`_sort: "${field.slice(0, 40)}" is not a sort field; use ${SORT_FIELDS.join(", ")}.`);
    if (sorters.some((sorter) => sorter.field === field)) throw new AuditQueryError(`_sort names "${field}" twice.`);
    const order = (orders[index] ?? "asc").toLowerCase();
    if (order !== "asc" && order !== "desc") throw new AuditQueryError(`_order must be asc or desc, not "${orders[index].slice(0, 40)}".`);
    sorters.push({ field: /** @type {SortField} */ (field), order });
  });
  return sorters;
}

/**
 * Reads a GET /api/audit-logs query string into an {@link AuditQuery}. Throws an
 * {@link AuditQueryError} (400) naming the bad parameter. Unknown parameters are ignored.
 * @param {URLSearchParams} params
 * @returns {AuditQuery}
 */
export function parseAuditQuery(params) {
  for (const name of KNOWN_PARAMS) {
    if (params.getAll(name).some(hasNul)) throw new AuditQueryError(`${name} must not hold a NUL character (\\u0000).`);
  }
  const resource = params.get("resource");
  if (!resource) throw new AuditQueryError("Say which resource's logs to read: ?resource=products.");
  const legacy = !V1_PARAMS.some((name) => params.has(name)) && params.getAll("action").length <= 1;
  if (!legacy) {
    const old = LEGACY_PARAMS.filter((name) => params.has(name));
    if (old.length > 0) throw new AuditQueryError(`${old.join(" and ")} belong to the old paging; with _-parameters use _pageSize and _cursor.`);
  }
  const rawId = params.get("id")?.trim();
  if (rawId && rawId.length > QUERY_LIMITS.maxValueLength) throw new AuditQueryError(`id can have at most ${QUERY_LIMITS.maxValueLength} characters.`);

  /** @type {AuditFilters} */
  const filters = {};
  const actions = readList(params, "action");
  if (actions) filters.actions = actions;
  if (!legacy) {
    const authors = readList(params, "author");
    if (authors) filters.authors = authors;
    const fields = readList(params, "field");
    if (fields) {
      for (const field of fields) {
        const segments = field.split(".");
        if (!segments.every((segment) => FIELD_SEGMENT.test(segment))) throw new AuditQueryError(`field: "${field.slice(0, 40)}" is not a field path (dotted names, such as supplier.address.city).`);
      }
      filters.fields = fields;
    }
    if (readFlag(params, "named")) filters.namedOnly = true;
    const from = readInstant(params, "from");
    const to = readInstant(params, "to");
    if (from !== undefined) filters.from = from;
    if (to !== undefined) filters.to = to;
    if (from !== undefined && to !== undefined && from > to) throw new AuditQueryError("from is after to: nothing can match.");
    const q = params.get("q")?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    // Each word is a LIKE scan (no index can serve a substring match): a few words, none a
    // single letter (which matches nearly every row and so narrows nothing).
    if (q.length > QUERY_LIMITS.maxSearchWords) throw new AuditQueryError(`q can hold at most ${QUERY_LIMITS.maxSearchWords} words, not ${q.length}.`);
    const short = q.find((word) => [...word].length < QUERY_LIMITS.minSearchWordLength);
    if (short !== undefined) throw new AuditQueryError(`Each word in q needs at least ${QUERY_LIMITS.minSearchWordLength} characters, not "${short}".`);
    if (q.some((word) => word.length > QUERY_LIMITS.maxValueLength)) throw new AuditQueryError(`A word in q can have at most ${QUERY_LIMITS.maxValueLength} characters.`);
    if (q.length > 0) filters.search = [...new Set(q)];
  }

  const sizeName = legacy ? "pageSize" : "_pageSize";
  const pageSize = readInteger(params, sizeName, { min: 1, max: QUERY_LIMITS.maxPageSize }) ?? QUERY_LIMITS.defaultPageSize;
  const page = legacy ? undefined : readInteger(params, "_page", { min: 1, max: QUERY_LIMITS.maxPage });
  const cursor = params.get(legacy ? "cursor" : "_cursor") || undefined;
  if (page !== undefined && cursor !== undefined) throw new AuditQueryError("_page and _cursor cannot go together: page mode or cursor mode.");

  return {
    resource,
    ...(rawId ? { recordId: rawId } : {}),
    filters,
    sorters: legacy ? [{ field: "createdAt", order: "desc" }] : readSorters(params),
    pagination: page !== undefined ? { mode: "page", page, pageSize } : { mode: "cursor", pageSize, ...(cursor ? { cursor } : {}) },
    total: legacy ? false : readFlag(params, "_total"),
    legacy,
  };
}

/** @typedef {"sqlite" | "postgres"} Dialect */

/**
 * The sort keys of a query, in order, each with its direction; the row id last, in the
 * direction of the last sorter (ties broken the same way on every page).
 * @param {Sorter[]} sorters
 */
function sortKeysOf(sorters) {
  /** @type {Array<{ sql: string, type: "time" | "text" | "int", max?: number, order: "asc" | "desc" }>} */
  const keys = sorters.flatMap((sorter) => SORT_KEYS[sorter.field].map((key) => ({ ...key, order: sorter.order })));
  keys.push({ sql: "a.id", type: "int", order: sorters[sorters.length - 1].order });
  return keys;
}

/** What a cursor is tied to: the sort order (a cursor of another order is refused). @param {Sorter[]} sorters */
const sortSignature = (sorters) => sorters.map((sorter) => `${sorter.field}:${sorter.order}`).join(",");

/**
 * A cursor: base64url of JSON `{ v: 1, s: "<sort>", k: [<sort key values>..., <row id>] }`.
 * Opaque to clients; it carries the last row's sort keys, so the next page starts right
 * after that row whatever was written since.
 * @param {Sorter[]} sorters @param {unknown[]} values
 */
export function encodeCursor(sorters, values) {
  return Buffer.from(JSON.stringify({ v: 1, s: sortSignature(sorters), k: values })).toString("base64url");
}

/**
 * @param {string} raw @param {Sorter[]} sorters @param {string} name the parameter, for the message
 * @returns {unknown[]} the key values, checked against their types
 */
function decodeCursor(raw, sorters, name) {
  const keys = sortKeysOf(sorters);
  /** @type {any} */
  let value;
  try {
    if (raw.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw new Error("not base64url");
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new AuditQueryError(`${name} is not a cursor this server gave out.`);
  }
  if (typeof value !== "object" || value === null || value.v !== 1 || !Array.isArray(value.k) || value.k.length !== keys.length) {
    throw new AuditQueryError(`${name} is not a cursor this server gave out.`);
  }
  if (value.s !== sortSignature(sorters)) throw new AuditQueryError(`${name} belongs to another sort order; start again without it.`);
  return keys.map((key, index) => {
    const item = value.k[index];
    // What both engines take: a time within the years from and to accept, text without a NUL.
    const ok =
      key.type === "int"
        ? Number.isSafeInteger(item) && item >= 0 && item <= (key.max ?? Number.MAX_SAFE_INTEGER)
        : key.type === "time"
          ? !Number.isNaN(instantOf(item))
          : typeof item === "string" && item.length <= 10_000 && !hasNul(item);
    if (!ok) throw new AuditQueryError(`${name} is not a cursor this server gave out.`);
    return key.type === "time" ? new Date(item).toISOString() : item;
  });
}

/**
 * Collects parameters and writes their placeholders: `?` for SQLite, `$1, $2, …` for
 * PostgreSQL, in the order they appear in the SQL.
 * @param {Dialect} dialect
 */
function createParams(dialect) {
  /** @type {unknown[]} */
  const args = [];
  /** @param {unknown} value */
  const p = (value) => {
    args.push(value);
    return dialect === "sqlite" ? "?" : `$${args.length}`;
  };
  /** @param {readonly unknown[]} values */
  const list = (values) => values.map(p).join(", ");
  /**
   * "The row is one of these": the rows a subquery lists, read first. SQLite reads
   * `IN (SELECT …)` as such a list; PostgreSQL may turn it into a join and scan the whole
   * index instead, so it gets `= ANY (ARRAY(SELECT …))`, which it must compute first.
   * @param {string} subquery
   */
  const oneOf = (subquery) => (dialect === "sqlite" ? `a.id IN (${subquery})` : `a.id = ANY (ARRAY(${subquery}))`);
  return { args, p, list, oneOf };
}

/** @param {string} value */
const escapeLike = (value) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Which set of rows a page is read from. `scan`: the rows in sort order (an index on the
 * sort key), each filter checked on the way, stopping once the page is full: quick when
 * the filters match many rows. Otherwise one filter's own index gives the candidate rows
 * (few), which are then filtered and sorted: quick when that filter matches few rows. A
 * planner guesses which; {@link chooseDriver} counts (see {@link buildDriverProbes}).
 * (A record's history always starts from the record's rows: audit_log_records.)
 * @typedef {"scan" | "fields" | "actions" | "authors" | "named"} Driver
 */

/** The filters that can drive a page. @param {AuditQuery} query @returns {Driver[]} */
export function driversOf(query) {
  const { filters } = query;
  /** @type {Driver[]} */
  const drivers = [];
  if (filters.fields) drivers.push("fields");
  if (filters.actions) drivers.push("actions");
  if (filters.authors) drivers.push("authors");
  if (filters.namedOnly) drivers.push("named");
  return drivers;
}

/**
 * What a changed-field filter matches in audit_log_fields: the field itself (changed, or
 * holding a change), or, of kind OPEN, an ancestor changed without its parts listed or the
 * mark of a row whose changes a cap cut short.
 * @param {string[]} fields
 */
const fieldPaths = (fields) => ({ exact: fields, open: [...new Set(fields.flatMap(ancestorsOf)), TRUNCATED] });

/** A changed-field filter as a condition on `f`. @param {string[]} fields @param {ReturnType<typeof createParams>} params */
function fieldCondition(fields, { p, list }) {
  const { exact, open } = fieldPaths(fields);
  return `(f.path IN (${list(exact)}) OR (f.kind = ${p(OPEN)} AND f.path IN (${list(open)})))`;
}

/** @param {string[]} authors @param {string} alias @param {ReturnType<typeof createParams>} params */
const authorCondition = (authors, alias, { list }) =>
  `(${alias}.author_id IN (${list(authors)}) OR ${alias}.author_name IN (${list(authors)}) OR ${alias}.author_email IN (${list(authors)}))`;

/**
 * The ids of the rows a driving filter lists, as a subquery on that filter's index.
 * @param {AuditQuery} query @param {Exclude<Driver, "scan">} driver @param {ReturnType<typeof createParams>} params
 */
function drivingRows(query, driver, params) {
  const { filters } = query;
  if (driver === "fields") {
    // Two ranges of the path index, one after the other (an OR would be deduplicated first).
    const { exact, open } = fieldPaths(/** @type {string[]} */ (filters.fields));
    return `SELECT f.log_id FROM audit_log_fields f WHERE f.path IN (${params.list(exact)}) UNION ALL SELECT f.log_id FROM audit_log_fields f WHERE f.path IN (${params.list(open)}) AND f.kind = ${params.p(OPEN)}`;
  }
  const resource = `x.resource = ${params.p(query.resource)}`;
  if (driver === "actions") return `SELECT x.id FROM audit_logs x WHERE ${resource} AND x.action IN (${params.list(/** @type {string[]} */ (filters.actions))})`;
  if (driver === "authors") return `SELECT x.id FROM audit_logs x WHERE ${resource} AND ${authorCondition(/** @type {string[]} */ (filters.authors), "x", params)}`;
  return `SELECT x.id FROM audit_logs x WHERE ${resource} AND x.name IS NOT NULL`;
}

/**
 * The WHERE conditions of a query's filters (not its cursor): the same SQL in both
 * engines but for how a list of rows is said ({@link createParams}'s `oneOf`). The driving
 * filter is written as that list, the rows to start from; the others as conditions on each row.
 * @param {AuditQuery} query @param {ReturnType<typeof createParams>} params @param {Driver} driver
 */
function whereOf(query, params, driver) {
  const { p, list } = params;
  const { filters } = query;
  const where = [`a.resource = ${p(query.resource)}`];
  if (driver !== "scan") where.push(params.oneOf(drivingRows(query, driver, params)));
  if (query.recordId !== undefined) {
    where.push(params.oneOf(`SELECT r.log_id FROM audit_log_records r WHERE r.resource = ${p(query.resource)} AND r.record_id = ${p(query.recordId)}`));
  }
  if (filters.fields && driver !== "fields") where.push(`EXISTS (SELECT 1 FROM audit_log_fields f WHERE f.log_id = a.id AND ${fieldCondition(filters.fields, params)})`);
  if (filters.actions && driver !== "actions") where.push(`a.action IN (${list(filters.actions)})`);
  if (filters.authors && driver !== "authors") where.push(authorCondition(filters.authors, "a", params));
  if (filters.namedOnly && driver !== "named") where.push("a.name IS NOT NULL");
  if (filters.from !== undefined) where.push(`a.created_at >= ${p(filters.from)}`);
  if (filters.to !== undefined) where.push(`a.created_at <= ${p(filters.to)}`);
  if (filters.search) {
    // Every word in the row's name, author (name, email, id), action or record id (a bulk
    // row's, from its records). Values are not searched: the kit's redaction policy lives
    // in the browser, and a search must not reveal what it hides. (SQLite's lower() folds
    // ASCII letters only, PostgreSQL's every letter: "Ö" is found by "ö" on PostgreSQL only.)
    const haystack =
      "lower(COALESCE(a.name, '') || ' ' || COALESCE(a.author_name, '') || ' ' || COALESCE(a.author_email, '') || ' ' || COALESCE(a.author_id, '') || ' ' || a.action || ' ' || COALESCE(a.record_id, ''))";
    for (const word of filters.search) {
      const pattern = `%${escapeLike(word)}%`;
      where.push(
        `(${haystack} LIKE ${p(pattern)} ESCAPE '\\' OR (a.record_id IS NULL AND EXISTS (SELECT 1 FROM audit_log_records r WHERE r.log_id = a.id AND lower(r.record_id) LIKE ${p(pattern)} ESCAPE '\\')))`,
      );
    }
  }
  return where;
}

/** The columns a page reads: the row, and its sort keys (for the next cursor). @param {ReturnType<typeof sortKeysOf>} keys */
const selectList = (keys) =>
  ["a.id", "a.resource", "a.action", "a.record_id", "a.created_at", "a.author", "a.name", "a.data", "a.previous_data", "a.meta", ...keys.map((key, index) => `${key.sql} AS k${index}`)].join(", ");

/** A candidate set this small drives the page (its rows are read, filtered and sorted). */
export const DRIVER_LIMIT = 10_000;

/**
 * For each filter that could drive the page, SQL that counts its rows up to
 * {@link DRIVER_LIMIT}: the filter alone on its own index (a range of at most that many
 * entries; a field's count holds every resource's rows, an upper bound).
 * @param {Dialect} dialect @param {AuditQuery} query
 * @returns {Array<{ driver: Driver, sql: string, args: unknown[] }>}
 */
export function buildDriverProbes(dialect, query) {
  return driversOf(query).map((driver) => {
    const params = createParams(dialect);
    const rows = drivingRows(query, /** @type {Exclude<Driver, "scan">} */ (driver), params);
    return { driver, sql: `SELECT count(*) AS n FROM (${rows} LIMIT ${params.p(DRIVER_LIMIT)}) AS probe`, args: params.args };
  });
}

/**
 * The driver from the probes' counts: the filter with the fewest rows when it has fewer
 * than {@link DRIVER_LIMIT}, else a scan in sort order.
 * @param {Array<{ driver: Driver, n: number }>} counts
 * @returns {Driver}
 */
export function chooseDriver(counts) {
  let best = /** @type {{ driver: Driver, n: number } | undefined} */ (undefined);
  for (const count of counts) if (count.n < DRIVER_LIMIT && (!best || count.n < best.n)) best = count;
  return best?.driver ?? "scan";
}

/**
 * The SQL of one page of a query, and of its count when asked.
 *
 * @param {Dialect} dialect
 * @param {AuditQuery} query
 * @param {{ driver?: Driver }} [options] which rows to start from (default: a scan in sort order)
 * @returns {{ page: { sql: string, args: unknown[] }, count?: { sql: string, args: unknown[] }, keyCount: number }}
 *   the page reads one row more than the page size in cursor mode, to know whether there is a next page
 */
export function buildAuditQuery(dialect, query, { driver = "scan" } = {}) {
  const keys = sortKeysOf(query.sorters);
  const params = createParams(dialect);
  const { p } = params;
  const where = whereOf(query, params, driver);
  const { pagination } = query;
  if (pagination.mode === "cursor" && pagination.cursor !== undefined) {
    const values = decodeCursor(pagination.cursor, query.sorters, query.legacy ? "cursor" : "_cursor");
    // Rows after the cursor's row in the sort order: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR …
    // (each `>` a `<` for a descending key), with k1's bound on its own too, so an index on
    // k1 can start there.
    // (Placeholders are written in the order the SQL reads them: SQLite's `?` are positional.)
    const cmp = (/** @type {{ order: string }} */ key) => (key.order === "desc" ? "<" : ">");
    where.push(`${keys[0].sql} ${cmp(keys[0])}= ${p(values[0])}`);
    const alternatives = keys.map((key, index) => {
      const equal = keys.slice(0, index).map((prior, at) => `${prior.sql} = ${p(values[at])}`);
      return `(${[...equal, `${key.sql} ${cmp(key)} ${p(values[index])}`].join(" AND ")})`;
    });
    where.push(`(${alternatives.join(" OR ")})`);
  }
  const order = keys.map((key) => `${key.sql} ${key.order.toUpperCase()}`).join(", ");
  let sql;
  if (pagination.mode === "cursor") {
    sql = `SELECT ${selectList(keys)} FROM audit_logs a WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${p(pagination.pageSize + 1)}`;
  } else {
    // Page N: the ids of its rows first, so each row skipped costs an index entry, not a
    // read of the row; then those rows, in order.
    const ids = `SELECT a.id FROM audit_logs a WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${p(pagination.pageSize)} OFFSET ${p((pagination.page - 1) * pagination.pageSize)}`;
    sql = `SELECT ${selectList(keys)} FROM audit_logs a WHERE ${params.oneOf(ids)} ORDER BY ${order}`;
  }
  const result = { page: { sql, args: params.args }, keyCount: keys.length };
  if (!query.total) return result;
  const countParams = createParams(dialect);
  const unfiltered = query.recordId === undefined && Object.keys(query.filters).length === 0;
  if (unfiltered && dialect === "sqlite") {
    // SQLite counts a resource's rows as they are written (audit_log_counts, kept by triggers):
    // a count of a million index entries costs tens of milliseconds, this one nothing.
    return { ...result, count: { sql: `SELECT COALESCE((SELECT c.n FROM audit_log_counts c WHERE c.resource = ${countParams.p(query.resource)}), 0) AS n`, args: countParams.args } };
  }
  // A count visits every matching row: a scan costs every row of the resource, a changed
  // field's rows (each looked up) cost far less unless the field changed in most of them.
  const countDriver = driver === "scan" && query.filters.fields && query.recordId === undefined ? "fields" : driver;
  const countWhere = whereOf(query, countParams, countDriver);
  return { ...result, count: { sql: `SELECT count(*) AS n FROM audit_logs a WHERE ${countWhere.join(" AND ")}`, args: countParams.args } };
}

/**
 * An answer: `{ data, total, nextCursor }` (v1: total null unless asked; nextCursor null on
 * the last page, absent in page mode), or the legacy `{ data, nextCursor? }` without total.
 * @typedef {{ data: Array<Record<string, unknown>>, total?: number | null, nextCursor?: string | null }} AuditAnswer
 */

/** @param {unknown} value */
const parseJson = (value) => (typeof value === "string" ? JSON.parse(value) : value);
/** @param {unknown} value */
const toIso = (value) => (value instanceof Date ? value.toISOString() : String(value));

/**
 * A stored row as the kit reads it: `{ id, resource, action, createdAt, author?, name?,
 * data?, previousData?, meta }` (JSON columns parsed on SQLite, as they come on PostgreSQL).
 * @param {Record<string, unknown>} row
 */
export function toAuditLog(row) {
  /** @type {Record<string, unknown>} */
  const log = { id: Number(row.id), resource: row.resource, action: row.action, createdAt: toIso(row.created_at), meta: parseJson(row.meta) ?? {} };
  if (row.author !== null && row.author !== undefined) log.author = parseJson(row.author);
  if (row.name !== null && row.name !== undefined) log.name = row.name;
  if (row.data !== null && row.data !== undefined) log.data = parseJson(row.data);
  if (row.previous_data !== null && row.previous_data !== undefined) log.previousData = parseJson(row.previous_data);
  return log;
}

/**
 * The answer to a query from the rows its page SQL returned (and its count).
 * @param {AuditQuery} query
 * @param {Array<Record<string, unknown>>} rows
 * @param {number | undefined} total
 * @param {number} keyCount from {@link buildAuditQuery}
 * @returns {AuditAnswer}
 */
export function toAuditAnswer(query, rows, total, keyCount) {
  const { pagination } = query;
  const hasMore = pagination.mode === "cursor" && rows.length > pagination.pageSize;
  const page = hasMore ? rows.slice(0, pagination.pageSize) : rows;
  const last = page[page.length - 1];
  const nextCursor =
    hasMore && last
      ? encodeCursor(
          query.sorters,
          Array.from({ length: keyCount }, (_, index) => {
            const value = last[`k${index}`];
            return value instanceof Date ? value.toISOString() : typeof value === "bigint" ? Number(value) : value;
          }),
        )
      : undefined;
  const data = page.map(toAuditLog);
  if (query.legacy) return nextCursor ? { data, nextCursor } : { data };
  /** @type {AuditAnswer} */
  const answer = { data, total: query.total ? Number(total ?? 0) : null };
  if (pagination.mode === "cursor") answer.nextCursor = nextCursor ?? null;
  return answer;
}

/**
 * Runs a query on SQLite (better-sqlite3, synchronous): the probes, then the page (and count).
 * @param {import("better-sqlite3").Database} db @param {AuditQuery} query
 * @param {{ driver?: Driver }} [options] a driver instead of the probes' choice (tests)
 */
export function runAuditQuerySqlite(db, query, options = {}) {
  const driver =
    options.driver ?? chooseDriver(buildDriverProbes("sqlite", query).map(({ driver, sql, args }) => ({ driver, n: /** @type {{ n: number }} */ (db.prepare(sql).get(...args)).n })));
  const built = buildAuditQuery("sqlite", query, { driver });
  const rows = /** @type {Array<Record<string, unknown>>} */ (db.prepare(built.page.sql).all(...built.page.args));
  const total = built.count ? /** @type {{ n: number }} */ (db.prepare(built.count.sql).get(...built.count.args)).n : undefined;
  return toAuditAnswer(query, rows, total, built.keyCount);
}

/**
 * Runs a query on PostgreSQL through any client with `query(sql, args) → { rows }`
 * (PGlite, node-postgres): the probes, then the page (and count).
 * @param {{ query: (sql: string, args: unknown[]) => Promise<{ rows: any[] }> }} client @param {AuditQuery} query
 * @param {{ driver?: Driver }} [options] a driver instead of the probes' choice (tests)
 */
export async function runAuditQueryPostgres(client, query, options = {}) {
  let driver = options.driver;
  if (driver === undefined) {
    /** @type {Array<{ driver: Driver, n: number }>} */
    const counts = [];
    for (const probe of buildDriverProbes("postgres", query)) counts.push({ driver: probe.driver, n: Number((await client.query(probe.sql, probe.args)).rows[0].n) });
    driver = chooseDriver(counts);
  }
  const built = buildAuditQuery("postgres", query, { driver });
  const { rows } = await client.query(built.page.sql, built.page.args);
  const total = built.count ? Number((await client.query(built.count.sql, built.count.args)).rows[0].n) : undefined;
  return toAuditAnswer(query, rows, total, built.keyCount);
}
