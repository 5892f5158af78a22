import type { BaseRecord, DataProvider } from "@refinedev/core";

/** An ISO time `minutes` before `from` (default: now). */
export const minutesAgo = (minutes: number, from: Date = new Date()) => new Date(from.getTime() - minutes * 60_000).toISOString();

/** A small inline avatar (offline: no network image). */
export const avatar = (color: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><circle cx="10" cy="10" r="10" fill="${color}"/></svg>`)}`;

export const ada = { id: 1, name: "Ada Lovelace", email: "ada@example.com", avatar: avatar("#8250df") };
export const grace = { id: "2", email: "grace@example.com" };

const DAY = 24 * 60;

/**
 * Product 7's history as Refine v5 writes it: a create, updates whose `previousData` is
 * `{}` (v5 never fills it), a bulk update that includes it, a named version, and rows in
 * the shapes real providers return (`timestamp` in seconds, string ids, no author).
 */
export function productHistory(now: Date = new Date()) {
  return [
    {
      id: 1,
      resource: "products",
      action: "create",
      createdAt: minutesAgo(3 * DAY, now),
      author: ada,
      data: { id: 7, name: "Desk lamp", price: 50, status: "Draft", stock: 12, tags: ["lighting"], description: "A small lamp for a desk." },
      meta: { id: 7 },
    },
    {
      id: "2",
      resource: "products",
      action: "update",
      timestamp: Math.floor(new Date(minutesAgo(DAY + 30, now)).getTime() / 1000),
      author: grace,
      data: { price: 100, stock: 10, tags: ["lighting", "office"] },
      previousData: {},
      meta: { id: "7" },
    },
    {
      id: 3,
      resource: "products",
      action: "updateMany",
      createdAt: minutesAgo(DAY + 10, now),
      data: { status: "Published" },
      previousData: [{}, {}, {}],
      meta: { ids: [5, 7, 9] },
    },
    {
      id: 4,
      resource: "products",
      action: "update",
      createdAt: minutesAgo(45, now),
      author: ada,
      name: "Spring price list",
      data: { price: 80 },
      previousData: {},
      meta: { id: 7 },
    },
    {
      id: 5,
      resource: "products",
      action: "update",
      createdAt: minutesAgo(5, now),
      author: { name: "Linus <script>alert(1)</script>" },
      data: { description: "A small lamp for a desk, with a warm light and a longer cable than before." },
      meta: { id: 7 },
    },
  ];
}

/** Updates of a record never created in the log: their before-values stay unknown ("Set … to …"). */
export function orphanUpdates(now: Date = new Date()) {
  return [
    { id: 21, resource: "products", action: "update", createdAt: minutesAgo(20, now), author: ada, data: { status: "Published" }, previousData: {}, meta: { id: 8 } },
    { id: 22, resource: "products", action: "update", createdAt: minutesAgo(10, now), author: ada, data: { status: "Archived", price: 12 }, previousData: {}, meta: { id: 8 } },
  ];
}

/** Bulk entries of the resource: createMany, updateMany (with backend-filled previousData), deleteMany. */
export function bulkHistory(now: Date = new Date()) {
  return [
    {
      id: 31,
      resource: "products",
      action: "createMany",
      createdAt: minutesAgo(90, now),
      author: ada,
      data: [
        { id: 11, name: "Chair", price: 40 },
        { id: 12, name: "Table", price: 120 },
        { id: 13, name: "Shelf", price: 70 },
      ],
      meta: { ids: [11, 12, 13] },
    },
    {
      id: 32,
      resource: "products",
      action: "updateMany",
      createdAt: minutesAgo(60, now),
      author: grace,
      data: { price: 99 },
      previousData: [{ id: 13, price: 70 }, { id: 11, price: 40 }, { id: 12, price: 120 }],
      meta: { ids: [11, 12, 13] },
    },
    { id: 33, resource: "products", action: "deleteMany", createdAt: minutesAgo(30, now), author: grace, meta: { ids: [12, 13] } },
  ];
}

/** Rows no provider should return, and one fine row beside them. */
export function malformedRows(now: Date = new Date()) {
  return [
    { id: 41, resource: "products", action: "update", createdAt: minutesAgo(3, now), author: ada, data: { price: 60 }, meta: { id: 7 } },
    { resource: "products", createdAt: minutesAgo(2, now), data: { price: 70 }, meta: { id: 7 } },
    "<img src=x onerror=alert(1)>",
    { id: 44, resource: "products", action: "update", createdAt: "not a date", data: { stock: 1 }, meta: { id: 7 } },
  ];
}

/**
 * `count` generated entries, newest last, one every `spacingMinutes`: a create then
 * updates of price and stock. With `recordId`, all concern that record; otherwise they
 * spread over `records` records.
 */
export function manyEntries(count: number, options: { recordId?: number; records?: number; spacingMinutes?: number; now?: Date; startId?: number } = {}) {
  const { recordId, records = 100, spacingMinutes = 7, now = new Date(), startId = 1000 } = options;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const id = recordId ?? (i % records) + 1;
    const isFirst = recordId !== undefined ? i === 0 : i < records;
    rows.push({
      id: startId + i,
      resource: "products",
      action: isFirst ? "create" : "update",
      createdAt: minutesAgo((count - i) * spacingMinutes, now),
      author: i % 3 === 0 ? ada : i % 3 === 1 ? grace : undefined,
      data: isFirst ? { id, name: `Product ${id}`, price: 10, stock: 100 } : { price: 10 + (i % 50), stock: 100 - (i % 90) },
      previousData: isFirst ? undefined : {},
      meta: { id },
    });
  }
  return rows;
}

/**
 * A tiny in-memory Refine `DataProvider` for stories and tests: `getOne`, `getMany`,
 * `getList`, `create`, `update`, `updateMany`, `deleteOne`. Records keep their ids as given.
 * `calls` lists every method call, in order.
 */
export function createMemoryDataProvider(initial: Record<string, BaseRecord[]>) {
  const tables = new Map(Object.entries(initial).map(([resource, records]) => [resource, records.map((record) => ({ ...record }))]));
  const calls: { method: string; resource: string; id?: unknown; ids?: unknown }[] = [];
  const table = (resource: string) => {
    if (!tables.has(resource)) tables.set(resource, []);
    return tables.get(resource)!;
  };
  const find = (resource: string, id: unknown) => {
    const record = table(resource).find((candidate) => String(candidate.id) === String(id));
    if (!record) throw new Error(`No ${resource} with id ${String(id)}.`);
    return record;
  };
  const provider = {
    getApiUrl: () => "memory://",
    getList: async ({ resource }) => {
      calls.push({ method: "getList", resource });
      const data = table(resource).map((record) => ({ ...record }));
      return { data, total: data.length } as never;
    },
    getOne: async ({ resource, id }) => {
      calls.push({ method: "getOne", resource, id });
      return { data: { ...find(resource, id) } } as never;
    },
    getMany: async ({ resource, ids }) => {
      calls.push({ method: "getMany", resource, ids });
      // Real APIs answer in their own order, not the order asked.
      return { data: [...ids].reverse().map((id) => ({ ...find(resource, id) })) } as never;
    },
    create: async ({ resource, variables }) => {
      calls.push({ method: "create", resource });
      const record = { id: table(resource).length + 1, ...(variables as object) } as BaseRecord;
      table(resource).push(record);
      return { data: { ...record } } as never;
    },
    update: async ({ resource, id, variables }) => {
      calls.push({ method: "update", resource, id });
      Object.assign(find(resource, id), variables);
      return { data: { ...find(resource, id) } } as never;
    },
    updateMany: async ({ resource, ids, variables }) => {
      calls.push({ method: "updateMany", resource, ids });
      for (const id of ids) Object.assign(find(resource, id), variables);
      return { data: ids.map((id) => ({ ...find(resource, id) })) } as never;
    },
    deleteOne: async ({ resource, id }) => {
      calls.push({ method: "deleteOne", resource, id });
      const record = find(resource, id);
      table(resource).splice(table(resource).indexOf(record), 1);
      return { data: record } as never;
    },
  } satisfies DataProvider;
  return Object.assign(provider, { calls, tables });
}

const PRODUCT_NAMES = ["Desk lamp", "Oak desk", "Task chair", "Monitor arm", "Bookshelf", "Floor lamp", "Filing cabinet", "Whiteboard"];
const STATUSES = ["Draft", "Published", "Archived"];
const linus = { id: 3, name: "Linus Torvalds", email: "linus@example.com" };

/**
 * A resource's log for the table: `count` entries (default 60) over 8 products, oldest
 * first, one every 97 minutes back from `now`: a create per product, then updates of
 * price, status, stock, a nested `dimensions.width` and a long description, by three
 * authors (and some without), a delete, a bulk update, and named versions, one of them
 * a spreadsheet formula (`=HYPERLINK(…)`) for the export's injection guard.
 */
export function resourceLog(count = 60, now: Date = new Date()) {
  const rows: Record<string, unknown>[] = [];
  const state = new Map<number, Record<string, unknown>>();
  const authors = [ada, grace, linus, undefined];
  for (let i = 0; i < count; i++) {
    const createdAt = minutesAgo((count - i) * 97, now);
    const author = authors[i % 4];
    if (i < PRODUCT_NAMES.length) {
      const record = {
        id: i + 1,
        name: PRODUCT_NAMES[i],
        price: 40 + i * 15,
        status: "Draft",
        stock: 10 + i,
        dimensions: { width: 40 + i, height: 30 },
        description: `The ${PRODUCT_NAMES[i]!.toLowerCase()} in oak and steel.`,
      };
      state.set(i + 1, record);
      rows.push({ id: 5000 + i, resource: "products", action: "create", createdAt, author, data: record, meta: { id: i + 1 } });
      continue;
    }
    const id = (i % PRODUCT_NAMES.length) + 1;
    const before = state.get(id)!;
    if (i === count - 7) {
      rows.push({ id: 5000 + i, resource: "products", action: "updateMany", createdAt, author, data: { status: "Published" }, previousData: [{}, {}], meta: { ids: [1, 2] } });
      continue;
    }
    if (i === count - 3 && state.size > 1) {
      rows.push({ id: 5000 + i, resource: "products", action: "delete", createdAt, author, previousData: before, meta: { id } });
      continue;
    }
    const patch: Record<string, unknown> =
      i % 5 === 0
        ? { price: (before.price as number) + 5 }
        : i % 5 === 1
          ? { status: STATUSES[i % 3] }
          : i % 5 === 2
            ? { stock: (before.stock as number) - 1 }
            : i % 5 === 3
              ? { dimensions: { ...(before.dimensions as object), width: (i % 30) + 40 } }
              : { description: `${before.description as string} Revised on visit ${i}, with a longer cable and a warmer light.` };
    state.set(id, { ...before, ...patch });
    const name = i === 12 ? "Price update before launch" : i === 20 ? '=HYPERLINK("http://evil.example","Click")' : undefined;
    rows.push({ id: 5000 + i, resource: "products", action: "update", createdAt, author, data: patch, previousData: {}, meta: { id }, ...(name ? { name } : {}) });
  }
  return rows;
}
