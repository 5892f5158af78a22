/**
 * The URL a thumbnail of `url` may load, or `undefined` when it must stay text: only an
 * absolute `https:` or `http:` URL, from one of `allowedOrigins` when given (origins as
 * `URL.origin` spells them: `"https://cdn.example.com"`). Never a script URL, `data:`,
 * `blob:`, `file:`, a relative URL, or anything the URL parser rejects. The URL returned is
 * the parsed one (`href`), so what loads is what was checked. With `baseUrl` (an absolute
 * URL the app chose, `https://cdn.example.com/photos/`), a relative path is read against it
 * and must stay inside its folder (`../api/logout` loads nothing); the result is checked
 * the same way.
 *
 * @example
 * getImageSrc("https://cdn.example.com/a.png") // "https://cdn.example.com/a.png"
 * getImageSrc("data:image/png;base64,AAAA") // undefined
 */
export function getImageSrc(url: string, allowedOrigins?: readonly string[], baseUrl?: string): string | undefined {
  try {
    const parsed = baseUrl === undefined || isAbsoluteUrl(url) ? new URL(url) : resolveInside(url, new URL(baseUrl));
    if (!parsed) return undefined;
    const { protocol, origin, href } = parsed;
    return (protocol === "https:" || protocol === "http:") && (!allowedOrigins || allowedOrigins.includes(origin)) ? href : undefined;
  } catch {
    return undefined; // not an absolute URL
  }
}

const isAbsoluteUrl = (url: string) => {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
};

/**
 * A relative path read against `base`, only when it stays inside it: the same origin, and a
 * path under the base's folder once normalised (`../api/logout`, `%2e%2e/…`, `/api/…` and
 * `//other.host/…` leave it, and load nothing).
 */
function resolveInside(path: string, base: URL): URL | undefined {
  const resolved = new URL(path, base);
  const folder = base.pathname.endsWith("/") ? base.pathname : base.pathname.slice(0, base.pathname.lastIndexOf("/") + 1);
  return resolved.origin === base.origin && resolved.pathname.startsWith(folder) ? resolved : undefined;
}

const NUMBER = "(\\d+(?:\\.\\d+)?)";
const ISO_DURATION = new RegExp(`^P(?!$)(?:${NUMBER}D)?(?:T(?!$)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`);

/**
 * A duration in seconds: a number of seconds (not negative), or ISO 8601 text with days,
 * hours, minutes and seconds (`PT1H30M`, `P1DT2H`, `PT0.5S`); `undefined` for anything
 * else (years, months and weeks have no fixed length).
 *
 * @example
 * parseDuration("PT1H30M") // 5400
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number") return value >= 0 && value < Infinity ? value : undefined;
  const match = typeof value === "string" ? ISO_DURATION.exec(value) : null;
  const total = match ? ((+(match[1] ?? 0) * 24 + +(match[2] ?? 0)) * 60 + +(match[3] ?? 0)) * 60 + +(match[4] ?? 0) : undefined;
  return total !== undefined && Number.isFinite(total) ? total : undefined;
}
