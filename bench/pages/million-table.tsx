/**
 * The million-row table page: `<AuditLogTable resource="products">` over the demo's REST
 * server (same origin, `/api`), through `createRestAuditLogProvider`, inside a real
 * `<Refine>`. `window.bench.mount()` times the first rows; `goToPage(1000)` times the
 * table's own "Go to page" form until that page's rows are in the DOM. Driven by
 * bench/million.mjs.
 */
import { createElement } from "react";
import { AuditLogTable } from "../../src/audit-log-table/AuditLogTable";
import { auditLogTableAnatomy as anatomy, auditLogTableParts as parts, type AuditLogTablePart } from "../../src/audit-log-table/parts";
import { createRestAuditLogProvider } from "../../src/refine/createRestAuditLogProvider";
import { installKitStyles, mountInRefine, waitForDom, type Mounted } from "./dom";

installKitStyles();
const stage = document.getElementById("stage")!;
const apiUrl = `${location.origin}/api`;

let mounted: Mounted | undefined;
let container: HTMLElement | undefined;

const part = (name: AuditLogTablePart) => container!.querySelector<HTMLElement>(anatomy.selector(name));
const tableRows = () => container!.querySelectorAll<HTMLElement>(anatomy.selector(parts.row));
const firstLogId = () => tableRows()[0]?.getAttribute("data-log-id") ?? null;
const elementCount = () => container!.getElementsByTagName("*").length;
/** The page's rows are the server's answer, not the previous page kept while it loads. */
const settled = () => tableRows().length > 0 && !part(parts.table)?.hasAttribute("data-stale") && part(parts.root)?.getAttribute("aria-busy") !== "true";

function unmount() {
  mounted?.unmount();
  mounted = container = undefined;
}

/** Mounts a fresh table (fresh provider and query cache); resolves with the time to its first rows (layout forced). */
async function mount() {
  unmount();
  (globalThis as { gc?: () => void }).gc?.();
  // Its buffer holds 250 entries: each run starts with an empty one.
  performance.clearResourceTimings();
  const provider = createRestAuditLogProvider({ apiUrl });
  const longTasks = watchLongTasks();
  mounted = mountInRefine(stage, provider, createElement(AuditLogTable, { resource: "products", locale: "en-US", timeZone: "UTC" }));
  container = mounted.container;
  const { started } = mounted;
  const ok = await waitForDom(container, settled, 30_000);
  container.getBoundingClientRect();
  const ms = performance.now() - started;
  return { ok, ms, ...requestsSince(started), longestTaskMs: await longTasks(), ...describe() };
}

/** What the table shows: its rows, its elements, the page info and the status line. */
function describe() {
  return { rows: tableRows().length, nodes: elementCount(), pageInfo: part(parts.pageInfo)?.textContent ?? "", status: part(parts.status)?.textContent ?? "" };
}

/** Sets a React-controlled input's value as typing does, and fires its `input` event. */
function setInput(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

/**
 * The audit-log requests made since `since` (resource timing): how many, how long they took
 * together, and when the first started and the last ended (ms after `since`).
 */
function requestsSince(since: number) {
  const made = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((entry) => entry.startTime >= since && entry.name.includes("/api/audit-logs"));
  return {
    requests: made.length,
    requestMs: made.reduce((sum, entry) => sum + entry.duration, 0),
    requestStartMs: made.length ? Math.min(...made.map((entry) => entry.startTime)) - since : 0,
    requestEndMs: made.length ? Math.max(...made.map((entry) => entry.responseEnd)) - since : 0,
  };
}

/** Records the long main-thread tasks until the returned function is called; it resolves with the longest. */
function watchLongTasks() {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => durations.push(entry.duration)));
  observer.observe({ type: "longtask", buffered: false });
  return async () => {
    // Let the last long tasks be reported.
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.takeRecords().forEach((entry) => durations.push(entry.duration));
    observer.disconnect();
    return Math.max(0, ...durations);
  };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Types `page` into "Go to page", then times from the click on "Go" until that page's rows
 * are in the DOM (another first row, the page info saying so, nothing stale; layout forced).
 */
async function goToPage(page: number) {
  const input = part(parts.pageInput) as HTMLInputElement | null;
  const go = container!.querySelector<HTMLElement>(`${anatomy.selector(parts.pageButton)}[data-page="go"]`);
  if (!input || !go) return { ok: false, ms: 0, requests: 0, requestMs: 0, requestStartMs: 0, requestEndMs: 0, longestTaskMs: 0, ...describe(), status: "no Go to page form (is the log server-side?)" };
  const before = firstLogId();
  const label = `Page ${page.toLocaleString("en-US")} `;
  setInput(input, String(page));
  // The typed value committed first: the timed part is the jump, not the typing.
  await nextFrame();
  const longTasks = watchLongTasks();
  const started = performance.now();
  go.click();
  const ok = await waitForDom(container!, () => settled() && firstLogId() !== before && (part(parts.pageInfo)?.textContent ?? "").startsWith(label), 30_000);
  container!.getBoundingClientRect();
  const ms = performance.now() - started;
  return { ok, ms, ...requestsSince(started), longestTaskMs: await longTasks(), ...describe() };
}

Object.assign(window, { bench: { mount, goToPage, unmount } });
