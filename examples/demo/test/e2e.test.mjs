// @ts-check
// The demo app end to end, the way a user meets the kit: the app built by Vite, served with
// its API over a temporary database, driven in Debian's Chromium through playwright-core.
// Create a product; edit a nested field and the description; the timeline shows the new
// entry with the true before and after values without a reload; name the version; reload
// and find the name kept; filter the history table by the changed field; export CSV.
// Versions: compare a seeded product's first version with now, restore it from the
// timeline (the confirmation shows what will be written; the record, the database and a
// new "Restored …" entry follow), open a link to one entry, and read the price's history.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, startDemo } from "./harness.mjs";

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
/** @type {import("playwright-core").Browser} */
let browser;
/** @type {import("playwright-core").Page} */
let page;
/** @type {string[]} */
const pageErrors = [];

before(async () => {
  demo = await startDemo({ build: true });
  browser = await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "Europe/London" });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** @param {string} sql @param {unknown[]} args */
const queryOne = (sql, ...args) => /** @type {any} */ (demo.db.prepare(sql).get(...args));

/**
 * A tiny RFC 4180 reader: quoted fields may hold commas, quotes and line breaks.
 * @param {string} text
 */
function parseCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

const timeline = () => page.locator('[data-scope="audit-timeline"][data-part="root"]');
const timelineEntries = () => page.locator('[data-scope="audit-timeline"][data-part="entry"]');

test("a product's life in the demo app", async (t) => {
  /** @type {number} */
  let productId = 0;
  /** @type {number} */
  let updateLogId = 0;

  await t.test("create a product", async () => {
    await page.goto(`${demo.baseUrl}/products/create`);
    await page.getByLabel("Title", { exact: true }).fill("Harbour Pendant Lamp");
    await page.getByLabel("SKU", { exact: true }).fill("LGT-HPL");
    await page.getByLabel("Category", { exact: true }).selectOption({ label: "Lighting" });
    await page.getByLabel("Status", { exact: true }).selectOption("active");
    await page.getByLabel("Price", { exact: true }).fill("210");
    await page.getByLabel("Stock", { exact: true }).fill("7");
    await page.getByLabel("Tags", { exact: true }).fill("kitchen, pendant");
    await page
      .getByLabel("Description", { exact: true })
      .fill("A wide pendant for a kitchen table. The shade is spun from recycled aluminium and lined in white so the light falls softly on the table below.");
    await page.getByLabel("Width", { exact: true }).fill("35");
    await page.getByLabel("Height", { exact: true }).fill("28");
    await page.getByLabel("Depth", { exact: true }).fill("35");
    await page.getByLabel("Supplier name").fill("Lumen Works GmbH");
    await page.getByLabel("City").fill("Hamburg");
    await page.getByRole("button", { name: "Add variant" }).click();
    await page.getByLabel("Variant 1 SKU").fill("LGT-HPL-WHT");
    await page.getByLabel("Variant 1 price").fill("210");
    await page.getByRole("button", { name: "Create product" }).click();

    await page.waitForURL(/\/products\/show\/\d+$/);
    productId = Number(/\/products\/show\/(\d+)$/.exec(page.url())?.[1]);
    await page.getByRole("heading", { level: 1, name: "Harbour Pendant Lamp" }).waitFor();
    await timelineEntries().first().waitFor();
    assert.equal(await timelineEntries().count(), 1);
    assert.equal(await timelineEntries().first().getAttribute("data-action"), "create");
    assert.match(await timelineEntries().first().locator('[data-part="author"]').innerText(), /Dana Whitfield/);
    const stored = queryOne("SELECT doc FROM products WHERE id = ?", productId);
    assert.deepEqual(JSON.parse(stored.doc).dimensions, { width: 35, height: 28, depth: 35, unit: "cm" });
  });

  await t.test("edit a nested field and the description; the timeline shows it without a reload", async () => {
    // A marker on the window: a full page load would lose it.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.waitForURL(/\/products\/edit\/\d+$/);
    const width = page.getByLabel("Width", { exact: true });
    await width.waitFor();
    assert.equal(await width.inputValue(), "35");
    await width.fill("42");
    const description = page.getByLabel("Description", { exact: true });
    await description.fill((await description.inputValue()).replace("recycled aluminium", "recycled brass"));
    await page.getByRole("button", { name: "Save changes" }).click();

    await page.waitForURL(new RegExp(`/products/show/${productId}$`));
    const newest = timelineEntries().first();
    await page.waitForFunction(() => document.querySelectorAll('[data-scope="audit-timeline"][data-part="entry"]').length === 2);
    assert.equal(await newest.getAttribute("data-action"), "update");
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__sameDocument), true, "no page load happened");

    await newest.getByRole("button", { name: "Show changes" }).click();
    const widthRow = newest.locator('[data-scope="record-diff"] [data-part="field"][data-path="dimensions.width"]');
    await widthRow.waitFor();
    assert.equal((await widthRow.locator('del[data-part="before"]').innerText()).trim(), "35");
    assert.equal((await widthRow.locator('ins[data-part="after"]').innerText()).trim(), "42");
    assert.equal(await widthRow.getAttribute("data-inferred"), null, "the before-value comes from the server, not inferred");
    const descriptionRow = newest.locator('[data-scope="record-diff"] [data-part="field"][data-path="description"]');
    assert.match(await descriptionRow.locator("del").first().innerText(), /aluminium/);
    assert.match(await descriptionRow.locator("ins").first().innerText(), /brass/);
    // Only what changed: the height, say, is not listed as a change.
    assert.equal(await newest.locator('[data-part="field"][data-path="dimensions.height"][data-change="changed"]').count(), 0);

    const logged = queryOne("SELECT id, previous_data, data FROM audit_logs WHERE resource = 'products' AND record_id = ? AND action = 'update' ORDER BY id DESC", String(productId));
    updateLogId = logged.id;
    assert.equal(JSON.parse(logged.previous_data).dimensions.width, 35, "the server stored the true before-value");
    assert.equal(JSON.parse(logged.data).dimensions.width, 42);
    assert.equal(await newest.getAttribute("data-log-id"), String(updateLogId));
  });

  await t.test("name the version, reload, and find the name kept", async () => {
    const newest = timelineEntries().first();
    // "Name this version" is in the entry's actions; the input opens in the entry's header.
    await newest.getByRole("button", { name: "Actions" }).click();
    await newest.getByRole("button", { name: "Name this version" }).click();
    await newest.getByLabel("Version name").fill("Wider shade in brass");
    await newest.getByRole("button", { name: "Save" }).click();
    await newest.locator('[data-scope="rename-log-entry"][data-state="idle"][data-named]').waitFor();
    assert.match(await newest.innerText(), /Wider shade in brass/);

    await page.reload();
    await timeline().locator(`[data-part="entry"][data-log-id="${updateLogId}"][data-named]`).waitFor();
    assert.match(await timelineEntries().first().innerText(), /Wider shade in brass/);
    assert.equal(queryOne("SELECT name FROM audit_logs WHERE id = ?", updateLogId).name, "Wider shade in brass");
  });

  await t.test("filter the history table by the changed field, and export CSV", async () => {
    await page.getByRole("link", { name: "History" }).click();
    const table = page.locator('[data-scope="audit-log-table"][data-part="table"]');
    const rows = table.locator('tr[data-part="row"]');
    await rows.first().waitFor();
    // The newest seeded entry changed the stock only: listed now, gone once filtered.
    const stockOnly = queryOne(
      "SELECT id FROM audit_logs WHERE resource = 'products' AND json_type(data, '$.stock') IS NOT NULL AND json_type(data, '$.dimensions') IS NULL ORDER BY created_at DESC, id DESC",
    ).id;
    await table.locator(`tr[data-log-id="${stockOnly}"]`).waitFor();
    await table.locator(`tr[data-log-id="${updateLogId}"]`).waitFor();

    await page.getByLabel("Changed field").fill("dimensions.width");
    await table.locator(`tr[data-log-id="${stockOnly}"]`).waitFor({ state: "detached" });
    await table.locator(`tr[data-log-id="${updateLogId}"]`).waitFor();
    // Every filtered row on one page, to hold them against the database and the export.
    await page.getByLabel("Rows per page").selectOption("100");
    const shownIds = await rows.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute("data-log-id"))));
    assert.ok(shownIds.length > 0 && shownIds.length < 100);
    // "Changed" means changed: each row shown wrote the field with a value other than its
    // earlier one (the demo's server stores true previousData), or created it, as the database says.
    const changedWidth = demo.db.prepare(
      `SELECT count(*) AS n FROM audit_logs WHERE id = ? AND (
         (json_type(data, '$.dimensions.width') IS NOT NULL AND json_extract(data, '$.dimensions.width') IS NOT json_extract(previous_data, '$.dimensions.width'))
         OR (json_type(previous_data, '$.dimensions.width') IS NOT NULL AND json_type(data, '$.dimensions.width') IS NULL)
         OR EXISTS (SELECT 1 FROM json_each(CASE json_type(data) WHEN 'array' THEN data ELSE '[]' END) WHERE json_type(value, '$.dimensions.width') IS NOT NULL))`,
    );
    for (const id of shownIds) assert.equal(/** @type {any} */ (changedWidth.get(id)).n, 1, `entry ${id} did not change dimensions.width`);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV", exact: true }).click()]);
    // Named after today: in UTC or in the viewer's time zone (London here), whichever the kit uses.
    const now = new Date();
    const days = [now.toISOString().slice(0, 10), new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now)];
    const fileName = download.suggestedFilename();
    assert.ok(days.some((day) => fileName === `audit-log-products-${day}.csv`), `file name: ${fileName}`);
    const csv = (await readFile(/** @type {string} */ (await download.path()), "utf8")).replace(/^\uFEFF/, "");
    const [header, ...records] = parseCsv(csv).filter((record) => record.some((cell) => cell !== ""));
    assert.equal(records.length, shownIds.length, "the export holds every filtered entry");
    assert.ok(header.includes("Name") && header.includes("Author"), `header: ${header.join(", ")}`);
    const named = records.find((record) => record.includes("Wider shade in brass"));
    assert.ok(named, "the named version is in the export");
    assert.equal(named[header.indexOf("Author")], "Dana Whitfield");
    assert.ok(named.includes(String(productId)));
  });

  assert.deepEqual(pageErrors, [], "no uncaught errors in the page");
});

/** A price as the demo shows it to this browser (en-GB, prices in euros). */
const euros = (/** @type {number} */ value) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(value);

/**
 * A record's prices in the order the log holds them, oldest first: from its creation, its
 * updates and the bulk entries that list it.
 * @param {string} recordId
 */
function loggedPrices(recordId) {
  const rows = /** @type {Array<{ action: string, record_id: string | null, data: string | null, meta: string }>} */ (
    demo.db.prepare("SELECT action, record_id, data, meta FROM audit_logs WHERE resource = 'products' ORDER BY created_at, id").all()
  );
  /** @type {number[]} */
  const prices = [];
  for (const row of rows) {
    const data = JSON.parse(row.data ?? "null");
    if (row.record_id === recordId && data && !Array.isArray(data) && typeof data.price === "number") prices.push(data.price);
    else if (Array.isArray(data) && (JSON.parse(row.meta).ids ?? []).map(String).includes(recordId)) {
      const item = data.find((candidate) => String(candidate.id) === recordId);
      if (typeof item?.price === "number") prices.push(item.price);
    }
  }
  return prices;
}

test("versions: compare, restore from the timeline, links to an entry, a field's history", async (t) => {
  // A seeded product whose price changed since it was created (so it has two versions at least).
  const product = queryOne(
    `SELECT p.id, p.doc, l.id AS createId, l.data AS created FROM products p
       JOIN audit_logs l ON l.resource = 'products' AND l.action = 'create' AND l.record_id = CAST(p.id AS TEXT)
     WHERE json_extract(p.doc, '$.price') <> json_extract(l.data, '$.price') ORDER BY p.id`,
  );
  assert.ok(product, "the seed has a product whose price changed");
  const productId = String(product.id);
  const createId = Number(product.createId);
  const created = JSON.parse(product.created);
  const before = JSON.parse(product.doc);
  /** @type {number} */
  let restoreLogId = 0;
  const entry = (/** @type {number} */ id) => timeline().locator(`[data-part="entry"][data-log-id="${id}"]`);

  await t.test("the page compares the first version with the product as it is now", async () => {
    await page.goto(`${demo.baseUrl}/products/show/${productId}`);
    await page.getByRole("heading", { level: 1, name: before.title }).waitFor();
    const compare = page.locator('[data-scope="compare-versions"][data-part="root"][data-state="ready"]');
    await compare.waitFor();
    assert.match(await compare.locator('[data-part="heading"]').innerText(), /^Version of .+ → Current$/);
    const priceRow = compare.locator('[data-scope="record-diff"][data-part="field"][data-path="price"]');
    assert.equal((await priceRow.locator('del[data-part="before"]').innerText()).trim(), euros(created.price));
    assert.equal((await priceRow.locator('ins[data-part="after"]').innerText()).trim(), euros(before.price));
  });

  await t.test("restore the first version from the timeline: confirm the diff, then the record, the database and the timeline follow", async () => {
    const first = entry(createId);
    await first.scrollIntoViewIfNeeded();
    await first.getByRole("button", { name: "Actions" }).click();
    await first.getByRole("button", { name: "Restore this version" }).click();
    const dialog = first.getByRole("dialog");
    await first.locator('[data-scope="write-back"][data-part="panel"][data-state="confirming"]').waitFor();
    // Exactly what will be written: the current value → the value to write, for the fields that differ.
    const priceRow = dialog.locator('[data-scope="record-diff"][data-part="field"][data-path="price"]');
    assert.equal((await priceRow.locator('del[data-part="before"]').innerText()).trim(), euros(before.price));
    assert.equal((await priceRow.locator('ins[data-part="after"]').innerText()).trim(), euros(created.price));
    const differing = Object.keys(created).filter((key) => JSON.stringify(created[key]) !== JSON.stringify(before[key]));
    const paths = await dialog.locator('[data-scope="record-diff"][data-part="field"]').evaluateAll((rows) => rows.map((row) => row.getAttribute("data-path") ?? ""));
    assert.ok(paths.length > 0);
    for (const path of paths) assert.ok(differing.includes(path.split(".")[0]), `the confirmation lists ${path}, which did not change`);

    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await first.locator('[data-scope="write-back"][data-part="status"]', { hasText: "Version restored." }).waitFor();

    // The page shows the restored values, without a reload.
    await page.locator('.details dt:text-is("Price") + dd', { hasText: euros(created.price) }).waitFor();
    // The timeline has a new entry that says what it restored.
    const restored = timelineEntries().first().locator('[data-scope="audit-timeline"][data-part="restored"]');
    await restored.waitFor();
    assert.match(await restored.innerText(), /^Restored the version of /);

    // The database holds the first version again, and the entry Refine logged says what it restored.
    assert.deepEqual(JSON.parse(queryOne("SELECT doc FROM products WHERE id = ?", product.id).doc), created);
    const log = queryOne("SELECT id, data, previous_data, meta FROM audit_logs WHERE resource = 'products' AND record_id = ? ORDER BY id DESC", productId);
    restoreLogId = log.id;
    assert.equal(await timelineEntries().first().getAttribute("data-log-id"), String(restoreLogId));
    const meta = JSON.parse(log.meta);
    assert.equal(meta.restoredFrom, createId);
    assert.equal(meta.restoreKind, "restore");
    assert.equal(JSON.parse(log.data).price, created.price);
    assert.equal(JSON.parse(log.previous_data).price, before.price, "the server paired the write with its before-values");
  });

  await t.test("a link to an entry opens it; the price's history lists every price", async () => {
    await page.goto(`${demo.baseUrl}/products/show/${productId}?auditEntry=${createId}`);
    const linked = entry(createId);
    await timeline().locator(`[data-part="entry"][data-log-id="${createId}"][data-state="open"]`).waitFor();
    assert.equal(await linked.getAttribute("data-linked"), "");
    await page.waitForFunction((id) => document.activeElement?.getAttribute("data-log-id") === String(id), createId);

    // Newest first; the restore made the first price the latest again.
    const expected = loggedPrices(productId).reverse().map(euros);
    assert.equal(expected[0], euros(created.price));
    assert.ok(expected.length >= 3, `prices: ${expected.join(", ")}`);
    const valuesOf = (/** @type {import("playwright-core").Locator} */ root) =>
      root.locator('[data-scope="field-history"][data-part="point"] > [data-scope="field-history"][data-part="value"]').allInnerTexts();

    await linked.getByRole("button", { name: "History of Price" }).click();
    const inEntry = linked.locator('[data-scope="field-history"][data-part="root"][data-state="ready"]');
    await inEntry.waitFor();
    assert.deepEqual((await valuesOf(inEntry)).map((text) => text.trim()), expected);

    const section = page.getByRole("region", { name: "Price history" });
    const history = section.locator('[data-scope="field-history"][data-part="root"][data-state="ready"]');
    await history.waitFor();
    assert.deepEqual((await valuesOf(history)).map((text) => text.trim()), expected);
    assert.match((await history.locator('[data-part="chart"]').getAttribute("aria-label")) ?? "", /^Price over time/);
  });

  assert.deepEqual(pageErrors, [], "no uncaught errors in the page");
});
