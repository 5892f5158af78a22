#!/usr/bin/env node
// `npm run bench`: bundles the benchmark pages (esbuild, production React), serves them on
// 127.0.0.1, drives Debian's Chromium through playwright-core, prints a markdown table and
// writes the figures as JSON. See BENCHMARKS.md for the method.
//
//   npm run bench                 full run (a few minutes on 2 cores)
//   npm run bench -- --quick      fewer runs, for a quick look
//   npm run bench -- --only=W3,W5 some workloads only (names as in the table; "timeline" too)
//   npm run bench -- --out=file   where the JSON goes (default bench/results/latest.json)
//   npm run bench -- --renderers=RecordDiff   only these renderers besides the floors
//   npm run bench -- --warmup=20  more warm-up runs per workload (default 5)
//   npm run bench -- --build-only bundles the pages and stops (a smoke check)
//   npm run bench -- --only=worst the "worst entries" section only (hostile rows, bench/hostile.ts)
//   npm run bench -- --only=server the audit store's queries at a million rows, SQLite and
//                                  PGlite (bench/server-queries.mjs; seeds once, about 3 minutes)
//   npm run bench -- --only=million the table and the timeline over that million-row store, in Chromium,
//                                  through the demo's server (bench/million.mjs; --rows=N for a smaller store)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumLaunchOptions } from "../scripts/chromium.mjs";
import { bundlePages } from "./bundle.mjs";
import { fmtMs, median } from "./common.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "bench", ".out");
const args = process.argv.slice(2);
const flag = (/** @type {string} */ name) => args.includes(`--${name}`);
const option = (/** @type {string} */ name) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const quick = flag("quick");
const only = option("only")?.split(",");
const outFile = path.resolve(root, option("out") ?? "bench/results/latest.json");

/** Runs per workload: the median of these is reported. The small W5 gets 50 (its times are near the timer's resolution). */
const RUNS = quick ? { default: 7, small: 15, warmup: 2, timeline: 3 } : { default: 15, small: 50, warmup: 5, timeline: 7 };
/** Mounts of the table page measured (after warm-up), each followed by a sort, a typed search and a field filter. */
const TABLE_RUNS = quick ? 3 : 7;
if (option("warmup")) RUNS.warmup = Number(option("warmup"));
const ALL_RENDERERS = ["floor", "bare floor", "kit markup", "RecordDiff", "jsondiffpatch", "react-diff-viewer"];
// `--renderers=floor,RecordDiff` leaves the (slow) peers out while working on the kit; the floor always runs.
const RENDERERS = ALL_RENDERERS.filter((r) => r === "floor" || r === "bare floor" || r === "kit markup" || !option("renderers") || option("renderers")?.split(",").includes(r));
const DIFF_WORKLOADS = ["W1", "W2", "W3", "W4", "W5", "W1-100", "W1-10k"];
// Peers that take seconds per run get fewer runs: their figures are only there for scale.
const SLOW_MS = 400;
const SLOW_RUNS = quick ? 3 : 7;
/** The "worst entries" section: hostile rows of about 1 MB each (bench/hostile.ts); few runs, each is heavy. */
const WORST_RUNS = quick ? { runs: 5, warmup: 1 } : { runs: 11, warmup: 2 };
const WORST_RENDERERS = ["floor", "RecordDiff", "describe", "JSON.parse"];

/** Bundles the pages in production mode, the kit from src/, with their HTML (bench/bundle.mjs). */
export function buildPages() {
  return bundlePages(["diff", "timeline", "table", "hostile"], outDir);
}

/** Serves bench/.out on 127.0.0.1, cross-origin isolated (so performance.now() has fine resolution). */
function serve() {
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = createServer(async (request, response) => {
    const name = path.basename(new URL(request.url ?? "/", "http://x").pathname) || "diff.html";
    try {
      const body = await readFile(path.join(outDir, name));
      response.writeHead(200, {
        "content-type": types[/** @type {keyof typeof types} */ (path.extname(name))] ?? "application/octet-stream",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const fmtRatio = (/** @type {number} */ r) => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`;

async function main() {
  const started = Date.now();
  if (only?.includes("server")) {
    // The server's section runs in Node (no browser): bench/server-queries.mjs, its own table.
    const { spawnSync } = await import("node:child_process");
    const result = spawnSync(process.execPath, [path.join(root, "bench", "server-queries.mjs"), ...(quick ? ["--runs", "5"] : [])], { stdio: "inherit" });
    if (result.status !== 0) process.exitCode = result.status ?? 1;
    if (only.length === 1) return;
  }
  if (only?.includes("million")) {
    // The million-row section runs its own browser against the demo's server: bench/million.mjs,
    // its own table and JSON (beside this run's when other sections run too).
    const { spawnSync } = await import("node:child_process");
    const passed = args.filter((a) => !a.startsWith("--only=") && !a.startsWith("--out="));
    const out = only.length === 1 ? outFile : outFile.replace(/(\.json)?$/, "-million.json");
    const result = spawnSync(process.execPath, [path.join(root, "bench", "million.mjs"), ...passed, `--out=${out}`], { stdio: "inherit" });
    if (result.status !== 0) process.exitCode = result.status ?? 1;
    if (only.length === 1 || (only.length === 2 && only.includes("server"))) return;
  }
  await buildPages();
  if (flag("build-only")) {
    console.log(`Pages bundled into ${path.relative(root, outDir)}.`);
    return;
  }
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch(chromiumLaunchOptions(["--js-flags=--expose-gc"]));
  const server = /** @type {import("node:http").Server} */ (await serve());
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const base = `http://127.0.0.1:${address.port}`;
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, chromium: browser.version(), platform: `${os.platform()} ${os.release()}` },
    quick,
    /** @type {any[]} */ diff: [],
    /** @type {any} */ timeline: undefined,
    /** @type {any} */ table: undefined,
    /** @type {any} */ worst: undefined,
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await page.goto(`${base}/diff.html`);
    await page.waitForFunction(() => "bench" in window);
    const isolated = await page.evaluate(() => /** @type {any} */ (window).bench.isolated);
    if (!isolated) console.warn("warning: the page is not cross-origin isolated; timer resolution is 0.1 ms");
    for (const name of DIFF_WORKLOADS) {
      if (only && !only.includes(name)) continue;
      const info = await page.evaluate((n) => /** @type {any} */ (window).bench.prepare(n), name);
      const runs = name === "W5" || name === "W1-100" ? RUNS.small : RUNS.default;
      /** @type {Record<string, { ms: number[]; nodes: number; text?: any }>} */
      const samples = Object.fromEntries(RENDERERS.map((r) => [r, { ms: [], nodes: 0 }]));
      const slow = new Set();
      process.stdout.write(`${name} (${info.description}): `);
      for (let i = 0; i < RUNS.warmup + runs; i++) {
        // Rotate the order every iteration so that machine noise hits every renderer alike.
        const order = RENDERERS.map((_, k) => RENDERERS[(k + i) % RENDERERS.length]);
        for (const renderer of order) {
          if (slow.has(renderer) && (i < RUNS.warmup || samples[renderer].ms.length >= SLOW_RUNS)) continue;
          const sample = await page.evaluate((r) => /** @type {any} */ (window).bench.measure(r), renderer);
          if (i < RUNS.warmup) {
            if (sample.ms > SLOW_MS && (renderer === "jsondiffpatch" || renderer === "react-diff-viewer")) slow.add(renderer);
            continue;
          }
          samples[renderer].ms.push(sample.ms);
          samples[renderer].nodes = sample.nodes;
          if (sample.text) samples[renderer].text = sample.text;
        }
        process.stdout.write(".");
      }
      const floor = median(samples.floor.ms);
      const row = {
        workload: name,
        description: info.description,
        rows: info.floorRows,
        renderers: Object.fromEntries(
          RENDERERS.map((r) => [r, { medianMs: median(samples[r].ms), ratio: median(samples[r].ms) / floor, nodes: samples[r].nodes, runs: samples[r].ms.length, samplesMs: samples[r].ms }]),
        ),
        kit: samples.RecordDiff.text,
      };
      if (row.kit && (row.kit.rows !== info.floorRows || row.kit.showMore)) {
        console.warn(`\nwarning: RecordDiff showed ${row.kit.rows} rows (floor ${info.floorRows})${row.kit.showMore ? " and a Show more button" : ""}`);
      }
      results.diff.push(row);
      console.log(` RecordDiff ${fmtRatio(row.renderers.RecordDiff.ratio)} of the floor`);
    }
    await page.close();

    if (!only || only.includes("timeline")) {
      const tpage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      tpage.on("pageerror", (error) => console.error("page error:", error.message));
      await tpage.goto(`${base}/timeline.html`);
      await tpage.waitForFunction(() => "bench" in window);
      process.stdout.write("timeline: ");
      /** @type {number[]} */
      const firstMs = [];
      let mountInfo;
      for (let i = 0; i < RUNS.warmup + RUNS.timeline; i++) {
        mountInfo = await tpage.evaluate(() => /** @type {any} */ (window).bench.mount());
        if (!mountInfo.ok) throw new Error("the timeline rendered no entry");
        if (i >= RUNS.warmup) firstMs.push(mountInfo.ms);
        process.stdout.write(".");
      }
      const scroll = await tpage.evaluate(() => /** @type {any} */ (window).bench.scrollAndExpand());
      await tpage.close();
      results.timeline = {
        entries: 10_000,
        firstEntriesMs: median(firstMs),
        firstEntriesSamplesMs: firstMs,
        firstRendered: mountInfo.entries,
        scroll: { ...scroll, longestTaskMs: scroll.longTasks.length ? Math.max(...scroll.longTasks) : 0 },
      };
      console.log(` first entries ${fmtMs(results.timeline.firstEntriesMs)} ms, longest task ${fmtMs(results.timeline.scroll.longestTaskMs)} ms`);
    }

    if (!only || only.includes("table")) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on("pageerror", (error) => console.error("page error:", error.message));
      await page.goto(`${base}/table.html`);
      await page.waitForFunction(() => "bench" in window);
      process.stdout.write("table: ");
      /** @type {{ mount: number[]; sort: number[]; sortTask: number[]; search: number[]; searchTask: number[]; field: number[]; fieldTask: number[] }} */
      const t = { mount: [], sort: [], sortTask: [], search: [], searchTask: [], field: [], fieldTask: [] };
      for (let i = 0; i < RUNS.warmup + TABLE_RUNS; i++) {
        const run = await page.evaluate(async () => {
          const bench = /** @type {any} */ (window).bench;
          const mount = await bench.mount();
          const sort = await bench.sort();
          const search = await bench.search();
          await bench.mount();
          const field = await bench.filterField();
          return { mount, sort, search, field };
        });
        if (!run.mount.ok || !run.sort.ok || !run.search.ok || !run.field.ok) throw new Error(`the table benchmark did not complete: ${JSON.stringify(run)}`);
        if (i < RUNS.warmup) continue;
        t.mount.push(run.mount.ms);
        t.sort.push(run.sort.ms);
        t.sortTask.push(run.sort.longestTaskMs);
        t.search.push(run.search.ms);
        t.searchTask.push(run.search.longestTaskMs);
        t.field.push(run.field.ms);
        t.fieldTask.push(run.field.longestTaskMs);
        process.stdout.write(".");
      }
      await page.close();
      const summary = (/** @type {number[]} */ ms, /** @type {number[]} */ tasks) => ({ medianMs: median(ms), samplesMs: ms, longestTaskMs: Math.max(0, ...tasks), medianLongestTaskMs: median(tasks) });
      results.table = {
        entries: 10_000,
        firstRowsMs: median(t.mount),
        firstRowsSamplesMs: t.mount,
        sort: summary(t.sort, t.sortTask),
        search: summary(t.search, t.searchTask),
        field: summary(t.field, t.fieldTask),
      };
      console.log(` first rows ${fmtMs(results.table.firstRowsMs)} ms, longest task ${fmtMs(Math.max(results.table.sort.longestTaskMs, results.table.search.longestTaskMs, results.table.field.longestTaskMs))} ms`);
    }

    if (!only || only.includes("worst")) results.worst = await runWorst(browser, base);
  } finally {
    await browser.close();
    server.close();
  }
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${toMarkdown(results)}`);
  console.log(`\nFigures written to ${path.relative(root, outFile)} (${((Date.now() - started) / 1000).toFixed(0)} s).`);
}

/**
 * The "worst entries" section: each hostile row in a fresh page (a row leaves megabytes
 * behind), its renderers interleaved in a rotated order as in the diff section.
 * @param {import("playwright-core").Browser} browser
 * @param {string} base
 */
async function runWorst(browser, base) {
  const rows = [];
  const names = await (async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/hostile.html`);
    await page.waitForFunction(() => "bench" in window);
    const list = await page.evaluate(() => /** @type {string[]} */ (/** @type {any} */ (window).bench.rows));
    await page.close();
    return list;
  })();
  for (const name of names) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await page.goto(`${base}/hostile.html`);
    await page.waitForFunction(() => "bench" in window);
    const info = await page.evaluate((n) => /** @type {any} */ (window).bench.prepare(n), name);
    process.stdout.write(`worst ${name} (${info.description}, ${(info.jsonLength / 1e6).toFixed(2)} MB): `);
    /** @type {Record<string, { ms: number[]; nodes: number; text?: any }>} */
    const samples = Object.fromEntries(WORST_RENDERERS.map((r) => [r, { ms: [], nodes: 0 }]));
    for (let i = 0; i < WORST_RUNS.warmup + WORST_RUNS.runs; i++) {
      const order = WORST_RENDERERS.map((_, k) => WORST_RENDERERS[(k + i) % WORST_RENDERERS.length]);
      for (const renderer of order) {
        const sample = await page.evaluate((r) => /** @type {any} */ (window).bench.measure(r), renderer);
        if (i < WORST_RUNS.warmup) continue;
        samples[renderer].ms.push(sample.ms);
        samples[renderer].nodes = sample.nodes;
        if (sample.text) samples[renderer].text = sample.text;
      }
      process.stdout.write(".");
    }
    await page.close();
    const floor = median(samples.floor.ms);
    const parse = median(samples["JSON.parse"].ms);
    const stats = (/** @type {string} */ r) => {
      const ms = samples[r].ms;
      const m = median(ms);
      return { medianMs: m, minMs: Math.min(...ms), maxMs: Math.max(...ms), ratio: m / floor, ratioToParse: m / parse, nodes: samples[r].nodes, runs: ms.length, samplesMs: ms, text: samples[r].text };
    };
    const row = { row: name, description: info.description, jsonLength: info.jsonLength, listed: info.listed, overflow: info.overflow, floorRows: info.floorRows, renderers: Object.fromEntries(WORST_RENDERERS.map((r) => [r, stats(r)])) };
    rows.push(row);
    console.log(` RecordDiff ${fmtMs(row.renderers.RecordDiff.medianMs)} ms (worst ${fmtMs(row.renderers.RecordDiff.maxMs)} ms), describe ${fmtMs(row.renderers.describe.medianMs)} ms`);
  }
  const worstMs = Math.max(...rows.map((r) => Math.max(r.renderers.RecordDiff.maxMs, r.renderers.describe.maxMs)));
  return { rows, boundMs: worstMs, runs: WORST_RUNS.runs };
}

/** @param {any} results */
export function toMarkdown(results) {
  const lines = [
    `Run ${results.date.slice(0, 16).replace("T", " ")} UTC: ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}, Chromium ${results.machine.chromium}${results.quick ? " (--quick)" : ""}.`,
    "",
    "Median ms from mount to forced layout; × the floor of the same run; element count.",
    "",
    "| workload | rows | floor | bare floor | kit markup | RecordDiff | jsondiffpatch HTML | react-diff-viewer |",
    "|---|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const row of results.diff) {
    const cell = (/** @type {string} */ r) => {
      const x = row.renderers[r];
      if (!x) return "–";
      return r === "floor" ? `${fmtMs(x.medianMs)} ms · ${x.nodes}` : `${fmtMs(x.medianMs)} ms · **${fmtRatio(x.ratio)}** · ${x.nodes}`;
    };
    lines.push(`| ${row.workload} | ${row.rows} | ${ALL_RENDERERS.map(cell).join(" | ")} |`);
  }
  const byName = Object.fromEntries(results.diff.map((/** @type {any} */ r) => [r.workload, r]));
  if (byName.W1 && byName["W1-10k"]) {
    const k = byName.W1.renderers.RecordDiff.medianMs;
    const tenK = byName["W1-10k"].renderers.RecordDiff.medianMs;
    lines.push("", `Scaling: RecordDiff at 10,000 fields costs ${(tenK / k).toFixed(1)}x its cost at 1,000 fields (target ≤ 12x).`);
  }
  if (results.timeline) {
    const t = results.timeline;
    lines.push(
      "",
      `Timeline, ${t.entries.toLocaleString("en-US")} entries: first ${t.firstRendered} entries in ${fmtMs(t.firstEntriesMs)} ms (median of ${t.firstEntriesSamplesMs.length}); ` +
        `scrolling to the end (${t.scroll.steps} batches, ${t.scroll.rendered.toLocaleString("en-US")} entries) and expanding one: ` +
        (t.scroll.longTasks.length ? `longest task ${fmtMs(t.scroll.longestTaskMs)} ms (${t.scroll.longTasks.length} tasks over 50 ms)` : "no task over 50 ms") +
        `; expanding took ${fmtMs(t.scroll.expandMs)} ms.`,
    );
  }
  if (results.table) {
    const t = results.table;
    const part = (/** @type {string} */ name, /** @type {any} */ x) =>
      `${name} ${fmtMs(x.medianMs)} ms (longest task: median ${fmtMs(x.medianLongestTaskMs)} ms, worst ${fmtMs(x.longestTaskMs)} ms)`;
    lines.push(
      "",
      `Table, ${t.entries.toLocaleString("en-US")} entries (medians of ${t.firstRowsSamplesMs.length} mounts): first rows in ${fmtMs(t.firstRowsMs)} ms; ` +
        `${part("sort by author", t.sort)}; ${part('typing "product 17" into the search, 10 keystrokes', t.search)}; ${part("a changed-field filter", t.field)}.`,
    );
  }
  if (results.worst) {
    const w = results.worst;
    const cell = (/** @type {any} */ x, /** @type {boolean} */ ratio) =>
      `${fmtMs(x.medianMs)} ms (${fmtMs(x.minMs)}–${fmtMs(x.maxMs)})${ratio ? ` · **${fmtRatio(x.ratio)}**` : ""}`;
    lines.push(
      "",
      `Worst entries (one hostile row each; median (min–max) of ${w.runs} runs; RecordDiff × the floor of the same run):`,
      "",
      "| row | JSON | listed | floor | RecordDiff | describe + summary | JSON.parse | worst RecordDiff |",
      "|---|--:|--:|--:|--:|--:|--:|--:|",
    );
    for (const r of w.rows) {
      const x = r.renderers;
      lines.push(
        `| ${r.row} | ${(r.jsonLength / 1e6).toFixed(2)} MB | ${r.listed.toLocaleString("en-US")}${r.overflow ? " +overflow" : ""} | ${cell(x.floor, false)} | ${cell(x.RecordDiff, true)} | ${cell(x.describe, false)} | ${cell(x["JSON.parse"], false)} | ${fmtMs(x.RecordDiff.maxMs)} ms |`,
      );
    }
    lines.push("", `Bound: no hostile row took more than ${fmtMs(w.boundMs)} ms to diff and render (or to describe) in any run.`);
  }
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
