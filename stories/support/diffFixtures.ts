/** Sample records for the RecordDiff stories and tests: a product through its life. */

/** One-pixel GIFs of a colour, as data URLs: short values, and the stories run offline. */
export const images = {
  amber: "data:image/gif;base64,R0lGODlhAQABAIAAANSgFwAAACwAAAAAAQABAAACAkQBADs=",
  blue: "data:image/gif;base64,R0lGODlhAQABAIAAAB9v6wAAACwAAAAAAQABAAACAkQBADs=",
};

export const product = {
  id: 12,
  name: "Desk lamp",
  sku: "LAMP-012",
  price: 49.9,
  inStock: true,
  releasedOn: "2024-05-01",
  categoryId: 3,
  image: images.amber,
  address: { street: "1 Main St", city: "Lyon", zip: "69001" },
  tags: ["lighting", "office"],
  description:
    "A sturdy desk lamp with an adjustable arm, a warm LED bulb and a weighted base that keeps it steady on any desk.",
};

export const productUpdated = {
  ...product,
  name: "Desk lamp Pro",
  price: 59.9,
  inStock: false,
  categoryId: 5,
  image: images.blue,
  address: { ...product.address, city: "Paris", zip: "75001" },
  tags: ["lighting", "office", "sale"],
  description:
    "A sturdy desk lamp with a longer adjustable arm, a dimmable warm LED bulb and a weighted base that keeps it steady on any desk.",
};

/** An order whose items were edited, inserted and reordered (items have ids). */
export const order = {
  id: "A-100",
  items: [
    { id: 1, sku: "LAMP-012", qty: 1 },
    { id: 2, sku: "BULB-004", qty: 4 },
    { id: 3, sku: "DESK-001", qty: 1 },
    { id: 4, sku: "CHAIR-07", qty: 2 },
  ],
};

export const orderUpdated = {
  id: "A-100",
  items: [
    { id: 3, sku: "DESK-001", qty: 1 },
    { id: 1, sku: "LAMP-012", qty: 2 },
    { id: 5, sku: "MAT-002", qty: 1 },
    { id: 2, sku: "BULB-004", qty: 4 },
    { id: 4, sku: "CHAIR-07", qty: 2 },
  ],
};

/** Category ids and their titles, for the "reference" renderer. */
export const categories: Record<number, string> = { 3: "Lighting", 5: "Home office" };

/** A user record with a secret and system fields. */
export const account = { email: "ada@example.com", password: "hunter2", role: "editor", updatedAt: "2024-05-01T10:00:00Z", version: 3 };
export const accountUpdated = { email: "ada@example.org", password: "correct horse battery staple", role: "admin", updatedAt: "2024-06-02T08:30:00Z", version: 4 };

/** A record with `count` fields that all change: more rows than a page. */
export function makeHugeChange(count: number): { before: Record<string, number>; after: Record<string, number> } {
  const before: Record<string, number> = {};
  const after: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    before[`field${i}`] = i;
    after[`field${i}`] = i * 10 + 1;
  }
  return { before, after };
}

/** Provider rows as Refine writes them (v5: an update carries no before-values). */
export const logRows = {
  create: { id: 1, resource: "products", action: "create", createdAt: "2024-05-01T09:00:00Z", author: { name: "Ada" }, data: product, meta: { id: 12 } },
  update: {
    id: 2,
    resource: "products",
    action: "update",
    createdAt: "2024-05-02T09:00:00Z",
    author: { name: "Ada" },
    data: { price: 59.9, name: "Desk lamp Pro" },
    previousData: {},
    meta: { id: 12 },
  },
  updateWithBefore: {
    id: 3,
    resource: "products",
    action: "update",
    createdAt: "2024-05-03T09:00:00Z",
    data: { price: 64.9 },
    previousData: { price: 59.9 },
    meta: { id: 12 },
  },
  malformed: { resource: "products", data: { price: 1 } },
};
