// @vitest-environment node
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildPages } from "../../bench/run.mjs";

// `npm run bench` is not part of `npm test` (timings are not assertions), but its pages
// must keep building against the kit's source: a smoke check that takes a few seconds.
describe("benchmark pages", () => {
  it("bundle in production mode, with every renderer and workload", async () => {
    const { metafile } = await buildPages();
    const out = path.resolve(__dirname, "../../bench/.out");
    for (const name of ["diff", "timeline", "table", "hostile"]) {
      expect(existsSync(path.join(out, `${name}.html`))).toBe(true);
      const js = readFileSync(path.join(out, `${name}.js`), "utf8");
      // React's production build: development warnings are not in it.
      expect(js).not.toContain("Warning: Each child in a list should have a unique");
    }
    const inputs = Object.keys(metafile.inputs);
    for (const source of ["src/record-diff/RecordDiff.tsx", "bench/floor.tsx", "bench/workloads.ts", "src/audit-timeline/AuditTimeline.tsx", "src/audit-log-table/AuditLogTable.tsx", "bench/hostile.ts", "bench/pages/hostile.tsx", "src/core/readEntries.ts"]) {
      expect(inputs).toContain(source);
    }
    expect(inputs.some((input) => input.includes("react-diff-viewer-continued"))).toBe(true);
    expect(inputs.some((input) => input.includes("jsondiffpatch/lib/formatters/html"))).toBe(true);
  }, 60_000);
});
