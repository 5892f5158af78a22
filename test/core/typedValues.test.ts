import { describe, expect, it } from "vitest";
import { formatValue, RedactedValue, type RecordDiffField } from "../../src/index";
import { getImageSrc, parseDuration } from "../../src/core/typedValues";

const typed = (value: unknown, field: RecordDiffField, options: { locale?: string; timeZone?: string } = {}) => formatValue(value, { locale: "en-US", ...options, field });

describe("getImageSrc", () => {
  it("allows absolute https: and http: URLs only, as parsed", () => {
    expect(getImageSrc("https://cdn.example.com/a.png")).toBe("https://cdn.example.com/a.png");
    expect(getImageSrc("http://cdn.example.com/a b.png")).toBe("http://cdn.example.com/a%20b.png");
    for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)", "data:image/png;base64,AAAA", "blob:https://x.test/1", "file:///etc/passwd", "ftp://x.test/a.png", "/a.png", "//evil.test/a.png", "a.png", ""]) {
      expect(getImageSrc(url), url).toBeUndefined();
    }
  });

  it("limits thumbnails to allowedOrigins when given", () => {
    const origins = ["https://cdn.example.com"];
    expect(getImageSrc("https://cdn.example.com/a.png", origins)).toBe("https://cdn.example.com/a.png");
    expect(getImageSrc("https://evil.test/a.png", origins)).toBeUndefined();
    expect(getImageSrc("https://cdn.example.com.evil.test/a.png", origins)).toBeUndefined();
    expect(getImageSrc("http://cdn.example.com/a.png", origins)).toBeUndefined();
  });
});

describe("parseDuration", () => {
  it("reads seconds and ISO 8601 days, hours, minutes and seconds", () => {
    expect(parseDuration(90)).toBe(90);
    expect(parseDuration("PT1H30M")).toBe(5400);
    expect(parseDuration("P1DT2H")).toBe(93600);
    expect(parseDuration("PT0.5S")).toBe(0.5);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "P", "PT", "P1Y", "P1W", "PT1H30", "90", "1h", null, {}]) expect(parseDuration(bad), String(bad)).toBeUndefined();
  });
});

describe("formatValue with a field type", () => {
  it("images: the URL as text, with src only when a thumbnail may load it", () => {
    expect(typed("https://cdn.example.com/a.png", { type: "image" })).toEqual({ type: "image", text: "https://cdn.example.com/a.png", src: "https://cdn.example.com/a.png" });
    expect(typed("javascript:alert(1)", { type: "image" })).toEqual({ type: "image", text: "javascript:alert(1)", src: undefined });
    expect(typed("https://evil.test/a.png", { type: "image", allowedOrigins: ["https://cdn.example.com"] }).src).toBeUndefined();
    expect(typed(42, { type: "image" })).toEqual({ type: "number", text: "42" });
  });

  it("money in its currency, through Intl", () => {
    expect(typed(1234.5, { type: "currency", currency: "EUR" })).toEqual({ type: "number", text: "€1,234.50" });
    expect(typed("1234.5", { type: "currency", currency: "EUR" }, { locale: "de-DE" }).text).toBe("1.234,50\u00a0€");
    // An unknown or missing code, or an amount that is not a number: the default way.
    expect(typed(5, { type: "currency", currency: "EURO" }).text).toBe("5");
    expect(typed(5, { type: "currency" }).text).toBe("5");
    expect(typed("n/a", { type: "currency", currency: "EUR" })).toEqual({ type: "text", text: "n/a" });
    expect(typed("12", { type: "number" }, { locale: "de-DE" })).toEqual({ type: "number", text: "12" });
    expect(typed("12345.5", { type: "number" }, { locale: "de-DE" }).text).toBe("12.345,5");
  });

  it("enums through their label map, own keys only", () => {
    const field: RecordDiffField = { type: "enum", options: { draft: "Draft", "1": "One" } };
    expect(typed("draft", field)).toEqual({ type: "text", text: "Draft" });
    expect(typed(1, field).text).toBe("One");
    expect(typed("archived", field).text).toBe("archived");
    expect(typed("constructor", field).text).toBe("constructor");
    expect(typed("__proto__", field).text).toBe("__proto__");
  });

  it("booleans as translated words", () => {
    expect(typed(1, { type: "boolean" })).toEqual({ type: "boolean", text: "Yes" });
    expect(typed("false", { type: "boolean" }).text).toBe("No");
    expect(formatValue(0, { field: { type: "boolean" }, t: (key, message) => (key.endsWith(".false") ? "Nein" : message) }).text).toBe("Nein");
    expect(typed("maybe", { type: "boolean" }).text).toBe("maybe");
  });

  it("dates and date-times in the locale and time zone; date-only values never shift", () => {
    expect(typed("2024-05-01T23:30:00Z", { type: "date" }, { timeZone: "Asia/Tokyo" })).toEqual({ type: "date", text: "May 2, 2024", dateTime: "2024-05-01T23:30:00.000Z" });
    expect(typed("2024-05-01", { type: "datetime" }, { timeZone: "Pacific/Honolulu" })).toEqual({ type: "date", text: "May 1, 2024", dateTime: "2024-05-01" });
    // Epoch seconds and milliseconds, read as the log's own times are.
    expect(typed(1714600000, { type: "datetime" }, { timeZone: "UTC" }).text).toBe("May 1, 2024, 9:46 PM UTC");
    expect(typed(1714600000000, { type: "date" }, { timeZone: "UTC" }).text).toBe("May 1, 2024");
    expect(typed("soon", { type: "date" }).text).toBe("soon");
  });

  it("durations through Intl units, as a <time> duration", () => {
    expect(typed(5400, { type: "duration" })).toEqual({ type: "duration", text: "1 hr 30 min", dateTime: "PT5400S" });
    expect(typed("PT1H30M", { type: "duration" }).text).toBe("1 hr 30 min");
    expect(typed("P1DT2H0.5S", { type: "duration" }).text).toBe("1 day 2 hr 0.5 sec");
    expect(typed(0, { type: "duration" }).text).toBe("0 sec");
    expect(typed("P1M", { type: "duration" })).toEqual({ type: "text", text: "P1M" });
  });

  it("never types a redacted marker nor an empty value", () => {
    for (const type of ["image", "currency", "enum", "boolean", "date", "datetime", "duration", "number"] as const) {
      expect(typed(new RedactedValue("(hidden)"), { type, currency: "EUR", options: { "(hidden)": "leak" } }), type).toEqual({ type: "redacted", text: "(hidden)" });
      expect(typed(null, { type }).type).toBe("empty");
    }
  });
});
