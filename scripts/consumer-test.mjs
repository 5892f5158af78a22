#!/usr/bin/env node
// The package as a user gets it (run after `tsup`): `npm pack` the kit into a temporary
// folder outside the repository, create a fresh Vite + React + Refine v5 app there that
// installs the tarball with npm (its own node_modules, nothing from the repository's), and
// check, for React 19 and then React 18 in the same app:
// - the app type-checks against the published `.d.ts` (tsc, strict, the kit's .d.ts too);
// - `vite build` bundles it with "refine-audit-trail/styles.css", in production and in
//   development (development React reports what production hides; <StrictMode> is on);
// - in Chromium, every public component renders its ready state inside <Refine> with an
//   in-memory audit log provider and data provider (timeline, table, diff, rename,
//   compare, field history, restore, revert), a rename and a restore go through the
//   providers, and the page logs no error;
// - server-side rendering in plain Node (no DOM, `window` never defined): every component
//   renders to a string inside <Refine> (and outside it), through `import` (dist/index.js)
//   and through `require` (dist/index.cjs);
// - `refine-audit-trail/core` works in plain Node, imported and required.
// The temporary folder is removed on success and kept (its path printed) on failure.
//
//   node scripts/consumer-test.mjs          (npm run test:consumer builds first)
//   KEEP_CONSUMER_APP=1 node scripts/...    keeps the folder even on success
import { spawn } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, chromiumPath } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const startedAll = Date.now();
/** The packages the app installs at the exact versions the repository's lockfile resolves. */
const LOCKED = ["react", "react-dom", "@refinedev/core", "@tanstack/react-query", "vite", "@vitejs/plugin-react", "typescript", "@types/react", "@types/react-dom"];
/** What the second pass installs: the oldest React major the kit declares (`react: ^18 || ^19`). */
const REACT_18 = ["react@^18", "react-dom@^18", "@types/react@^18", "@types/react-dom@^18"];
/** Per command: a hung install or build fails the step instead of stalling CI. */
const COMMAND_TIMEOUT_MS = 180_000;
const BROWSER_TIMEOUT_MS = 15_000;
const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];

// ---------------------------------------------------------------------------------------
// Progress, failure, child processes

const seconds = (/** @type {number} */ since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
/** @param {string} message */
const log = (message) => console.log(`[consumer ${seconds(startedAll).padStart(6)}] ${message}`);

class ConsumerError extends Error {}
/** @param {string} message @returns {never} */
function fail(message) {
  throw new ConsumerError(message);
}

/**
 * Runs one phase with a progress line and its duration.
 * @template T
 * @param {string} title
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function phase(title, work) {
  const started = Date.now();
  const result = await work();
  log(`✓ ${title} (${seconds(started)})${typeof result === "string" && result ? `: ${result}` : ""}`);
  return result;
}

/**
 * The environment of every command run in the app: the repository's tools and settings
 * stay out. `npm run` exports its own context (npm_config_local_prefix points at the
 * repository, npm_package_*), scripts/test.mjs puts node_modules/.bin first on the PATH,
 * and NODE_PATH would let Node resolve packages from elsewhere.
 */
function appEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|command$|config_local_prefix$|config_loglevel$)/i.test(key) || key === "NODE_PATH" || key === "INIT_CWD") continue;
    env[key] = value;
  }
  const inRepo = (/** @type {string} */ entry) => path.resolve(entry) === root || path.resolve(entry).startsWith(root + path.sep);
  env.PATH = (process.env.PATH ?? "").split(path.delimiter).filter((entry) => entry && !inRepo(entry)).join(path.delimiter);
  return env;
}

/**
 * Runs a command, its output captured; on failure (unless `allowFailure`) the error
 * carries the output's tail.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, allowFailure?: boolean }} options
 * @returns {Promise<{ stdout: string, stderr: string, code: number | null }>}
 */
function run(command, args, { cwd, env = appEnv(), allowFailure = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), COMMAND_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new ConsumerError(`could not start "${command}": ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0 || (allowFailure && !signal)) return resolve({ stdout, stderr, code });
      const why = signal ? `killed by ${signal}${signal === "SIGKILL" ? ` (timeout ${COMMAND_TIMEOUT_MS / 1000}s)` : ""}` : `exit code ${code}`;
      const output = `${stdout}\n${stderr}`.trim().split("\n").slice(-60).join("\n");
      reject(new ConsumerError(`\`${[command, ...args].join(" ")}\` failed in ${cwd} (${why}):\n${output}`));
    });
  });
}

// ---------------------------------------------------------------------------------------
// The app's files. One scene (src/scene.tsx) lists every public component with its props:
// Vite bundles it for the browser, tsc type-checks it, and TypeScript's transpileModule
// turns it into plain ESM and CJS (imports left as they are) for the server-side checks.

const SCENE_TSX = `import { Refine, type BaseKey, type BaseRecord, type DataProvider } from "@refinedev/core";
import { useState, version, type ReactElement, type ReactNode } from "react";
import {
  AuditLogTable,
  AuditTimeline,
  CompareVersions,
  FieldHistory,
  RecordDiff,
  RenameLogEntry,
  RestoreVersion,
  RevertChange,
  createInMemoryAuditLogProvider,
  normalizeLog,
  type AuditLogEntry,
  type InMemoryLogRow,
} from "refine-audit-trail";

const at = (minute: number) => new Date(Date.UTC(2024, 10, 3, 10, minute)).toISOString();

/** Product 7's history: created, price lowered (a named version), renamed. */
export const logRows: InMemoryLogRow[] = [
  { id: 1, resource: "products", action: "create", createdAt: at(0), author: { name: "Ada" }, data: { name: "Lamp", price: 45, stock: 3 }, meta: { id: 7 } },
  { id: 2, resource: "products", action: "update", createdAt: at(5), author: { name: "Ben" }, data: { price: 39 }, previousData: { price: 45 }, meta: { id: 7 }, name: "Launch price" },
  { id: 3, resource: "products", action: "update", createdAt: at(10), author: { name: "Cleo" }, data: { name: "Arc lamp" }, previousData: { name: "Lamp" }, meta: { id: 7 } },
];

const toEntry = (row: unknown): AuditLogEntry => {
  const result = normalizeLog(row);
  if (!result.ok) throw new Error("fixture row could not be read");
  return result.entry;
};

/** A data provider over one in-memory table, as small as an app's test double. */
export function createMemoryDataProvider(): DataProvider {
  const products: BaseRecord[] = [{ id: 7, name: "Arc lamp", price: 39, stock: 3 }];
  const find = (id: BaseKey | undefined) => products.find((row) => String(row.id) === String(id));
  return {
    getApiUrl: () => "",
    getList: async () => ({ data: products.map((row) => ({ ...row })) as never, total: products.length }),
    getOne: async ({ id }) => {
      const row = find(id);
      if (!row) throw Object.assign(new Error("Not found"), { statusCode: 404 });
      return { data: { ...row } as never };
    },
    create: async ({ variables }) => {
      const row = { ...(variables as BaseRecord), id: products.length + 100 };
      products.push(row);
      return { data: { ...row } as never };
    },
    update: async ({ id, variables }) => {
      const row = find(id);
      if (!row) throw Object.assign(new Error("Not found"), { statusCode: 404 });
      Object.assign(row, variables);
      return { data: { ...row } as never };
    },
    deleteOne: async ({ id }) => ({ data: { id } as never }),
  };
}

/** One public component as an app renders it. */
export interface SceneComponent {
  name: string;
  render: () => ReactElement;
}

export const components: SceneComponent[] = [
  { name: "AuditTimeline", render: () => <AuditTimeline resource="products" id={7} /> },
  { name: "AuditLogTable", render: () => <AuditLogTable resource="products" /> },
  {
    name: "RecordDiff",
    render: () => <RecordDiff previousData={{ name: "Lamp", price: 45, stock: 3 }} data={{ name: "Arc lamp", price: 39, stock: 3 }} />,
  },
  { name: "RenameLogEntry", render: () => <RenameLogEntry log={logRows[1]} /> },
  { name: "CompareVersions", render: () => <CompareVersions resource="products" id={7} defaultFrom={1} /> },
  { name: "FieldHistory", render: () => <FieldHistory resource="products" id={7} field="price" /> },
  { name: "RestoreVersion", render: () => <RestoreVersion resource="products" id={7} entry={toEntry(logRows[0])} /> },
  { name: "RevertChange", render: () => <RevertChange resource="products" id={7} entry={toEntry(logRows[2])} changeKey="name" fieldLabel="Name" /> },
];

/** A fresh \`<Refine>\` with fresh providers around \`children\`. */
export function InRefine({ children }: { children: ReactNode }) {
  const [providers] = useState(() => ({ auditLogProvider: createInMemoryAuditLogProvider({ initial: logRows }), dataProvider: createMemoryDataProvider() }));
  return (
    <Refine auditLogProvider={providers.auditLogProvider} dataProvider={providers.dataProvider} options={{ disableTelemetry: true }}>
      {children}
    </Refine>
  );
}

/** Every component in its own section (\`data-testid\` = its name), all inside one \`<Refine>\`. */
export function App() {
  return (
    <InRefine>
      <main data-react-version={version}>
        {components.map(({ name, render }) => (
          <section key={name} data-testid={name}>
            <h2>{name}</h2>
            {render()}
          </section>
        ))}
      </main>
    </InRefine>
  );
}
`;

const MAIN_TSX = `import "refine-audit-trail/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./scene";

// The harness checks it ran the build it meant to (production, or development React).
document.documentElement.dataset.mode = import.meta.env.MODE;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`;

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="data:," />
    <title>refine-audit-trail consumer</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`;

const VITE_CONFIG = `import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({ plugins: [react()], logLevel: "warn", build: { chunkSizeWarningLimit: 4000 } });
`;

// What Vite's react-ts template holds: strict, `vite/client` types (they declare `*.css`
// imports), skipLibCheck. The check runs tsc with `--skipLibCheck false` so the kit's own
// .d.ts are checked against the app's React types, and counts only errors in src/ and in
// the kit: @refinedev/core's .d.ts fail in any app (graphql, papaparse, "@definitions/index").
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "ESNext",
    moduleResolution: "bundler",
    jsx: "react-jsx",
    strict: true,
    noEmit: true,
    isolatedModules: true,
    skipLibCheck: true,
    types: ["vite/client"],
  },
  include: ["src"],
};

// scene.tsx → ssr/scene.mjs and ssr/scene.cjs, imports kept as bare specifiers, so plain
// Node resolves them from the app's node_modules (no bundler in between).
const TRANSPILE_MJS = `import ts from "typescript";
import { readFileSync, writeFileSync } from "node:fs";

const source = readFileSync("src/scene.tsx", "utf8");
for (const [extension, module] of [["mjs", ts.ModuleKind.ESNext], ["cjs", ts.ModuleKind.CommonJS]]) {
  const { outputText } = ts.transpileModule(source, {
    fileName: "scene.tsx",
    compilerOptions: { module, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, esModuleInterop: true },
  });
  writeFileSync(\`ssr/scene.\${extension}\`, outputText);
}
`;

// The server-side check, shared by the ESM and the CJS runner: load, render every component
// to a string inside <Refine> and outside it, and report as JSON. `window` and `document`
// must stay undefined from start to end (checked after every load and every render).
const SSR_RUN_CJS = `"use strict";
module.exports = async function run({ format, load, resolve, scene: scenePath }) {
  const problems = [];
  const logged = [];
  const noDom = (when) => {
    for (const name of ["window", "document"]) if (typeof globalThis[name] !== "undefined") problems.push(\`\${name} is defined \${when}\`);
  };
  for (const level of ["error", "warn"]) {
    console[level] = (...args) => logged.push(\`console.\${level}: \${args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" ")}\`);
  }
  const results = [];
  const resolved = {};
  let reactVersion;
  try {
    noDom("at start");
    const React = await load("react");
    reactVersion = (React.default ?? React).version;
    const server = await load("react-dom/server");
    const renderToString = server.renderToString ?? server.default.renderToString;
    noDom("after loading react-dom/server");
    const kit = await load("refine-audit-trail");
    noDom("after loading refine-audit-trail");
    if (typeof kit.RecordDiff !== "function" && typeof kit.RecordDiff !== "object") problems.push("refine-audit-trail exports no RecordDiff");
    const scene = await load(scenePath);
    noDom("after loading the scene");
    const { createElement } = React.default ?? React;
    for (const item of scene.components) {
      for (const where of ["inside", "outside"]) {
        const element = where === "inside" ? createElement(scene.InRefine, null, item.render()) : item.render();
        try {
          results.push({ name: item.name, where, html: renderToString(element) });
        } catch (error) {
          results.push({ name: item.name, where, error: error && error.stack ? error.stack : String(error) });
        }
        noDom(\`after rendering <\${item.name}> \${where} <Refine>\`);
      }
    }
    for (const name of ["refine-audit-trail", "react", "react-dom/server", "@refinedev/core", "@tanstack/react-query", "@tanstack/react-table", "jsondiffpatch"]) {
      try {
        resolved[name] = resolve(name);
      } catch (error) {
        resolved[name] = \`unresolved: \${error.message}\`;
      }
    }
  } catch (error) {
    problems.push(\`loading threw: \${error && error.stack ? error.stack : String(error)}\`);
  }
  noDom("at the end");
  process.stdout.write(JSON.stringify({ format, reactVersion, resolved, results, problems, logged }));
};
`;

const SSR_ESM = `import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const run = createRequire(import.meta.url)("./run.cjs");
await run({ format: "esm", load: (specifier) => import(specifier), resolve: (specifier) => fileURLToPath(import.meta.resolve(specifier)), scene: "./scene.mjs" });
`;

const SSR_CJS = `"use strict";
const run = require("./run.cjs");
run({ format: "cjs", load: async (specifier) => require(specifier), resolve: (specifier) => require.resolve(specifier), scene: "./scene.cjs" });
`;

// The pure layer on a server: no React, no DOM. A redacted summary proves the policy ran.
const CORE_CHECK = (/** @type {"esm" | "cjs"} */ format) => `${format === "esm" ? 'import * as core from "refine-audit-trail/core";' : '"use strict";\nconst core = require("refine-audit-trail/core");'}
const row = { id: 1, resource: "users", action: "update", createdAt: "2024-05-01T10:00:00Z", data: { password: "hunter2", name: "Ada" }, previousData: {}, meta: { id: 1 } };
const normalized = core.normalizeLog(row);
if (!normalized.ok) throw new Error("normalizeLog could not read the row");
const text = core.createEntryReader({ fields: { password: { redact: true } } }).describe(normalized.entry).getFullSummaryText();
if (text.includes("hunter2") || !text.includes("(hidden)")) throw new Error(\`unexpected summary: \${text}\`);
if (typeof window !== "undefined" || typeof document !== "undefined") throw new Error("window or document got defined");
const resolved = ${format === "esm" ? 'new URL(import.meta.resolve("refine-audit-trail/core")).pathname' : 'require.resolve("refine-audit-trail/core")'};
process.stdout.write(JSON.stringify({ text, resolved }));
`;

// ---------------------------------------------------------------------------------------
// What each component must show

/**
 * The browser's ready states, per section of the page. `ready` must match inside the
 * section; `counts` are exact; `texts` must appear in the section's text.
 * @type {{ name: string, ready: string, counts?: [string, number][], texts?: string[] }[]}
 */
const BROWSER_CHECKS = [
  {
    name: "AuditTimeline",
    ready: '[data-scope="audit-timeline"][data-part="root"][data-state="ready"]',
    counts: [['[data-scope="audit-timeline"][data-part="entry"]', 3]],
    texts: ["Ada", "Ben", "Cleo", "Launch price"],
  },
  {
    name: "AuditLogTable",
    ready: '[data-scope="audit-log-table"][data-part="root"][data-state="ready"]',
    counts: [['[data-scope="audit-log-table"][data-part="row"]', 3]],
    texts: ["Ada", "Launch price"],
  },
  {
    name: "RecordDiff",
    ready: '[data-scope="record-diff"][data-part="root"]',
    counts: [
      ['[data-scope="record-diff"][data-part="field"][data-change="changed"]', 2],
      ['[data-scope="record-diff"][data-part="field"][data-path="price"] del[data-part="before"]', 1],
      ['[data-scope="record-diff"][data-part="field"][data-path="price"] ins[data-part="after"]', 1],
    ],
    texts: ["45", "39"],
  },
  {
    name: "RenameLogEntry",
    ready: '[data-scope="rename-log-entry"][data-part="root"][data-state="idle"][data-named]',
    counts: [['[data-scope="rename-log-entry"][data-part="trigger"]', 1]],
    texts: ["Launch price"],
  },
  {
    name: "CompareVersions",
    ready: '[data-scope="compare-versions"][data-part="root"][data-state="ready"]',
    counts: [['[data-scope="record-diff"][data-part="field"][data-change="changed"]', 2]],
    texts: ["Lamp", "Arc lamp"],
  },
  {
    name: "FieldHistory",
    ready: '[data-scope="field-history"][data-part="root"][data-state="ready"]',
    counts: [['[data-scope="field-history"][data-part="point"]', 2]],
    texts: ["45", "39"],
  },
  {
    name: "RestoreVersion",
    ready: '[data-scope="write-back"][data-part="root"][data-action="restore"][data-state="idle"]',
    counts: [['[data-scope="write-back"][data-part="trigger"]:not([aria-disabled])', 1]],
  },
  {
    name: "RevertChange",
    ready: '[data-scope="write-back"][data-part="root"][data-action="revert"][data-state="idle"]',
    counts: [['[data-scope="write-back"][data-part="trigger"]:not([aria-disabled])', 1]],
  },
];

/**
 * The root's `data-state` each component renders on the server: inside <Refine> the
 * queries have not run (`loading`; seeing `unconfigured` there would mean the kit missed
 * Refine's QueryClient, e.g. two copies of @tanstack/react-query); outside, `unconfigured`.
 * `texts` must appear in the markup.
 * @type {Record<string, { scope: string, inside: string, outside: string, texts?: string[], outsideTexts?: string[] }>}
 */
const SSR_EXPECTED = {
  AuditTimeline: { scope: "audit-timeline", inside: "loading", outside: "unconfigured" },
  AuditLogTable: { scope: "audit-log-table", inside: "loading", outside: "unconfigured" },
  RecordDiff: { scope: "record-diff", inside: "", outside: "", texts: ["Arc lamp", "45", "39"], outsideTexts: ["Arc lamp", "45", "39"] },
  RenameLogEntry: { scope: "rename-log-entry", inside: "idle", outside: "idle", texts: ["Launch price"], outsideTexts: ["Launch price"] },
  CompareVersions: { scope: "compare-versions", inside: "loading", outside: "unconfigured" },
  FieldHistory: { scope: "field-history", inside: "loading", outside: "unconfigured" },
  RestoreVersion: { scope: "write-back", inside: "idle", outside: "idle", texts: ["Restore this version"] },
  RevertChange: { scope: "write-back", inside: "idle", outside: "idle", texts: ["Revert"] },
};

/**
 * Problems of the kit (src/) that are reported but not fixed yet. Each is tolerated, with a
 * warning line, only while it shows exactly as described; delete its entry once src/ is
 * fixed and the check applies in full.
 * @type {Partial<Record<"writeBackOutsideRefine" | "restoreUnderStrictMode", { note: string }>>}
 */
const KNOWN_PROBLEMS = {
  // None now. Both problems this step found are fixed in src/versions/WriteBack.tsx (outside
  // <Refine> the triggers render disabled; under <StrictMode> a remount plans again).
};
/** The known problems met in this run, each said once. */
const tolerated = new Set();
/** @param {string} line */
function tolerate(line) {
  if (!tolerated.has(line)) log(`⚠ known problem, tolerated until src/ is fixed: ${line}`);
  tolerated.add(line);
}

// ---------------------------------------------------------------------------------------
// The steps

/** Exact versions from the repository's lockfile. */
function lockedVersions() {
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  /** @type {Record<string, string>} */
  const versions = {};
  for (const name of LOCKED) {
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) fail(`package-lock.json resolves no version of ${name}: run npm install in the repository`);
    versions[name] = version;
  }
  return versions;
}

/** @param {string} dir */
async function packKit(dir) {
  const required = ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "core.js", "core.cjs", "core.d.ts", "core.d.cts", "styles.css"];
  const missing = required.filter((name) => !existsSync(path.join(root, "dist", name)));
  if (missing.length) fail(`dist/ lacks ${missing.join(", ")}: build first (npm run build, or npm run test:consumer)`);
  const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir, "--loglevel=error"], { cwd: root });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf("[")));
  const files = packed.files.map((/** @type {{ path: string }} */ file) => file.path);
  const absent = ["package.json", "README.md", ...required.map((name) => `dist/${name}`)].filter((name) => !files.includes(name));
  if (absent.length) fail(`the tarball lacks ${absent.join(", ")} (package.json "files")`);
  const stray = files.filter((/** @type {string} */ name) => !name.startsWith("dist/") && !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.md)?)$/i.test(name));
  if (stray.length) fail(`the tarball holds files a user does not need: ${stray.join(", ")}`);
  return { filename: /** @type {string} */ (packed.filename), summary: `${packed.filename} (${(packed.size / 1000).toFixed(0)} kB, ${files.length} files)` };
}

/** @param {string} app @param {string} tarball @param {Record<string, string>} versions */
async function writeApp(app, tarball, versions) {
  await mkdir(path.join(app, "src"), { recursive: true });
  await mkdir(path.join(app, "ssr"), { recursive: true });
  await mkdir(path.join(app, "tools"), { recursive: true });
  const pick = (/** @type {string[]} */ names) => Object.fromEntries(names.map((name) => [name, versions[name]]));
  const packageJson = {
    name: "refine-audit-trail-consumer",
    private: true,
    version: "0.0.0",
    type: "module",
    dependencies: { "refine-audit-trail": `file:../${tarball}`, ...pick(["react", "react-dom", "@refinedev/core", "@tanstack/react-query"]) },
    devDependencies: pick(["vite", "@vitejs/plugin-react", "typescript", "@types/react", "@types/react-dom"]),
  };
  /** @type {[string, string][]} */
  const files = [
    ["package.json", `${JSON.stringify(packageJson, null, 2)}\n`],
    ["tsconfig.json", `${JSON.stringify(TSCONFIG, null, 2)}\n`],
    ["vite.config.js", VITE_CONFIG],
    ["index.html", INDEX_HTML],
    ["src/scene.tsx", SCENE_TSX],
    ["src/main.tsx", MAIN_TSX],
    ["tools/transpile.mjs", TRANSPILE_MJS],
    ["ssr/run.cjs", SSR_RUN_CJS],
    ["ssr/esm.mjs", SSR_ESM],
    ["ssr/cjs.cjs", SSR_CJS],
    ["ssr/core.mjs", CORE_CHECK("esm")],
    ["ssr/core.cjs", CORE_CHECK("cjs")],
  ];
  for (const [name, text] of files) await writeFile(path.join(app, name), text);
}

/**
 * The install is the app's own: nothing above it holds a node_modules folder, the kit is a
 * copy (not a link to the repository), npm ls sees no problem, and the packages holding
 * shared state have one copy each (two Reacts, or two @tanstack/react-query, break hooks
 * and context). The server-side checks also assert where each package resolved.
 * @param {string} app
 */
async function checkHermetic(app) {
  for (let dir = path.dirname(app); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "node_modules"))) fail(`${path.join(dir, "node_modules")} exists above the app: its install would not be hermetic`);
    if (path.dirname(dir) === dir) break;
  }
  const kit = realpathSync(path.join(app, "node_modules", "refine-audit-trail"));
  if (!kit.startsWith(app + path.sep)) fail(`node_modules/refine-audit-trail resolves to ${kit}, outside the app (a link to the repository?)`);
  const { stdout } = await run("npm", ["ls", "--all", "--json", "--loglevel=error"], { cwd: app }).catch((error) => fail(`npm ls reports a broken tree:\n${error.message}`));
  const tree = JSON.parse(stdout);
  /** @type {Map<string, Set<string>>} */
  const seen = new Map();
  /** @param {Record<string, any> | undefined} dependencies */
  const walk = (dependencies) => {
    for (const [name, node] of Object.entries(dependencies ?? {})) {
      if (node.version) seen.set(name, (seen.get(name) ?? new Set()).add(node.version));
      walk(node.dependencies);
    }
  };
  walk(tree.dependencies);
  // Shared state (React, Refine's contexts, the QueryClient) needs one copy; the kit's own
  // dependencies may legitimately be nested (an app on @tanstack/react-table 8).
  const singletons = ["react", "react-dom", "@refinedev/core", "@tanstack/react-query"];
  const duplicated = singletons.filter((name) => (seen.get(name)?.size ?? 0) > 1).map((name) => `${name} (${[...(seen.get(name) ?? [])].join(", ")})`);
  if (duplicated.length) fail(`several copies installed: ${duplicated.join("; ")}`);
  if (tree.problems?.length) fail(`npm ls reports: ${tree.problems.join("; ")}`);
  return [...singletons, "@tanstack/react-table", "jsondiffpatch"].map((name) => `${name} ${[...(seen.get(name) ?? ["missing"])].join(" + ")}`).join(", ");
}

/** @param {string} dir the folder to serve */
function serveStatic(dir) {
  /** @type {Record<string, string>} */
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };
  const server = http.createServer(async (request, response) => {
    let pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir + path.sep)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((/** @type {(value: { url: string, close: () => Promise<void> }) => void} */ resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = /** @type {import("node:net").AddressInfo} */ (server.address());
      resolve({ url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/**
 * The built app in Chromium: every component reaches its ready state; a rename and a
 * restore go through the providers; no page error, console error or failed request.
 * @param {string} dist the built app
 * @param {string} major the React major the page must run
 * @param {string} mode the Vite mode it was built in
 */
async function checkInBrowser(dist, major, mode) {
  const label = `React ${major}, ${mode} build`;
  const server = await serveStatic(dist);
  const browser = await chromium.launch(chromiumLaunchOptions());
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} */
  const warnings = [];
  let restored = "restore written";
  try {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC" });
    const page = await context.newPage();
    page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
    page.on("pageerror", (error) => problems.push(`page error: ${error.stack ?? error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
      if (message.type() === "warning") warnings.push(message.text().split("\n")[0]);
    });
    page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(server.url);

    const version = await page.locator("main[data-react-version]").getAttribute("data-react-version");
    if (!version?.startsWith(`${major}.`)) fail(`the page runs React ${version}, not React ${major}`);
    const pageMode = await page.locator("html").getAttribute("data-mode");
    if (pageMode !== mode) fail(`the page was built in mode ${pageMode}, not ${mode}`);
    const styled = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => /data-scope=["']?record-diff/.test(rule.cssText))),
    );
    if (!styled) fail('refine-audit-trail/styles.css is not in the page (no rule selects [data-scope="record-diff"])');

    for (const check of BROWSER_CHECKS) {
      const ok = await page
        .waitForFunction(
          ({ name, ready, counts = [], texts = [] }) => {
            const section = document.querySelector(`[data-testid="${name}"]`);
            if (!section?.querySelector(ready)) return false;
            if (counts.some(([selector, count]) => section.querySelectorAll(selector).length !== count)) return false;
            return texts.every((text) => section.textContent?.includes(text));
          },
          check,
          { timeout: BROWSER_TIMEOUT_MS },
        )
        .then(() => true)
        .catch(() => false);
      if (!ok) {
        const html = await page.locator(`[data-testid="${check.name}"]`).evaluate((node) => node.outerHTML).catch(() => "(section not found)");
        fail(`<${check.name}> did not reach its ready state (${check.ready}${check.counts ? `, ${check.counts.map(([s, n]) => `${n} × ${s}`).join(", ")}` : ""}${check.texts ? `, texts ${check.texts.join(", ")}` : ""}) within ${BROWSER_TIMEOUT_MS / 1000}s. Its markup:\n${html.slice(0, 3000)}`);
      }
    }

    // A rename: the provider's update, then the name everywhere the entry shows.
    const rename = page.locator('[data-testid="RenameLogEntry"]');
    await rename.locator('[data-part="trigger"]').click();
    await rename.locator('[data-part="input"]').fill("Spring price");
    await rename.locator('[data-part="input"]').press("Enter");
    await rename.locator('[data-part="root"][data-state="idle"] [data-part="name"]', { hasText: "Spring price" }).waitFor();
    await page.locator('[data-testid="AuditTimeline"] [data-scope="audit-timeline"][data-part="entry"]', { hasText: "Spring price" }).waitFor();

    // A restore: the confirmation reads the record (getOne) and shows what will be written;
    // confirming writes it through Refine's useUpdate (the data provider's update).
    const restore = page.locator('[data-testid="RestoreVersion"]');
    await restore.locator('[data-part="trigger"]').click();
    const panel = restore.locator('[data-scope="write-back"][data-part="panel"]');
    await panel.and(page.locator('[data-state="confirming"]')).waitFor();
    await panel.locator('[data-scope="record-diff"][data-part="field"][data-path="price"]').waitFor();
    await panel.locator('[data-part="confirm"]').click();
    const known = mode === "development" ? KNOWN_PROBLEMS.restoreUnderStrictMode : undefined;
    const isWritten = await panel.waitFor({ state: "detached", timeout: known ? 5_000 : BROWSER_TIMEOUT_MS }).then(() => true, () => false);
    if (isWritten) await restore.locator('[data-part="status"]', { hasText: /\S/ }).waitFor();
    else {
      const state = await panel.getAttribute("data-state").catch(() => null);
      if (!known || state !== "confirming") fail(`<RestoreVersion> (${label}): after "Restore" the confirmation stayed open (data-state="${state}"), nothing written`);
      tolerate(`<RestoreVersion> in <StrictMode> (${label}): "Restore" leaves the confirmation open, nothing written (${known.note})`);
      restored = "restore NOT written (known problem)";
      await panel.locator('[data-part="cancel"]').click();
      await panel.waitFor({ state: "detached" });
    }
  } catch (error) {
    if (error instanceof ConsumerError) throw error;
    fail(`browser check (${label}) failed: ${error instanceof Error ? error.message : String(error)}${problems.length ? `\nMeanwhile:\n${problems.join("\n")}` : ""}`);
  } finally {
    await browser.close();
    await server.close();
  }
  if (problems.length) fail(`the page reported problems (${label}):\n${problems.join("\n")}`);
  const warned = warnings.length ? `; ${warnings.length} console warning(s): ${[...new Set(warnings)].join(" | ")}` : "";
  return `${BROWSER_CHECKS.length} components ready, rename written, ${restored}, no console error${warned}`;
}

/**
 * The server-side renders, ESM then CJS.
 * @param {string} app
 * @param {string} major
 */
async function checkServerRendering(app, major) {
  /** @type {string[]} */
  const lines = [];
  for (const [format, script, entry] of [
    ["esm", "ssr/esm.mjs", `${path.sep}dist${path.sep}index.js`],
    ["cjs", "ssr/cjs.cjs", `${path.sep}dist${path.sep}index.cjs`],
  ]) {
    // Development React: its warnings (keys, props, effects on the server) fail the check.
    const { stdout, stderr } = await run(process.execPath, [script], { cwd: app, env: { ...appEnv(), NODE_ENV: "development" } });
    /** @type {{ reactVersion: string, resolved: Record<string, string>, results: { name: string, where: string, html?: string, error?: string }[], problems: string[], logged: string[] }} */
    const report = JSON.parse(stdout);
    const problems = [...report.problems, ...report.logged];
    if (stderr.trim()) problems.push(`stderr: ${stderr.trim()}`);
    if (!report.reactVersion?.startsWith(`${major}.`)) problems.push(`rendered with React ${report.reactVersion}, not ${major}`);
    const kit = report.resolved["refine-audit-trail"] ?? "";
    if (!kit.endsWith(entry)) problems.push(`"refine-audit-trail" resolved to ${kit}, expected …${entry}`);
    for (const [name, file] of Object.entries(report.resolved)) {
      if (!file.startsWith(path.join(app, "node_modules") + path.sep)) problems.push(`${name} resolved outside the app: ${file}`);
    }
    for (const [name, expected] of Object.entries(SSR_EXPECTED)) {
      for (const where of ["inside", "outside"]) {
        const result = report.results.find((candidate) => candidate.name === name && candidate.where === where);
        if (!result) {
          problems.push(`<${name}> ${where} <Refine> was not rendered`);
          continue;
        }
        if (result.html === undefined) {
          const error = result.error ?? "";
          const known = KNOWN_PROBLEMS.writeBackOutsideRefine;
          if (known && where === "outside" && /^(RestoreVersion|RevertChange)$/.test(name) && /No QueryClient set/.test(error)) tolerate(`<${name}> outside <Refine> throws "${error.split("\n")[0]}" (${known.note})`);
          else problems.push(`renderToString(<${name}>) ${where} <Refine> threw: ${error}`);
          continue;
        }
        const { html } = result;
        const rootTag = html.match(new RegExp(`<[a-z]+ [^>]*data-scope="${expected.scope}"[^>]*>`))?.[0];
        const state = where === "inside" ? expected.inside : expected.outside;
        const texts = (where === "inside" ? expected.texts : expected.outsideTexts) ?? [];
        if (!rootTag) problems.push(`<${name}> ${where} <Refine>: no data-scope="${expected.scope}" in ${JSON.stringify(html.slice(0, 300))}`);
        else if (state && !rootTag.includes(`data-state="${state}"`)) problems.push(`<${name}> ${where} <Refine>: root ${rootTag} is not data-state="${state}"`);
        const absent = texts.filter((text) => !html.includes(text));
        if (absent.length) problems.push(`<${name}> ${where} <Refine>: the markup lacks ${absent.map((text) => JSON.stringify(text)).join(", ")}`);
      }
    }
    if (problems.length) fail(`server-side rendering (${format.toUpperCase()}, React ${major}):\n- ${problems.join("\n- ")}`);
    lines.push(`${format.toUpperCase()} ${report.results.length} renders`);
  }
  return `${lines.join(", ")} (inside and outside <Refine>), window never defined`;
}

/** `refine-audit-trail/core` in plain Node, imported and required. @param {string} app */
async function checkCore(app) {
  /** @type {string[]} */
  const lines = [];
  for (const [format, script, entry] of [
    ["ESM", "ssr/core.mjs", "core.js"],
    ["CJS", "ssr/core.cjs", "core.cjs"],
  ]) {
    const { stdout } = await run(process.execPath, [script], { cwd: app });
    const { text, resolved } = JSON.parse(stdout);
    if (!resolved.endsWith(`${path.sep}dist${path.sep}${entry}`)) fail(`${format}: refine-audit-trail/core resolved to ${resolved}, expected dist/${entry}`);
    lines.push(`${format} "${text}"`);
  }
  return lines.join("; ");
}

/**
 * tsc over the app with the libraries' .d.ts checked: errors in the app or in the kit's
 * declarations fail; other packages' are counted (see TSCONFIG).
 * @param {string} app
 */
async function typecheck(app) {
  const { stdout, stderr, code } = await run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", ".", "--skipLibCheck", "false", "--pretty", "false"], { cwd: app, allowFailure: true });
  const output = `${stdout}\n${stderr}`;
  const errors = output.split("\n").filter((line) => /^\S.*\(\d+,\d+\): error TS\d+/.test(line));
  const ours = errors.filter((line) => line.startsWith("src/") || line.startsWith("node_modules/refine-audit-trail/"));
  if (ours.length) fail(`tsc reports errors in the app or in the kit's declarations:\n${ours.join("\n")}`);
  if (code !== 0 && errors.length === 0) fail(`tsc failed:\n${output.trim()}`);
  const others = [...new Set(errors.map((line) => line.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? line))];
  return errors.length ? `${errors.length} error(s) in other packages' .d.ts ignored (${others.join(", ")})` : "";
}

/** One pass over the installed app: types, both builds in Chromium, the server. @param {string} app @param {string} major */
async function checkApp(app, major) {
  await phase(`React ${major}: tsc (strict; the kit's .d.ts checked)`, () => typecheck(app));
  // Production is what users ship; development React reports what production hides
  // (keys, props, StrictMode's double effects).
  for (const mode of ["production", "development"]) {
    const outDir = mode === "production" ? "dist" : "dist-dev";
    await phase(`React ${major}: vite build (${mode})`, async () => {
      const env = { ...appEnv(), NODE_ENV: mode };
      const { stdout, stderr } = await run(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--mode", mode, "--outDir", outDir], { cwd: app, env });
      const warnings = `${stdout}\n${stderr}`.split("\n").filter((line) => /warn|error/i.test(line));
      return warnings.length ? `with output:\n${warnings.join("\n")}` : "";
    });
    await phase(`React ${major}: Chromium (${mode} build)`, () => checkInBrowser(path.join(app, outDir), major, mode));
  }
  await phase(`React ${major}: server-side rendering in plain Node`, () => checkServerRendering(app, major));
}

async function main() {
  if (!existsSync(chromiumPath)) fail(`Chromium is missing at ${chromiumPath}: run npm run setup:chromium (or set CHROMIUM_PATH)`);
  const versions = lockedVersions();
  const base = realpathSync(os.tmpdir());
  if (base === root || base.startsWith(root + path.sep)) fail(`the temporary folder ${base} is inside the repository: set TMPDIR elsewhere`);
  const dir = await mkdtemp(path.join(base, "refine-audit-trail-consumer-"));
  const app = path.join(dir, "app");
  log(`temporary folder: ${dir}`);
  try {
    let filename = "";
    await phase("npm pack", async () => {
      const packed = await packKit(dir);
      filename = packed.filename;
      return packed.summary;
    });
    await writeApp(app, filename, versions);
    await phase("npm install (React 19)", async () => {
      await run("npm", ["install", ...NPM_FLAGS], { cwd: app });
      return LOCKED.map((name) => `${name}@${versions[name]}`).join(" ");
    });
    await phase("hermetic install, one copy of React, Refine and TanStack Query", () => checkHermetic(app));
    await phase("transpile the scene for plain Node (ESM and CJS)", () => run(process.execPath, ["tools/transpile.mjs"], { cwd: app }).then(() => ""));
    await phase("refine-audit-trail/core in plain Node", () => checkCore(app));
    await checkApp(app, "19");

    await phase("npm install React 18", async () => {
      await run("npm", ["install", ...NPM_FLAGS, ...REACT_18], { cwd: app });
      const installed = (/** @type {string} */ name) => JSON.parse(readFileSync(path.join(app, "node_modules", name, "package.json"), "utf8")).version;
      return ["react", "react-dom", "@types/react", "@types/react-dom"].map((name) => `${name}@${installed(name)}`).join(" ");
    });
    await phase("hermetic install, one copy of React, Refine and TanStack Query", () => checkHermetic(app));
    await checkApp(app, "18");
  } catch (error) {
    console.error(`\n✗ consumer test failed after ${seconds(startedAll)}: ${error instanceof ConsumerError ? error.message : error instanceof Error ? error.stack : String(error)}`);
    console.error(`\nThe app is kept for inspection: ${app}\n(remove it with: rm -rf ${dir})`);
    process.exit(1);
  }
  if (tolerated.size) log(`${tolerated.size} known problem(s) of src/ tolerated (see ⚠ above; KNOWN_PROBLEMS in scripts/consumer-test.mjs)`);
  if (process.env.KEEP_CONSUMER_APP) log(`kept (KEEP_CONSUMER_APP): ${app}`);
  else await rm(dir, { recursive: true, force: true });
  const caveat = tolerated.size ? `, but for ${tolerated.size} known problem(s)` : "";
  log(`✓ the packed kit works in a fresh Vite + Refine app with React 19 and 18, in the browser and on the server${caveat} (${seconds(startedAll)})`);
}

await main();
