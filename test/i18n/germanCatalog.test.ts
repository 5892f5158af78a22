import path from "node:path";
import { describe, expect, it } from "vitest";
import { de } from "../../examples/demo/src/i18n/de";
import { en } from "../../examples/demo/src/i18n/en";
import { catalogEntries, extractAuditLogMessages, placeholdersOf } from "./auditLogMessages.mjs";

// The demo's German catalog (examples/demo/src/i18n/de.ts) against the kit's source: every
// `auditLog.*` message the kit can show has a German text with the same placeholders.
// New messages in src/ make this fail until they are translated: it names them.
const { messages, openFamilies, problems } = extractAuditLogMessages(path.resolve(__dirname, "../../src"));
const needed = catalogEntries(messages.values(), "de");
const german: Readonly<Record<string, string>> = de;
const english: Readonly<Record<string, string>> = en;

const samePlaceholders = (a: string, b: string) => placeholdersOf(a).join() === placeholdersOf(b).join();

describe("the German catalog of the kit's strings", () => {
  it("finds the kit's messages, counted ones among them", () => {
    expect(problems).toEqual([]);
    expect(messages.size).toBeGreaterThan(200);
    expect(messages.get("auditLog.summary.more")).toMatchObject({ isPlural: true, one: "{summary} and {count} more field" });
    expect(messages.get("auditLog.timeline.showChanges")).toMatchObject({ isPlural: false, message: "Show changes" });
    // A key passed as a prop takes the default its component gives it.
    expect(messages.get("auditLog.table.unconfigured")?.message).toMatch(/^No audit log provider/);
    // Keys built from a template, expanded from the defaults that go with them.
    expect(messages.get("auditLog.action.updateMany")).toMatchObject({ isPlural: true, other: "updated {count} records" });
    expect(messages.get("auditLog.table.column.time")?.message).toBe("Time");
    expect(messages.get("auditLog.recordDiff.value.null")?.message).toBe("empty");
  });

  it("has every key the kit uses (counted ones with each German plural category)", () => {
    const missing = needed.filter((entry) => typeof german[entry.key] !== "string").map((entry) => `${entry.key}: ${JSON.stringify(entry.english)} (${entry.message.where[0]})`);
    expect(missing, `missing from examples/demo/src/i18n/de.ts:\n${missing.join("\n")}`).toEqual([]);
  });

  it("keeps the placeholders of each English default", () => {
    const differing = needed
      .filter((entry) => entry.english !== undefined && typeof german[entry.key] === "string" && !samePlaceholders(entry.english, german[entry.key]!))
      .map((entry) => `${entry.key}: English {${placeholdersOf(entry.english!).join("}, {")}}, German ${JSON.stringify(german[entry.key])}`);
    expect(differing, `placeholders differ:\n${differing.join("\n")}`).toEqual([]);
  });

  it("holds no key the kit no longer uses", () => {
    const used = new Set(needed.map((entry) => entry.key));
    const stale = Object.keys(german).filter((key) => key.startsWith("auditLog.") && !used.has(key) && !openFamilies.some((family) => key.startsWith(family)));
    expect(stale, `not used by the kit any more:\n${stale.join("\n")}`).toEqual([]);
  });
});

describe("the demo's own strings", () => {
  const demoKeys = Object.keys(german).filter((key) => !key.startsWith("auditLog."));

  it("are in German and English alike, with the same placeholders", () => {
    expect(demoKeys.sort()).toEqual(Object.keys(english).sort());
    const differing = demoKeys.filter((key) => !samePlaceholders(english[key]!, german[key]!));
    expect(differing).toEqual([]);
  });

  it("give a German text for each plural category of German", () => {
    const categories = new Intl.PluralRules("de").resolvedOptions().pluralCategories;
    const counted = new Set(Object.keys(english).flatMap((key) => (key.endsWith(".other") ? [key.slice(0, -".other".length)] : [])));
    const missing = [...counted].flatMap((base) => categories.map((category) => `${base}.${category}`)).filter((key) => typeof german[key] !== "string");
    expect(missing).toEqual([]);
  });
});
