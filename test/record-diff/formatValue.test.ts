import { describe, expect, it } from "vitest";
import { formatValue } from "../../src/index";
import { toIntlLocale } from "../../src/core/intl";

describe("formatValue", () => {
  it("formats by type", () => {
    expect(formatValue(1234.5, { locale: "de-DE" })).toEqual({ type: "number", text: "1.234,5" });
    expect(formatValue(0.1 + 0.2, { locale: "en-US" }).text).toBe("0.30000000000000004");
    expect(formatValue(10n ** 20n, { locale: "en-US" }).text).toBe("100,000,000,000,000,000,000");
    expect(formatValue(true).text).toBe("Yes");
    expect(formatValue(null)).toEqual({ type: "empty", text: "empty" });
    expect(formatValue("")).toEqual({ type: "empty", text: "empty text" });
    expect(formatValue([]).text).toBe("empty list");
    expect(formatValue({}).text).toBe("empty object");
    expect(formatValue({ a: 1 })).toEqual({ type: "json", text: '{"a": 1}' });
    expect(formatValue("05/06/2024")).toEqual({ type: "text", text: "05/06/2024" });
  });

  it("formats dates in the given locale and zone; date-only values never shift", () => {
    const day = formatValue("2024-05-01", { locale: "en-US", timeZone: "Pacific/Honolulu" });
    expect(day).toEqual({ type: "date", text: "May 1, 2024", dateTime: "2024-05-01" });
    const instant = formatValue(new Date("2024-05-01T12:00:00Z"), { locale: "en-GB", timeZone: "Europe/London" });
    // 12:00 UTC is 13:00 in London in May (BST).
    expect(instant.text).toMatch(/^1 May 2024.* 13:00 BST$/);
    expect(instant.dateTime).toBe("2024-05-01T12:00:00.000Z");
    expect(formatValue(new Date(Number.NaN)).text).toBe("invalid date");
  });

  it("survives bad locales and time zones", () => {
    expect(toIntlLocale("en_US")).toBe("en-US");
    expect(toIntlLocale("??")).toBeUndefined();
    expect(formatValue(1234, { locale: "de_DE" }).text).toBe("1.234");
    expect(formatValue("2024-05-01T10:00:00Z", { timeZone: "Mars/Olympus" }).type).toBe("date");
  });

  it("translates its words", () => {
    expect(formatValue(false, { t: (key, message) => (key.endsWith("false") ? "Nein" : message) }).text).toBe("Nein");
  });
});
