import { useUpdate, useUpdateMany, type DataProvider, type LogParams } from "@refinedev/core";
import { screen, waitFor } from "@testing-library/react";
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
    await waitFor(() => expect(container.querySelector('[data-part="summary"]')?.textContent).toBe("Changed price from 50 to 60"));
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
    expect(logged()[0]!.previousData).toEqual({ price: undefined, name: undefined });
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
