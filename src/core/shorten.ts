/** Cuts text to about `max` characters on one line, by words (by code point when a word is longer), with "…". */
export function shorten(text: string, max: number): string {
  return cutWords(text, max).text;
}

/**
 * {@link shorten}, saying whether anything was cut. Only the first few `max` characters
 * are flattened: a text of megabytes costs no more than a short one.
 */
export function cutWords(text: string, max: number): { text: string; isCut: boolean } {
  const limit = Number.isFinite(max) ? 4 * max + 64 : Number.POSITIVE_INFINITY;
  let isWindowed = text.length > limit;
  let flat = flatten(isWindowed ? text.slice(0, limit) : text);
  let chars = Array.from(flat);
  if (isWindowed && chars.length <= max) {
    // Mostly white space: the window flattened to less than `max`, so read it all.
    chars = Array.from((flat = flatten(text)));
    isWindowed = false;
  }
  if (!isWindowed && chars.length <= max) return { text: flat, isCut: false };
  if (max < 2) return { text: "…", isCut: true };
  let cut = chars.slice(0, max - 1).join("");
  // Back to the last word boundary when it keeps most of the text: words are never split.
  if (chars[max - 1] !== " ") {
    const space = cut.lastIndexOf(" ");
    if (space >= cut.length / 2) cut = cut.slice(0, space);
  }
  return { text: withEllipsis(cut), isCut: true };
}

/** Text on one line: runs of white space as one space, trimmed. */
export const flatten = (text: string) => text.replace(/\s+/g, " ").trim();

/** Text that goes on, with "…" (punctuation before it dropped: "steel…", not "steel.…"). */
export const withEllipsis = (text: string) => `${text.replace(/[\s,;:.]+$/u, "")}…`;

