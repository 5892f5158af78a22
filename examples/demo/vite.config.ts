import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The demo app. It imports the kit from source (`refine-audit-trail` is the repo's
 * src/index.ts), so it always shows the current code. In dev, `/api` and the product
 * photos (`/photos`) go to the demo's API server (scripts/start.mjs starts both and sets
 * DEMO_API_PORT).
 */
const apiServer = `http://127.0.0.1:${process.env.DEMO_API_PORT ?? "4000"}`;

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^refine-audit-trail\/styles\.css$/, replacement: `${repoRoot}src/styles.css` },
      { find: /^refine-audit-trail$/, replacement: `${repoRoot}src/index.ts` },
    ],
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/api": apiServer, "/photos": apiServer },
  },
  // The repo's root has its own caches; keep the demo's apart.
  cacheDir: `${repoRoot}node_modules/.vite-demo`,
  // One bundle of React, Refine and the kit (about 850 kB before gzip, fine for a demo), and
  // with `--ui antd` or `--ui mui` a chunk of the framework's shell, loaded only then (antd
  // with @refinedev/antd is the larger, about 1.1 MB).
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
