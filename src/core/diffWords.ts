import type { TextSegment } from "./types";

/** Options of {@link diffWords}. */
export interface DiffWordsOptions {
  /**
   * Work budget: the diff gives up (returns `undefined`) once it would compare more
   * than this many token pairs, so that a rewritten multi-megabyte text costs bounded
   * time. Default 20,000,000.
   */
  maxWork?: number;
  /** Adds the work done (token comparisons) to `used`: callers that share a budget across texts read it. */
  usage?: { used: number };
}

// A token is a run of letters/digits, a run of white space, or one other character.
const TOKEN = /[\p{L}\p{N}\p{M}_]+|\s+|[^]/gu;

/**
 * A word-level diff of two texts: equal, deleted and inserted runs in order, with
 * adjacent runs of a kind merged. Concatenating the `equal` and `delete` segments
 * gives `before`; the `equal` and `insert` ones give `after`.
 *
 * Common leading and trailing text is skipped before the comparison (so a long text
 * with a small edit costs little), and the comparison is Myers' O(ND) algorithm over
 * word tokens. Returns `undefined` when the texts differ too much to diff within the
 * work budget; show them whole then.
 */
export function diffWords(before: string, after: string, options: DiffWordsOptions = {}): TextSegment[] | undefined {
  if (before === after) return before === "" ? [] : [{ type: "equal", text: before }];
  // Skip the common head and tail by characters, then widen the middle to whole tokens.
  let start = 0;
  const minLength = Math.min(before.length, after.length);
  while (start < minLength && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < minLength - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair (an emoji, a letter outside the BMP) between head and middle.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isHighSurrogate(before.charCodeAt(before.length - end - 1))) end--;
  start = backToTokenStart(before, start);
  end = Math.min(end, forwardToTokenEnd(before, before.length - end), forwardToTokenEnd(after, after.length - end));
  start = Math.min(start, backToTokenStart(after, start));

  const head = before.slice(0, start);
  const tail = before.slice(before.length - end);
  const maxWork = options.maxWork ?? 20_000_000;
  const middleLength = before.length + after.length - 2 * end - 2 * start;
  // Tokenising costs too: a middle that leaves the budget no room to compare is not even
  // split into words (and costs nothing: the texts are shown whole).
  if (2 * middleLength > maxWork) return undefined;
  if (options.usage) options.usage.used += middleLength;
  const oldTokens = before.slice(start, before.length - end).match(TOKEN) ?? [];
  const newTokens = after.slice(start, after.length - end).match(TOKEN) ?? [];
  const middle = diffTokens(oldTokens, newTokens, maxWork - middleLength, options.usage);
  if (!middle) return undefined;
  const segments: TextSegment[] = [];
  const push = (type: TextSegment["type"], text: string) => {
    if (text === "") return;
    const last = segments[segments.length - 1];
    if (last && last.type === type) last.text += text;
    else segments.push({ type, text });
  };
  push("equal", head);
  for (const segment of middle) push(segment.type, segment.text);
  push("equal", tail);
  return segments;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

const isWordChar = (char: string) => /[\p{L}\p{N}\p{M}_]/u.test(char);

/** Moves `index` back to the start of the token it falls inside (a word is never split). */
function backToTokenStart(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  while (index > 0 && isWordChar(text[index - 1]!) && isWordChar(text[index]!)) index--;
  return index;
}

/** How many characters from the end stay common if the tail starts at a token boundary at or after `index`. */
function forwardToTokenEnd(text: string, index: number): number {
  while (index < text.length && index > 0 && isWordChar(text[index - 1]!) && isWordChar(text[index]!)) index++;
  return text.length - index;
}

/** Myers' diff over tokens, with interned token ids; `undefined` past the work budget. */
function diffTokens(a: string[], b: string[], maxWork: number, usage: { used: number } | undefined): TextSegment[] | undefined {
  const ids = new Map<string, number>();
  const intern = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) ids.set(token, (id = ids.size));
    return id;
  };
  const x = a.map(intern);
  const y = b.map(intern);
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) {
    const out: TextSegment[] = [];
    if (n) out.push({ type: "delete", text: a.join("") });
    if (m) out.push({ type: "insert", text: b.join("") });
    return out;
  }
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let work = 0;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    // What this step really costs: its diagonals, the copy of them kept for the backtrack,
    // and every token compared along a snake (a text with few edits costs little).
    work += 4 * d + 4;
    for (let k = -d; k <= d; k += 2) {
      let px = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let py = px - k;
      const startX = px;
      while (px < n && py < m && x[px] === y[py]) {
        px++;
        py++;
      }
      work += px - startX;
      v[offset + k] = px;
      if (px >= n && py >= m) {
        if (usage) usage.used += work;
        return backtrack(trace, a, b, d);
      }
    }
    if (work > maxWork) {
      if (usage) usage.used += work;
      return undefined;
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], dEnd: number): TextSegment[] {
  const ops: TextSegment[] = [];
  let px = a.length;
  let py = b.length;
  for (let d = dEnd; d > 0; d--) {
    const snapshot = trace[d]!; // v before step d, indexed from k = -d - 1
    const at = (k: number) => snapshot[k + d + 1]!;
    const k = px - py;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) ops.push({ type: "equal", text: a[--px]! }), py--;
    if (prevK === k + 1) ops.push({ type: "insert", text: b[--py]! });
    else ops.push({ type: "delete", text: a[--px]! });
  }
  while (px > 0 && py > 0) ops.push({ type: "equal", text: a[--px]! }), py--;
  ops.reverse();
  return groupChanges(ops);
}

/**
 * Groups token operations into readable runs: within each changed stretch, all the
 * deleted text, then all the inserted text. White space alone between two changes is
 * absorbed into the stretch, so "a b c" → "x y z" reads as one replacement, not six.
 */
function groupChanges(ops: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  let deleted = "";
  let inserted = "";
  let pendingSpace = "";
  const flush = () => {
    if (deleted) out.push({ type: "delete", text: deleted });
    if (inserted) out.push({ type: "insert", text: inserted });
    deleted = inserted = "";
  };
  const pushEqual = (text: string) => {
    const last = out[out.length - 1];
    if (last && last.type === "equal") last.text += text;
    else out.push({ type: "equal", text });
  };
  for (const op of ops) {
    if (op.type === "equal") {
      if (deleted || inserted) {
        if (/^\s+$/.test(op.text) && !pendingSpace) {
          pendingSpace = op.text;
          continue;
        }
        flush();
      }
      if (pendingSpace) pushEqual(pendingSpace), (pendingSpace = "");
      pushEqual(op.text);
      continue;
    }
    if (pendingSpace) {
      deleted += pendingSpace;
      inserted += pendingSpace;
      pendingSpace = "";
    }
    if (op.type === "delete") deleted += op.text;
    else inserted += op.text;
  }
  flush();
  if (pendingSpace) pushEqual(pendingSpace);
  return out;
}
