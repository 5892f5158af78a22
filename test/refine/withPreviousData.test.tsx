import { useList, useUpdate, useUpdateMany, type BaseRecord, type DataProvider, type LogParams } from "@refinedev/core";
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AuditTimeline, createInMemoryAuditLogProvider, withPreviousData } from "../../src/index";
import { createMemoryDataProvider } from "../../stories/support/logFixtures";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";

const products = () => [
  { id: 1, name: "Lamp", price: 50, stock: 3 },
  { id: 2, name: "Desk", price: 120, stock: 1 },
  { id: 3, name: "Chair", price: 40, stock: 8 },
];

function Buttons({ mode = "pessimistic" }: { mode?: "pessimistic" | "optimistic" | "undoable" }) {
  const update = useUpdate();
  const updateMany = useUpdateMany();
  return (
    <>
      <button type="button" onClick={() => update.mutate({ resource: "products", id: 1, values: { price: 60, name: "Lamp" }, mutationMode: mode })}>
        Update one
      </button>
      <button type="button" onClick={() => updateMany.mutate({ resource: "products", ids: [3, 1], values: { stock: 0 }, mutationMode: mode })}>
        Update many
      </button>
    </>
  );
}

function setup(dataProvider: DataProvider, mode?: "pessimistic" | "optimistic") {
  const memory = createInMemoryAuditLogProvider();
  const create = vi.spyOn(memory, "create");
  const wrapped = withPreviousData({ dataProvider, auditLogProvider: memory });
  const view = renderWithRefine(
    <>
      <Buttons mode={mode} />
      <AuditTimeline resource="products" id={1} locale="en-US" />
    </>,
    { dataProvider: wrapped.dataProvider, auditLogProvider: wrapped.auditLogProvider },
  );
  const logged = () => create.mock.calls.map(([params]) => params as LogParams);
  return { ...view, logged, memory };
}

describe("withPreviousData inside <Refine>", () => {
  it.each(["pessimistic", "optimistic"] as const)("logs the true old values of an update's patched keys (%s)", async (mode) => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const { logged, container } = setup(dataProvider, mode);
    await userEvent.click(screen.getByRole("button", { name: "Update one" }));
    await waitFor(() => expect(logged()).toHaveLength(1));
    expect(logged()[0]).toMatchObject({ action: "update", data: { price: 60, name: "Lamp" }, previousData: { price: 50, name: "Lamp" } });
    expect(Object.keys(logged()[0]!.previousData)).toEqual(["price", "name"]);
    // One read, before the write.
    expect(dataProvider.calls.map((call) => call.method)).toEqual(["getOne", "update"]);

    // The timeline shows the logged before-value, not an inferred one.
    await waitFor(() => expect(container.querySelector('[data-part="summary"]')?.textContent).toBe("Changed Price from 50 to 60"));
    await userEvent.click(screen.getByRole("button", { name: "Show changes" }));
    expect(container.querySelector('[data-scope="record-diff"] [data-path="price"]')?.hasAttribute("data-inferred")).toBe(false);
  });

  it("logs an updateMany's old values as an array in meta.ids order, whatever order getMany answers in", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const { logged } = setup(dataProvider);
    await userEvent.click(screen.getByRole("button", { name: "Update many" }));
    await waitFor(() => expect(logged()).toHaveLength(1));
    expect(logged()[0]).toMatchObject({ action: "updateMany", meta: { ids: [3, 1] }, previousData: [{ stock: 8 }, { stock: 3 }] });
    expect(dataProvider.calls.map((call) => call.method)).toEqual(["getMany", "updateMany"]);
  });

  it("covers a data provider without updateMany (Refine then updates one by one)", async () => {
    const { updateMany: _updateMany, ...withoutBulk } = createMemoryDataProvider({ products: products() });
    const { logged } = setup(withoutBulk);
    await userEvent.click(screen.getByRole("button", { name: "Update many" }));
    await waitFor(() => expect(logged()).toHaveLength(1));
    expect(logged()[0]).toMatchObject({ action: "updateMany", previousData: [{ stock: 8 }, { stock: 3 }] });
  });

  it("does not block a write whose read fails, and keeps Refine's previousData then", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    dataProvider.getOne = async () => {
      throw new Error("read failed");
    };
    const { logged } = setup(dataProvider);
    await userEvent.click(screen.getByRole("button", { name: "Update one" }));
    await waitFor(() => expect(logged()).toHaveLength(1));
    expect(dataProvider.tables.get("products")![0]).toMatchObject({ price: 60 });
    // Refine's own previousData: the patched keys, present but undefined (not `{}`).
    const previousData = logged()[0]!.previousData as Record<string, unknown>;
    expect(Object.keys(previousData)).toEqual(["price", "name"]);
    expect(Object.values(previousData)).toEqual([undefined, undefined]);
  });

  it("forgets the read of a failed write, so the next log gets the right values", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const realUpdate = dataProvider.update;
    let fail = true;
    dataProvider.update = async (params) => {
      if (fail) throw new Error("write failed");
      return realUpdate(params);
    };
    const { logged } = setup(dataProvider);
    await userEvent.click(screen.getByRole("button", { name: "Update one" }));
    await waitFor(() => expect(dataProvider.calls.filter((call) => call.method === "getOne")).toHaveLength(1));
    fail = false;
    dataProvider.tables.get("products")![0]!.price = 55;
    await userEvent.click(screen.getByRole("button", { name: "Update one" }));
    await waitFor(() => expect(logged()).toHaveLength(1));
    expect(logged()[0]!.previousData).toEqual({ price: 55, name: "Lamp" });
  });
});

describe("withPreviousData never gives a record another record's values", () => {
  it("leaves a record getMany did not return with Refine's previousData, and matches the others by id", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    // An API that drops a record it cannot read (3), and answers in its own order.
    dataProvider.getMany = async ({ ids }) => ({ data: ids.filter((id) => id !== 3).map((id) => ({ ...dataProvider.tables.get("products")!.find((row) => row.id === id)! })) }) as never;
    const { logged } = setup(dataProvider);
    await userEvent.click(screen.getByRole("button", { name: "Update many" }));
    await waitFor(() => expect(logged()).toHaveLength(1));
    const [chair, lamp] = logged()[0]!.previousData as Record<string, unknown>[];
    // Not the lamp's stock (3): the chair's before-value is unknown, as Refine sent it.
    expect(chair).toEqual({ stock: undefined });
    expect(lamp).toEqual({ stock: 3 });
  });

  it("never pairs by position: records without the id field leave every before-value unknown", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    dataProvider.getMany = async ({ ids }) => ({ data: ids.map((id) => ({ sku: `P${String(id)}`, stock: 99 })) }) as never;
    const { logged } = setup(dataProvider);
    await userEvent.click(screen.getByRole("button", { name: "Update many" }));
    await waitFor(() => expect(logged()).toHaveLength(1));
    expect(logged()[0]!.previousData).toEqual([{ stock: undefined }, { stock: undefined }]);
  });

  it("reads the id from idField", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const read = dataProvider.getMany;
    dataProvider.getMany = async (params) => ({ data: ((await read(params)) as { data: BaseRecord[] }).data.map(({ id, ...row }) => ({ _id: id, ...row })) }) as never;
    const memory = createInMemoryAuditLogProvider();
    const create = vi.spyOn(memory, "create");
    const wrapped = withPreviousData({ dataProvider, auditLogProvider: memory, idField: "_id" });
    renderWithRefine(<Buttons />, { dataProvider: wrapped.dataProvider, auditLogProvider: wrapped.auditLogProvider });
    await userEvent.click(screen.getByRole("button", { name: "Update many" }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toMatchObject({ previousData: [{ stock: 8 }, { stock: 3 }] });
  });

  it("without getMany, a record whose getOne fails is unknown while the others are read", async () => {
    const { getMany: _getMany, ...withoutGetMany } = createMemoryDataProvider({ products: products() });
    const getOne = withoutGetMany.getOne;
    withoutGetMany.getOne = async (params) => {
      if (params.id === 3) throw new Error("403");
      return getOne(params);
    };
    const { logged } = setup(withoutGetMany);
    await userEvent.click(screen.getByRole("button", { name: "Update many" }));
    await waitFor(() => expect(logged()).toHaveLength(1));
    expect(logged()[0]!.previousData).toEqual([{ stock: undefined }, { stock: 3 }]);
  });
});

/** A promise settled from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** Two price buttons for product 1, each its own useUpdate, as two forms or two tabs of an app would have. */
function PriceButtons() {
  const first = useUpdate();
  const second = useUpdate();
  return (
    <>
      <button type="button" onClick={() => first.mutate({ resource: "products", id: 1, values: { price: 60 } })}>
        Price 60
      </button>
      <button type="button" onClick={() => second.mutate({ resource: "products", id: 1, values: { price: 70 } })}>
        Price 70
      </button>
    </>
  );
}

describe("withPreviousData pairs each log with its own write's read", () => {
  it("logs the right before-values for two overlapping updates of one record whose answers come back in reverse order", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const store = dataProvider.update;
    // The server applies each write at once but answers only when the test says so.
    const answers: ReturnType<typeof deferred<void>>[] = [];
    dataProvider.update = async (params) => {
      const result = await store(params);
      const answer = deferred<void>();
      answers.push(answer);
      await answer.promise;
      return result;
    };
    const memory = createInMemoryAuditLogProvider();
    const create = vi.spyOn(memory, "create");
    const wrapped = withPreviousData({ dataProvider, auditLogProvider: memory });
    const { container } = renderWithRefine(
      <>
        <PriceButtons />
        <AuditTimeline resource="products" id={1} locale="en-US" />
      </>,
      { dataProvider: wrapped.dataProvider, auditLogProvider: wrapped.auditLogProvider },
    );
    // 50 → 60 is written (its answer still on the way), then 60 → 70 is read and written.
    await userEvent.click(screen.getByRole("button", { name: "Price 60" }));
    await waitFor(() => expect(answers).toHaveLength(1));
    await userEvent.click(screen.getByRole("button", { name: "Price 70" }));
    await waitFor(() => expect(answers).toHaveLength(2));
    expect(dataProvider.calls.map((call) => call.method)).toEqual(["getOne", "update", "getOne", "update"]);

    // The second write's answer comes first, so its log comes first.
    await act(async () => answers[1]!.resolve());
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toMatchObject({ data: { price: 70 }, previousData: { price: 60 } });
    await act(async () => answers[0]!.resolve());
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls[1]![0]).toMatchObject({ data: { price: 60 }, previousData: { price: 50 } });

    // What the user reads in the timeline.
    await waitFor(() =>
      expect([...container.querySelectorAll('[data-part="summary"]')].map((node) => node.textContent).sort()).toEqual([
        "Changed Price from 50 to 60",
        "Changed Price from 60 to 70",
      ]),
    );
  });

  it("gives no before-values rather than guessed ones when two finished writes of one record share one values object", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const memory = createInMemoryAuditLogProvider();
    const create = vi.spyOn(memory, "create");
    const wrapped = withPreviousData({ dataProvider, auditLogProvider: memory });
    // The same constant saved twice, both writes done before either log (as Refine sends them).
    const archive = { stock: 0 };
    await wrapped.dataProvider.update({ resource: "products", id: 1, variables: archive, meta: {} });
    dataProvider.tables.get("products")![0]!.stock = 5;
    await wrapped.dataProvider.update({ resource: "products", id: 1, variables: archive, meta: {} });
    const refinesGuess = { stock: undefined };
    for (let log = 0; log < 2; log++) {
      await wrapped.auditLogProvider.create!({ resource: "products", action: "update", data: archive, previousData: refinesGuess, meta: { id: 1 } });
    }
    expect(create.mock.calls.map(([params]) => params.previousData)).toEqual([refinesGuess, refinesGuess]);
    // A later, unshared write of the record is paired again.
    dataProvider.tables.get("products")![0]!.stock = 7;
    const restock = { stock: 9 };
    await wrapped.dataProvider.update({ resource: "products", id: 1, variables: restock, meta: {} });
    await wrapped.auditLogProvider.create!({ resource: "products", action: "update", data: restock, previousData: refinesGuess, meta: { id: 1 } });
    expect(create.mock.calls[2]![0].previousData).toEqual({ stock: 7 });
  });

  it("does not pair a log whose data is a copy of the values written", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const memory = createInMemoryAuditLogProvider();
    const create = vi.spyOn(memory, "create");
    const wrapped = withPreviousData({ dataProvider, auditLogProvider: memory });
    const values = { price: 60 };
    await wrapped.dataProvider.update({ resource: "products", id: 1, variables: values, meta: {} });
    await wrapped.auditLogProvider.create!({ resource: "products", action: "update", data: { ...values }, previousData: {}, meta: { id: 1 } });
    expect(create.mock.calls[0]![0].previousData).toEqual({});
  });
});

/** A data provider written as a class: methods on the prototype, state in private fields, `this` everywhere. */
class ProductsApi {
  #rows: BaseRecord[];
  readonly reads: BaseRecord[] = [];
  constructor(rows: BaseRecord[]) {
    this.#rows = rows.map((row) => ({ ...row }));
  }
  getApiUrl() {
    return "https://api.example.test";
  }
  #find(id: unknown) {
    const row = this.#rows.find((candidate) => String(candidate.id) === String(id));
    if (!row) throw new Error(`No product ${String(id)}`);
    return row;
  }
  async getList() {
    return { data: this.#rows.map((row) => ({ ...row })), total: this.#rows.length } as never;
  }
  async getOne({ id }: { id: unknown }) {
    const copy = { ...this.#find(id) };
    this.reads.push(copy);
    return { data: copy } as never;
  }
  async getMany({ ids }: { ids: unknown[] }) {
    return { data: ids.map((id) => ({ ...this.#find(id) })) } as never;
  }
  async create() {
    throw new Error("not used");
  }
  async deleteOne() {
    throw new Error("not used");
  }
  async update({ id, variables }: { id: unknown; variables: object }) {
    Object.assign(this.#find(id), variables);
    return { data: { ...this.#find(id) } } as never;
  }
  async updateMany({ ids, variables }: { ids: unknown[]; variables: object }) {
    // Reads `this`: fails if called unbound.
    if (!this.getApiUrl().startsWith("https://")) throw new Error("bad url");
    for (const id of ids) Object.assign(this.#find(id), variables);
    return { data: ids.map((id) => ({ ...this.#find(id) })) } as never;
  }
}

function ProductNames() {
  const { result, query } = useList({ resource: "products" });
  if (query.isError) return <p role="alert">{String(query.error?.message)}</p>;
  return (
    <ul aria-label="Products">
      {result.data.map((row) => (
        <li key={String(row.id)}>
          {String(row.name)}: {String(row.stock)}
        </li>
      ))}
    </ul>
  );
}

describe("withPreviousData with a class-based data provider", () => {
  it("keeps the class's methods and `this`: lists load, update and updateMany log true old values", async () => {
    const api = new ProductsApi(products());
    const memory = createInMemoryAuditLogProvider();
    const create = vi.spyOn(memory, "create");
    const wrapped = withPreviousData({ dataProvider: api as unknown as DataProvider, auditLogProvider: memory });
    renderWithRefine(
      <>
        <Buttons />
        <ProductNames />
      </>,
      { dataProvider: wrapped.dataProvider, auditLogProvider: wrapped.auditLogProvider },
    );
    const list = await screen.findByRole("list", { name: "Products" });
    await waitFor(() => expect(list.textContent).toContain("Lamp: 3"));
    expect(wrapped.dataProvider.getApiUrl()).toBe("https://api.example.test");

    await userEvent.click(screen.getByRole("button", { name: "Update one" }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toMatchObject({ action: "update", previousData: { price: 50, name: "Lamp" } });

    await userEvent.click(screen.getByRole("button", { name: "Update many" }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls[1]![0]).toMatchObject({ action: "updateMany", previousData: [{ stock: 8 }, { stock: 3 }] });
    await waitFor(() => expect(list.textContent).toContain("Chair: 0"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("wraps a frozen provider object", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const memory = createInMemoryAuditLogProvider();
    const create = vi.spyOn(memory, "create");
    const wrapped = withPreviousData({ dataProvider: Object.freeze({ ...dataProvider }), auditLogProvider: memory });
    renderWithRefine(<Buttons />, { dataProvider: wrapped.dataProvider, auditLogProvider: wrapped.auditLogProvider });
    await userEvent.click(screen.getByRole("button", { name: "Update one" }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toMatchObject({ previousData: { price: 50, name: "Lamp" } });
  });

  it("works with a class-based audit log provider too", async () => {
    class AuditApi {
      #rows: LogParams[] = [];
      async create(params: LogParams) {
        this.#rows.push(params);
        return params;
      }
      async get() {
        return this.#rows.map((row, index) => ({ ...row, id: index + 1, createdAt: "2024-03-01T10:00:00Z" }));
      }
      async update() {
        return undefined;
      }
      get logged() {
        return this.#rows;
      }
    }
    const audit = new AuditApi();
    const dataProvider = createMemoryDataProvider({ products: products() });
    const wrapped = withPreviousData({ dataProvider, auditLogProvider: audit });
    renderWithRefine(<Buttons />, { dataProvider: wrapped.dataProvider, auditLogProvider: wrapped.auditLogProvider });
    await userEvent.click(screen.getByRole("button", { name: "Update one" }));
    await waitFor(() => expect(audit.logged).toHaveLength(1));
    expect(audit.logged[0]).toMatchObject({ previousData: { price: 50 } });
    await expect((wrapped.auditLogProvider.get as AuditApi["get"])()).resolves.toHaveLength(1);
  });
});

describe("withPreviousData forgets reads whose log never comes", () => {
  const unlogged = (provider: DataProvider, id: number, variables: object) =>
    provider.update({ resource: "products", id, variables, meta: {} });

  it("keeps at most maxPending reads: an old unlogged read never becomes a later log's previousData", async () => {
    const dataProvider = createMemoryDataProvider({ products: products() });
    const memory = createInMemoryAuditLogProvider();
    const create = vi.spyOn(memory, "create");
    const wrapped = withPreviousData({ dataProvider, auditLogProvider: memory, maxPending: 2 });
    // Writes that Refine does not log (a direct call, a resource whose meta.audit leaves updates out).
    await unlogged(wrapped.dataProvider, 1, { price: 55 });
    await unlogged(wrapped.dataProvider, 2, { price: 130 });
    await unlogged(wrapped.dataProvider, 3, { price: 45 });
    renderWithRefine(<Buttons />, { dataProvider: wrapped.dataProvider, auditLogProvider: wrapped.auditLogProvider });
    await userEvent.click(screen.getByRole("button", { name: "Update one" }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toMatchObject({ action: "update", previousData: { price: 55, name: "Lamp" } });
  });

  it("lets go of a read once maxWaitMs has passed, even if nothing else happens", async () => {
    const v8 = await import("node:v8");
    const vm = await import("node:vm");
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const api = new ProductsApi(products());
    const wrapped = withPreviousData({ dataProvider: api as unknown as DataProvider, auditLogProvider: createInMemoryAuditLogProvider(), maxWaitMs: 20 });
    await unlogged(wrapped.dataProvider, 1, { price: 55 });
    const read = new WeakRef(api.reads.pop()!);
    expect(read.deref()).toMatchObject({ price: 50 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 80)));
    // deref() keeps its target alive until the current task ends: collect in a later one.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    for (let attempt = 0; attempt < 5; attempt++) {
      await tick();
      gc();
      await tick();
      if (read.deref() === undefined) break;
    }
    expect(read.deref()).toBeUndefined();
  });
});

describe("withPreviousData at scale", () => {
  it("pairs the reads of a 30,000-record updateMany with its log in linear work", async () => {
    const n = 30_000;
    const rows = new Map(Array.from({ length: n }, (_, i) => [i + 1, { id: i + 1, stock: i }]));
    const dataProvider = {
      getApiUrl: () => "",
      getList: async () => ({ data: [], total: 0 }),
      getOne: async () => ({ data: {} }),
      create: async () => ({ data: {} }),
      update: async () => ({ data: {} }),
      deleteOne: async () => ({ data: {} }),
      getMany: async ({ ids }: { ids: readonly (string | number)[] }) => ({ data: ids.map((id) => ({ ...rows.get(Number(id))! })) }),
      updateMany: async ({ ids }: { ids: readonly (string | number)[] }) => ({ data: ids.map((id) => ({ id })) }),
    } as unknown as DataProvider;
    const memory = createInMemoryAuditLogProvider();
    const create = vi.spyOn(memory, "create");
    const wrapped = withPreviousData({ dataProvider, auditLogProvider: memory, maxPending: n });
    const ids = [...rows.keys()];
    const values = { stock: 0 };
    await wrapped.dataProvider.updateMany!({ resource: "products", ids, variables: values });
    await wrapped.auditLogProvider.create!({ resource: "products", action: "updateMany", data: values, previousData: [], meta: { ids } });
    const previousData = (create.mock.calls[0]![0] as LogParams).previousData as { stock: number }[];
    expect(previousData).toHaveLength(n);
    expect(previousData[0]).toEqual({ stock: 0 });
    expect(previousData[n - 1]).toEqual({ stock: n - 1 });
  });
});
