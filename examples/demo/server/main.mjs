// @ts-check
// Runs the demo's API server alone:  node examples/demo/server/main.mjs [--reset]
//   PORT        port (default 4000), on 127.0.0.1 (HOST to change it)
//   HOST        the address to listen on; a name or address other than 127.0.0.1, localhost
//               and ::1 is added to the Host names the server answers (allowedHosts)
//   DEMO_ALLOWED_HOSTS  more Host names to answer, comma-separated (with HOST=0.0.0.0, the
//               machine's name or LAN address); any other Host gets a 421
//   DEMO_DB     database file (default examples/demo/data/demo.sqlite, created and seeded on first run)
//   DEMO_STATIC serve a built app from this folder too (see `vite build`)
import { createDemoServer, hostnameOf, listen, LOCAL_HOSTS } from "./app.mjs";
import { DEFAULT_DATABASE, openDemoDatabase } from "./paths.mjs";

const reset = process.argv.includes("--reset");
const file = process.env.DEMO_DB ?? DEFAULT_DATABASE;
const db = openDemoDatabase(file, { reset });
const host = process.env.HOST ?? "127.0.0.1";
// Requests name the server by the address it listens on: answer to that name too.
const listened = hostnameOf(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
const allowedHosts = [
  ...(listened && !LOCAL_HOSTS.includes(listened) ? [host] : []),
  ...(process.env.DEMO_ALLOWED_HOSTS ?? "").split(",").map((name) => name.trim()).filter(Boolean),
];
const server = createDemoServer({ db, staticDir: process.env.DEMO_STATIC, allowedHosts });
const port = await listen(server, Number(process.env.PORT ?? 4000), host).catch((error) => {
  console.error(`The API server could not start: ${error.message}`);
  process.exit(1);
});
console.log(`API server on http://${host.includes(":") ? `[${host}]` : host}:${port}/api (database: ${file})`);

const stop = () => {
  server.close();
  server.closeAllConnections();
  db.close();
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
