/**
 * The diff benchmark page. The runner (bench/run.mjs) calls `window.bench.prepare(name)`
 * once per workload, then `window.bench.measure(renderer)` many times, interleaving the
 * renderers. Each measure mounts into a fresh container and times from just before
 * mounting to the end of a forced style and layout (`getBoundingClientRect`).
 */
import { create } from "jsondiffpatch/with-text-diffs";
import * as htmlFormatter from "jsondiffpatch/formatters/html";
import { createElement, type ReactElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import ReactDiffViewer from "react-diff-viewer-continued";
import jsondiffpatchCss from "jsondiffpatch/formatters/styles/html.css";
import { RecordDiff } from "../../src/record-diff/RecordDiff";
import { computeChanges } from "../../src/core/computeChanges";
import { BareFloorDiff, FloorDiff, MarkupFloorDiff, toFloorRows, type FloorRow } from "../floor";
import { createWorkloads, WORKLOAD_NAMES, type Workload } from "../workloads";

export const RENDERERS = ["floor", "bare floor", "kit markup", "RecordDiff", "jsondiffpatch", "react-diff-viewer"] as const;
type Renderer = (typeof RENDERERS)[number];

interface Prepared {
  workload: Workload;
  floorRows: FloorRow[];
  unchangedCount: number;
  oldText: string;
  newText: string;
}

const style = document.createElement("style");
style.textContent = jsondiffpatchCss;
document.head.append(style);
const stage = document.getElementById("stage")!;

// jsondiffpatch configured as its docs suggest for records: items matched by id, moves detected, text diffs on.
const differ = create({
  objectHash: (item: object, index?: number) => {
    const id = (item as { id?: unknown }).id;
    return id !== undefined ? String(id) : `$$index:${index}`;
  },
  arrays: { detectMove: true },
});

let prepared: Prepared | undefined;

function prepare(name: string) {
  const index = WORKLOAD_NAMES.indexOf(name as (typeof WORKLOAD_NAMES)[number]);
  if (index < 0) throw new Error(`Unknown workload ${name}`);
  const workload = createWorkloads()[index]!();
  prepared = {
    workload,
    floorRows: toFloorRows(workload.before, workload.after),
    unchangedCount: computeChanges(workload.before, workload.after).reduce((sum, change) => sum + (change.kind === "unchanged" ? (change.count ?? 1) : 0), 0),
    oldText: JSON.stringify(workload.before, null, 2),
    newText: JSON.stringify(workload.after, null, 2),
  };
  return { name: workload.name, description: workload.description, floorRows: prepared.floorRows.length };
}

/** Waits for the next macrotask (a MessageChannel message: no timer clamping). */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

async function measure(renderer: Renderer, options: { html?: boolean; gc?: boolean } = {}) {
  if (!prepared) throw new Error("prepare() first");
  const { workload, floorRows, unchangedCount, oldText, newText } = prepared;
  if (options.gc) (globalThis as { gc?: () => void }).gc?.();
  const container = document.createElement("div");
  stage.append(container);
  const root = renderer === "jsondiffpatch" ? undefined : createRoot(container);
  const started = performance.now();
  let element: ReactElement | undefined;
  if (renderer === "floor") element = createElement(FloorDiff, { rows: floorRows });
  else if (renderer === "bare floor") element = createElement(BareFloorDiff, { rows: floorRows });
  else if (renderer === "kit markup") element = createElement(MarkupFloorDiff, { rows: floorRows, unchangedCount });
  // All rows at once (pageSize: Infinity) and long texts whole (maxValueLength: Infinity), like the floor.
  else if (renderer === "RecordDiff")
    element = createElement(RecordDiff, { previousData: workload.before, data: workload.after, pageSize: Number.POSITIVE_INFINITY, maxValueLength: Number.POSITIVE_INFINITY, locale: "en-US" });
  else if (renderer === "react-diff-viewer") element = createElement(ReactDiffViewer, { oldValue: oldText, newValue: newText, splitView: true, disableWorker: true });
  if (renderer === "jsondiffpatch") {
    const delta = differ.diff(workload.before, workload.after);
    container.innerHTML = htmlFormatter.format(delta!, workload.before) ?? "";
  } else {
    flushSync(() => root!.render(element!));
  }
  if (renderer === "react-diff-viewer") {
    // It computes its diff after mounting and renders again: wait for that render.
    while (!container.querySelector("tbody tr")) await nextTask();
  }
  container.getBoundingClientRect();
  const ms = performance.now() - started;
  const nodes = container.getElementsByTagName("*").length;
  const text = renderer === "RecordDiff" ? summarize(container) : undefined;
  const html = options.html ? container.innerHTML : undefined;
  root?.unmount();
  container.remove();
  return { ms, nodes, text, html };
}

/** What the kit showed, for a sanity check by the runner: how many rows, and none left behind "Show more". */
function summarize(container: HTMLElement) {
  return {
    rows: container.querySelectorAll('[data-part="field"]').length,
    showMore: container.querySelector('[data-part="show-more"]') !== null,
  };
}

Object.assign(window, { bench: { prepare, measure, renderers: RENDERERS, workloads: WORKLOAD_NAMES, isolated: globalThis.crossOriginIsolated } });
