// @ts-check
// The demo in Refine's Ant Design and MUI layouts (issue 15), end to end: for each, the app
// built by Vite with that UI (what `npm start -- --ui antd|mui` runs), served with its API
// over a temporary database, in Debian's Chromium through playwright-core:
// - the layout is the framework's, its sider listing the resources (the history too);
// - a product's page shows its timeline, a diff open, in the framework's font;
// - a new price saved in the form shows up in the timeline, without a reload;
// - the history page is the framework's table over `useAuditLogTable`: rows, a row's diff,
//   and the changed-field filter;
// - the header's dark mode switch turns the framework dark, and the kit's parts with it
//   (their computed colours);
// - the header's language switch: no English of the kit or the demo left on the history page.
// And the theming bridges the kit's README shows are these files, as they are.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, startDemo } from "./harness.mjs";
import { findEnglish, loadEnglishPhrases } from "./pageLanguage.mjs";

/** @typedef {import("playwright-core").Page} Page */

/**
 * What tells the shells apart: the framework's landmarks, the element whose font the
 * framework sets, the history table's rows, and how its language select is operated.
 * @type {Record<"antd" | "mui", { name: string, sider: string, header: string, fontFrom: string, layoutBackground: string, tableRow: string, chooseLanguage: (page: Page, language: string) => Promise<void> }>}
 */
const SHELLS = {
  antd: {
    name: "Ant Design",
    sider: "aside.ant-layout-sider",
    header: "header.ant-layout-header",
    fontFrom: ".ant-app",
    layoutBackground: ".ant-layout",
    tableRow: "tr.ant-table-row",
    chooseLanguage: async (page, language) => {
      // antd's Select opens from its box (the selected item covers the combobox input).
      await page.locator(".ant-select", { has: page.getByRole("combobox", { name: /^(Language|Sprache)$/ }) }).click();
      await page.locator(".ant-select-item-option", { hasText: language }).click();
    },
  },
  mui: {
    name: "MUI",
    // The permanent drawer (the temporary one, for small screens, stays hidden).
    sider: ".MuiDrawer-docked > .MuiDrawer-paper",
    header: "header.MuiAppBar-root",
    fontFrom: "body",
    layoutBackground: "body",
    tableRow: "tr.MuiTableRow-root",
    chooseLanguage: async (page, language) => {
      await page.getByRole("combobox", { name: /^(Language|Sprache)/ }).click();
      await page.getByRole("option", { name: language }).click();
    },
  },
};

/** @type {import("playwright-core").Browser} */
let browser;
/** @type {string[]} */
let phrases;
/** @type {Record<string, string>} */
let de;

before(async () => {
  ({ phrases, de } = await loadEnglishPhrases());
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
});

/** Relative luminance of a computed `rgb(…)` / `rgba(…)` colour (0 black, 1 white). @param {string} color */
function luminance(color) {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const value = Number(part) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  assert.ok(r !== undefined && g !== undefined && b !== undefined, `a colour: ${color}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The computed text colour of the first element `selector` matches, and the kit's
 * background variable as it resolves there (as a computed colour).
 * @param {Page} page @param {string} selector
 */
const kitColors = (page, selector) =>
  page.locator(selector).first().evaluate((element) => {
    const probe = element.appendChild(document.createElement("span"));
    probe.style.background = "var(--rat-bg)";
    const background = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return { color: getComputedStyle(element).color, background, fontFamily: getComputedStyle(element).fontFamily };
  });

test("the README's theming bridges are the demo's", () => {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  for (const file of ["antd/AntdAuditTrailTheme.tsx", "mui/MuiAuditTrailTheme.tsx"]) {
    const source = readFileSync(new URL(`../src/ui/${file}`, import.meta.url), "utf8").trim();
    assert.ok(readme.includes(`\`\`\`tsx\n${source}\n\`\`\``), `README.md shows src/ui/${file} as it is`);
  }
});

const timelineEntries = (/** @type {Page} */ page) => page.locator('[data-scope="audit-timeline"][data-part="entry"]');

for (const [ui, shell] of /** @type {[keyof typeof SHELLS, (typeof SHELLS)[keyof typeof SHELLS]][]} */ (Object.entries(SHELLS))) {
  test(`the demo in Refine's ${shell.name} layout (--ui ${ui})`, async (t) => {
    const demo = await startDemo({ build: true, ui });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "Europe/London", colorScheme: "light" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    /** @type {string[]} */
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    /** @param {string} sql @param {unknown[]} args */
    const queryOne = (sql, ...args) => /** @type {any} */ (demo.db.prepare(sql).get(...args));
    // The table lamp: a price history, a bulk price review, variants.
    const lamp = queryOne("SELECT id, doc FROM products WHERE json_extract(doc, '$.sku') = 'LGT-PLT'");
    const before = JSON.parse(lamp.doc);
    const newPrice = Math.round(before.price * 100 + 1100) / 100;
    const euros = (/** @type {number} */ amount) => new Intl.NumberFormat("en-GB", { style: "currency", currency: before.currency ?? "EUR" }).format(amount);
    const tableRows = page.locator(`${shell.tableRow}[data-scope="audit-log-table"][data-part="row"]`);
    let priceLogId = 0;

    try {
      await t.test("the layout is the framework's; its sider lists the resources and the history", async () => {
        await page.goto(`${demo.baseUrl}/products`);
        await page.locator(shell.sider).first().waitFor();
        await page.locator(shell.header).waitFor();
        assert.equal(await page.locator(".shell, .topbar").count(), 0, "not the plain layout");
        for (const name of ["Products", "Categories", "History"]) await page.locator(shell.sider).getByRole("link", { name }).first().waitFor();
        await page.locator(".themed-page[data-theme='light']").waitFor();
      });

      await t.test("a product's page: the timeline with entries, a diff open, in the framework's font", async () => {
        await page.goto(`${demo.baseUrl}/products/show/${lamp.id}`);
        const newest = timelineEntries(page).first();
        await newest.waitFor();
        assert.ok((await timelineEntries(page).count()) >= 3);
        await newest.getByRole("button", { name: "Show changes" }).click();
        await newest.locator('[data-scope="record-diff"][data-part="root"]').waitFor();
        const kit = await kitColors(page, '[data-scope="audit-timeline"][data-part="root"]');
        const framework = await page.locator(shell.fontFrom).first().evaluate((element) => getComputedStyle(element).fontFamily);
        assert.equal(kit.fontFamily, framework, "the kit's font is the framework's");
        assert.ok(luminance(kit.color) < 0.2 && luminance(kit.background) > 0.8, `light: ${JSON.stringify(kit)}`);
      });

      await t.test("a new price saved in the form shows up in the timeline, without a reload", async () => {
        await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
        await page.getByRole("link", { name: "Edit", exact: true }).click();
        const price = page.getByLabel("Price", { exact: true });
        await price.waitFor();
        await price.fill(String(newPrice));
        await page.getByRole("button", { name: "Save changes" }).click();
        await page.waitForURL(new RegExp(`/products/show/${lamp.id}$`));
        priceLogId = queryOne("SELECT max(id) AS id FROM audit_logs").id;
        await page.waitForFunction((id) => document.querySelector('[data-scope="audit-timeline"][data-part="entry"]')?.getAttribute("data-log-id") === String(id), priceLogId);
        assert.equal(await page.evaluate(() => /** @type {any} */ (window).__sameDocument), true, "no page load happened");
        const newest = timelineEntries(page).first();
        await newest.getByRole("button", { name: "Show changes" }).click();
        const row = newest.locator('[data-scope="record-diff"][data-part="field"][data-path="price"]');
        assert.equal((await row.locator('del[data-part="before"]').innerText()).trim(), euros(before.price));
        assert.equal((await row.locator('ins[data-part="after"]').innerText()).trim(), euros(newPrice));
      });

      await t.test(`the history page: ${shell.name}'s table lists the log, opens a row and filters by changed field`, async () => {
        await page.locator(shell.sider).getByRole("link", { name: "History" }).first().click();
        await page.getByRole("heading", { level: 1, name: "History" }).waitFor();
        await tableRows.first().waitFor();
        assert.equal(await tableRows.first().getAttribute("data-log-id"), String(priceLogId), "newest first");
        assert.ok((await tableRows.count()) >= 10, "a page of rows");
        // The newest change that did not touch the price: listed now, filtered out below.
        const other = queryOne(
          "SELECT id FROM audit_logs WHERE resource = 'products' AND action = 'update' AND json_type(data, '$.price') IS NULL AND json_type(data, '$.variants') IS NULL ORDER BY id DESC",
        ).id;
        await page.locator(`${shell.tableRow}[data-log-id="${other}"]`).waitFor();

        const newest = tableRows.first();
        await newest.getByRole("button", { name: "Show changes" }).click();
        await page.locator('[data-scope="audit-log-table"][data-part="detail"] [data-scope="record-diff"] [data-part="field"][data-path="price"]').waitFor();

        await page.getByLabel("Changed field", { exact: true }).fill("price");
        await page.locator(`${shell.tableRow}[data-log-id="${other}"]`).waitFor({ state: "detached" });
        const matches = await tableRows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-match")));
        assert.ok(matches.length > 0 && matches.every((match) => match === "changed" || match === "possible"), `rows: ${matches.join(", ")}`);
        assert.equal(await tableRows.first().getAttribute("data-log-id"), String(priceLogId));
      });

      await t.test("dark mode: the framework turns dark, and the kit's parts with it", async () => {
        const layoutBackground = () => page.locator(shell.layoutBackground).first().evaluate((element) => getComputedStyle(element).backgroundColor);
        assert.ok(luminance(await layoutBackground()) > 0.8, "light at first");
        await page.getByLabel("Dark mode").click();
        await page.locator(".themed-page[data-theme='dark']").waitFor();
        await page.waitForFunction((selector) => {
          const [r, g, b] = (getComputedStyle(/** @type {Element} */ (document.querySelector(selector))).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
          return (r ?? 255) + (g ?? 255) + (b ?? 255) < 150;
        }, shell.layoutBackground);
        const table = await kitColors(page, '[data-scope="audit-log-table"][data-part="root"]');
        assert.ok(luminance(table.color) > 0.5, `the table's text is light: ${table.color}`);
        assert.ok(luminance(table.background) < 0.05, `the kit's background is dark: ${table.background}`);
        const after = await page.locator('[data-scope="audit-log-table"][data-part="detail"] ins[data-part="after"]').first().evaluate((element) => getComputedStyle(element).color);
        assert.ok(luminance(after) > 0.3, `an added value reads on dark: ${after}`);
        // Remembered.
        await page.reload();
        await page.locator(".themed-page[data-theme='dark']").waitFor();
      });

      await t.test("in German: no English of the kit or the demo on the history page", async () => {
        await tableRows.first().waitFor();
        await shell.chooseLanguage(page, "Deutsch");
        await page.getByRole("heading", { level: 1, name: de["history.title"] }).waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
        await page.locator(shell.sider).getByRole("link", { name: de["resource.history"] }).first().waitFor();
        await tableRows.first().getByRole("button", { name: "Änderungen anzeigen" }).click();
        await page.locator('[data-scope="audit-log-table"][data-part="detail"] [data-scope="record-diff"][data-part="root"]').first().waitFor();
        assert.deepEqual(await findEnglish(page, phrases), [], "English left on the German history page");
      });

      assert.deepEqual(errors, [], "no uncaught errors in the page");
    } finally {
      await context.close();
      await demo.close();
    }
  });
}
