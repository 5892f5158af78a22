import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layers point down only: core (pure) → shared (React, no Refine) → refine (Refine
// glue) → components. A file that reaches up, or a core file that imports React or
// Refine, would make the pure layer (`refine-audit-trail/core`) unusable on a server.
const SRC = path.resolve(__dirname, "../../src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const layerOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0]!;
const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]!);

/** What each layer may import: other layers of the kit, and packages. */
const ALLOWED: Record<string, { layers: string[]; packages: RegExp }> = {
  core: { layers: ["core"], packages: /^jsondiffpatch$/ },
  shared: { layers: ["core", "shared"], packages: /^react(\/.*)?$/ },
  refine: { layers: ["core", "shared", "refine"], packages: /^(react(\/.*)?|@refinedev\/core|@tanstack\/react-query)$/ },
};

describe("layers", () => {
  const files = filesUnder(SRC);

  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(Object.keys(ALLOWED))("%s imports only the layers below it", (layer) => {
    const rule = ALLOWED[layer]!;
    const offending: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === layer)) {
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith(".")) {
          const target = layerOf(path.resolve(path.dirname(file), specifier));
          if (!rule.layers.includes(target)) offending.push(`${path.relative(SRC, file)} → ${specifier}`);
        } else if (!rule.packages.test(specifier)) offending.push(`${path.relative(SRC, file)} → ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("renders user data as text only, and reads no React internals", () => {
    const offending = files.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\b|__reactFiber|javascript:/.test(readFileSync(file, "utf8")));
    expect(offending.map((file) => path.relative(SRC, file))).toEqual([]);
  });
});
