import { copyFile, mkdir } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  // "type": "module" in package.json => esm -> dist/index.js + index.d.ts,
  // cjs -> dist/index.cjs + index.d.cts (matches package.json "exports").
  format: ["esm", "cjs"],
  dts: {
    // tsup's .d.ts step (rollup-plugin-dts) sets compiler options that TypeScript 6
    // reports as deprecated (e.g. baseUrl); the option only affects that step.
    compilerOptions: { ignoreDeprecations: "6.0" },
  },
  banner: { js: '"use client";' },
  external: ["react", "react-dom", "@refinedev/core", "@tanstack/react-query", "jsondiffpatch"],
  clean: true,
  sourcemap: true,
  target: "es2022",
  async onSuccess() {
    await mkdir("dist", { recursive: true });
    await copyFile("src/styles.css", "dist/styles.css");
  },
});
