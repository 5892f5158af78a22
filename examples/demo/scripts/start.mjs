#!/usr/bin/env node
// @ts-check
// `npm start`: the demo's API server and the app's Vite dev server, together, in this process.
//   npm start                  start both (the database is created and seeded on first run)
//   npm start -- --reset       start over from a freshly seeded database
//   npm start -- --ui antd     the app in Refine's Ant Design layout (`mui`: its MUI layout; `plain`, the default: the demo's own)
// Environment: PORT (API, default 4000), DEMO_PORT (app, default 5173), DEMO_DB (database file).
// Ctrl-C stops both.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDemoServer, listen } from "../server/app.mjs";
import { DEFAULT_DATABASE, openDemoDatabase } from "../server/paths.mjs";

const demoRoot = fileURLToPath(new URL("..", import.meta.url));
const host = "127.0.0.1";
const file = process.env.DEMO_DB ?? DEFAULT_DATABASE;

const uis = ["plain", "antd", "mui"];
/** `--ui antd` or `--ui=antd`. */
function readUi() {
  const at = process.argv.findIndex((arg) => arg === "--ui" || arg.startsWith("--ui="));
  if (at === -1) return "plain";
  const value = process.argv[at].startsWith("--ui=") ? process.argv[at].slice("--ui=".length) : process.argv[at + 1];
  if (value === undefined || !uis.includes(value)) {
    console.error(`--ui takes one of: ${uis.join(", ")} (got ${value ?? "nothing"}), e.g.  npm start -- --ui antd`);
    process.exit(1);
  }
  return value;
}
const ui = readUi();

const db = openDemoDatabase(file, { reset: process.argv.includes("--reset") });
const api = createDemoServer({ db });

/** @returns {Promise<number>} */
async function startApi() {
  const wanted = Number(process.env.PORT ?? 4000);
  try {
    return await listen(api, wanted, host);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    // Only the default port gives way to a free one; a port you chose is kept or reported.
    if (code === "EADDRINUSE" && process.env.PORT === undefined) return listen(api, 0, host);
    throw error;
  }
}

let apiPort;
try {
  apiPort = await startApi();
} catch (error) {
  console.error(`The API server could not start on ${host}:${process.env.PORT}: ${/** @type {Error} */ (error).message}`);
  console.error("Choose another port, e.g.  PORT=4100 npm start");
  db.close();
  process.exit(1);
}

process.env.DEMO_API_PORT = String(apiPort);
// The app reads it as import.meta.env.VITE_DEMO_UI (Vite passes on VITE_* variables).
process.env.VITE_DEMO_UI = ui;
const { createServer } = await import("vite");
const vite = await createServer({
  configFile: path.join(demoRoot, "vite.config.ts"),
  server: {
    host,
    port: Number(process.env.DEMO_PORT ?? 5173),
    proxy: { "/api": `http://${host}:${apiPort}`, "/photos": `http://${host}:${apiPort}` },
  },
});
await vite.listen();

const appUrl = vite.resolvedUrls?.local[0] ?? `http://${host}:${vite.config.server.port}/`;
console.log(`
  Northwind Home, the refine-audit-trail demo

  App   ${appUrl}  (${ui === "plain" ? "plain UI; --ui antd or --ui mui for Refine's Ant Design or MUI layout" : `Refine's ${ui === "antd" ? "Ant Design" : "MUI"} layout`})
  API   http://${host}:${apiPort}/api
  Data  ${path.relative(process.cwd(), file) || file}  (npm start -- --reset to start over)

  Press Ctrl-C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) process.exit(1); // a second Ctrl-C: leave now
  stopping = true;
  console.log("\nStopping…");
  await vite.close();
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
  db.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
