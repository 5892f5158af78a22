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

/** A year as a day key writes it: four digits at least, a minus sign before the years before 1 AD (astronomical: 1 BC is 0). */
const yearKey = (year: number) => `${year < 0 ? "-" : ""}${pad(Math.abs(year), 4)}`;

/** The calendar day of a date as `YYYY-MM-DD`, in the viewer's time zone or the one given (`-YYYY` before the year 1). */
export function toDayKey(date: Date, options: DayOptions = {}): string {
  if (!options.timeZone) return `${yearKey(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  let format = formatters.get(options.timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: options.timeZone, era: "short", year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(options.timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  // Intl counts the years before 1 AD up from 1 BC, without a sign.
  const year = parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year);
  return `${yearKey(year)}-${parts.month}-${parts.day}`;
}

const DAY_KEY = /^(-?\d+)-(\d{2})-(\d{2})$/;

/**
 * Orders two day keys (`YYYY-MM-DD`) as the days they name, whatever their years: a
 * five-digit year (`10000-01-01`) after every four-digit one, a year before 1 AD
 * (`-0500-01-01`) before them, where comparing the texts would misplace both. Keys of
 * another shape (`"unknown"`) compare as text.
 */
export function compareDayKeys(a: string, b: string): number {
  const x = DAY_KEY.exec(a);
  const y = DAY_KEY.exec(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 3; i++) {
    const difference = Number(x[i]) - Number(y[i]);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Midnight UTC of a calendar date, for any year (`Date.UTC` reads the years 0 to 99 as 1900 to 1999). */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
}

/** Moves a `YYYY-MM-DD` key by whole days (calendar arithmetic: no time zone, no DST). */
export function shiftDayKey(key: string, days: number): string {
  const [, year, month, day] = DAY_KEY.exec(key) ?? [];
  const date = utcDate(Number(year), Number(month) - 1, Number(day) + days);
  return `${yearKey(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The first instant whose day (in `timeZone`, as `toDayKey` reads it) is `day` or later: a binary search over ±36 hours. */
export function startOfDay(day: string, timeZone: string | undefined): number {
  const [, year, month, date] = DAY_KEY.exec(day) ?? [];
  const noon = utcDate(Number(year), Number(month) - 1, Number(date)).getTime() + 12 * 3_600_000;
  let before = noon - 36 * 3_600_000;
  let after = noon + 36 * 3_600_000;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (compareDayKeys(toDayKey(new Date(middle), { timeZone }), day) < 0) before = middle;
    else after = middle;
  }
  return after;
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
