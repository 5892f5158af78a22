import { getValueType, safeGet, safeKeys, toArray } from "./values";

/** A record or log id. Ids compare by value across types: `1` and `"1"` are the same. */
export type AuditId = string | number;

/** Who made a change, as far as the log says. */
export interface AuditAuthor {
  id?: AuditId;
  name?: string;
  email?: string;
  /** An image URL (http, https, or a data:image URL only; anything else is dropped). */
  avatar?: string;
  /** The author object as the provider returned it. */
  raw: Record<string, unknown>;
}

/** A log entry read from any provider, in one shape the kit can rely on. */
export interface AuditLogEntry {
  /** The log's own id (`id`, else `_id`). */
  id: AuditId;
  resource: string;
  /** `create`, `update`, `delete`, `createMany`, `updateMany`, `deleteMany`, or a custom action. */
  action: string;
  /** When it happened (`createdAt`, else `timestamp`, else `date`); `undefined` when missing or unreadable. */
  createdAt: Date | undefined;
  author: AuditAuthor | undefined;
  /** The name given to the entry (a named version), trimmed; `undefined` when none. */
  name: string | undefined;
  data: unknown;
  previousData: unknown;
  meta: Record<string, unknown>;
  /** The records the entry concerns: `meta.ids` for bulk actions, else `meta.id`, else `data.id`. */
  recordIds: AuditId[];
  /** The row exactly as the provider returned it. */
  raw: unknown;
}

/** A row that could not be read as a log entry: the kit shows it as a readable fallback. */
export interface MalformedLogEntry {
  /** A stable key for lists (the row's id when it has one, else its position). */
  key: string;
  /** What is wrong, in English, for people. */
  reason: string;
  raw: unknown;
}

/** The outcome of {@link normalizeLog}. */
export type NormalizeLogResult = { ok: true; entry: AuditLogEntry } | { ok: false; error: MalformedLogEntry };

const isRecord = (value: unknown): value is Record<string, unknown> => getValueType(value) === "object";
const isId = (value: unknown): value is AuditId => (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value));

/** Compares two ids by value: `1` and `"1"` are the same record. */
export function sameId(a: unknown, b: unknown): boolean {
  return isId(a) && isId(b) && String(a) === String(b);
}

/**
 * Reads one row from an audit log provider into an {@link AuditLogEntry}, trusting
 * nothing: ids may be strings or numbers, the time may be `createdAt` or `timestamp`
 * (ISO text, or epoch seconds or milliseconds), the author may be missing or a string.
 * A row without an id, a resource or an action cannot be placed and is returned as
 * `{ ok: false }` with the reason, so a list can show a fallback for it.
 *
 * @param index the row's position, used as its key when it has no id.
 */
export function normalizeLog(raw: unknown, index = 0): NormalizeLogResult {
  if (!isRecord(raw)) {
    return { ok: false, error: { key: `#${index}`, reason: `This log entry is not an object (got ${describe(raw)}).`, raw } };
  }
  const id = pick(raw, ["id", "_id"]);
  const key = isId(id) ? String(id) : `#${index}`;
  const action = safeGet(raw, "action");
  const resource = safeGet(raw, "resource");
  if (!isId(id) || !isNonEmptyString(action) || !isNonEmptyString(resource)) {
    const missing = [!isId(id) && "an id", !isNonEmptyString(action) && "an action", !isNonEmptyString(resource) && "a resource"].filter(Boolean);
    const list = missing.length > 1 ? `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}` : missing[0];
    return { ok: false, error: { key, reason: `This log entry is missing ${list}.`, raw } };
  }
  const meta = readMeta(safeGet(raw, "meta"));
  const data = safeGet(raw, "data");
  const name = safeGet(raw, "name");
  return {
    ok: true,
    entry: {
      id: id as AuditId,
      resource,
      action,
      createdAt: parseTime(pick(raw, ["createdAt", "timestamp", "date", "created_at"])),
      author: normalizeAuthor(safeGet(raw, "author")),
      name: typeof name === "string" && name.trim() !== "" ? name.trim() : undefined,
      data,
      previousData: safeGet(raw, "previousData"),
      meta,
      recordIds: readRecordIds(meta, data),
      raw,
    },
  };
}

/**
 * Reads a provider's whole answer: an array of rows, or an object holding one under
 * `data`, `items` or `logs` (common paging shapes). Returns the entries and the rows
 * that could not be read, in the provider's order.
 */
export function normalizeLogs(response: unknown): { entries: AuditLogEntry[]; malformed: MalformedLogEntry[] } {
  const rows = extractRows(response);
  const entries: AuditLogEntry[] = [];
  const malformed: MalformedLogEntry[] = [];
  rows.forEach((row, index) => {
    const result = normalizeLog(row, index);
    if (result.ok) entries.push(result.entry);
    else malformed.push(result.error);
  });
  return { entries, malformed };
}

/** The rows of a provider's answer (see {@link normalizeLogs}); `[]` for anything else. */
export function extractRows(response: unknown): unknown[] {
  if (Array.isArray(response)) return response;
  if (isRecord(response)) {
    for (const key of ["data", "items", "logs"]) {
      const rows = safeGet(response, key);
      if (Array.isArray(rows)) return rows;
    }
  }
  return [];
}

/** The display name of an author: the name, else the email, else the id; `undefined` when none. */
export function getAuthorLabel(author: AuditAuthor | undefined): string | undefined {
  if (!author) return undefined;
  return author.name ?? author.email ?? (author.id !== undefined ? String(author.id) : undefined);
}

/**
 * A plain, readable copy of a row's `meta`: its own keys read without throwing, and
 * `meta.ids` copied into a plain array, so later code can use it without guarding.
 */
function readMeta(value: unknown): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  if (!isRecord(value)) return meta;
  for (const key of safeKeys(value)) {
    const item = safeGet(value, key);
    const copy = key === "ids" && getValueType(item) === "array" ? [...toArray(item)] : item;
    // A `__proto__` key stays an own field (plain assignment would set the prototype).
    if (key === "__proto__") Object.defineProperty(meta, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else meta[key] = copy;
  }
  return meta;
}

function readRecordIds(meta: Record<string, unknown>, data: unknown): AuditId[] {
  const ids = meta.ids;
  if (Array.isArray(ids)) {
    const valid = ids.filter(isId);
    if (valid.length > 0) return valid;
  }
  if (isId(meta.id)) return [meta.id];
  const dataId = isRecord(data) ? safeGet(data, "id") : undefined;
  return isId(dataId) ? [dataId] : [];
}

function normalizeAuthor(value: unknown): AuditAuthor | undefined {
  if (typeof value === "string" && value.trim() !== "") return { name: value.trim(), raw: { name: value } };
  if (!isRecord(value)) return undefined;
  const text = (keys: string[]) => {
    const found = pick(value, keys);
    return typeof found === "string" && found.trim() !== "" ? found.trim() : undefined;
  };
  const first = text(["firstName", "first_name"]);
  const last = text(["lastName", "last_name"]);
  const author: AuditAuthor = { raw: value };
  const id = pick(value, ["id", "_id", "sub"]);
  if (isId(id)) author.id = id;
  const name = text(["name", "fullName", "displayName", "username"]) ?? ([first, last].filter(Boolean).join(" ") || undefined);
  if (name) author.name = name;
  const email = text(["email"]);
  if (email) author.email = email;
  const avatar = text(["avatar", "avatarUrl", "image", "picture"]);
  if (avatar && /^(https?:\/\/|data:image\/|\/(?!\/))/i.test(avatar)) author.avatar = avatar;
  if (author.id === undefined && !author.name && !author.email) return undefined;
  return author;
}

function parseTime(value: unknown): Date | undefined {
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (typeof value === "number" && Number.isFinite(value)) date = new Date(value < 1e11 ? value * 1000 : value);
  else if (typeof value === "string" && value.trim() !== "") {
    const text = value.trim();
    date = /^\d+(\.\d+)?$/.test(text) ? parseTime(Number(text)) : new Date(text);
  }
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function pick(record: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) {
    const value = safeGet(record, key);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

function describe(value: unknown): string {
  const type = getValueType(value);
  return type === "string" ? `the text "${(value as string).slice(0, 40)}"` : type === "array" ? "a list" : type;
}
