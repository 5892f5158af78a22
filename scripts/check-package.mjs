#!/usr/bin/env node
// Checks the tsup output (run after `tsup`): both bundles load in Node and agree on their
// exports, type declarations and styles.css exist, the "use client" directive survived,
// and the ESM bundle stays small.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { transform } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
// The kit's own code (peers and jsondiffpatch are external), minified and gzipped as an
// app's bundler ships it. A budget against regressions: the 15 kB target of the
// performance issue is not met yet (see CHANGELOG), so this sits just above today's size.
const MAX_GZIP_BYTES = 30_000;
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
for (const name of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "styles.css"]) {
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

// 4. Size of the kit's own code.
const { code: minified } = await transform(readFileSync(file("index.js"), "utf8"), { minify: true, format: "esm", target: "es2022" });
const gzipBytes = gzipSync(minified, { level: 9 }).length;
const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`;
check(
  gzipBytes < MAX_GZIP_BYTES,
  `dist/index.js minified and gzipped: ${kB(gzipBytes)} (${gzipBytes} bytes; limit ${kB(MAX_GZIP_BYTES)})`,
);

if (failures.length) {
  console.error(`\n${failures.length} package check(s) failed.`);
  process.exit(1);
}
console.log("\nPackage checks passed.");
