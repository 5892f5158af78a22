import { getValueType, safeGet, safeKeys, toArray } from "./values";

// Deeper than this, a value exports as "[too deep]" (a log is data, not a stack test).
const MAX_JSON_DEPTH = 100;

/** A cell of an exported table: text, a number or a boolean; `null` and `undefined` export as empty. */
export type ExportCell = string | number | boolean | null | undefined;

// A spreadsheet reads a cell that starts with one of these as a formula (`=`, `+`, `-`,
// `@`, and their full-width forms `＝＋－＠`, which some spreadsheets fold into the ASCII
// ones), or (tab, carriage return) as a prefix some of them strip before doing so. Leading
// white space (any Unicode space: NBSP, ideographic space, NEL…) and invisible format
// characters (BOM, zero-width space, direction marks) may be stripped too, so they are
// looked through.
const FORMULA_START = /^[\p{White_Space}\p{Cf}]*[=+\-@\uff1d\uff0b\uff0d\uff20\t\r]/u;

/**
 * Makes a text cell inert for spreadsheets (CSV injection): a cell whose first visible
 * character, after any leading white space or invisible format characters, is `=`, `+`,
 * `-`, `@`, one of their full-width forms (`＝＋－＠`), a tab or a carriage return gets
 * a leading `'`, so Excel, LibreOffice and Google Sheets show it as text instead of
 * evaluating it. Other text is returned as it is.
 *
 * @example
 * neutralizeFormula('=HYPERLINK("http://x","y")') // "'=HYPERLINK(\"http://x\",\"y\")"
 * neutralizeFormula("\u00a0＝1+1") // "'\u00a0＝1+1"
 * neutralizeFormula("-5") // "'-5": a negative number typed as text is guarded too
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function toCsvCell(cell: ExportCell): string {
  if (cell === null || cell === undefined) return "";
  // Numbers and booleans come from the kit (counts, flags), not from the log's free text:
  // they stay bare. A negative number still starts with "-": guard it like text.
  if (typeof cell === "number") return Number.isFinite(cell) ? neutralizeFormula(String(cell)) : "";
  if (typeof cell === "boolean") return String(cell);
  // Every text cell is quoted: a reader that splits on `;` or tabs (a spreadsheet's
  // locale default) then still sees one cell, never a second one starting with `=`.
  return `"${neutralizeFormula(cell).replace(/"/g, '""')}"`;
}

/**
 * A CSV document (RFC 4180: comma-separated, CRLF line ends, quotes doubled) in which
 * every text cell is quoted, whatever it holds, so that readers splitting on `;` or tabs
 * also keep it whole, and made inert for spreadsheets by {@link neutralizeFormula}.
 * Numbers and booleans stay bare; `null`, `undefined` and non-finite numbers are empty.
 * The first row is the header.
 *
 * @example
 * toCsv(["Time", "Count"], [["=1+1", 3]]) // "\"Time\",\"Count\"\r\n\"'=1+1\",3\r\n"
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
 * levels becomes `"[too deep]"`. Own keys such as `__proto__`, `constructor` or
 * `toJSON` are kept as plain fields, and the objects and arrays it serialises inherit
 * nothing, so a polluted `Object.prototype` cannot change the text.
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
      // No prototypes (nothing inherited, such as a polluted `toJSON`, reaches
      // JSON.stringify), and keys defined rather than assigned (a `__proto__` key stays a field).
      if (type === "array") return Object.setPrototypeOf(toArray(container).map((item) => visit(item) ?? null), null);
      const out: Record<string, unknown> = Object.create(null);
      for (const key of safeKeys(container)) {
        const child = visit(safeGet(container, key));
        if (child !== undefined) Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
      }
      return out;
    } finally {
      ancestors.pop();
    }
  };
  return JSON.stringify(visit(value) ?? null, null, 2);
}
