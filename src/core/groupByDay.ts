/** Items that happened on one calendar day; see {@link groupByDay}. */
export interface DayGroup<T> {
  /** The day as `YYYY-MM-DD` in the time zone used, or `"unknown"` for items without a date. */
  key: string;
  /** The first item's date (`undefined` for the unknown group). */
  date: Date | undefined;
  items: T[];
}

/** Options of {@link groupByDay} and {@link toDayKey}. */
export interface DayOptions {
  /** An IANA time zone (`"Europe/Paris"`). Default: the viewer's own (the runtime's local time). */
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The calendar day of a date as `YYYY-MM-DD`, in the viewer's time zone or the one given. */
export function toDayKey(date: Date, options: DayOptions = {}): string {
  if (!options.timeZone) return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  let format = formatters.get(options.timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: options.timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(options.timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  return `${pad(Number(parts.year), 4)}-${parts.month}-${parts.day}`;
}

/**
 * Orders two day keys (`YYYY-MM-DD`) as the days they name: a year of five digits
 * (`10000-01-01`, a hostile or mistaken time) comes after every four-digit one, where
 * comparing the texts would put it first.
 */
export function compareDayKeys(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Moves a `YYYY-MM-DD` key by whole days (calendar arithmetic: no time zone, no DST). */
export function shiftDayKey(key: string, days: number): string {
  const [year, month, day] = key.split("-").map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day! + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * Groups items by calendar day, keeping their order: sort them first, each group then
 * comes in the order of its first item, its items in theirs. Items without a date go
 * to a last group keyed `"unknown"`.
 *
 * @example
 * groupByDay(sortedEntries, (entry) => entry.createdAt)
 * // [{ key: "2024-05-02", items: [...] }, { key: "2024-05-01", items: [...] }]
 */
export function groupByDay<T>(items: readonly T[], getDate: (item: T) => Date | undefined, options: DayOptions = {}): DayGroup<T>[] {
  const groups = new Map<string, DayGroup<T>>();
  let unknown: DayGroup<T> | undefined;
  for (const item of items) {
    const date = getDate(item);
    if (!date || Number.isNaN(date.getTime())) {
      (unknown ??= { key: "unknown", date: undefined, items: [] }).items.push(item);
      continue;
    }
    const key = toDayKey(date, options);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, date, items: [] }));
    group.items.push(item);
  }
  const out = [...groups.values()];
  if (unknown) out.push(unknown);
  return out;
}
