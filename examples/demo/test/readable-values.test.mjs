// @ts-check
// Values people can read (issue 13), end to end in the demo app built by Vite, served with
// its API over a temporary database, in Debian's Chromium through playwright-core:
// - German: switched in the header, remembered, said in <html lang>; then no English kit or
//   demo string is left on a product's page (its timeline's entries open) nor on the
//   history page, and dates, numbers and relative times are German.
// - Photos: a product's new photo shows in its timeline as two thumbnails, side by side.
// - References and items by name: a category shows by its title, a variant by its SKU.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, startDemo } from "./harness.mjs";
import { findEnglish as findEnglishIn, loadEnglishPhrases } from "./pageLanguage.mjs";

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
/** @type {import("playwright-core").Browser} */
let browser;
/** @type {string[]} */
let phrases;
/** @type {Record<string, string>} */
let de;

before(async () => {
  ({ phrases, de } = await loadEnglishPhrases());
  demo = await startDemo({ build: true });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** @param {string} sql @param {unknown[]} args */
const queryOne = (sql, ...args) => /** @type {any} */ (demo.db.prepare(sql).get(...args));

/** A fresh browser (English, London), its page and its uncaught errors. */
async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "Europe/London" });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  /** @type {string[]} */
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Every English phrase the page shows outside user data, and where. @param {import("playwright-core").Page} page */
const findEnglish = (page) => findEnglishIn(page, phrases);

const timelineEntries = (/** @type {import("playwright-core").Page} */ page) => page.locator('[data-scope="audit-timeline"][data-part="entry"]');

test("the English phrases come from the kit's defaults and the demo's catalog", () => {
  for (const phrase of ["Show changes", "Restore this version", "Changed", "Price history", "Signed in as", "more fields"]) assert.ok(phrases.includes(phrase), phrase);
  // The same word in both languages is not a leftover.
  for (const shared of ["Name", "Status", "Details", "Northwind Home"]) assert.ok(!phrases.includes(shared), shared);
});

test("in German: the header's switch, then no English on a product's page nor on the history page", async (t) => {
  const { context, page, errors } = await openPage();
  // The table lamp: a photo change, a bulk price review and variant changes in its seeded history.
  const lamp = queryOne("SELECT id, doc FROM products WHERE json_extract(doc, '$.sku') = 'LGT-PLT'");
  const productId = String(lamp.id);

  await t.test("the switch turns the page German, says so in <html lang>, and is remembered", async () => {
    await page.goto(`${demo.baseUrl}/products/show/${productId}`);
    await timelineEntries(page).first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en-GB");
    await page.getByLabel("Language").selectOption("de");
    await page.getByRole("heading", { level: 2, name: "Preisverlauf" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    assert.equal(await page.title(), `${de["resource.products"]} · ${de["app.action.show"]} · Northwind Home`);
    // Every entry's header says its action in German (no reload happened: the switch re-renders).
    assert.match(await timelineEntries(page).first().locator('[data-scope="audit-timeline"][data-part="action"]').innerText(), /^(geändert|erstellt|\d+ Datensätze geändert)$/);

    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Preisverlauf" }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    assert.equal(await page.getByLabel("Sprache").inputValue(), "de");
  });

  await t.test("dates, numbers and relative times are German", async () => {
    const newest = timelineEntries(page).first();
    // "vor 4 Wochen", "letzten Monat", "gestern"…: Intl's German relative time.
    assert.match(await newest.locator('[data-scope="audit-timeline"][data-part="time"]').innerText(), /^(vor |letzte|gestern|heute|jetzt)/);
    const days = await page.locator('[data-scope="audit-timeline"][data-part="day-heading"]').allInnerTexts();
    assert.ok(days.some((day) => /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d+\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/i.test(day.trim())), days.join(" | "));
    // Prices with a decimal comma and the euro sign after them (the kit's currency field and the demo's own).
    const price = new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).format(JSON.parse(lamp.doc).price);
    assert.match(price, /^\d+,\d\d\s€$/);
    await page.locator('.details dt:text-is("Preis") + dd', { hasText: price }).waitFor();
    const history = page.locator('[data-scope="field-history"][data-part="root"][data-state="ready"]').first();
    await history.waitFor();
    assert.equal((await history.locator('[data-scope="field-history"][data-part="point"] > [data-scope="field-history"][data-part="value"]').first().innerText()).trim(), price);
  });

  await t.test("the product's page, its timeline's entries open: no English left", async () => {
    const entries = timelineEntries(page);
    const count = await entries.count();
    assert.ok(count >= 5, `${count} entries`);
    for (let i = 0; i < count; i++) {
      const toggle = entries.nth(i).locator('[data-scope="audit-timeline"][data-part="toggle"]');
      if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-scope="audit-timeline"][data-part="entry"][data-state="open"] [data-scope="record-diff"][data-part="root"]').length >= 5);
    // One entry's menu open too, and a field's history in another.
    const newest = entries.first();
    await newest.locator('[data-scope="audit-timeline"][data-part="actions-toggle"]').click();
    await newest.locator('[data-scope="audit-timeline"][data-part="actions-menu"]').waitFor();
    const withHistory = entries.filter({ has: page.getByRole("button", { name: /^Verlauf von / }) }).first();
    await withHistory.getByRole("button", { name: /^Verlauf von / }).first().click();
    await withHistory.locator('[data-scope="field-history"][data-part="root"][data-state="ready"]').waitFor();
    assert.deepEqual(await findEnglish(page), [], "English left on the German product page");
  });

  await t.test("the history page, a row's diff open: no English left", async () => {
    await page.getByRole("link", { name: de["resource.history"], exact: true }).click();
    const rows = page.locator('[data-scope="audit-log-table"][data-part="row"]');
    await rows.first().waitFor();
    await rows.first().locator('[data-scope="audit-log-table"][data-part="toggle"]').click();
    await page.locator('[data-scope="audit-log-table"][data-part="detail"] [data-scope="record-diff"][data-part="root"]').first().waitFor();
    await page.locator('[data-scope="audit-log-table"][data-part="columns"] summary').click();
    assert.deepEqual(await findEnglish(page), [], "English left on the German history page");
  });

  await t.test("the same reading finds the English of the English page (it does read the page)", async () => {
    await page.getByLabel("Sprache").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "History" }).waitFor();
    const english = await findEnglish(page);
    for (const phrase of ["Show changes", "Export CSV", "Rows per page", "Every create, update and delete"]) {
      assert.ok(english.some((line) => line.startsWith(`"${phrase}`)), `${phrase} found: ${english.slice(0, 5).join("; ")}`);
    }
  });

  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});

test("a new photo, a category by its title and variants by SKU in the timeline", async (t) => {
  const { context, page, errors } = await openPage();
  const lamp = queryOne("SELECT id, doc FROM products WHERE json_extract(doc, '$.sku') = 'LGT-ARC'");
  const before = JSON.parse(lamp.doc);
  const categoryTitle = (/** @type {number} */ id) => JSON.parse(queryOne("SELECT doc FROM categories WHERE id = ?", id).doc).title;
  const furniture = queryOne("SELECT id FROM categories WHERE json_extract(doc, '$.slug') = 'furniture'").id;
  const newPhoto = "/photos/arc-floor-lamp-brass.svg";
  assert.equal(before.photo, "/photos/arc-floor-lamp.svg");

  await t.test("the product's page shows its photo; the form changes it and the category", async () => {
    await page.goto(`${demo.baseUrl}/products/show/${lamp.id}`);
    const photo = page.locator(".photo img");
    await photo.waitFor();
    assert.equal(await photo.getAttribute("src"), before.photo);
    assert.ok(await photo.evaluate((img) => /** @type {HTMLImageElement} */ (img).complete && /** @type {HTMLImageElement} */ (img).naturalWidth > 0), "the server serves the photo");

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByLabel("Photo", { exact: true }).fill(newPhoto);
    await page.getByLabel("Category", { exact: true }).selectOption({ label: categoryTitle(furniture) });
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(new RegExp(`/products/show/${lamp.id}$`));
    await page.locator(`.photo img[src="${newPhoto}"]`).waitFor();
    assert.equal(JSON.parse(queryOne("SELECT doc FROM products WHERE id = ?", lamp.id).doc).photo, newPhoto);
  });

  const newest = timelineEntries(page).first();

  await t.test("the timeline shows the old and the new photo as two thumbnails, side by side", async () => {
    await page.waitForFunction((id) => document.querySelector('[data-scope="audit-timeline"][data-part="entry"]')?.getAttribute("data-log-id") === String(id), queryOne("SELECT max(id) AS id FROM audit_logs").id);
    await newest.getByRole("button", { name: "Show changes" }).click();
    const row = newest.locator('[data-scope="record-diff"][data-part="field"][data-path="photo"]');
    await row.waitFor();
    const before = row.locator('del[data-part="before"] img[data-part="image"]');
    const after = row.locator('ins[data-part="after"] img[data-part="image"]');
    assert.equal(await before.getAttribute("src"), `${demo.baseUrl}/photos/arc-floor-lamp.svg`);
    assert.equal(await after.getAttribute("src"), `${demo.baseUrl}${newPhoto}`);
    for (const image of [before, after]) await page.waitForFunction((img) => /** @type {HTMLImageElement} */ (img).complete && /** @type {HTMLImageElement} */ (img).naturalWidth > 0, await image.elementHandle());
    const [left, right] = [await before.boundingBox(), await after.boundingBox()];
    assert.ok(left && right, "both thumbnails are shown");
    assert.ok(left.x + left.width <= right.x, "the old photo is left of the new one");
    assert.ok(Math.abs(left.y - right.y) < left.height, "on one line");
  });

  await t.test("the category by its title, before and after", async () => {
    const row = newest.locator('[data-scope="record-diff"][data-part="field"][data-path="categoryId"]');
    await row.locator('[data-part="reference"][data-state="resolved"]').first().waitFor();
    assert.equal((await row.locator('del[data-part="before"]').innerText()).trim(), categoryTitle(before.categoryId));
    assert.equal((await row.locator('ins[data-part="after"]').innerText()).trim(), categoryTitle(furniture));
  });

  await t.test("a variant's change is labelled by its SKU", async () => {
    // The spring price review and the seeded variant edits: "Variants › LGT-ARC-BLK › Price".
    const variantLog = queryOne(
      "SELECT id FROM audit_logs WHERE resource = 'products' AND record_id = ? AND action = 'update' AND json_type(data, '$.variants') IS NOT NULL ORDER BY id",
      String(lamp.id),
    );
    assert.ok(variantLog, "the seed changed a variant of the arc lamp");
    const entry = timelineEntries(page).and(page.locator(`[data-log-id="${variantLog.id}"]`));
    await entry.getByRole("button", { name: "Show changes" }).click();
    const labels = await entry.locator('[data-scope="record-diff"][data-part="label"]').allInnerTexts();
    const skus = before.variants.map((/** @type {{ sku: string }} */ variant) => variant.sku);
    assert.ok(
      labels.some((label) => skus.some((/** @type {string} */ sku) => label.includes(`Variants › ${sku}`))),
      `labels: ${labels.join(" | ")}`,
    );
  });

  assert.deepEqual(errors, [], "no uncaught errors in the page");
  await context.close();
});
