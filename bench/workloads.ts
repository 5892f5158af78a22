/**
 * Seeded workloads of the benchmark (issue 7). Every workload is generated from a fixed
 * seed by a small PRNG, so each run, on each machine, diffs exactly the same data.
 */

/** A pair of record versions to diff, and what the workload is. */
export interface Workload {
  name: string;
  description: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** mulberry32: a tiny deterministic PRNG returning numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks `count` distinct indices below `length`, in increasing order. */
function pickIndices(random: () => number, length: number, count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, length)) picked.add(Math.floor(random() * length));
  return [...picked].sort((a, b) => a - b);
}

const WORDS =
  "the a of and to in record price stock order customer shipping invoice status draft published archived review update product catalogue warehouse supplier quantity delivery payment refund account address city country notes team member project budget report quarter forecast meeting agenda summary decision risk issue change request approval version history audit log entry field value before after".split(
    " ",
  );

function word(random: () => number): string {
  return WORDS[Math.floor(random() * WORDS.length)]!;
}

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(word(random));
  const text = out.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** A value of one of the usual field types: integer, decimal, short text, boolean, ISO date, null. */
function mixedValue(random: () => number, kind: number): unknown {
  switch (kind % 6) {
    case 0:
      return Math.floor(random() * 100_000);
    case 1:
      return Math.round(random() * 1_000_000) / 100;
    case 2:
      return `${word(random)} ${word(random)} ${Math.floor(random() * 1000)}`;
    case 3:
      return random() < 0.5;
    case 4:
      return new Date(Date.UTC(2024, Math.floor(random() * 12), 1 + Math.floor(random() * 28), Math.floor(random() * 24))).toISOString();
    default:
      return null;
  }
}

/** A new value of the same kind (never equal to the old one). */
function changedValue(random: () => number, kind: number, old: unknown): unknown {
  for (let attempt = 0; attempt < 20; attempt++) {
    const value = kind % 6 === 5 ? `${word(random)} ${Math.floor(random() * 1000)}` : mixedValue(random, kind);
    if (value !== old) return value;
  }
  return `${String(old)}!`;
}

/**
 * W1 and its scaling series: a flat record of `size` fields of mixed types, with 10% of
 * them changed, 1% added and 1% removed (100 / 10 / 10 for 1,000 fields).
 */
export function flatRecord(size: number, seed = 1): Workload {
  const random = createRandom(seed);
  const before: Record<string, unknown> = {};
  const width = String(size).length;
  for (let i = 0; i < size; i++) before[`field_${String(i).padStart(width, "0")}`] = mixedValue(random, i);
  const after: Record<string, unknown> = { ...before };
  const keys = Object.keys(before);
  const changeCount = Math.round(size / 10);
  const edgeCount = Math.max(1, Math.round(size / 100));
  const touched = pickIndices(random, size, changeCount + edgeCount);
  // The first `edgeCount` picks (in random order) are removed, the rest changed.
  const order = touched.map((index) => ({ index, r: random() })).sort((a, b) => a.r - b.r);
  order.forEach(({ index }, n) => {
    const key = keys[index]!;
    if (n < edgeCount) delete after[key];
    else after[key] = changedValue(random, index, before[key]);
  });
  for (let i = 0; i < edgeCount; i++) after[`added_${String(i).padStart(width, "0")}`] = mixedValue(random, i);
  return {
    name: size === 1000 ? "W1" : `W1-${size >= 1000 ? `${size / 1000}k` : size}`,
    description: `flat record, ${size.toLocaleString("en-US")} fields: ${changeCount} changed, ${edgeCount} added, ${edgeCount} removed`,
    before,
    after,
  };
}

/** W2: a record nested 6 levels deep (branching 4, 3 leaves per innermost object: 3,072 leaves), 150 leaves changed. */
export function nestedRecord(seed = 2): Workload {
  const random = createRandom(seed);
  const leaves: Array<{ parent: Record<string, unknown>; key: string; kind: number }> = [];
  const build = (depth: number): Record<string, unknown> => {
    const node: Record<string, unknown> = {};
    if (depth === 6) {
      for (let i = 0; i < 3; i++) {
        const key = ["name", "amount", "updated"][i]!;
        const kind = [2, 1, 4][i]!;
        node[key] = mixedValue(random, kind);
        leaves.push({ parent: node, key, kind });
      }
      return node;
    }
    for (let i = 0; i < 4; i++) node[`${["alpha", "beta", "gamma", "delta"][i]}_${depth}`] = build(depth + 1);
    return node;
  };
  const before = build(1);
  const after = structuredClone(before);
  // Walk both trees in the same order: leaf n of `before` is leaf n of `after`.
  const afterLeaves: Array<{ parent: Record<string, unknown>; key: string }> = [];
  const collect = (node: Record<string, unknown>, depth: number) => {
    for (const [key, value] of Object.entries(node)) {
      if (depth === 6) afterLeaves.push({ parent: node, key });
      else collect(value as Record<string, unknown>, depth + 1);
    }
  };
  collect(after, 1);
  for (const index of pickIndices(random, leaves.length, 150)) {
    const { parent, key, kind } = leaves[index]!;
    afterLeaves[index]!.parent[key] = changedValue(random, kind, parent[key]);
  }
  return { name: "W2", description: `record nested 6 levels deep, ${leaves.length.toLocaleString("en-US")} leaves, 150 changed`, before, after };
}

/** W3: an array field of 5,000 `{ id, name, qty }` items: 50 modified, 20 inserted, 20 removed, 10 moved. */
export function largeArray(seed = 3): Workload {
  const random = createRandom(seed);
  const items = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, name: `${word(random)} ${word(random)}`, qty: Math.floor(random() * 100) }));
  let next = items.map((item) => ({ ...item }));
  // Removed: 20 items. Moved: 10 others, taken out and put back elsewhere. Modified: 50 others.
  const picks = pickIndices(random, items.length, 80).map((index) => ({ index, r: random() })).sort((a, b) => a.r - b.r);
  const removed = new Set(picks.slice(0, 20).map((p) => items[p.index]!.id));
  const moved = new Set(picks.slice(20, 30).map((p) => items[p.index]!.id));
  const modified = new Set(picks.slice(30, 80).map((p) => items[p.index]!.id));
  next = next.filter((item) => !removed.has(item.id));
  for (const item of next) if (modified.has(item.id)) item.qty += 1 + Math.floor(random() * 10);
  for (const id of moved) {
    const from = next.findIndex((item) => item.id === id);
    const [item] = next.splice(from, 1);
    next.splice(Math.floor(random() * next.length), 0, item!);
  }
  for (let i = 0; i < 20; i++) next.splice(Math.floor(random() * next.length), 0, { id: 10_001 + i, name: `${word(random)} ${word(random)}`, qty: Math.floor(random() * 100) });
  return {
    name: "W3",
    description: "array field of 5,000 { id, name, qty } items: 50 modified, 20 inserted, 20 removed, 10 moved",
    before: { title: "Stock take", items },
    after: { title: "Stock take", items: next },
  };
}

/** W4: one field of about 100 KB of prose with 1% of its words replaced. */
export function longText(seed = 4): Workload {
  const random = createRandom(seed);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < 100_000) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) sentences.push(sentence(random, 8 + Math.floor(random() * 16)));
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  const before = paragraphs.join("\n\n");
  const tokens = before.split(/(\s+)/);
  const wordIndices: number[] = [];
  tokens.forEach((token, i) => /^[A-Za-z]+\.?$/.test(token) && wordIndices.push(i));
  const toChange = pickIndices(random, wordIndices.length, Math.round(wordIndices.length / 100));
  for (const n of toChange) {
    const i = wordIndices[n]!;
    const old = tokens[i]!;
    let replacement = word(random);
    while (replacement === old.replace(/\.$/, "").toLowerCase()) replacement = word(random);
    tokens[i] = old.endsWith(".") ? `${replacement}.` : replacement;
  }
  const after = tokens.join("");
  return {
    name: "W4",
    description: `one field of ${Math.round(before.length / 1000)} KB of prose, ${toChange.length} of its ${wordIndices.length.toLocaleString("en-US")} words changed (1%)`,
    before: { id: 1, body: before },
    after: { id: 1, body: after },
  };
}

/** W5: a typical entry: a 12-field record with 3 fields changed. */
export function typicalEntry(): Workload {
  const before = {
    id: 42,
    name: "Walnut desk lamp",
    sku: "LMP-0042",
    price: 89.5,
    currency: "EUR",
    stock: 120,
    status: "draft",
    category: { id: 7, title: "Lighting" },
    tags: ["desk", "walnut"],
    isFeatured: false,
    createdAt: "2024-03-01T09:30:00.000Z",
    description: "A small lamp with a walnut base and a linen shade.",
  };
  const after = { ...before, price: 79.5, stock: 95, status: "published" };
  return { name: "W5", description: "a typical entry: 12 fields, 3 changed", before, after };
}

/** Every diff workload, in the order of the report; `W1-…` are the scaling series. */
export function createWorkloads(): Array<() => Workload> {
  return [() => flatRecord(1000), nestedRecord, largeArray, longText, typicalEntry, () => flatRecord(100), () => flatRecord(10_000)];
}

/** The names of {@link createWorkloads}' workloads, in order (without building them). */
export const WORKLOAD_NAMES = ["W1", "W2", "W3", "W4", "W5", "W1-100", "W1-10k"] as const;
