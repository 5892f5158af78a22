import type { Path, PathSegment } from "./types";

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

/**
 * Splits a dotted path pattern into its segments. A key that holds a dot is written with
 * the dot escaped (`"card\\.cvv"` matches the key `card.cvv`); empty segments (a stray
 * leading, trailing or doubled dot) are dropped, so `"password."` still means `password`.
 */
export function splitPattern(pattern: string): string[] {
  const segments: string[] = [];
  let current = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\" && pattern[i + 1] === ".") {
      current += ".";
      i++;
    } else if (char === ".") {
      if (current !== "") segments.push(current);
      current = "";
    } else current += char;
  }
  if (current !== "") segments.push(current);
  return segments;
}

/** A compiled list of path patterns; see {@link compilePathPatterns}. */
export type PathMatcher = (path: Path) => boolean;

/**
 * Path patterns matched one segment at a time, for walks that go deep: the state after a
 * segment is computed from the state before it, so a path is never rebuilt. States are
 * small sorted arrays; an empty state means no pattern can match below it.
 */
export interface IncrementalPathMatcher {
  readonly start: readonly number[];
  step(state: readonly number[], segment: PathSegment): readonly number[];
  /** True when a pattern has matched the path so far (and so everything below it). */
  matches(state: readonly number[]): boolean;
}

const STRIDE = 1 << 16;

/** Compiles patterns (see {@link compilePathPatterns} for the syntax) into an {@link IncrementalPathMatcher}. */
export function compileIncrementalMatcher(patterns: readonly string[] | undefined): IncrementalPathMatcher | undefined {
  const compiled = (patterns ?? []).map(splitPattern).filter((segments) => segments.length > 0);
  if (compiled.length === 0) return undefined;
  // Adds `p·i` and, across `**` (which may match nothing), the positions after it.
  const close = (out: Set<number>, p: number, i: number) => {
    for (;;) {
      out.add(p * STRIDE + i);
      if (compiled[p]![i] !== "**") return;
      i++;
    }
  };
  const finish = (set: Set<number>) => [...set].sort((x, y) => x - y);
  const initial = new Set<number>();
  compiled.forEach((_, p) => close(initial, p, 0));
  return {
    start: finish(initial),
    step(state, segment) {
      const next = new Set<number>();
      const text = String(segment);
      for (const code of state) {
        const p = Math.floor(code / STRIDE);
        const i = code % STRIDE;
        const head = compiled[p]![i];
        if (head === undefined) continue; // already matched: nothing further to track
        if (head === "**") next.add(code);
        if (head === "*" || head === "**" || head === text) close(next, p, head === "**" ? i + 1 : i + 1);
      }
      return finish(next);
    },
    matches: (state) => state.some((code) => compiled[Math.floor(code / STRIDE)]!.length === code % STRIDE),
  };
}

/**
 * Compiles dotted path patterns into one matcher. `*` matches exactly one segment,
 * `**` any number (including none); other segments match literally (an index matches
 * its decimal form). A pattern matches a path and everything below it.
 */
export function compilePathPatterns(patterns: readonly string[] | undefined): PathMatcher | undefined {
  const matcher = compileIncrementalMatcher(patterns);
  if (!matcher) return undefined;
  return (path) => matchDepth(matcher, path) >= 0;
}

/** How many segments of `path` a pattern first matches at (0: the root itself), or -1 when none matches it or an ancestor. */
export function matchDepth(matcher: IncrementalPathMatcher | undefined, path: Path): number {
  if (!matcher) return -1;
  let state = matcher.start;
  if (matcher.matches(state)) return 0;
  for (let depth = 1; depth <= path.length; depth++) {
    state = matcher.step(state, path[depth - 1]!);
    if (matcher.matches(state)) return depth;
    if (state.length === 0) return -1;
  }
  return -1;
}
