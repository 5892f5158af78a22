#!/usr/bin/env node
// The single `npm test` entry: typecheck, all vitest projects, the demo's tests, package
// checks, and the packed package in a fresh consumer app.
// Each step prints a header; the first failing step stops the run with its exit code.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./chromium.mjs";
import { ensureChromium } from "./install-chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const isWindows = process.platform === "win32";

const env = {
  ...process.env,
  // Local binaries first (tsc, vitest, tsup, publint, attw), like `npm run` does.
  PATH: [path.join(root, "node_modules", ".bin"), process.env.PATH].join(path.delimiter),
  // Offline machines: Storybook must not phone home (also set in .storybook/main.ts).
  STORYBOOK_DISABLE_TELEMETRY: "1",
};

/** @param {string} title */
function header(title) {
  const line = "=".repeat(Math.max(20, title.length + 8));
  console.log(`\n${line}\n=== ${title}\n${line}`);
}

/**
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 */
function step(title, command, args) {
  header(title);
  console.log(`$ ${[command, ...args].join(" ")}`);
  const started = Date.now();
  // On Windows the .bin entries are .cmd shims, which need a shell.
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit", shell: isWindows });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) {
    console.error(`\n✗ ${title}: could not start "${command}": ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    const why = result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    console.error(`\n✗ ${title} failed (${why}) after ${seconds}s`);
    process.exit(result.status || 1);
  }
  console.log(`✓ ${title} (${seconds}s)`);
}

const startedAll = Date.now();

step("Typecheck", "tsc", ["--noEmit", "-p", "."]);
// The demo app (examples/demo) has its own tsconfig: it imports the kit from source.
step("Typecheck demo", "tsc", ["--noEmit", "-p", "examples/demo"]);

// Browser-mode projects need a real Chromium (playwright cannot download one here):
// installed with apt-get when missing and possible (root), else the exact commands are printed.
header("Chromium");
const chromiumStatus = ensureChromium();
if (chromiumStatus !== 0) process.exit(chromiumStatus);
console.log(`✓ Chromium: ${chromiumPath}`);

// One vitest invocation for the projects: one vite server, one summary
// ("Test Files …" / "Tests  N passed" lines are what CI reads). The storybook project also
// compares each story's screenshot with its baseline in stories/__baselines__ (README,
// "Visual checks"); a missing baseline fails here, it is written only by
// `npm run test:visual:update`.
step("Tests (vitest: unit, browser, browser-dark-os, storybook with visual checks)", "vitest", [
  "run",
  "--project",
  "unit",
  "--project",
  "browser",
  "--project",
  "browser-dark-os",
  "--project",
  "storybook",
]);

// The demo end to end: its REST server over plain HTTP, then the built app in Chromium
// (create, edit, live timeline, rename, history table filter, CSV export; German, photos,
// categories by title), then in Refine's Ant Design and MUI layouts (--ui antd|mui: the
// framework's table, dark mode, German). Temporary database and build folder; the dev
// database in examples/demo/data is never touched.
step("Demo: server and end-to-end tests (node --test, Chromium)", process.execPath, [
  "--test",
  "--test-concurrency=1",
  // A hang (a build, a browser) fails the step instead of stalling CI.
  "--test-timeout=240000",
  "--test-reporter=spec",
  path.join("examples", "demo", "test", "server.test.mjs"),
  path.join("examples", "demo", "test", "e2e.test.mjs"),
  path.join("examples", "demo", "test", "readable-values.test.mjs"),
  path.join("examples", "demo", "test", "ui-shells.test.mjs"),
]);

step("Build (tsup)", "tsup", []);
step("Lint package (publint --strict)", "publint", ["--strict"]);
// All rules stay on (no --ignore-rules): the node16 profile checks node16-cjs, node16-esm
// and bundler resolution of "." and "./package.json". Only the "./styles.css" entry point
// is left out: it is a stylesheet, so it can never resolve to JS or type declarations and
// attw would report "no-resolution" for it. Excluding that one entry point (rather than
// ignoring the rule) keeps "no-resolution" armed for the real entry points.
step("Check types resolution (attw)", "attw", [
  "--pack",
  ".",
  "--profile",
  "node16",
  "--exclude-entrypoints",
  "./styles.css",
]);
step("Check built package in Node", process.execPath, [path.join(root, "scripts", "check-package.mjs")]);
// The package as a user gets it: the packed tarball installed by npm in a fresh Vite +
// Refine app in a temporary folder (React 19, then 18): types, production and development
// builds in Chromium, server rendering in plain Node (ESM and CJS), the /core entry.
step("Consumer app from the packed tarball (React 19 and 18, Chromium, SSR)", process.execPath, [path.join(root, "scripts", "consumer-test.mjs")]);

console.log(`\nAll checks passed in ${((Date.now() - startedAll) / 1000).toFixed(1)}s.`);
