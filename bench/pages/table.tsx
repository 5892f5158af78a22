/**
 * The table benchmark page: `<AuditLogTable>` over 10,000 entries from the in-memory
 * provider, inside a real `<Refine>`. `window.bench.mount()` times the first rows;
 * `sort()`, `search()` and `filterField()` time an interaction from the user's event to
 * the updated rows (layout forced) while a PerformanceObserver records every long
 * main-thread task: "responsive" means no long block, not a short total.
 */
import { createElement } from "react";
import { AuditLogTable } from "../../src/audit-log-table/AuditLogTable";
import { createInMemoryAuditLogProvider } from "../../src/refine/createInMemoryAuditLogProvider";
import { manyEntries } from "../../stories/support/logFixtures";
import { installKitStyles, mountInRefine, waitForDom, type Mounted } from "./dom";

const ENTRIES = 10_000;
installKitStyles();
const stage = document.getElementById("stage")!;
const NOW = new Date("2026-01-15T12:00:00Z");
const rows = manyEntries(ENTRIES, { records: 500, now: NOW });

let mounted: Mounted | undefined;
let container: HTMLElement | undefined;

const tableRows = () => container!.querySelectorAll<HTMLElement>('[data-scope="audit-log-table"][data-part="row"]');
const status = () => container!.querySelector('[data-scope="audit-log-table"][data-part="status"]')?.textContent ?? "";

/** Resolves when `check()` holds after a DOM change under the container, or after `timeout` ms with `false`. */
const waitFor = (check: () => boolean, timeout: number) => waitForDom(container!, check, timeout);

function unmount() {
  mounted?.unmount();
  mounted = container = undefined;
}

/** Mounts a fresh table; resolves with the time to its first rows (layout forced). */
async function mount() {
  unmount();
  (globalThis as { gc?: () => void }).gc?.();
  const provider = createInMemoryAuditLogProvider({ initial: rows });
  mounted = mountInRefine(stage, provider, createElement(AuditLogTable, { resource: "products", locale: "en-US", timeZone: "UTC" }));
  container = mounted.container;
  const ok = await waitFor(() => tableRows().length > 0, 15_000);
  container.getBoundingClientRect();
  return { ok, ms: performance.now() - mounted.started, rows: tableRows().length, nodes: container.getElementsByTagName("*").length };
}

/** Runs `act`, waits for `done`, forces layout; returns the time and the long tasks seen meanwhile. */
async function measure(act: () => void, done: () => boolean) {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: "longtask", buffered: false });
  const started = performance.now();
  act();
  const ok = await waitFor(done, 15_000);
  container!.getBoundingClientRect();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.takeRecords().forEach((entry) => longTasks.push(entry.duration));
  observer.disconnect();
  return { ok, ms, longestTaskMs: Math.max(0, ...longTasks), longTasks: longTasks.length };
}

/** Sorts by author (a click on its header; the header's aria-sort changes in the same commit as the rows). */
function sort() {
  const button = container!.querySelector<HTMLElement>('[data-part="header"][data-column="author"] button')!;
  return measure(
    () => button.click(),
    () => button.closest("th")?.getAttribute("aria-sort") === "ascending",
  );
}

/** Sets a React-controlled input's value as typing does, and fires its `input` event. */
function setInput(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Types a search one character at a time (as a user does), until the rows show the matches. */
async function search(text = "product 17") {
  const input = container!.querySelector<HTMLInputElement>('[data-filter="search"] input')!;
  const results = [];
  for (let i = 1; i <= text.length; i++) {
    results.push(await measure(() => setInput(input, text.slice(0, i)), () => status().includes("matching") && container!.querySelector('[aria-busy="true"]') === null));
  }
  return {
    ok: results.every((r) => r.ok),
    ms: results.reduce((sum, r) => sum + r.ms, 0),
    longestTaskMs: Math.max(...results.map((r) => r.longestTaskMs)),
    matching: status(),
  };
}

/** Filters by a changed field (one change of the input), then clears every filter. */
async function filterField(field = "stock") {
  const input = container!.querySelector<HTMLInputElement>('[data-filter="field"] input')!;
  return measure(() => setInput(input, field), () => status().includes("matching") && container!.querySelector('[aria-busy="true"]') === null);
}

Object.assign(window, { bench: { mount, sort, search, filterField, unmount, entries: ENTRIES } });
