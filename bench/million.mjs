#!/usr/bin/env node
// @ts-check
// `npm run bench -- --only=million`: the kit over a million audit rows, in Chromium. The
// demo's REST server (examples/demo/server/main.mjs) runs over the million-row SQLite store
// of bench/server-queries.mjs and serves the two pages too (DEMO_STATIC), so they speak to
// `/api` on their own origin through `createRestAuditLogProvider`:
//
// - the table (bench/pages/million-table.tsx): the first rows, then "Go to page" 1,000;
// - the timeline (bench/pages/million-timeline.tsx): scrolled down a screen at a time through
//   5,000 entries, its element count and the JS heap (after a full GC) at 500 and at 5,000.
//
//   node bench/million.mjs                  full run (table: 7 runs; timeline: 3)
//   node bench/million.mjs --quick          fewer runs (table: 3; timeline: 1)
//   node bench/million.mjs --rows 100000    a smaller store (at least 50,000 rows), to iterate
//   node bench/million.mjs --parts=timeline one part only (table, timeline)
//   node bench/million.mjs --out=file       where the JSON goes (default bench/results/latest.json)
//   node bench/million.mjs --build-only     bundles the pages and stops
//
// The store is seeded once (examples/demo/scripts/seed-rows.mjs, about a minute for a
// million rows) into bench/.out/server-queries/, the file bench/server-queries.mjs uses.
// Targets (issue 14): the timeline's elements under 3,000 after any scroll; its heap flat,
// within 20%, from 500 to 5,000 entries scrolled. See BENCHMARKS.md, "A million rows, in Chromium".
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumLaunchOptions } from "../scripts/chromium.mjs";
import { bundlePages } from "./bundle.mjs";
import { fmtMs, median, readOption } from "./common.mjs";
import { openSqliteStore } from "./store.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "bench", ".out", "million");
const args = process.argv.slice(2);
const option = (/** @type {string} */ name) => readOption(args, name);
const quick = args.includes("--quick");
const rows = Number(option("rows") ?? 1_000_000);
const parts = (option("parts") ?? "table,timeline").split(",");
const outFile = path.resolve(root, option("out") ?? "bench/results/latest.json");
if (!Number.isSafeInteger(rows) || rows < 50_000) throw new Error("--rows takes a whole number of at least 50,000 (page 1,000 of 25 rows, 5,000 entries scrolled)");

const JUMP_TO_PAGE = 1000;
const SCROLL_FIRST = 500;
const SCROLL_TO = 5000;
const TARGET_NODES = 3000;
const TARGET_HEAP_DRIFT = 0.2;
const TABLE = quick ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 7 };
const TIMELINE_RUNS = quick ? 1 : 3;
const log = (/** @type {string} */ line) => console.error(line);

/**
 * The million-row store of bench/server-queries.mjs (bench/store.mjs: same file, same
 * marker), seeded when it is missing. Resolves with its path and how many of its rows are
 * products'.
 */
function openStore() {
  const { file, db } = openSqliteStore(rows, { log });
  try {
    const { n } = /** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM audit_logs WHERE resource = 'products'").get());
    return { file, products: n };
  } finally {
    db.close();
  }
}

/**
 * Starts the demo's server (main.mjs, as `npm run demo:server` does) over `file` on
 * 127.0.0.1 and a free port, serving the bundled pages too. Resolves once it listens.
 * @param {string} file
 * @returns {Promise<{ base: string, stop: () => void }>}
 */
function startDemoServer(file) {
  const child = spawn(process.execPath, [path.join(root, "examples", "demo", "server", "main.mjs")], {
    env: { ...process.env, DEMO_DB: file, DEMO_STATIC: outDir, HOST: "127.0.0.1", PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (/** @type {string} */ chunk) => {
      out += chunk;
      const found = /API server on (http:\/\/127\.0\.0\.1:\d+)\/api/.exec(out);
      if (found) resolve({ base: found[1], stop });
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`The demo's server exited (${code}) before it listened: ${out}`)));
  });
}

const fmtMB = (/** @type {number} */ bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const fmtInt = (/** @type {number} */ n) => Math.round(n).toLocaleString("en");

/**
 * The table: mount → first rows, then "Go to page" 1,000, in one page (warm-up runs first).
 * @param {import("playwright-core").Browser} browser
 * @param {string} base
 */
async function runTable(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.goto(`${base}/million-table.html`);
  await page.waitForFunction(() => "bench" in window);
  process.stdout.write("million table: ");
  /** @type {Array<{ mount: any, jump: any }>} */
  const samples = [];
  for (let i = 0; i < TABLE.warmup + TABLE.runs; i++) {
    const run = await page.evaluate(async (target) => {
      const bench = /** @type {any} */ (window).bench;
      const mount = await bench.mount();
      const jump = mount.ok ? await bench.goToPage(target) : undefined;
      return { mount, jump };
    }, JUMP_TO_PAGE);
    if (!run.mount.ok || !run.jump?.ok) throw new Error(`the million-row table did not complete: ${JSON.stringify(run)}`);
    if (i >= TABLE.warmup) samples.push(run);
    process.stdout.write(".");
  }
  await page.close();
  const last = samples[samples.length - 1];
  /**
   * One step's timings under `prefix`: the median and the samples, the median of its
   * requests' time and of its longest task, and how many requests its last run made.
   * @param {"mount" | "jump"} step
   * @param {string} prefix
   */
  const timings = (step, prefix) => ({
    [`${prefix}Ms`]: median(samples.map((s) => s[step].ms)),
    [`${prefix}SamplesMs`]: samples.map((s) => s[step].ms),
    [`${prefix}RequestMs`]: median(samples.map((s) => s[step].requestMs)),
    [`${prefix}Requests`]: last[step].requests,
    [`${prefix}LongestTaskMs`]: median(samples.map((s) => s[step].longestTaskMs)),
  });
  /** @type {Record<string, any>} */
  const result = {
    ...timings("mount", "firstRows"),
    firstRows: last.mount.rows,
    firstRowsNodes: last.mount.nodes,
    firstStatus: last.mount.status,
    jumpToPage: JUMP_TO_PAGE,
    ...timings("jump", "jump"),
    jumpRows: last.jump.rows,
    jumpNodes: last.jump.nodes,
    jumpPageInfo: last.jump.pageInfo,
    jumpStatus: last.jump.status,
    runs: samples.length,
    samples,
  };
  console.log(` first rows ${fmtMs(result.firstRowsMs)} ms, page ${fmtInt(JUMP_TO_PAGE)} in ${fmtMs(result.jumpMs)} ms ("${result.jumpStatus}")`);
  return result;
}

/**
 * The timeline: a fresh page per run (a fresh heap); mount, scroll through 500 entries,
 * measure, scroll on to 5,000, measure. The heap is read after a full GC, through CDP.
 * @param {import("playwright-core").Browser} browser
 * @param {string} base
 */
async function runTimeline(browser, base) {
  /** @type {any[]} */
  const runs = [];
  for (let i = 0; i < TIMELINE_RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await page.goto(`${base}/million-timeline.html`);
    await page.waitForFunction(() => "bench" in window);
    const cdp = await page.context().newCDPSession(page);
    const measure = async () => {
      // Let requests in flight land, then collect everything collectable.
      await page.waitForTimeout(300);
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
      const { usedSize } = await cdp.send("Runtime.getHeapUsage");
      const snapshot = await page.evaluate(() => /** @type {any} */ (window).bench.snapshot());
      return { heapBytes: usedSize, ...snapshot };
    };
    process.stdout.write(`million timeline, run ${i + 1}/${TIMELINE_RUNS}: `);
    const mount = await page.evaluate(() => /** @type {any} */ (window).bench.mount());
    if (!mount.ok) throw new Error(`the million-row timeline rendered no entry: ${JSON.stringify(mount)}`);
    const toFirst = await page.evaluate((n) => /** @type {any} */ (window).bench.scrollThrough(n), SCROLL_FIRST);
    const atFirst = await measure();
    process.stdout.write(`${fmtInt(atFirst.seen)} seen (${fmtInt(atFirst.nodes)} elements, ${fmtMB(atFirst.heapBytes)}) `);
    const toEnd = toFirst.ok ? await page.evaluate((n) => /** @type {any} */ (window).bench.scrollThrough(n), SCROLL_TO) : toFirst;
    const atEnd = await measure();
    await cdp.detach();
    await page.close();
    const run = {
      firstEntriesMs: mount.ms,
      firstEntries: mount.entries,
      ok: toFirst.ok && toEnd.ok,
      stoppedBecause: toFirst.stoppedBecause || toEnd.stoppedBecause,
      scrollMs: toFirst.ms + (toEnd === toFirst ? 0 : toEnd.ms),
      screens: toFirst.screens + (toEnd === toFirst ? 0 : toEnd.screens),
      bottomWaits: toFirst.bottomWaits + (toEnd === toFirst ? 0 : toEnd.bottomWaits),
      nudges: toFirst.nudges + (toEnd === toFirst ? 0 : toEnd.nudges),
      nudgedAt: [...toFirst.nudgedAt, ...(toEnd === toFirst ? [] : toEnd.nudgedAt)],
      maxNodesAfterScroll: Math.max(toFirst.maxNodes, toEnd.maxNodes),
      at500: atFirst,
      at5000: atEnd,
      heapRatio: atEnd.heapBytes / atFirst.heapBytes,
    };
    console.log(`→ ${fmtInt(atEnd.seen)} seen (${fmtInt(atEnd.nodes)} elements, ${fmtMB(atEnd.heapBytes)}) in ${(run.scrollMs / 1000).toFixed(1)} s${run.nudges ? `, ${run.nudges} nudges` : ""}`);
    if (!run.ok) console.warn(`warning: the timeline stopped at ${fmtInt(atEnd.seen)} entries${run.stoppedBecause ? `: "${run.stoppedBecause}"` : ""}`);
    runs.push(run);
  }
  const pick = (/** @type {(run: any) => number} */ read) => median(runs.map(read));
  const heapRatio = pick((r) => r.heapRatio);
  const maxNodes = Math.max(...runs.map((r) => Math.max(r.maxNodesAfterScroll, r.at500.nodes, r.at5000.nodes)));
  return {
    ok: runs.every((r) => r.ok),
    firstEntriesMs: pick((r) => r.firstEntriesMs),
    scrollMs: pick((r) => r.scrollMs),
    screens: pick((r) => r.screens),
    bottomWaits: pick((r) => r.bottomWaits),
    // Summed, not a median: one run that needed a nudge is worth seeing.
    nudges: runs.reduce((sum, r) => sum + r.nudges, 0),
    nodesAt500: pick((r) => r.at500.nodes),
    nodesAt5000: pick((r) => r.at5000.nodes),
    entriesAt500: pick((r) => r.at500.entries),
    entriesAt5000: pick((r) => r.at5000.entries),
    maxNodesAfterScroll: maxNodes,
    heapAt500: pick((r) => r.at500.heapBytes),
    heapAt5000: pick((r) => r.at5000.heapBytes),
    heapRatio,
    requests: pick((r) => r.at5000.reads),
    targets: {
      nodes: { limit: TARGET_NODES, met: maxNodes < TARGET_NODES },
      heap: { drift: TARGET_HEAP_DRIFT, met: Math.abs(heapRatio - 1) <= TARGET_HEAP_DRIFT },
    },
    runs,
  };
}

/** @param {any} results */
function toMarkdown(results) {
  const { machine, table, timeline } = results;
  const lines = [
    `### A million rows, in Chromium`,
    "",
    `Run ${results.date.slice(0, 16).replace("T", " ")} UTC: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, Chromium ${machine.chromium}${results.quick ? " (--quick)" : ""}. ` +
      `Store: ${fmtInt(results.store.rows)} generated rows, ${fmtInt(results.store.products)} of them products' (SQLite, the demo's server, same origin).`,
    "",
  ];
  if (table) {
    lines.push(
      `Table (\`<AuditLogTable resource="products">\`, 25 rows a page), median of ${table.runs}:`,
      "",
      "| measure | ms | requests (their ms) | longest task | elements |",
      "|---|--:|--:|--:|--:|",
      `| first rows (mount → ${table.firstRows} rows, layout forced) | ${fmtMs(table.firstRowsMs)} | ${table.firstRowsRequests} (${fmtMs(table.firstRowsRequestMs)}) | ${fmtMs(table.firstRowsLongestTaskMs)} | ${fmtInt(table.firstRowsNodes)} |`,
      `| "Go to page" ${fmtInt(table.jumpToPage)} (click on Go → its ${table.jumpRows} rows) | ${fmtMs(table.jumpMs)} | ${table.jumpRequests} (${fmtMs(table.jumpRequestMs)}) | ${fmtMs(table.jumpLongestTaskMs)} | ${fmtInt(table.jumpNodes)} |`,
      "",
      `After the jump: "${table.jumpPageInfo}", "${table.jumpStatus}".`,
      "",
    );
  }
  if (timeline) {
    const met = (/** @type {boolean} */ ok) => (ok ? "met" : "**not met**");
    lines.push(
      `Timeline (\`<AuditTimeline resource="products">\` in a 600 px scroller), ${timeline.runs.length === 1 ? "one run" : `median of ${timeline.runs.length} runs`}${timeline.ok ? "" : " (**stopped early**: see the JSON)"}:`,
      "",
      "| measure | 500 entries scrolled | 5,000 entries scrolled |",
      "|---|--:|--:|",
      `| elements in the scroller | ${fmtInt(timeline.nodesAt500)} | ${fmtInt(timeline.nodesAt5000)} |`,
      `| entries in the DOM | ${fmtInt(timeline.entriesAt500)} | ${fmtInt(timeline.entriesAt5000)} |`,
      `| JS heap after a full GC | ${fmtMB(timeline.heapAt500)} | ${fmtMB(timeline.heapAt5000)} |`,
      "",
      `First entries in ${fmtMs(timeline.firstEntriesMs)} ms; 5,000 entries scrolled through in ${(timeline.scrollMs / 1000).toFixed(1)} s (${fmtInt(timeline.screens)} screens down, ${fmtInt(timeline.bottomWaits)} waits at the bottom, ` +
        `${fmtInt(timeline.requests)} requests${timeline.nudges ? `; **${fmtInt(timeline.nudges)} nudges** over the runs: no new entry for 5 s until scrolled up a screen and to the bottom` : ""}).`,
      "",
      `Targets: elements after any scroll under ${fmtInt(TARGET_NODES)}: ${met(timeline.targets.nodes.met)} (at most ${fmtInt(timeline.maxNodesAfterScroll)}); ` +
        `heap flat within ${TARGET_HEAP_DRIFT * 100}% from 500 to 5,000 entries: ${met(timeline.targets.heap.met)} (×${timeline.heapRatio.toFixed(2)}).`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const started = Date.now();
  // The two pages, bundled as bench/run.mjs bundles its own (bench/bundle.mjs).
  await bundlePages(["million-table", "million-timeline"], outDir);
  if (args.includes("--build-only")) {
    console.log(`Pages bundled into ${path.relative(root, outDir)}.`);
    return;
  }
  const store = openStore();
  const server = await startDemoServer(store.file);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch(chromiumLaunchOptions(["--js-flags=--expose-gc"]));
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, chromium: browser.version(), platform: `${os.platform()} ${os.release()}` },
    quick,
    store: { rows, products: store.products, file: path.relative(root, store.file) },
    /** @type {any} */ table: undefined,
    /** @type {any} */ timeline: undefined,
  };
  try {
    if (parts.includes("table")) results.table = await runTable(browser, server.base);
    if (parts.includes("timeline")) results.timeline = await runTimeline(browser, server.base);
  } finally {
    await browser.close();
    server.stop();
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${toMarkdown(results)}`);
  console.log(`\nFigures written to ${path.relative(root, outFile)} (${((Date.now() - started) / 1000).toFixed(0)} s).`);
  if (results.timeline && !results.timeline.ok) process.exitCode = 1;
}

await main();
