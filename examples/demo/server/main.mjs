// @ts-check
// Runs the demo's API server alone:  node examples/demo/server/main.mjs [--reset]
//   PORT        port (default 4000), on 127.0.0.1 (HOST to change it)
//   DEMO_DB     database file (default examples/demo/data/demo.sqlite, created and seeded on first run)
//   DEMO_STATIC serve a built app from this folder too (see `vite build`)
import { createDemoServer, listen } from "./app.mjs";
import { DEFAULT_DATABASE, openDemoDatabase } from "./paths.mjs";

const reset = process.argv.includes("--reset");
const file = process.env.DEMO_DB ?? DEFAULT_DATABASE;
const db = openDemoDatabase(file, { reset });
const server = createDemoServer({ db, staticDir: process.env.DEMO_STATIC });
const port = await listen(server, Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1").catch((error) => {
  console.error(`The API server could not start: ${error.message}`);
  process.exit(1);
});
console.log(`API server on http://${process.env.HOST ?? "127.0.0.1"}:${port}/api (database: ${file})`);

const stop = () => {
  server.close();
  server.closeAllConnections();
  db.close();
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
