// @ts-check
// Reading a page for English left in it (issue 13): the English phrases of the kit's
// defaults and of the demo's English catalog, and the words a page shows outside user
// data. Used by readable-values.test.mjs (the plain UI) and ui-shells.test.mjs (the Ant
// Design and MUI ones).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { catalogEntries, extractAuditLogMessages } from "../../../test/i18n/auditLogMessages.mjs";

const demoRoot = fileURLToPath(new URL("..", import.meta.url));
const kitSource = fileURLToPath(new URL("../../../src", import.meta.url));

/**
 * Loads one of the demo's catalogs (TypeScript without imports of its own, types aside).
 * @param {string} file relative to examples/demo/src/i18n
 * @returns {Promise<Record<string, string>>}
 */
export async function loadCatalog(file) {
  const source = readFileSync(path.join(demoRoot, "src/i18n", file), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const module = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString("base64")}`);
  return Object.values(module).find((value) => typeof value === "object" && value !== null);
}

/**
 * The pieces of English a German page must not show: every message's static parts (the
 * kit's defaults and the demo's English catalog, split at their placeholders) with four
 * letters or more, less those the German catalog uses too ("Name", "Status", "Details").
 * @param {string[]} english @param {string[]} german
 */
function englishPhrases(english, german) {
  const phrases = new Set();
  for (const message of english) {
    for (const piece of message.split(/\{\w+\}/)) {
      const phrase = piece.trim().replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "");
      if ((phrase.match(/\p{L}/gu) ?? []).length >= 4) phrases.add(phrase);
    }
  }
  return [...phrases].filter((phrase) => !german.some((text) => containsPhrase(text, phrase)));
}

/** `phrase` in `text` as whole words (case matters: English left over keeps its case). @param {string} text @param {string} phrase */
function containsPhrase(text, phrase) {
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    const before = text.slice(0, at);
    const after = text.slice(at + phrase.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/**
 * The parts that hold user data (values from the log and the records, names people gave
 * versions): their text may be English, whatever the page's language. Only the part itself
 * is left out: the kit's words inside it (`empty`, `kind`, `not-recorded`, buttons…) are
 * parts of their own and are read. From src/<component>/parts.ts.
 */
const USER_DATA_PARTS = [
  // <RecordDiff>: the values, their word diffs, JSON, a referenced record's label, an object's name and field values.
  ["record-diff", ["value", "before", "after", "text", "json", "reference", "object-name", "object-value"]],
  // <FieldHistory>: each value, and the names of versions.
  ["field-history", ["value", "json", "name"]],
  // <AuditTimeline>: a version's name, an unreadable row's JSON.
  ["audit-timeline", ["name", "raw"]],
  ["rename-log-entry", ["name"]],
].flatMap(([scope, parts]) => /** @type {string[]} */ (parts).map((part) => `${scope}:${part}`));

/**
 * The page's words outside user data: every text node (shown or not: a closed menu or
 * tooltip is German too), the `aria-label`, `title`, `placeholder` and `alt` attributes,
 * and the tab's title. Left out: what the demo marks `translate="no"` (its records'
 * titles, SKUs, descriptions…), and text whose nearest part is a user-data part.
 * @param {import("playwright-core").Page} page
 */
function readPageWords(page) {
  return page.evaluate((userDataParts) => {
    /** @param {Element} element */
    const isUserData = (element) => {
      if (element.closest('[translate="no"]')) return true;
      const part = element.closest("[data-part]");
      return !!part && userDataParts.includes(`${part.getAttribute("data-scope")}:${part.getAttribute("data-part")}`);
    };
    /** @param {Element} element */
    const where = (element) => {
      const part = element.closest("[data-part]");
      return `${element.tagName.toLowerCase()}${part ? ` in ${part.getAttribute("data-scope")}:${part.getAttribute("data-part")}` : ""}`;
    };
    /** @type {{ text: string, where: string }[]} */
    const words = [{ text: document.title, where: "title" }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? "";
      if (!parent || text === "" || parent.closest("script, style") || isUserData(parent)) continue;
      words.push({ text, where: where(parent) });
    }
    for (const element of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (isUserData(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value) words.push({ text: value, where: `${where(element)} [${name}]` });
      }
    }
    return words;
  }, USER_DATA_PARTS);
}

/**
 * The English phrases a German page must not show (see {@link englishPhrases}), and the
 * demo's two catalogs.
 */
export async function loadEnglishPhrases() {
  const en = await loadCatalog("en.ts");
  const de = await loadCatalog("de.ts");
  const { messages } = extractAuditLogMessages(kitSource);
  const kitEnglish = catalogEntries(messages.values(), "en").flatMap((entry) => (entry.english === undefined ? [] : [entry.english]));
  return { phrases: englishPhrases([...kitEnglish, ...Object.values(en)], Object.values(de)), en, de };
}

/**
 * Every English phrase the page shows outside user data, and where (the longest phrases
 * only: "Hide fields", not also "Hide" and "fields").
 * @param {import("playwright-core").Page} page
 * @param {readonly string[]} phrases from {@link loadEnglishPhrases}
 */
export async function findEnglish(page, phrases) {
  const words = await readPageWords(page);
  assert.ok(words.length > 50, "the page has words to read");
  /** @type {Map<string, number>} */
  const found = new Map();
  for (const { text, where } of words) {
    const inText = phrases.filter((phrase) => containsPhrase(text, phrase));
    for (const phrase of inText.filter((phrase) => !inText.some((other) => other !== phrase && other.includes(phrase)))) {
      const line = `"${phrase}" in ${where}: ${JSON.stringify(text.slice(0, 160))}`;
      found.set(line, (found.get(line) ?? 0) + 1);
    }
  }
  return [...found].map(([line, count]) => (count > 1 ? `${line} (${count} times)` : line));
}
