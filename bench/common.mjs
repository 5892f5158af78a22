// @ts-check
// What the bench's Node scripts share: reading their options, medians, milliseconds as text.

/**
 * The value of `--name=value` or `--name value` in `args`; undefined when it is not there.
 * @param {string[]} args
 * @param {string} name
 */
export function readOption(args, name) {
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at === -1) return undefined;
  return args[at].includes("=") ? args[at].slice(args[at].indexOf("=") + 1) : args[at + 1];
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds with 3 significant digits or so (no decimals from 100 up). */
export const fmtMs = (/** @type {number} */ ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
