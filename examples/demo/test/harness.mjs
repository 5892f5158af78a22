// @ts-check
// Starts the demo for tests: the app built by Vite into a temporary folder, served with the
// API by one server on a free port, over a temporary database. `close()` removes it all.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDemoServer, listen } from "../server/app.mjs";
import { chromiumLaunchOptions as sharedLaunchOptions } from "../../../scripts/chromium.mjs";
import { openDatabase } from "../server/database.mjs";

const demoRoot = fileURLToPath(new URL("..", import.meta.url));

/** Chromium's path and the flags that keep it offline (shared with the repo's other browser tests). */
export const chromiumLaunchOptions = sharedLaunchOptions();

/**
 * @param {{ build?: boolean, ui?: "plain" | "antd" | "mui", seed?: boolean, bodyLimit?: number }} [options]
 *   build: build the app and serve it too (default false: the API only)
 *   ui: the UI the app is built with (`npm start -- --ui …`; default "plain")
 */
export async function startDemo({ build = false, ui = "plain", seed = true, bodyLimit } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "refine-audit-demo-"));
  const cleanups = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let staticDir;
    if (build) {
      staticDir = path.join(dir, "app");
      const { build: viteBuild } = await import("vite");
      await viteBuild({
        configFile: path.join(demoRoot, "vite.config.ts"),
        logLevel: "warn",
        build: { outDir: staticDir, emptyOutDir: true },
        // What `npm start -- --ui` sets through VITE_DEMO_UI, without touching process.env.
        define: { "import.meta.env.VITE_DEMO_UI": JSON.stringify(ui) },
      });
    }
    const db = openDatabase(path.join(dir, "demo.sqlite"), { seed });
    cleanups.push(() => db.close());
    const server = createDemoServer({ db, staticDir, bodyLimit });
    const port = await listen(server, 0);
    cleanups.push(
      () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve(undefined));
        }),
    );
    return { baseUrl: `http://127.0.0.1:${port}`, db, close };
  } catch (error) {
    await close();
    throw error;
  }
}
