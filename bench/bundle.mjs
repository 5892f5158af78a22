// @ts-check
// Bundles benchmark pages (bench/pages/<name>.tsx) with their HTML: shared by bench/run.mjs
// and bench/million.mjs.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pagesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "pages");

/**
 * The page `name`: a 1000 px wide `#stage` and the module `/<name>.js`.
 * @param {string} name
 */
function pageHtml(name) {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${name}</title>` +
    `<style>body{margin:0;font:14px/1.4 system-ui,sans-serif}#stage{width:1000px}</style></head>` +
    `<body><div id="stage"></div><script type="module" src="/${name}.js"></script></body></html>`
  );
}

/**
 * Bundles bench/pages/<name>.tsx for each of `names` into `outDir` in production mode, the
 * kit from src/ (esbuild compiles the TypeScript), and writes each one's `<name>.html` beside
 * it. Resolves with esbuild's result (its metafile too).
 * @param {string[]} names
 * @param {string} outDir
 */
export async function bundlePages(names, outDir) {
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, path.join(pagesDir, `${name}.tsx`)])),
    outdir: outDir,
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".css": "text" },
    logLevel: "warning",
    metafile: true,
  });
  for (const name of names) await writeFile(path.join(outDir, `${name}.html`), pageHtml(name));
  return result;
}
