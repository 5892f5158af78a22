// Global setup of the `storybook` vitest project: starts each run with no actual or diff
// images, so every file in stories/__visual-diffs__ is a failure of the last run.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { visualDirs } from "./visual";

export default function removeLastRunDiffs() {
  rmSync(fileURLToPath(new URL(`../${visualDirs.diffs}`, import.meta.url)), { recursive: true, force: true });
}
