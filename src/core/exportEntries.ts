import { getValueType, safeGet, safeKeys, toArray } from "./values";

// Deeper than this, a value exports as "[too deep]" (a log is data, not a stack test).
const MAX_JSON_DEPTH = 100;

/** A cell of an exported table: text, a number or a boolean; `null` and `undefined` export as empty. */
export type ExportCell = string | number | boolean | null | undefined;

// A spreadsheet reads a cell that starts with one of these as a formula (`=`, `+`, `-`,
// `@`), or (tab, carriage return) as a prefix some of them strip before doing so.
const FORMULA_START = /^[\s\u00a0\ufeff]*[=+\-@\t\r]/;

/**
 * Makes a text cell inert for spreadsheets (CSV injection): a cell whose first
 * character, after any leading spaces, is `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading `'`, so Excel, LibreOffice and Google Sheets show it as text
 * instead of evaluating it. Other text is returned as it is.
 *
 * @example
 * neutralizeFormula('=HYPERLINK("http://x","y")') // "'=HYPERLINK(\"http://x\",\"y\")"
 * neutralizeFormula("-5") // "'-5": a negative number typed as text is guarded too
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function toCsvCell(cell: ExportCell): string {
  if (cell === null || cell === undefined) return "";
  // Numbers and booleans come from the kit (counts, flags), not from the log's free text:
  // they stay numbers. A negative number still starts with "-": guard it like text.
  const text = neutralizeFormula(typeof cell === "number" ? (Number.isFinite(cell) ? String(cell) : "") : String(cell));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes,
 * line breaks or edge spaces quoted, quotes doubled), every cell made inert for
 * spreadsheets by {@link neutralizeFormula}. The first row is the header.
 *
 * @example
 * toCsv(["Time", "Name"], [["2024-05-01T10:00:00.000Z", "=1+1"]]) // "Time,Name\r\n2024-05-01T10:00:00.000Z,'=1+1\r\n"
 */
export function toCsv(header: readonly ExportCell[], rows: readonly (readonly ExportCell[])[]): string {
  let out = "";
  for (const row of [header, ...rows]) out += `${row.map(toCsvCell).join(",")}\r\n`;
  return out;
}

/**
 * JSON text for an export, indented, that never throws: `bigint`s become strings, dates
 * ISO strings (`null` when invalid), functions and symbols are left out, a value met
 * again inside itself becomes `"[circular]"`, Maps and Sets become arrays, values that
 * cannot be read become their `"[unreadable: …]"` text, and nesting deeper than 100
 * levels becomes `"[too deep]"`.
 */
export function toJsonText(value: unknown): string {
  const ancestors: object[] = [];
  const visit = (input: unknown): unknown => {
    const type = getValueType(input);
    switch (type) {
      case "bigint":
      case "unreadable":
        return String(input);
      case "date": {
        const time = (input as Date).getTime();
        return Number.isNaN(time) ? null : new Date(time).toISOString();
      }
      case "number":
        return Number.isFinite(input as number) ? input : null;
      case "function":
      case "symbol":
      case "undefined":
        return undefined;
      case "array":
      case "object":
        break;
      default:
        return input;
    }
    const container = input as object;
    if (ancestors.includes(container)) return "[circular]";
    if (ancestors.length >= MAX_JSON_DEPTH) return "[too deep]";
    ancestors.push(container);
    try {
      if (type === "array") return toArray(container).map((item) => visit(item) ?? null);
      const out: Record<string, unknown> = {};
      for (const key of safeKeys(container)) {
        const child = visit(safeGet(container, key));
        if (child !== undefined) out[key] = child;
      }
      return out;
    } finally {
      ancestors.pop();
    }
  };
  return JSON.stringify(visit(value) ?? null, null, 2);
}
