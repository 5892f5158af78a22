#!/usr/bin/env node
// Checks the tsup output (run after `tsup`): both bundles load in Node and agree on their
// exports, type declarations and styles.css exist, the "use client" directive survived,
// and the kit stays small (whole, and for an app that imports RecordDiff only).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
// Sizes of the kit's own code, minified and gzipped as an app's bundler ships it (peers,
// jsondiffpatch and @tanstack/* external). Sizes, not times: the same on every machine.
// - the whole kit (every component);
// - what an app that imports only RecordDiff ships: the performance issue's target, 15 kB.
//   Every top-level call in src (memo, forwardRef, createColumnHelper…) must be annotated
//   `/* @__PURE__ */`: in this single-file build a bundler must otherwise keep it, and the
//   code it references, in every app (RenameLogEntry's forwardRef alone cost 3.3 kB).
// Versions (compare, restore, revert, a field's history, links: about 2,600 lines) took the
// whole kit from 46 kB to about 58 kB, a decision noted in the CHANGELOG; apps that import
// only some components ship less (see the RecordDiff-only guard below). Typed values and
// summaries without JSON (issue "Values people can read") added about 2.5 kB more: 64 kB.
// References resolved by label, items named in labels, added objects shown as fields and
// the German-ready strings of the same issue added about 5 kB more: 70 kB. The next lever
// is loading the versions panels on demand (they mount only when opened).
// Logs of millions (the server-side query contract and its reader, the sliding window over
// pages, createRestAuditLogProvider, the table's server paging and the whole-log export)
// added about 6 kB (76.05 kB with the note on refused filters): 77 kB, a decision noted in
// the CHANGELOG (0.4.0). Loading the versions panels on demand is still the lever.
// The windowed timeline (measured rows, focus kept, keys across the whole list) and "Jump
// to date" added about 5.1 kB (81.2 kB): 82 kB, a decision noted in the CHANGELOG (0.4.0).
const MAX_WHOLE_KIT_GZIP_BYTES = 82_000;
// 15 kB was the performance issue's target; the policy pipeline, the work budget and the
// error boundaries every diff now goes through cost about 4 kB more (a decision noted in the
// CHANGELOG): the guard keeps it from growing further unnoticed. Typed values (images,
// money, enums, booleans, dates, durations through Intl) cost about 0.8 kB more: 20.5 kB.
// References by label (with their batched read), items named in labels and added or
// removed objects shown as their fields cost about 4.8 kB more: 26 kB (CHANGELOG 0.3.0).
const MAX_RECORD_DIFF_GZIP_BYTES = 26_000;
const EXTERNAL = ["react", "react-dom", "react/*", "react-dom/*", "@refinedev/core", "@tanstack/*", "jsondiffpatch", "jsondiffpatch/*"];
const REQUIRED_EXPORTS = ["computeChanges"];

/** @type {string[]} */
const failures = [];
/** @param {boolean} ok @param {string} message */
function check(ok, message) {
  console.log(`${ok ? "✓" : "✗"} ${message}`);
  if (!ok) failures.push(message);
}

const file = (/** @type {string} */ name) => path.join(dist, name);

// 1. Files.
for (const name of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "core.js", "core.cjs", "core.d.ts", "core.d.cts", "styles.css"]) {
  check(existsSync(file(name)), `dist/${name} exists`);
}
if (failures.length) {
  console.error("\nBuild output incomplete: run `npx tsup` first.");
  process.exit(1);
}

// 2. "use client" must be the very first statement of both bundles (React Server Components
// only honour it there).
for (const name of ["index.js", "index.cjs"]) {
  const firstLine = readFileSync(file(name), "utf8").split(/\r?\n/, 1)[0].trim();
  check(
    firstLine === '"use client";' || firstLine === "'use client';",
    `dist/${name} starts with the "use client" directive (first line: ${JSON.stringify(firstLine.slice(0, 60))})`,
  );
}

// 2b. The pure layer, `refine-audit-trail/core`, is for servers too: no "use client", and
// it loads in plain Node without React, Refine or a DOM (its imports are checked below).
for (const name of ["core.js", "core.cjs"]) {
  const code = readFileSync(file(name), "utf8");
  check(!/^\s*["']use client["']/.test(code), `dist/${name} has no "use client" directive`);
  // `from` inside a string ("from" as a value) is no import: no quote or word character before it.
  const imported = [...code.matchAll(/(?:(?<![\w$"'])from\s*|require\()\s*["']([^"'.][^"']*)["']/g)].map((match) => match[1]);
  const foreign = imported.filter((specifier) => specifier !== "jsondiffpatch");
  check(foreign.length === 0, `dist/${name} imports no package but jsondiffpatch${foreign.length ? ` (found: ${foreign.join(", ")})` : ""}`);
}
try {
  const core = await import(pathToFileURL(file("core.js")).href);
  const require = createRequire(import.meta.url);
  const coreCjs = require(file("core.cjs"));
  const entry = { id: 1, resource: "users", action: "update", createdAt: "2024-05-01T10:00:00Z", data: { password: "hunter2", name: "Ada" }, previousData: {}, meta: { id: 1 } };
  for (const [format, mod] of [["ESM", core], ["CJS", coreCjs]]) {
    const normalized = mod.normalizeLog(entry);
    const reader = mod.createEntryReader({ fields: { password: { redact: true } } });
    const text = reader.describe(normalized.entry).getFullSummaryText();
    check(!text.includes("hunter2") && text.includes("(hidden)"), `${format} core: a server computes a redacted summary ("${text}")`);
  }
} catch (error) {
  check(false, `core: importing dist/core in Node throws: ${String(error)}`);
}

// 3. Both formats load in Node and expose the same runtime exports.
/** @param {Record<string, unknown>} mod */
const exportNames = (mod) =>
  Object.keys(mod)
    .filter((name) => name !== "default" && name !== "__esModule" && name !== "module.exports")
    .sort();

/** @type {string[] | undefined} */
let esmNames;
/** @type {string[] | undefined} */
let cjsNames;
try {
  esmNames = exportNames(await import(pathToFileURL(file("index.js")).href));
  check(true, `ESM: import("./dist/index.js") works (${esmNames.length} exports)`);
} catch (error) {
  check(false, `ESM: import("./dist/index.js") throws: ${String(error)}`);
}
try {
  const require = createRequire(import.meta.url);
  cjsNames = exportNames(require(file("index.cjs")));
  check(true, `CJS: require("./dist/index.cjs") works (${cjsNames.length} exports)`);
} catch (error) {
  check(false, `CJS: require("./dist/index.cjs") throws: ${String(error)}`);
}
if (esmNames && cjsNames) {
  const onlyEsm = esmNames.filter((name) => !cjsNames.includes(name));
  const onlyCjs = cjsNames.filter((name) => !esmNames.includes(name));
  check(
    onlyEsm.length === 0 && onlyCjs.length === 0,
    "ESM and CJS expose the same export names" +
      (onlyEsm.length ? `; only in ESM: ${onlyEsm.join(", ")}` : "") +
      (onlyCjs.length ? `; only in CJS: ${onlyCjs.join(", ")}` : ""),
  );
  for (const name of REQUIRED_EXPORTS) {
    check(esmNames.includes(name) && cjsNames.includes(name), `both formats export ${name}`);
  }
  console.log(`  exports: ${esmNames.join(", ")}`);
}

// 4. Size of the kit's own code: the whole kit, and an app that imports RecordDiff only
// (tree-shaken by esbuild from the built file, as an app's bundler would).
const gzipSize = (/** @type {string} */ code) => gzipSync(code, { level: 9 }).length;
const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`;
/** The gzipped size of what an app's bundler ships for `contents` (an entry importing from dist), minified. */
const bundledSize = async (/** @type {string} */ contents) => {
  const result = await build({ stdin: { contents, resolveDir: root, loader: "js" }, bundle: true, write: false, minify: true, format: "esm", target: "es2022", external: EXTERNAL, logLevel: "silent" });
  return gzipSize(result.outputFiles[0].text);
};
// The ESM build shares the core between two entries (a chunk): bundle the kit whole.
const wholeBytes = await bundledSize(`export * from ${JSON.stringify(file("index.js"))};`);
check(wholeBytes < MAX_WHOLE_KIT_GZIP_BYTES, `whole kit (dist/index.js) minified and gzipped: ${kB(wholeBytes)} (${wholeBytes} bytes; limit ${kB(MAX_WHOLE_KIT_GZIP_BYTES)})`);
const recordDiffBytes = await bundledSize(`export { RecordDiff } from ${JSON.stringify(file("index.js"))};`);
check(
  recordDiffBytes < MAX_RECORD_DIFF_GZIP_BYTES,
  `an app importing only RecordDiff ships ${kB(recordDiffBytes)} of the kit, minified and gzipped (${recordDiffBytes} bytes; limit ${kB(MAX_RECORD_DIFF_GZIP_BYTES)})`,
);

if (failures.length) {
  console.error(`\n${failures.length} package check(s) failed.`);
  process.exit(1);
}
console.log("\nPackage checks passed.");
