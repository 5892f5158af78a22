/**
 * The "worst entries" benchmark page: one hostile log row at a time (bench/hostile.ts,
 * about 1 MB of JSON each), rendered as `<RecordDiff log={row}>` with its defaults
 * (default work budget, 200 rows per page, values cut at 2,000 characters), next to:
 *
 * - `floor`: plain React rows for the rows `<RecordDiff>` shows (the first page of the
 *   changes the default budget lists), every text precomputed: no diffing, no formatting;
 * - `describe`: `createEntryReader().describe(normalizeLog(row))` and its `summaryText`
 *   (what a timeline item or a table row reads), a fresh reader each time (no cache);
 * - `JSON.parse`: parsing the row's JSON text, for scale (what reading the row at all costs).
 *
 * Timed like bench/pages/diff.tsx: from just before mounting into a fresh container to
 * the end of a forced layout.
 */
import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { RecordDiff } from "../../src/record-diff/RecordDiff";
import { createEntryReader } from "../../src/core/readEntries";
import { getEntryDiff } from "../../src/core/pipeline";
import { normalizeLog } from "../../src/core/normalizeLog";
import { formatValue } from "../../src/core/formatValue";
import { formatPath } from "../../src/core/path";
import { FloorDiff, type FloorRow } from "../floor";
import { HOSTILE_ROWS, type HostileRow } from "../hostile";

export const HOSTILE_RENDERERS = ["floor", "RecordDiff", "describe", "JSON.parse"] as const;
type Renderer = (typeof HOSTILE_RENDERERS)[number];

const stage = document.getElementById("stage")!;
const PAGE = 200;
const MAX_LENGTH = 2_000;

let prepared: { hostile: HostileRow; json: string; floorRows: FloorRow[]; listed: number; overflow: unknown } | undefined;

const cut = (text: string) => (text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text);

function prepare(name: string) {
  const spec = HOSTILE_ROWS.find((row) => row.name === name);
  if (!spec) throw new Error(`Unknown hostile row ${name}`);
  const hostile = spec.create();
  const entry = normalizeLog(hostile.row);
  if (!entry.ok) throw new Error(entry.error.reason);
  const { changes, overflow } = getEntryDiff(entry.entry);
  const real = changes.filter((change) => change.kind !== "unchanged");
  const floorRows = real.slice(0, PAGE).map((change): FloorRow => {
    const before = change.kind !== "added" && !change.isBeforeUnknown ? formatValue(change.before, { locale: "en-US" }).text : undefined;
    const after = change.kind !== "removed" ? formatValue(change.after, { locale: "en-US" }).text : undefined;
    return {
      key: `${change.kind}:${change.key}`,
      path: change.key,
      kind: change.kind,
      label: change.path.length === 0 ? "Value" : formatPath(change.path),
      kindText: change.kind,
      before: before === undefined ? undefined : cut(before),
      after: after === undefined ? undefined : cut(after),
      rawBefore: undefined,
      rawAfter: undefined,
    };
  });
  // The JSON text the row came from, for the JSON.parse reference (JSON.stringify of a 100,000-level row would overflow).
  const { json } = hostile;
  prepared = { hostile, json, floorRows, listed: real.length, overflow };
  return { name, description: hostile.description, jsonLength: hostile.jsonLength, floorRows: floorRows.length, listed: real.length, overflow };
}

function measure(renderer: Renderer) {
  if (!prepared) throw new Error("prepare() first");
  const { hostile, floorRows, json } = prepared;
  if (renderer === "describe" || renderer === "JSON.parse") {
    const started = performance.now();
    let text = "";
    if (renderer === "JSON.parse") text = String(Object.keys(JSON.parse(json) as object).length);
    else {
      const result = normalizeLog(hostile.row);
      if (!result.ok) throw new Error(result.error.reason);
      text = createEntryReader().describe(result.entry).summaryText;
    }
    return { ms: performance.now() - started, nodes: 0, text: { summaryLength: text.length } };
  }
  const container = document.createElement("div");
  stage.append(container);
  const root = createRoot(container);
  const started = performance.now();
  const element = renderer === "floor" ? createElement(FloorDiff, { rows: floorRows }) : createElement(RecordDiff, { log: hostile.row, locale: "en-US" });
  flushSync(() => root.render(element));
  container.getBoundingClientRect();
  const ms = performance.now() - started;
  const nodes = container.getElementsByTagName("*").length;
  const text =
    renderer === "RecordDiff"
      ? {
          rows: container.querySelectorAll('[data-part="field"]').length,
          overflow: container.querySelector('[data-part="overflow"]')?.textContent ?? null,
          textLength: container.textContent?.length ?? 0,
        }
      : undefined;
  root.unmount();
  container.remove();
  return { ms, nodes, text };
}

Object.assign(window, { bench: { prepare, measure, renderers: HOSTILE_RENDERERS, rows: HOSTILE_ROWS.map((row) => row.name), isolated: globalThis.crossOriginIsolated } });
