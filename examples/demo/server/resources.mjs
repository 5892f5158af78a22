// @ts-check
// The demo's resources and how their records are checked. A record is stored as a JSON
// document (without its id); the checks run on the whole record after a PATCH is merged
// in, so a partial update can never leave an invalid record behind.

/**
 * @typedef {{ message: string, errors: Record<string, string[]> }} ValidationFailure
 * @typedef {(value: unknown, path: string, errors: Record<string, string[]>) => void} Check
 */

/**
 * @param {Record<string, string[]>} errors
 * @param {string} path
 * @param {string} message
 */
const fail = (errors, path, message) => {
  // Own entries only (errors has no prototype, see validateRecord).
  (Object.hasOwn(errors, path) ? errors[path] : (errors[path] = [])).push(message);
};

/** @param {unknown} value @returns {value is Record<string, unknown>} */
export const isPlainObject = (value) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** @param {{ min?: number, max: number, required?: boolean }} options @returns {Check} */
const text = ({ min = 0, max, required = false }) => (value, path, errors) => {
  if (value === undefined) {
    if (required) fail(errors, path, "is required");
    return;
  }
  if (typeof value !== "string") return fail(errors, path, "must be text");
  if (value.trim().length < min) return fail(errors, path, min === 1 ? "must not be empty" : `must have at least ${min} characters`);
  if (value.length > max) fail(errors, path, `must have at most ${max} characters`);
};

/** @param {{ min?: number, max?: number, integer?: boolean, required?: boolean }} options @returns {Check} */
const number = ({ min = -Infinity, max = Infinity, integer = false, required = false }) => (value, path, errors) => {
  if (value === undefined) {
    if (required) fail(errors, path, "is required");
    return;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return fail(errors, path, "must be a number");
  if (integer && !Number.isInteger(value)) return fail(errors, path, "must be a whole number");
  if (value < min) fail(errors, path, `must be at least ${min}`);
  if (value > max) fail(errors, path, `must be at most ${max}`);
};

/** The product photos `photoPath` accepts: one file name (letters, digits, dashes) with an image extension. */
export const PHOTO_PATH = /^\/photos\/[a-z0-9][a-z0-9-]{0,80}\.(svg|png|jpg|webp)$/;

/**
 * A product photo: a path to a file the server serves from server/photos
 * (`/photos/arc-floor-lamp.svg`), relative so the records do not depend on where the app
 * runs; `null` for none (how a form takes a photo away: a PATCH keeps fields it omits).
 * @type {Check}
 */
const photoPath = (value, path, errors) => {
  if (value === undefined || value === null) return;
  if (typeof value !== "string" || !PHOTO_PATH.test(value)) fail(errors, path, "must be a path under /photos/, such as /photos/arc-floor-lamp.svg");
};

/** @param {readonly string[]} values @param {boolean} [required] @returns {Check} */
const oneOf = (values, required = false) => (value, path, errors) => {
  if (value === undefined) {
    if (required) fail(errors, path, "is required");
    return;
  }
  if (typeof value !== "string" || !values.includes(value)) fail(errors, path, `must be one of ${values.join(", ")}`);
};

/** @param {Record<string, Check>} shape @param {boolean} [required] @returns {Check} */
const object = (shape, required = false) => (value, path, errors) => {
  if (value === undefined) {
    if (required) fail(errors, path, "is required");
    return;
  }
  if (!isPlainObject(value)) return fail(errors, path, "must be an object");
  for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) fail(errors, path ? `${path}.${key}` : key, "is not a known field");
  for (const [key, check] of Object.entries(shape)) check(value[key], path ? `${path}.${key}` : key, errors);
};

/** @param {Check} item @param {{ max: number, unique?: (item: any) => unknown }} options @returns {Check} */
const list = (item, { max, unique }) => (value, path, errors) => {
  if (value === undefined) return;
  if (!Array.isArray(value)) return fail(errors, path, "must be a list");
  if (value.length > max) fail(errors, path, `must have at most ${max} items`);
  value.forEach((element, index) => item(element, `${path}.${index}`, errors));
  if (unique) {
    const seen = new Set();
    for (const element of value) {
      const key = unique(element);
      if (seen.has(key)) {
        fail(errors, path, `has a duplicate: ${String(key)}`);
        break;
      }
      seen.add(key);
    }
  }
};

const product = object({
  title: text({ min: 1, max: 120, required: true }),
  sku: text({ min: 1, max: 40, required: true }),
  status: oneOf(["draft", "active", "discontinued"], true),
  price: number({ min: 0, max: 1_000_000, required: true }),
  currency: oneOf(["EUR", "USD", "GBP"]),
  stock: number({ min: 0, max: 1_000_000, integer: true }),
  categoryId: number({ min: 1, integer: true, required: true }),
  tags: list(text({ min: 1, max: 30 }), { max: 20, unique: (tag) => tag }),
  description: text({ max: 20_000 }),
  photo: photoPath,
  dimensions: object({
    width: number({ min: 0, max: 100_000 }),
    height: number({ min: 0, max: 100_000 }),
    depth: number({ min: 0, max: 100_000 }),
    unit: oneOf(["mm", "cm", "m"]),
  }),
  supplier: object({
    name: text({ min: 1, max: 120, required: true }),
    email: text({ max: 200 }),
    address: object({
      street: text({ max: 200 }),
      city: text({ max: 100 }),
      postalCode: text({ max: 20 }),
      country: text({ max: 100 }),
    }),
  }),
  variants: list(
    object({ id: text({ min: 1, max: 40, required: true }), sku: text({ min: 1, max: 40, required: true }), price: number({ min: 0, max: 1_000_000, required: true }) }, true),
    { max: 50, unique: (variant) => (isPlainObject(variant) ? variant.id : undefined) },
  ),
});

const category = object({
  title: text({ min: 1, max: 80, required: true }),
  slug: text({ min: 1, max: 80, required: true }),
  description: text({ max: 2_000 }),
});

/**
 * @typedef {object} ResourceDefinition
 * @property {string} table  the SQLite table (fixed names: never built from a request)
 * @property {Check} check   checks a whole record (without `id`)
 */

/** The resources the server knows; any other name under /api is a 404. @type {Readonly<Record<string, ResourceDefinition>>} */
export const resources = Object.freeze({
  products: { table: "products", check: product },
  categories: { table: "categories", check: category },
});

/** @param {string} name @returns {ResourceDefinition | undefined} */
export function findResource(name) {
  return Object.hasOwn(resources, name) ? resources[/** @type {keyof typeof resources} */ (name)] : undefined;
}

/**
 * Checks a record. Returns `undefined` when it is valid, else a failure whose message
 * names the first problems and whose `errors` lists them all by field (the shape
 * Refine's `HttpError.errors` expects).
 *
 * @param {ResourceDefinition} resource
 * @param {unknown} record
 * @returns {ValidationFailure | undefined}
 */
export function validateRecord(resource, record) {
  // Without a prototype: a record's keys become its paths, and "__proto__", "constructor"
  // or "toString" must be plain keys here (an unknown field, a 422), not Object's.
  /** @type {Record<string, string[]>} */
  const errors = Object.create(null);
  resource.check(record, "", errors);
  const problems = Object.entries(errors).flatMap(([path, messages]) => messages.map((message) => (path ? `${path} ${message}` : `The record ${message}`)));
  if (problems.length === 0) return undefined;
  const shown = problems.slice(0, 3).join("; ");
  return { message: `Invalid record: ${shown}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}.`, errors };
}
