// @ts-check
// Realistic seed data: categories, a dozen products with nested fields, and a history of
// edits made by a few people over the last three months. The history is simulated in time
// order against the records themselves, so every entry's previousData is the true
// before-value and replaying the log from the first entry gives today's records.

import { createSqliteAuditWriter } from "./auditRows.mjs";

/** @typedef {import("better-sqlite3").Database} DB */
/** @typedef {Record<string, any>} Doc */

/** The people who made the seeded history (the demo user is in the app's authProvider). */
export const SEED_AUTHORS = [
  { id: 1, name: "Amira Haddad", email: "amira.haddad@northwind.example" },
  { id: 2, name: "Jonas Becker", email: "jonas.becker@northwind.example" },
  { id: 3, name: "Priya Raman", email: "priya.raman@northwind.example" },
  { id: 4, name: "Lucía Ortega", email: "lucia.ortega@northwind.example" },
];

const SUPPLIERS = {
  lumen: {
    name: "Lumen Works GmbH",
    email: "orders@lumenworks.example",
    address: { street: "Schanzenstraße 12", city: "Hamburg", postalCode: "20357", country: "Germany" },
  },
  timber: {
    name: "Nordic Timber AB",
    email: "sales@nordictimber.example",
    address: { street: "Storgatan 4", city: "Malmö", postalCode: "211 41", country: "Sweden" },
  },
  forge: {
    name: "Forge & Fire Ltd",
    email: "trade@forgeandfire.example",
    address: { street: "18 Kelham Island", city: "Sheffield", postalCode: "S3 8RY", country: "United Kingdom" },
  },
  lino: {
    name: "Casa Lino SRL",
    email: "ordini@casalino.example",
    address: { street: "Via Roma 88", city: "Milano", postalCode: "20121", country: "Italy" },
  },
  ceramique: {
    name: "Atelier Céramique",
    email: "bonjour@atelier-ceramique.example",
    address: { street: "7 rue des Potiers", city: "Lyon", postalCode: "69002", country: "France" },
  },
};

const CATEGORIES = [
  { title: "Lighting", slug: "lighting", description: "Floor, table and wall lamps, and the bulbs that go with them." },
  { title: "Furniture", slug: "furniture", description: "Tables, chairs and shelving in solid wood and natural fibres." },
  { title: "Kitchen", slug: "kitchen", description: "Cookware, tableware and knives that last a lifetime." },
  { title: "Textiles", slug: "textiles", description: "Throws, bedding and rugs." },
];

const CARE =
  "Every piece is inspected by hand before it leaves the workshop, and small variations in colour and grain are part of its character rather than flaws. " +
  "We ship in recycled cardboard with paper padding, and spare parts remain available for at least ten years after the last sale.";

/** @param {string} intro */
const describe = (intro) => `${intro} ${CARE}`;

/**
 * @param {string} sku
 * @param {Array<[string, number]>} variants suffix and price
 */
const variantsOf = (sku, variants) => variants.map(([suffix, price]) => ({ id: `${sku}-${suffix}`.toLowerCase(), sku: `${sku}-${suffix}`, price }));

/** Category index (0-based into CATEGORIES) and the product without its categoryId. */
const PRODUCTS = /** @type {Array<[number, Doc]>} */ ([
  [0, {
    title: "Arc Floor Lamp", sku: "LGT-ARC", photo: "/photos/arc-floor-lamp.svg", status: "active", price: 349, currency: "EUR", stock: 18, tags: ["living room", "dimmable", "steel"],
    description: describe("A sweeping steel arc that puts soft, dimmable light exactly where you read, with a weighted marble base that keeps it steady without a wall fixing. The linen shade diffuses the light evenly and can be tilted through forty degrees."),
    dimensions: { width: 40, height: 190, depth: 120, unit: "cm" }, supplier: SUPPLIERS.lumen, variants: variantsOf("LGT-ARC", [["BLK", 349], ["BRS", 389]]),
  }],
  [0, {
    title: "Pleated Table Lamp", sku: "LGT-PLT", photo: "/photos/pleated-table-lamp.svg", status: "active", price: 129, currency: "EUR", stock: 42, tags: ["bedroom", "paper shade"],
    description: describe("A ceramic base glazed in soft matte tones under a hand-pleated paper shade, for a warm glow on a bedside table or a desk. It takes a standard E27 bulb and has an inline switch on the fabric cable."),
    dimensions: { width: 28, height: 45, depth: 28, unit: "cm" }, supplier: SUPPLIERS.ceramique, variants: variantsOf("LGT-PLT", [["SND", 129], ["SAGE", 129], ["RUST", 135]]),
  }],
  [0, {
    title: "Brass Wall Sconce", sku: "LGT-SCN", photo: "/photos/brass-wall-sconce.svg", status: "active", price: 159, currency: "EUR", stock: 25, tags: ["hallway", "brass", "hardwired"],
    description: describe("Solid brass that darkens gracefully with age, with a swivel arm so the light can wash the wall or point down at a reading chair. It is hardwired and should be installed by a qualified electrician."),
    dimensions: { width: 12, height: 30, depth: 35, unit: "cm" }, supplier: SUPPLIERS.lumen, variants: variantsOf("LGT-SCN", [["RAW", 159], ["POL", 179]]),
  }],
  [1, {
    title: "Oak Dining Table", sku: "FUR-OAK", photo: "/photos/oak-dining-table.svg", status: "active", price: 1290, currency: "EUR", stock: 6, tags: ["dining", "solid oak", "seats 6"],
    description: describe("Made from FSC-certified European oak with a natural oil finish, this table seats six comfortably and eight at a pinch. The trestle legs unbolt for moving, and the top can be sanded back and re-oiled after years of family dinners."),
    dimensions: { width: 200, height: 75, depth: 95, unit: "cm" }, supplier: SUPPLIERS.timber, variants: variantsOf("FUR-OAK", [["180", 1190], ["200", 1290], ["240", 1490]]),
  }],
  [1, {
    title: "Linen Lounge Chair", sku: "FUR-LNG", photo: "/photos/linen-lounge-chair.svg", status: "active", price: 690, currency: "EUR", stock: 11, tags: ["living room", "linen", "removable cover"],
    description: describe("A deep, low seat with a beech frame and a stonewashed linen cover that zips off for washing. Feather-wrapped foam cushions keep their shape while still feeling soft on a long Sunday afternoon."),
    dimensions: { width: 78, height: 72, depth: 85, unit: "cm" }, supplier: SUPPLIERS.lino, variants: variantsOf("FUR-LNG", [["NAT", 690], ["CHAR", 690]]),
  }],
  [1, {
    title: "Walnut Bookshelf", sku: "FUR-WAL", photo: "/photos/walnut-bookshelf.svg", status: "draft", price: 840, currency: "EUR", stock: 0, tags: ["study", "walnut"],
    description: describe("Five adjustable shelves in American black walnut, each rated for thirty kilograms, with a slim back panel that keeps books upright. It ships flat and assembles with a single hex key in about half an hour."),
    dimensions: { width: 90, height: 200, depth: 32, unit: "cm" }, supplier: SUPPLIERS.timber, variants: variantsOf("FUR-WAL", [["STD", 840]]),
  }],
  [2, {
    title: "Cast Iron Dutch Oven", sku: "KIT-DOV", photo: "/photos/cast-iron-dutch-oven.svg", status: "active", price: 189, currency: "EUR", stock: 34, tags: ["cookware", "cast iron", "oven safe"],
    description: describe("A heavy enamelled pot that holds an even heat for slow braises, crusty bread and weeknight stews alike. It works on gas, electric and induction hobs, and in the oven up to two hundred and fifty degrees."),
    dimensions: { width: 30, height: 16, depth: 26, unit: "cm" }, supplier: SUPPLIERS.forge, variants: variantsOf("KIT-DOV", [["24CM", 169], ["28CM", 189]]),
  }],
  [2, {
    title: "Stoneware Dinner Set", sku: "KIT-STN", photo: "/photos/stoneware-dinner-set.svg", status: "active", price: 145, currency: "EUR", stock: 20, tags: ["tableware", "stoneware", "dishwasher safe"],
    description: describe("Four dinner plates, four side plates and four bowls, thrown in stoneware and dipped in a speckled glaze. The set is dishwasher and microwave safe, and every piece stacks neatly in a shallow cupboard."),
    dimensions: { width: 28, height: 20, depth: 28, unit: "cm" }, supplier: SUPPLIERS.ceramique, variants: variantsOf("KIT-STN", [["OAT", 145], ["INK", 145]]),
  }],
  [2, {
    title: "Chef's Knife 21 cm", sku: "KIT-KNF", photo: "/photos/chefs-knife.svg", status: "active", price: 119, currency: "EUR", stock: 57, tags: ["knives", "carbon steel"],
    description: describe("A forged carbon steel blade with a full tang and an oiled ash handle that is balanced right at the bolster. It takes a very keen edge and develops a patina with use, so dry it by hand after washing."),
    dimensions: { width: 4, height: 2, depth: 34, unit: "cm" }, supplier: SUPPLIERS.forge, variants: variantsOf("KIT-KNF", [["21", 119]]),
  }],
  [3, {
    title: "Wool Throw Blanket", sku: "TXT-WOL", photo: "/photos/wool-throw-blanket.svg", status: "active", price: 98, currency: "EUR", stock: 63, tags: ["living room", "wool", "gift"],
    description: describe("Woven from undyed British wool in a simple herringbone, this throw is warm enough for a cold evening on the sofa and light enough to fold over the end of a bed. The fringed edges are knotted by hand."),
    dimensions: { width: 130, height: 1, depth: 180, unit: "cm" }, supplier: SUPPLIERS.lino, variants: variantsOf("TXT-WOL", [["GRY", 98], ["OAT", 98]]),
  }],
  [3, {
    title: "Washed Linen Duvet Cover", sku: "TXT-DUV", photo: "/photos/washed-linen-duvet-cover.svg", status: "active", price: 155, currency: "EUR", stock: 29, tags: ["bedroom", "linen"],
    description: describe("Pre-washed European flax linen that is soft from the first night and gets softer with every wash, with coconut buttons along the foot. It breathes well in summer and still feels cosy in winter."),
    dimensions: { width: 220, height: 1, depth: 240, unit: "cm" }, supplier: SUPPLIERS.lino, variants: variantsOf("TXT-DUV", [["DBL", 155], ["KNG", 175]]),
  }],
  [3, {
    title: "Jute Area Rug", sku: "TXT-JUT", photo: "/photos/jute-area-rug.svg", status: "active", price: 260, currency: "EUR", stock: 9, tags: ["living room", "jute", "handwoven"],
    description: describe("Handwoven from thick jute yarn in a chunky braid that brings texture to a wooden floor and hides the crumbs of everyday life. A non-slip underlay is recommended on smooth floors."),
    dimensions: { width: 160, height: 1, depth: 230, unit: "cm" }, supplier: SUPPLIERS.lino, variants: variantsOf("TXT-JUT", [["160", 260], ["200", 340]]),
  }],
  [3, {
    title: "Velvet Cushion Cover", sku: "TXT-VLV", photo: "/photos/velvet-cushion-cover.svg", status: "active", price: 39, currency: "EUR", stock: 0, tags: ["cushion", "velvet"],
    description: describe("A cotton velvet cover with a hidden zip, dyed in deep jewel tones that change with the light."),
    dimensions: { width: 50, height: 1, depth: 50, unit: "cm" }, supplier: SUPPLIERS.lino, variants: variantsOf("TXT-VLV", [["EMR", 39]]),
  }],
]);

/**
 * Each seeded product's photo by SKU (files in server/photos): the seed's, and what the
 * migration gives the products of a database made before products had photos.
 * @type {Readonly<Record<string, string>>}
 */
export const PHOTOS_BY_SKU = Object.freeze(Object.fromEntries(PRODUCTS.map(([, doc]) => [doc.sku, doc.photo])));

/**
 * A small deterministic PRNG (mulberry32): the same numbers for the same seed, so the
 * seed, the million-row seed and the query tests tell the same story every time.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {number} value */
const toPrice = (value) => Math.max(1, Math.round(value) - (value > 20 ? 0.01 : 0));

const DESCRIPTION_EDITS = [
  ["We ship in recycled cardboard", "We ship in plastic-free recycled cardboard"],
  ["at least ten years", "at least fifteen years"],
  ["inspected by hand", "inspected and signed by hand"],
];

const NEW_TAGS = ["bestseller", "new", "sustainable", "made in europe"];
const CITIES = [
  { street: "Hafenstraße 3", city: "Bremen", postalCode: "28217", country: "Germany" },
  { street: "Industrigatan 21", city: "Göteborg", postalCode: "417 07", country: "Sweden" },
  { street: "Via Tortona 31", city: "Milano", postalCode: "20144", country: "Italy" },
];

/**
 * Edits a person might make; each returns a patch of the record's changed top-level
 * fields (as Refine's `useUpdate` sends it), or undefined when it does not apply.
 * @type {Array<(doc: Doc, random: () => number) => Doc | undefined>}
 */
const EDITS = [
  (doc, random) => ({ price: toPrice(doc.price * (1 + (random() < 0.7 ? 1 : -1) * (0.05 + random() * 0.1))) }),
  (doc, random) => ({ stock: Math.max(0, doc.stock + Math.round((random() - 0.3) * 30)) }),
  (doc, random) => {
    const tag = NEW_TAGS[Math.floor(random() * NEW_TAGS.length)];
    return doc.tags.includes(tag) ? { tags: doc.tags.filter((/** @type {string} */ t) => t !== tag) } : { tags: [...doc.tags, tag] };
  },
  (doc) => {
    const edit = DESCRIPTION_EDITS.find(([from]) => doc.description.includes(from));
    return edit ? { description: doc.description.replace(edit[0], edit[1]) } : undefined;
  },
  (doc, random) => {
    const key = /** @type {const} */ (["width", "height", "depth"])[Math.floor(random() * 3)];
    const step = doc.dimensions[key] >= 20 ? 5 : 1;
    return { dimensions: { ...doc.dimensions, [key]: doc.dimensions[key] + step } };
  },
  (doc, random) => {
    const moved = CITIES[Math.floor(random() * CITIES.length)];
    if (doc.supplier.address.city === moved.city) return undefined;
    return { supplier: { ...doc.supplier, address: { ...doc.supplier.address, ...moved } } };
  },
  (doc) => {
    const [first, ...rest] = doc.variants;
    if (!first) return undefined;
    return { variants: [{ ...first, price: toPrice(first.price * 1.08) }, ...rest] };
  },
  (doc) => {
    if (doc.variants.some((/** @type {{ id: string }} */ v) => v.id.endsWith("-ltd"))) return undefined;
    const sku = `${doc.sku}-LTD`;
    return { variants: [...doc.variants, { id: sku.toLowerCase(), sku, price: toPrice(doc.price * 1.25) }] };
  },
];

const DAY = 24 * 60 * 60 * 1000;

/**
 * Fills an empty database with the seed records and their history.
 * @param {DB} db
 * @param {Date} now the history ends shortly before this moment
 */
export function seedDatabase(db, now) {
  const random = createRandom(20240611);
  const end = now.getTime();
  const write = createSqliteAuditWriter(db);
  /**
   * @param {{ resource: string, action: string, at: number, author: Record<string, unknown>, recordId?: number, ids?: number[], name?: string, data?: unknown, previousData?: unknown }} entry
   */
  const log = (entry) =>
    write({
      resource: entry.resource,
      action: entry.action,
      createdAt: new Date(entry.at).toISOString(),
      author: entry.author,
      name: entry.name ?? null,
      data: entry.data,
      previousData: entry.previousData,
      meta: { ...(entry.recordId === undefined ? {} : { id: entry.recordId }), ...(entry.ids ? { ids: entry.ids } : {}), dataProviderName: "default" },
    });
  /** @param {number} daysAgo @param {number} [jitterHours] office hours, a little randomised */
  const at = (daysAgo, jitterHours = 8) => {
    const day = new Date(end - daysAgo * DAY);
    day.setHours(9, 0, 0, 0);
    return Math.min(day.getTime() + Math.floor(random() * jitterHours * 60) * 60_000, end - 60_000);
  };
  const pick = () => SEED_AUTHORS[Math.floor(random() * SEED_AUTHORS.length)];
  /** @param {Doc} patch @param {Doc} doc */
  const before = (patch, doc) => Object.fromEntries(Object.keys(patch).map((key) => [key, doc[key]]));

  // Categories.
  const insertCategory = db.prepare("INSERT INTO categories (doc) VALUES (?)");
  const updateCategory = db.prepare("UPDATE categories SET doc = ? WHERE id = ?");
  /** @type {Array<{ id: number, doc: Doc }>} */
  const categories = CATEGORIES.map((doc, index) => {
    const id = Number(insertCategory.run(JSON.stringify(doc)).lastInsertRowid);
    log({ resource: "categories", action: "create", at: at(110 - index, 2), author: SEED_AUTHORS[0], recordId: id, data: doc });
    return { id, doc: { ...doc } };
  });
  /** @type {Array<{ at: number, run: () => void }>} */
  const events = [];
  const textiles = categories[3];
  const renamedAt = at(41);
  events.push({
    at: renamedAt,
    run: () => {
      const rename = { title: "Home Textiles", slug: "home-textiles", description: "Throws, bedding, cushions and rugs for every room." };
      log({ resource: "categories", action: "update", at: renamedAt, author: SEED_AUTHORS[3], recordId: textiles.id, data: rename, previousData: before(rename, textiles.doc), name: "Broader textiles range" });
      Object.assign(textiles.doc, rename);
      updateCategory.run(JSON.stringify(textiles.doc), textiles.id);
    },
  });

  // Products: creation, then a schedule of edits simulated in time order.
  const insertProduct = db.prepare("INSERT INTO products (doc) VALUES (?)");
  /** @type {Array<{ id: number, doc: Doc, deleted: boolean }>} */
  const products = [];
  PRODUCTS.forEach(([categoryIndex, template], index) => {
    const doc = { ...structuredClone(template), categoryId: categories[categoryIndex].id };
    const createdAt = at(95 - index * 2);
    // Ids in creation order; the record itself is written when its create event runs.
    const state = { id: 0, doc, deleted: false };
    products.push(state);
    events.push({
      at: createdAt,
      run: () => {
        state.id = Number(insertProduct.run(JSON.stringify(state.doc)).lastInsertRowid);
        log({ resource: "products", action: "create", at: createdAt, author: pick(), recordId: state.id, data: state.doc });
      },
    });
    const editCount = 2 + Math.floor(random() * 4);
    for (let edit = 0; edit < editCount; edit++) {
      const when = at(Math.max(1, Math.round(85 - index * 2 - ((edit + 1) * 80) / (editCount + 1))));
      events.push({
        at: when,
        run: () => {
          if (state.deleted) return;
          // Try edits from a random start until one applies to the record as it is now.
          const start = Math.floor(random() * EDITS.length);
          for (let attempt = 0; attempt < EDITS.length; attempt++) {
            const patch = EDITS[(start + attempt) % EDITS.length](state.doc, random);
            if (!patch) continue;
            const previousData = before(patch, state.doc);
            if (JSON.stringify(previousData) === JSON.stringify(patch)) continue;
            const named = random() < 0.12 ? "Checked against the supplier's price list" : undefined;
            log({ resource: "products", action: "update", at: when, author: pick(), recordId: state.id, data: patch, previousData, name: named });
            Object.assign(state.doc, patch);
            return;
          }
        },
      });
    }
  });

  // A bulk price review of the lighting range (one entry, meta.ids, as Refine's useUpdateMany logs it).
  const reviewedAt = at(20);
  events.push({
    at: reviewedAt,
    run: () => {
      const lighting = products.filter((p) => !p.deleted && p.doc.categoryId === categories[0].id);
      const data = lighting.map((p) => ({ id: p.id, price: toPrice(p.doc.price * 1.06) }));
      const previousData = lighting.map((p) => ({ id: p.id, price: p.doc.price }));
      log({ resource: "products", action: "updateMany", at: reviewedAt, author: SEED_AUTHORS[1], ids: lighting.map((p) => p.id), data, previousData, name: "Spring price review" });
      lighting.forEach((p, i) => Object.assign(p.doc, { price: data[i].price }));
    },
  });

  // A new photo for the table lamp (its sage glaze). At a fixed hour: drawing from `random`
  // here would change every later draw, and with them the rest of the seeded story.
  const rephotographedAt = end - 30 * DAY;
  events.push({
    at: rephotographedAt,
    run: () => {
      const lamp = products[1];
      const patch = { photo: "/photos/pleated-table-lamp-sage.svg" };
      log({ resource: "products", action: "update", at: rephotographedAt, author: SEED_AUTHORS[3], recordId: lamp.id, data: patch, previousData: before(patch, lamp.doc), name: "New photo" });
      Object.assign(lamp.doc, patch);
    },
  });

  // Two edits close to now, so "Today" and "Yesterday" have something in them.
  const launchedAt = at(1);
  const restockedAt = end - 2 * 60 * 60 * 1000;
  events.push({ at: launchedAt, run: () => statusChange(products[5], "active", launchedAt) });
  events.push({ at: restockedAt, run: () => stockChange(products[0], 3, restockedAt) });
  // A product taken out of the range: its history stays, the record is gone.
  const retired = products[products.length - 1];
  const retiredAt = at(6);
  events.push({
    at: retiredAt,
    run: () => {
      log({ resource: "products", action: "delete", at: retiredAt, author: SEED_AUTHORS[2], recordId: retired.id, previousData: { id: retired.id, ...retired.doc } });
      retired.deleted = true;
    },
  });

  /** @param {{ id: number, doc: Doc }} product @param {string} status @param {number} when */
  function statusChange(product, status, when) {
    const patch = { status, stock: 12 };
    log({ resource: "products", action: "update", at: when, author: SEED_AUTHORS[0], recordId: product.id, data: patch, previousData: before(patch, product.doc), name: "Launch" });
    Object.assign(product.doc, patch);
  }
  /** @param {{ id: number, doc: Doc }} product @param {number} delta @param {number} when */
  function stockChange(product, delta, when) {
    const patch = { stock: product.doc.stock + delta };
    log({ resource: "products", action: "update", at: when, author: SEED_AUTHORS[2], recordId: product.id, data: patch, previousData: before(patch, product.doc) });
    Object.assign(product.doc, patch);
  }

  // Stable sort: events at the same moment keep the order they were scheduled in.
  events.sort((a, b) => a.at - b.at);
  for (const event of events) event.run();

  const writeProduct = db.prepare("UPDATE products SET doc = ? WHERE id = ?");
  const removeProduct = db.prepare("DELETE FROM products WHERE id = ?");
  for (const product of products) {
    if (product.deleted) removeProduct.run(product.id);
    else writeProduct.run(JSON.stringify(product.doc), product.id);
  }
}
