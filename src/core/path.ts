import type { Path } from "./types";

/** Joins a path with dots, array indices as numbers: `["items", 2, "qty"]` → `items.2.qty`. Keys are not escaped. */
export function toPathKey(path: Path): string {
  return path.join(".");
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a path for people: `address.city`, `items[2].qty`, `tags[0]`, and keys that are
 * not identifiers in brackets and quotes (`["first name"]`). The root is `""`.
 */
export function formatPath(path: Path): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** A compiled list of path patterns; see {@link compilePathPatterns}. */
export type PathMatcher = (path: Path) => boolean;

/**
 * Compiles dotted path patterns into one matcher. `*` matches exactly one segment,
 * `**` any number (including none); other segments match literally (an index matches
 * its decimal form). A pattern matches a path and everything below it.
 */
export function compilePathPatterns(patterns: readonly string[] | undefined): PathMatcher | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  const compiled = patterns.filter((p) => p !== "").map((p) => p.split("."));
  if (compiled.length === 0) return undefined;
  return (path) => compiled.some((pattern) => matchPrefix(pattern, 0, path, 0));
}

function matchPrefix(pattern: string[], pi: number, path: Path, si: number): boolean {
  if (pi === pattern.length) return true; // the pattern is exhausted: `path` is at or below it
  if (si === path.length) return pattern.slice(pi).every((p) => p === "**");
  const head = pattern[pi];
  if (head === "**") return matchPrefix(pattern, pi + 1, path, si) || matchPrefix(pattern, pi, path, si + 1);
  if (head === "*" || head === String(path[si])) return matchPrefix(pattern, pi + 1, path, si + 1);
  return false;
}
