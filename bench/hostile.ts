/**
 * Hostile log rows: single stored entries built to make a diff freeze the tab (deep
 * nesting, very wide objects, huge arrays without ids, long texts with nothing in
 * common). Shared by the unit tests (`test/core/hostileEntries.test.ts`,
 * `test/record-diff/RecordDiff.hostile.test.tsx`) and the "worst entries" section of
 * `npm run bench`.
 *
 * Every row is written as JSON text first (as a provider would send it) and parsed:
 * `JSON.stringify` of a 100,000-level value would itself overflow the stack, so the
 * text is assembled by hand. Deterministic: no randomness.
 */

/** A hostile row: the raw provider row (parsed), and the size of its JSON. */
export interface HostileRow {
  name: string;
  description: string;
  /** The row as a provider returns it: `{ id, resource, action, createdAt, meta, previousData, data }`. */
  row: Record<string, unknown>;
  /** The row's JSON text (what `row` was parsed from). */
  json: string;
  /** Characters of the row's JSON text. */
  jsonLength: number;
}

/** Wraps two JSON texts (the record before and after) into an update log row, parsed. */
export function toUpdateRow(name: string, description: string, previousJson: string, dataJson: string, id = 1): HostileRow {
  const json =
    `{"id":${id},"resource":"products","action":"update","createdAt":"2024-05-01T10:00:00.000Z",` +
    `"author":{"id":1,"name":"Mallory"},"meta":{"id":7},"previousData":${previousJson},"data":${dataJson}}`;
  return { name, description, row: JSON.parse(json) as Record<string, unknown>, json, jsonLength: json.length };
}

/** `levels` nested containers around `leaf`: arrays, objects (`{"a": …}`), or both in turn. */
export function nestedJson(levels: number, leaf: string, shape: "array" | "object" | "mixed"): string {
  if (shape === "array") return `${"[".repeat(levels)}${leaf}${"]".repeat(levels)}`;
  if (shape === "object") return `${'{"a":'.repeat(levels)}${leaf}${"}".repeat(levels)}`;
  const pairs = levels >> 1;
  const odd = levels & 1 ? "[" : "";
  return `${'[{"a":'.repeat(pairs)}${odd}${leaf}${odd ? "]" : ""}${"}]".repeat(pairs)}`;
}

/** Deep nesting: a field nested `levels` deep, the two versions differing only at the bottom. */
export function deepRow(levels = 100_000, shape: "array" | "object" | "mixed" = "mixed"): HostileRow {
  const side = (leaf: string) => `{"name":"Lamp","tree":${nestedJson(levels, leaf, shape)}}`;
  return toUpdateRow(`deep-${shape}`, `${shape === "mixed" ? "arrays and objects" : `${shape}s`} nested ${levels.toLocaleString("en-US")} levels, differing at the bottom`, side("1"), side("2"));
}

/** Short distinct keys: `k0`, `k1`, … in base 36. */
const keyName = (i: number) => `k${i.toString(36)}`;

function objectJson(count: number, value: (i: number) => string): string {
  const parts = new Array<string>(count);
  for (let i = 0; i < count; i++) parts[i] = `"${keyName(i)}":${value(i)}`;
  return `{${parts.join(",")}}`;
}

/**
 * A wide object: `keys` keys, every one changed. `at: "root"` makes the record itself
 * that wide (every key a top-level field of the patch), `"field"` puts it under `attributes`.
 */
export function wideRow(keys = 200_000, at: "root" | "field" = "root"): HostileRow {
  const before = objectJson(keys, (i) => String(i));
  const after = objectJson(keys, (i) => String(i + 0.5));
  const wrap = (json: string) => (at === "root" ? json : `{"name":"Lamp","attributes":${json}}`);
  return toUpdateRow(`wide-${at}`, `${keys.toLocaleString("en-US")} keys ${at === "root" ? "at the top level" : "in one field"}, all changed`, wrap(before), wrap(after));
}

/** Many changes: an array of `items` items without ids, every one changed (numbers, or small objects). */
export function manyRow(items = 100_000, kind: "number" | "object" = "number"): HostileRow {
  const list = (value: (i: number) => string) => {
    const parts = new Array<string>(items);
    for (let i = 0; i < items; i++) parts[i] = value(i);
    return `[${parts.join(",")}]`;
  };
  const item = kind === "number" ? (i: number, v: number) => String(i * 2 + v) : (i: number, v: number) => `{"q":${i * 2 + v}}`;
  const side = (v: number) => `{"name":"Lamp","lines":${list((i) => item(i, v))}}`;
  return toUpdateRow(`many-${kind}`, `an array of ${items.toLocaleString("en-US")} ${kind === "number" ? "numbers" : "objects"} without ids, all changed`, side(0), side(1));
}

/**
 * Prose of `length` characters whose words share nothing with another alphabet's:
 * `alphabet` 0 uses a–m, 1 uses n–z (words of 2–9 letters, single spaces).
 */
export function proseJson(length: number, alphabet: 0 | 1, seed = 1): string {
  const letters = alphabet === 0 ? "abcdefghijklm" : "nopqrstuvwxyz";
  let state = (seed * 2654435761) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 8;
  };
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const n = 2 + (next() % 8);
    let word = "";
    for (let i = 0; i < n; i++) word += letters[next() % 13];
    out.push(word);
    size += word.length + 1;
  }
  return JSON.stringify(out.join(" ").slice(0, length));
}

/** Long texts: `fields` fields of `length` characters each, rewritten with nothing in common. */
export function textsRow(fields = 20, length = 3_000): HostileRow {
  const side = (alphabet: 0 | 1) => {
    const parts: string[] = [];
    for (let i = 0; i < fields; i++) parts.push(`"text${i}":${proseJson(length, alphabet, i + 1)}`);
    return `{"name":"Lamp",${parts.join(",")}}`;
  };
  return toUpdateRow(`texts-${fields}x${length}`, `${fields} fields of ${length.toLocaleString("en-US")} characters, nothing in common`, side(0), side(1));
}

/** One long text (`length` characters on each side), rewritten with nothing in common. */
export function longTextRow(length = 1_000_000): HostileRow {
  const side = (alphabet: 0 | 1) => `{"name":"Lamp","body":${proseJson(length, alphabet, 7)}}`;
  return toUpdateRow(`text-${Math.round(length / 1000)}k`, `one text of ${length.toLocaleString("en-US")} characters, rewritten with nothing in common`, side(0), side(1));
}

/** A mix in one row (about 1 MB): deep nesting, a wide object, a long array, long texts and a long text. */
export function mixRow(): HostileRow {
  const side = (v: 0 | 1) => {
    const wide = objectJson(20_000, (i) => String(i + v / 2));
    const lines = `[${Array.from({ length: 20_000 }, (_, i) => String(i * 2 + v)).join(",")}]`;
    const texts = Array.from({ length: 10 }, (_, i) => `"text${i}":${proseJson(3_000, v, i + 1)}`).join(",");
    return `{"name":"Lamp","deep":${nestedJson(20_000, String(v + 1), "mixed")},"attributes":${wide},"lines":${lines},${texts},"body":${proseJson(150_000, v, 7)}}`;
  };
  return toUpdateRow("mix", "20,000 levels, 20,000 keys, 20,000 items, ten 3,000-character texts and a 150 KB text, all changed", side(0), side(1));
}

/** The rows of the benchmark's "worst entries" section, in its order (built lazily: each is large). */
export const HOSTILE_ROWS: ReadonlyArray<{ name: string; create: () => HostileRow }> = [
  { name: "deep", create: () => deepRow(100_000, "mixed") },
  { name: "deep-arrays", create: () => deepRow(100_000, "array") },
  { name: "wide", create: () => wideRow(200_000, "root") },
  { name: "many", create: () => manyRow(100_000, "number") },
  { name: "texts", create: () => textsRow(20, 3_000) },
  { name: "text-1MB", create: () => longTextRow(1_000_000) },
  { name: "mix", create: () => mixRow() },
];
