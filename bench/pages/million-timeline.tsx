/**
 * The million-row timeline page: `<AuditTimeline resource="products">` (no `id`: the
 * resource's whole history) in a 600 px scroller, over the demo's REST server (same
 * origin, `/api`) through `createRestAuditLogProvider`, inside a real `<Refine>`.
 * `window.bench.mount()` times the first entries; `scrollThrough(n)` scrolls down a screen
 * at a time, waiting at the bottom for more, until `n` distinct entries (`data-log-id`)
 * have been in the DOM: a windowed timeline may drop entries from the DOM, so what is
 * counted is what was scrolled through, not what is held. bench/million.mjs measures the
 * DOM and the heap between two calls.
 */
import { createElement } from "react";
import { AuditTimeline } from "../../src/audit-timeline/AuditTimeline";
import { auditTimelineAnatomy as anatomy, auditTimelineParts as parts } from "../../src/audit-timeline/parts";
import { createRestAuditLogProvider } from "../../src/refine/createRestAuditLogProvider";
import { installKitStyles, mountInRefine, waitForDom, waitForFrames, type Mounted } from "./dom";

installKitStyles();
const stage = document.getElementById("stage")!;
const apiUrl = `${location.origin}/api`;
// A fixed clock a day after the seeded history ends (bench/million.mjs): the same relative times on every run.
const NOW = new Date("2025-07-01T18:00:00Z");

let mounted: Mounted | undefined;
let container: HTMLElement | undefined;
let scroller: HTMLElement | undefined;
/** Every `data-log-id` that has been in the DOM since the last mount (as numbers when they are: the bench's own share of the heap stays small). */
let seen = new Set<string | number>();
/** Requests made to the server since the last mount. */
let reads = 0;

const entries = () => container!.querySelectorAll<HTMLElement>(anatomy.selector(parts.entry));
/** What the timeline's scroller holds: every element inside it, the timeline's root included. */
const elementCount = () => scroller!.getElementsByTagName("*").length;

function collect() {
  for (const entry of entries()) {
    const id = entry.getAttribute("data-log-id");
    if (id !== null) seen.add(/^\d{1,15}$/.test(id) ? Number(id) : id);
  }
}

function unmount() {
  mounted?.unmount();
  mounted = container = scroller = undefined;
}

/** Mounts a fresh timeline (fresh provider and query cache); resolves with the time to its first entries (layout forced). */
async function mount() {
  unmount();
  seen = new Set();
  reads = 0;
  const provider = createRestAuditLogProvider({ apiUrl });
  const get = provider.get;
  provider.get = (params) => {
    reads++;
    return get(params);
  };
  mounted = mountInRefine(stage, provider, createElement("div", { id: "scroller", style: { height: 600, overflow: "auto" } }, createElement(AuditTimeline, { resource: "products", locale: "en-US", now: NOW })));
  container = mounted.container;
  const ok = await waitForDom(container, () => entries().length > 0, 30_000);
  container.getBoundingClientRect();
  const ms = performance.now() - mounted.started;
  scroller = container.querySelector<HTMLElement>("#scroller") ?? undefined;
  if (!ok || !scroller) return { ok: false, ms, seen: 0, entries: 0, nodes: 0, reads, stoppedBecause: container.textContent?.slice(0, 300) ?? "" };
  collect();
  return { ok, ms, ...snapshot() };
}

/** The figures of the moment: entries seen and held, elements, requests. */
function snapshot() {
  return { seen: seen.size, entries: entries().length, nodes: elementCount(), reads };
}

/** Why the list stopped growing, in the timeline's own words (status, error, truncated note), if it says. */
function stoppedBecause() {
  const said = [parts.status, parts.error, parts.truncated].map((name) => scroller!.querySelector(anatomy.selector(name))?.textContent?.trim()).filter(Boolean);
  return said.join(" / ");
}

/** Whether the scroller shows its last pixel. */
const atBottom = (box: HTMLElement) => box.scrollTop + box.clientHeight >= box.scrollHeight - 2;

/** Whether an entry is on screen in the scroller (a windowed list has rendered what was scrolled to). */
function entryOnScreen(box: HTMLElement) {
  const { top, bottom } = box.getBoundingClientRect();
  for (const entry of entries()) {
    const rect = entry.getBoundingClientRect();
    if (rect.bottom > top && rect.top < bottom) return true;
  }
  return false;
}

/**
 * Scrolls down one screen at a time (as Page Down does: every entry passes through the
 * viewport, so a windowed list renders each one), and at the bottom waits for more (the
 * timeline asks its provider when its end comes into view), until `target` distinct entries
 * have been in the DOM. Entries are collected at every frame: a windowed list may render
 * some only briefly. When no new entry comes for `nudgeAfter` ms, it scrolls up one screen
 * and then to the very bottom (`nudges`); after 3 nudges in a row without one, it gives up
 * (`ok: false`). Resolves with the time it took, the screens scrolled, the waits at the
 * bottom, the most elements in the scroller after any scroll, and the figures at the end.
 */
async function scrollThrough(target: number, nudgeAfter = 5_000) {
  const box = scroller!;
  const started = performance.now();
  let screens = 0;
  let bottomWaits = 0;
  let nudges = 0;
  let nudgesInARow = 0;
  /** Where each nudge happened: entries seen, the scroll position, what the timeline said. */
  const nudgedAt: Array<{ seen: number; reads: number; scrollTop: number; maxScrollTop: number; said: string }> = [];
  let ok = true;
  let maxNodes = elementCount();
  collect();
  let lastSeen = seen.size;
  let lastNewAt = performance.now();
  while (seen.size < target) {
    if (!atBottom(box)) {
      box.scrollTop = Math.min(box.scrollTop + box.clientHeight, box.scrollHeight - box.clientHeight);
      screens++;
      // Two frames at least, then until an entry is on screen: what came into view is rendered.
      let frames = 0;
      await waitForFrames(() => (collect(), ++frames >= 2 && entryOnScreen(box)), 2_000);
    } else {
      const before = seen.size;
      bottomWaits++;
      // To the last pixel (the timeline's sentinel may sit in it), as a user at the end does.
      box.scrollTop = box.scrollHeight;
      // More entries rendered, or the list grew below (a windowed list renders them once scrolled to).
      await waitForFrames(() => (collect(), seen.size > before || !atBottom(box)), nudgeAfter);
    }
    maxNodes = Math.max(maxNodes, elementCount());
    if (seen.size > lastSeen) {
      lastSeen = seen.size;
      lastNewAt = performance.now();
      nudgesInARow = 0;
    } else if (performance.now() - lastNewAt > nudgeAfter) {
      if (nudgesInARow === 3) {
        ok = false;
        break;
      }
      nudges++;
      nudgesInARow++;
      nudgedAt.push({ seen: seen.size, reads, scrollTop: Math.round(box.scrollTop), maxScrollTop: box.scrollHeight - box.clientHeight, said: stoppedBecause() });
      lastNewAt = performance.now();
      box.scrollTop = Math.max(0, box.scrollTop - box.clientHeight);
      await waitForFrames(() => true, 100);
      box.scrollTop = box.scrollHeight;
    }
  }
  const ms = performance.now() - started;
  const where = `scrollTop ${Math.round(box.scrollTop)} of ${box.scrollHeight - box.clientHeight}`;
  return { ok, ms, screens, bottomWaits, nudges, nudgedAt, maxNodes, ...snapshot(), stoppedBecause: ok ? "" : [stoppedBecause(), where].filter(Boolean).join(" / ") };
}

Object.assign(window, { bench: { mount, scrollThrough, snapshot, unmount } });
