/**
 * The timeline benchmark page: `<AuditTimeline>` over 10,000 entries from the in-memory
 * provider, inside a real `<Refine>`. `window.bench.mount()` times the first entries;
 * `window.bench.scrollAndExpand()` scrolls to the end and opens an entry while a
 * PerformanceObserver records every long main-thread task.
 */
import { createElement } from "react";
import { AuditTimeline } from "../../src/audit-timeline/AuditTimeline";
import { createInMemoryAuditLogProvider } from "../../src/refine/createInMemoryAuditLogProvider";
import { manyEntries } from "../../stories/support/logFixtures";
import { installKitStyles, mountInRefine, waitForDom, waitForFrames, type Mounted } from "./dom";

const ENTRIES = 10_000;
installKitStyles();
const stage = document.getElementById("stage")!;
// A fixed clock: the same days and relative times on every run.
const NOW = new Date("2026-01-15T12:00:00Z");
const rows = manyEntries(ENTRIES, { records: 500, now: NOW });

let mounted: Mounted | undefined;
let reads: number[] = [];
let container: HTMLElement | undefined;

const entries = () => container!.querySelectorAll('[data-scope="audit-timeline"][data-part="entry"]');

/** Resolves when `check()` holds after a DOM change under the container, or after `timeout` ms with `false`. */
const waitFor = (check: () => boolean, timeout: number) => waitForDom(container!, check, timeout);

function unmount() {
  mounted?.unmount();
  mounted = container = undefined;
}

/** Mounts a fresh timeline; resolves with the time to its first rendered entries (layout forced). */
async function mount() {
  unmount();

  const provider = createInMemoryAuditLogProvider({ initial: rows });
  // Count the reads: a read while scrolling would mean the timeline refetched its history.
  const get = provider.get;
  provider.get = (params) => {
    reads.push(performance.now());
    return get(params);
  };
  mounted = mountInRefine(stage, provider, createElement("div", { id: "scroller", style: { height: 600, overflow: "auto" } }, createElement(AuditTimeline, { resource: "products", locale: "en-US", now: NOW })));
  container = mounted.container;
  const ok = await waitFor(() => entries().length > 0, 10_000);
  container.getBoundingClientRect();
  const ms = performance.now() - mounted.started;
  return { ok, ms, entries: entries().length, nodes: container.getElementsByTagName("*").length };
}

/** Scrolls to the end (until every entry is rendered), then opens the last entry; reports the long tasks seen meanwhile. */
async function scrollAndExpand() {
  const longTasks: number[] = [];
  reads = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: "longtask", buffered: false });
  const scroller = container!.querySelector<HTMLElement>("#scroller")!;
  const started = performance.now();
  let steps = 0;
  // Scroll to the end, and again whenever more entries made the list taller. Only the
  // height is read between frames: counting entries in a 100,000-node tree would itself
  // be the longest task.
  for (;;) {
    const height = scroller.scrollHeight;
    scroller.scrollTop = height;
    const grew = await waitForFrames(() => scroller.scrollHeight > height, 2000);
    if (!grew) break;
    steps++;
  }
  const scrolledMs = performance.now() - started;
  const rendered = entries().length;
  const toggles = container!.querySelectorAll<HTMLElement>('[data-scope="audit-timeline"][data-part="toggle"]');
  const toggle = toggles[toggles.length - 1]!;
  toggle.scrollIntoView();
  const clicked = performance.now();
  toggle.click();
  const opened = await waitFor(() => toggle.getAttribute("aria-expanded") === "true" && !!document.getElementById(toggle.getAttribute("aria-controls")!)?.querySelector('[data-scope="record-diff"]'), 2000);
  container!.getBoundingClientRect();
  const expandMs = performance.now() - clicked;
  // Let the last long tasks be reported.
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.takeRecords().forEach((entry) => longTasks.push(entry.duration));
  observer.disconnect();
  return { steps, rendered, scrolledMs, opened, expandMs, longTasks, reads: reads.length, nodes: container!.getElementsByTagName("*").length };
}

Object.assign(window, { bench: { mount, scrollAndExpand, unmount, entries: ENTRIES } });
