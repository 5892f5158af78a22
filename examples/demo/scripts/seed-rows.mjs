#!/usr/bin/env node
// @ts-check
// `npm run demo:seed -- --rows 1000000`: adds a long, realistic history to the demo's store:
// thousands of products (and some categories) created, edited, repriced in bulk and deleted
// over two years by two dozen people, each audit row with its true before and after values,
// its changed field paths and its records, as the server writes them. The products it makes
// are real records (their history replays to them), so the demo shows them too.
//
//   npm run demo:seed -- --rows 1000000            the demo's database (DEMO_DB, else examples/demo/data/demo.sqlite)
//   npm run demo:seed -- --rows 200000 --db x.sqlite   another SQLite file (created and seeded first when new)
//   npm run demo:seed -- --rows 1000000 --pglite dir   a PGlite (PostgreSQL) database in `dir`: the audit store only
//   --seed 7   another story (the default is always the same one)
//
// Fast: rows go in by batches in transactions (SQLite: the secondary indexes are dropped
// first and rebuilt once; PostgreSQL: COPY, then the indexes), about half a minute per
// million rows on SQLite on 2 cores.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildAuditRow } from "../server/auditRows.mjs";
import { createRandom } from "../server/seed.mjs";
import { AUDIT_COLUMNS, POSTGRES_AUDIT_INDEXES, POSTGRES_AUDIT_TABLES, SQLITE_AUDIT_INDEX_NAMES, SQLITE_AUDIT_INDEXES } from "../server/auditSchema.mjs";

/** @typedef {import("../server/auditRows.mjs").AuditEntry} AuditEntry */

/** Changes whenever the story does (a benchmark's cached store of another version is seeded again). */
export const STORY_VERSION = 2;
/** @typedef {Record<string, any>} Doc */

const DAY = 24 * 60 * 60 * 1000;


const FIRST_NAMES = ["Amira", "Jonas", "Priya", "Lucía", "Dana", "Mateo", "Ingrid", "Kwame", "Sofia", "Hiroshi", "Elena", "Omar", "Freya", "Tomasz", "Aisha", "Lars", "Chiara", "Yusuf", "Maren", "Rafael", "Nadia", "Pieter", "Leila", "Bruno"];
const LAST_NAMES = ["Haddad", "Becker", "Raman", "Ortega", "Whitfield", "Silva", "Nilsson", "Mensah", "Rossi", "Tanaka", "Petrova", "Farouk", "Lindqvist", "Kowalski", "Bello", "Eriksen", "Ferraro", "Demir", "Vogel", "Costa", "Rahimi", "de Vries", "Karimi", "Moreau"];
const ADJECTIVES = ["Arc", "Pleated", "Brass", "Oak", "Linen", "Walnut", "Cast Iron", "Stoneware", "Wool", "Washed", "Jute", "Velvet", "Rattan", "Terracotta", "Copper", "Ash", "Marble", "Cotton", "Smoked Glass", "Birch"];
const NOUNS = ["Floor Lamp", "Table Lamp", "Wall Sconce", "Dining Table", "Lounge Chair", "Bookshelf", "Dutch Oven", "Dinner Set", "Chef's Knife", "Throw Blanket", "Duvet Cover", "Area Rug", "Cushion Cover", "Side Table", "Pendant Lamp", "Stool", "Serving Bowl", "Mirror", "Bench", "Planter"];
const TAGS = ["living room", "bedroom", "kitchen", "dining", "study", "hallway", "outdoor", "gift", "bestseller", "new", "sustainable", "made in europe", "handmade", "dimmable", "solid wood", "dishwasher safe"];
const CITIES = [
  { street: "Schanzenstraße 12", city: "Hamburg", postalCode: "20357", country: "Germany" },
  { street: "Storgatan 4", city: "Malmö", postalCode: "211 41", country: "Sweden" },
  { street: "18 Kelham Island", city: "Sheffield", postalCode: "S3 8RY", country: "United Kingdom" },
  { street: "Via Roma 88", city: "Milano", postalCode: "20121", country: "Italy" },
  { street: "7 rue des Potiers", city: "Lyon", postalCode: "69002", country: "France" },
  { street: "Hafenstraße 3", city: "Bremen", postalCode: "28217", country: "Germany" },
  { street: "Industrigatan 21", city: "Göteborg", postalCode: "417 07", country: "Sweden" },
];
const SUPPLIERS = ["Lumen Works GmbH", "Nordic Timber AB", "Forge & Fire Ltd", "Casa Lino SRL", "Atelier Céramique", "Hollandia Home BV", "Tatra Craft s.r.o."];
const SENTENCES = [
  "Every piece is inspected by hand before it leaves the workshop.",
  "Small variations in colour and grain are part of its character rather than flaws.",
  "We ship in recycled cardboard with paper padding.",
  "Spare parts remain available for at least ten years after the last sale.",
  "It is made to be repaired rather than replaced.",
  "The finish darkens gracefully with age.",
  "Wipe it with a damp cloth; no harsh detergents.",
  "Designed in our studio and made by a family workshop.",
];
const VERSION_NAMES = ["Checked against the supplier's price list", "Launch", "Spring catalogue", "Before the autumn sale", "Photo shoot", "Inventory count", "Supplier change"];
const PHOTOS = ["/photos/arc-floor-lamp.svg", "/photos/pleated-table-lamp.svg", "/photos/brass-wall-sconce.svg", "/photos/oak-dining-table.svg", "/photos/linen-lounge-chair.svg", "/photos/walnut-bookshelf.svg", null];

/**
 * @typedef {object} SeedStory
 * @property {() => Generator<SeedEvent>} events the history, oldest first
 * @property {Array<{ id: number | string, name: string, email: string }>} authors
 */
/**
 * @typedef {{ type: "create", resource: "products" | "categories", key: number, doc: Doc, entry: Omit<AuditEntry, "meta"> }
 *   | { type: "log", resource: "products" | "categories", keys: number[], entry: Omit<AuditEntry, "meta">, bulk: boolean, deleted?: boolean }} SeedEvent
 *   `key`: the record's place in the story (its id once written); `log`: an update or a delete of the records in `keys`
 */

/**
 * The story of `rows` audit rows ending at `end`: records are keyed by their order of
 * creation (the writer maps keys to ids). Products are ~94% of the rows, categories the rest.
 *
 * @param {{ rows: number, end: number, seed?: number, categoryIds?: number[] }} options
 *   categoryIds: existing categories products may belong to (besides those the story creates)
 */
export function createStory({ rows, end, seed, categoryIds = [] }) {
  const random = createRandom(seed ?? 20241105);
  const pick = (/** @type {readonly any[]} */ list) => list[Math.floor(random() * list.length)];
  const authors = FIRST_NAMES.map((first, i) => ({ id: 100 + i, name: `${first} ${LAST_NAMES[i]}`, email: `${first.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}.${LAST_NAMES[i].toLowerCase().replace(/[^a-z]/g, "")}@northwind.example` }));
  // A few people make most changes (Zipf-like weights).
  const weights = authors.map((_, i) => 1 / (i + 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickAuthor = () => {
    let at = random() * totalWeight;
    for (let i = 0; i < authors.length; i++) if ((at -= weights[i]) <= 0) return authors[i];
    return authors[0];
  };
  const start = end - 730 * DAY;
  const productTarget = Math.max(20, Math.round(rows / 250));
  const categoryTarget = Math.max(4, Math.round(rows / 20_000));

  function* events() {
    /** @type {Array<{ key: number, doc: Doc }>} */
    const products = [];
    /** @type {Array<{ key: number, doc: Doc }>} */
    const categories = [];
    let productKeys = 0;
    let categoryKeys = 0;
    let sku = 0;
    let time = start;
    const step = (end - start - 60 * 60 * 1000) / rows;
    for (let i = 0; i < rows; i++) {
      // Now and then a burst: several rows in the same millisecond (an import, a bulk tool).
      if (random() > 0.05) time += Math.floor(random() * 2 * step);
      const at = new Date(Math.min(time, end - 60_000)).toISOString();
      const author = pickAuthor();
      const name = random() < 0.015 ? pick(VERSION_NAMES) : null;
      const onCategories = categories.length < 2 || random() < 0.06;
      if (onCategories) {
        if (categories.length < categoryTarget && (categories.length < 2 || random() < categoryTarget / (rows * 0.06))) {
          const n = categoryKeys++;
          const doc = { title: `Range ${n + 1}`, slug: `range-${n + 1}`, description: pick(SENTENCES) };
          categories.push({ key: n, doc });
          yield /** @type {SeedEvent} */ ({ type: "create", resource: "categories", key: n, doc: { ...doc }, entry: { resource: "categories", action: "create", createdAt: at, author, name, data: { ...doc } } });
          continue;
        }
        const category = pick(categories);
        const patch = random() < 0.5 ? { description: `${pick(SENTENCES)} ${pick(SENTENCES)}` } : { title: `${pick(ADJECTIVES)} ${category.doc.title.split(" ").pop()}` };
        const previousData = Object.fromEntries(Object.keys(patch).map((key) => [key, category.doc[key]]));
        Object.assign(category.doc, patch);
        yield /** @type {SeedEvent} */ ({ type: "log", resource: "categories", keys: [category.key], bulk: false, entry: { resource: "categories", action: "update", createdAt: at, author, name, data: patch, previousData } });
        continue;
      }
      const roll = random();
      if (products.length < 5 || (products.length < productTarget * 1.2 && roll < productTarget / rows)) {
        const n = productKeys++;
        const price = Math.round(20 + random() * 1500);
        const code = `GEN-${String(++sku).padStart(6, "0")}`;
        /** @type {Doc} */
        const doc = {
          title: `${pick(ADJECTIVES)} ${pick(NOUNS)}`,
          sku: code,
          photo: pick(PHOTOS),
          status: random() < 0.8 ? "active" : "draft",
          price,
          currency: "EUR",
          stock: Math.floor(random() * 80),
          categoryId: { category: Math.floor(random() * Math.max(1, categories.length)), existing: categoryIds.length > 0 && random() < 0.5 ? pick(categoryIds) : undefined },
          tags: [...new Set([pick(TAGS), pick(TAGS)])],
          description: `${pick(SENTENCES)} ${pick(SENTENCES)} ${pick(SENTENCES)}`,
          dimensions: { width: 10 + Math.floor(random() * 200), height: 1 + Math.floor(random() * 200), depth: 10 + Math.floor(random() * 200), unit: "cm" },
          supplier: { name: pick(SUPPLIERS), email: "orders@supplier.example", address: { ...pick(CITIES) } },
          variants: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, v) => ({ id: `${code}-${v}`.toLowerCase(), sku: `${code}-${v}`, price: price + v * 20 })),
        };
        products.push({ key: n, doc });
        yield /** @type {SeedEvent} */ ({ type: "create", resource: "products", key: n, doc, entry: { resource: "products", action: "create", createdAt: at, author, name, data: doc } });
        continue;
      }
      if (roll > 0.998 && products.length > 40) {
        // A price review of several products in one go (one bulk row, meta.ids).
        const chosen = [...new Set(Array.from({ length: 5 + Math.floor(random() * 15) }, () => pick(products)))];
        const factor = 1 + (random() < 0.5 ? 0.05 : -0.05);
        const data = chosen.map((p) => ({ id: p.key, price: reprice(p.doc.price, factor) }));
        const previousData = chosen.map((p) => ({ id: p.key, price: p.doc.price }));
        chosen.forEach((p, index) => (p.doc.price = data[index].price));
        yield /** @type {SeedEvent} */ ({ type: "log", resource: "products", keys: chosen.map((p) => p.key), bulk: true, entry: { resource: "products", action: "updateMany", createdAt: at, author, name: name ?? "Price review", data, previousData } });
        continue;
      }
      const index = Math.floor(random() * products.length);
      const product = products[index];
      if (roll > 0.996 && products.length > productTarget * 0.5) {
        products.splice(index, 1);
        yield /** @type {SeedEvent} */ ({ type: "log", resource: "products", keys: [product.key], bulk: false, deleted: true, entry: { resource: "products", action: "delete", createdAt: at, author, name, previousData: product.doc } });
        continue;
      }
      const patch = editProduct(product.doc, random, pick);
      const previousData = Object.fromEntries(Object.keys(patch).map((key) => [key, product.doc[key]]));
      Object.assign(product.doc, patch);
      yield /** @type {SeedEvent} */ ({ type: "log", resource: "products", keys: [product.key], bulk: false, entry: { resource: "products", action: "update", createdAt: at, author, name, data: patch, previousData } });
    }
  }
  return { events, authors };
}

/**
 * One edit a person makes to a product: its changed top-level fields, as Refine's useUpdate sends them.
 * @param {Doc} doc @param {() => number} random @param {(list: readonly any[]) => any} pick
 * @returns {Doc}
 */
function editProduct(doc, random, pick) {
  const roll = random();
  if (roll < 0.3) return { price: reprice(doc.price, 1 + (random() - 0.5) * 0.2) };
  if (roll < 0.55) return { stock: Math.max(0, doc.stock + Math.round((random() - 0.4) * 30)) };
  if (roll < 0.62) return { price: reprice(doc.price, random() < 0.5 ? 1.1 : 0.9), stock: doc.stock + 5 };
  if (roll < 0.7) {
    const tag = pick(TAGS);
    return { tags: doc.tags.includes(tag) ? doc.tags.filter((/** @type {string} */ t) => t !== tag) : [...doc.tags, tag].slice(0, 20) };
  }
  if (roll < 0.76) return { description: `${pick(SENTENCES)} ${pick(SENTENCES)} ${pick(SENTENCES)}` };
  if (roll < 0.82) {
    const key = pick(["width", "height", "depth"]);
    return { dimensions: { ...doc.dimensions, [key]: doc.dimensions[key] + 5 } };
  }
  if (roll < 0.86) return { supplier: { ...doc.supplier, address: { ...pick(CITIES) } } };
  if (roll < 0.9) {
    const [first, ...rest] = doc.variants;
    return { variants: [{ ...first, price: reprice(first.price, random() < 0.5 ? 1.08 : 0.93) }, ...rest] };
  }
  if (roll < 0.93) return { status: doc.status === "active" ? "discontinued" : "active" };
  if (roll < 0.96) return { title: `${pick(ADJECTIVES)} ${pick(NOUNS)}` };
  if (roll < 0.98) return { photo: pick(PHOTOS) };
  return doc.currency === "EUR" ? { currency: "GBP", price: reprice(doc.price, 0.86) } : { currency: "EUR", price: reprice(doc.price, 1 / 0.86) };
}

/** A new price: a step of a random walk kept between 5 and 20,000 (prices do not run away over two years). @param {number} price @param {number} factor */
const reprice = (price, factor) => Math.min(20_000, Math.max(5, Math.round(price * factor)));

/** @param {string} file */
async function openSqliteStore(file) {
  const { openDatabase } = await import("../server/database.mjs");
  return openDatabase(file);
}

/**
 * Adds `rows` audit rows (and their records) to a demo SQLite database.
 * @param {import("better-sqlite3").Database} db opened with openDatabase (schema and migrations done)
 * @param {{ rows: number, seed?: number, end?: number, log?: (line: string) => void }} options
 */
export function seedSqlite(db, { rows, seed, end = Date.now(), log = () => {} }) {
  const categoryIds = /** @type {Array<{ id: number }>} */ (db.prepare("SELECT id FROM categories").all()).map((row) => row.id);
  const story = createStory({ rows, end, seed, categoryIds });
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  // One index build at the end is much cheaper than a million index updates.
  for (const name of SQLITE_AUDIT_INDEX_NAMES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  const insertLog = db.prepare(`INSERT INTO audit_logs (id, ${AUDIT_COLUMNS.join(", ")}) VALUES (@id, ${AUDIT_COLUMNS.map((column) => `@${column}`).join(", ")})`);
  const insertField = db.prepare("INSERT INTO audit_log_fields (log_id, path, kind) VALUES (?, ?, ?)");
  const insertRecord = db.prepare("INSERT INTO audit_log_records (log_id, resource, record_id) VALUES (?, ?, ?)");
  const insertDoc = { products: db.prepare("INSERT INTO products (doc) VALUES ('{}')"), categories: db.prepare("INSERT INTO categories (doc) VALUES ('{}')") };
  const writeDoc = { products: db.prepare("UPDATE products SET doc = ? WHERE id = ?"), categories: db.prepare("UPDATE categories SET doc = ? WHERE id = ?") };
  const removeDoc = { products: db.prepare("DELETE FROM products WHERE id = ?"), categories: db.prepare("DELETE FROM categories WHERE id = ?") };
  let nextId = /** @type {{ n: number }} */ (db.prepare("SELECT COALESCE(max(id), 0) + 1 AS n FROM audit_logs").get()).n;
  /** Story keys → record ids, and the final documents. */
  const ids = { products: /** @type {number[]} */ ([]), categories: /** @type {number[]} */ ([]) };
  /** @type {Map<string, { resource: "products" | "categories", id: number, doc: Doc | undefined }>} */
  const finals = new Map();
  const started = Date.now();
  const iterator = story.events();
  let written = 0;
  const batch = db.transaction((/** @type {number} */ size) => {
    for (let n = 0; n < size; n++) {
      const next = iterator.next();
      if (next.done) return false;
      const event = next.value;
      /** @type {AuditEntry} */
      let entry;
      if (event.type === "create") {
        const id = Number(insertDoc[event.resource].run().lastInsertRowid);
        ids[event.resource][event.key] = id;
        const doc = resolveDoc(event.doc, ids.categories);
        finals.set(`${event.resource}:${id}`, { resource: event.resource, id, doc });
        entry = { ...event.entry, data: structuredClone(doc), meta: { id } };
      } else {
        const recordIds = event.keys.map((key) => ids[event.resource][key]);
        entry = { ...event.entry, meta: event.bulk ? { ids: recordIds } : { id: recordIds[0] } };
        if (event.bulk) {
          entry.data = /** @type {Doc[]} */ (event.entry.data).map((item) => ({ ...item, id: ids[event.resource][item.id] }));
          entry.previousData = /** @type {Doc[]} */ (event.entry.previousData).map((item) => ({ ...item, id: ids[event.resource][item.id] }));
        } else if (event.entry.action === "delete") entry.previousData = { id: recordIds[0], ...resolveDoc(/** @type {Doc} */ (event.entry.previousData), ids.categories) };
        for (const id of recordIds) {
          const state = finals.get(`${event.resource}:${id}`);
          if (!state) continue;
          if (event.deleted) state.doc = undefined;
          else if (event.bulk) Object.assign(/** @type {Doc} */ (state.doc), { price: /** @type {Doc[]} */ (entry.data).find((item) => item.id === id)?.price });
          else Object.assign(/** @type {Doc} */ (state.doc), resolveDoc(/** @type {Doc} */ (entry.data), ids.categories));
        }
      }
      const { row, fields, records } = buildAuditRow(entry);
      const id = nextId++;
      insertLog.run({ id, ...row });
      for (const [path, kind] of fields) insertField.run(id, path, kind);
      for (const recordId of records) insertRecord.run(id, entry.resource, recordId);
      written++;
    }
    return true;
  });
  while (batch(20_000)) if (written % 200_000 === 0) log(`  ${written.toLocaleString("en")} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  db.transaction(() => {
    for (const { resource, id, doc } of finals.values()) {
      if (doc === undefined) removeDoc[resource].run(id);
      else writeDoc[resource].run(JSON.stringify(doc), id);
    }
  })();
  log(`  ${written.toLocaleString("en")} rows written in ${((Date.now() - started) / 1000).toFixed(1)} s; building the indexes…`);
  db.exec(SQLITE_AUDIT_INDEXES);
  db.exec("ANALYZE");
  db.pragma("synchronous = NORMAL");
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return written;
}

/**
 * A product's document as stored: its category a real id (an existing category, or one the
 * story created).
 * @param {Doc} doc @param {number[]} categoryIds by story key
 */
function resolveDoc(doc, categoryIds) {
  if (!doc || typeof doc.categoryId !== "object" || doc.categoryId === null) return doc;
  const { category, existing } = doc.categoryId;
  return { ...doc, categoryId: existing ?? categoryIds[category] ?? 1 };
}

/** @param {string | null} value CSV field: NULL unquoted, text quoted */
const csv = (value) => (value === null ? "" : `"${value.replace(/"/g, '""')}"`);

/**
 * Fills a PGlite (or any PostgreSQL through a client with `query(sql, args, { blob })`)
 * audit store with `rows` rows by COPY, then builds the indexes.
 * @param {import("@electric-sql/pglite").PGlite} pg
 * @param {{ rows: number, seed?: number, end?: number, log?: (line: string) => void }} options
 */
export async function seedPostgres(pg, { rows, seed, end = Date.now(), log = () => {} }) {
  await pg.exec(POSTGRES_AUDIT_TABLES);
  for (const statement of POSTGRES_AUDIT_INDEXES.matchAll(/CREATE INDEX IF NOT EXISTS (\w+)/g)) await pg.exec(`DROP INDEX IF EXISTS ${statement[1]}`);
  const story = createStory({ rows, end, seed });
  const started = Date.now();
  let nextId = Number((await pg.query("SELECT COALESCE(max(id), 0) + 1 AS n FROM audit_logs")).rows[0].n);
  const ids = { products: /** @type {number[]} */ ([]), categories: /** @type {number[]} */ ([]) };
  const idBase = { products: 100_000, categories: 100_000 };
  let logs = "";
  let fields = "";
  let records = "";
  let pending = 0;
  let written = 0;
  const flush = async () => {
    await pg.query(`COPY audit_logs (id, ${AUDIT_COLUMNS.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([logs]) });
    await pg.query("COPY audit_log_fields (log_id, path, kind) FROM '/dev/blob' WITH (FORMAT csv)", [], { blob: new Blob([fields]) });
    await pg.query("COPY audit_log_records (log_id, resource, record_id) FROM '/dev/blob' WITH (FORMAT csv)", [], { blob: new Blob([records]) });
    logs = fields = records = "";
    pending = 0;
  };
  for (const event of story.events()) {
    /** @type {AuditEntry} */
    let entry;
    if (event.type === "create") {
      const id = (ids[event.resource][event.key] = idBase[event.resource] + event.key);
      entry = { ...event.entry, data: resolveDoc(event.doc, ids.categories), meta: { id } };
    } else {
      const recordIds = event.keys.map((key) => ids[event.resource][key]);
      entry = { ...event.entry, meta: event.bulk ? { ids: recordIds } : { id: recordIds[0] } };
      if (event.bulk) {
        entry.data = /** @type {Doc[]} */ (event.entry.data).map((item) => ({ ...item, id: ids[event.resource][item.id] }));
        entry.previousData = /** @type {Doc[]} */ (event.entry.previousData).map((item) => ({ ...item, id: ids[event.resource][item.id] }));
      } else if (event.entry.action === "delete") entry.previousData = { id: recordIds[0], ...resolveDoc(/** @type {Doc} */ (event.entry.previousData), ids.categories) };
    }
    const { row, fields: paths, records: recordIds } = buildAuditRow(entry);
    const id = nextId++;
    logs += `${id},${AUDIT_COLUMNS.map((column) => csv(row[column])).join(",")}\n`;
    for (const [path, kind] of paths) fields += `${id},${csv(path)},${kind}\n`;
    for (const recordId of recordIds) records += `${id},${csv(entry.resource)},${csv(recordId)}\n`;
    written++;
    if (++pending === 50_000) {
      await flush();
      if (written % 200_000 === 0) log(`  ${written.toLocaleString("en")} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  if (pending > 0) await flush();
  await pg.query("SELECT setval(pg_get_serial_sequence('audit_logs', 'id'), (SELECT max(id) FROM audit_logs))");
  log(`  ${written.toLocaleString("en")} rows written in ${((Date.now() - started) / 1000).toFixed(1)} s; building the indexes…`);
  await pg.exec(POSTGRES_AUDIT_INDEXES);
  await pg.exec("VACUUM ANALYZE");
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return written;
}

/** @param {string[]} argv */
function readOptions(argv) {
  /** @param {string} name */
  const value = (name) => {
    const at = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (at === -1) return undefined;
    return argv[at].includes("=") ? argv[at].slice(argv[at].indexOf("=") + 1) : argv[at + 1];
  };
  const rows = Number(value("rows") ?? 1_000_000);
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > 50_000_000) throw new Error(`--rows takes a whole number from 1 to 50,000,000 (got ${value("rows")}).`);
  const seed = value("seed") === undefined ? undefined : Number(value("seed"));
  return { rows, seed, db: value("db"), pglite: value("pglite") };
}

async function main() {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    process.exit(1);
  }
  const log = (/** @type {string} */ line) => console.log(line);
  if (options.pglite) {
    const { PGlite } = await import("@electric-sql/pglite");
    const dir = path.resolve(options.pglite);
    console.log(`Seeding ${options.rows.toLocaleString("en")} audit rows into PGlite at ${dir}`);
    const pg = new PGlite(dir);
    await seedPostgres(pg, { rows: options.rows, seed: options.seed, log });
    await pg.close();
    return;
  }
  const { DEFAULT_DATABASE } = await import("../server/paths.mjs");
  const file = path.resolve(options.db ?? process.env.DEMO_DB ?? DEFAULT_DATABASE);
  console.log(`Seeding ${options.rows.toLocaleString("en")} audit rows into ${file}`);
  const db = await openSqliteStore(file);
  seedSqlite(db, { rows: options.rows, seed: options.seed, log });
  db.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
