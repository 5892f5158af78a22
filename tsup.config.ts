import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { defineConfig } from "tsup";

// The "use client" directive belongs to the React entry only: `refine-audit-trail/core` is
// pure TypeScript that a server imports (summaries, filters, redacted exports).
const CLIENT_ENTRIES = ["dist/index.js", "dist/index.cjs"];
const USE_CLIENT = '"use client";';

export default defineConfig({
  // Two entries: the kit, and its pure layer. ESM shares the core code between them (one
  // chunk); CJS has no code splitting, so each CJS file carries its own copy (the kit's
  // markers are recognised across copies by a shared Symbol.for brand, not by class identity).
  entry: { index: "src/index.ts", core: "src/core/index.ts" },
  // "type": "module" in package.json => esm -> dist/*.js + *.d.ts,
  // cjs -> dist/*.cjs + *.d.cts (matches package.json "exports").
  format: ["esm", "cjs"],
  dts: {
    // tsup's .d.ts step (rollup-plugin-dts) sets compiler options that TypeScript 6
    // reports as deprecated (e.g. baseUrl); the option only affects that step.
    compilerOptions: { ignoreDeprecations: "6.0" },
  },
  external: ["react", "react-dom", "@refinedev/core", "@tanstack/react-query", "jsondiffpatch"],
  clean: true,
  sourcemap: true,
  target: "es2022",
  async onSuccess() {
    await mkdir("dist", { recursive: true });
    await copyFile("src/styles.css", "dist/styles.css");
    // A line of its own (React Server Components read it there); the source map is moved
    // down one line to match (";" starts a new line of mappings).
    for (const file of CLIENT_ENTRIES) {
      const code = await readFile(file, "utf8");
      if (code.startsWith(USE_CLIENT)) continue;
      await writeFile(file, `${USE_CLIENT}\n${code}`);
      const map = JSON.parse(await readFile(`${file}.map`, "utf8")) as { mappings: string };
      map.mappings = `;${map.mappings}`;
      await writeFile(`${file}.map`, JSON.stringify(map));
    }
  },
});
