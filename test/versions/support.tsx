import type { BaseRecord, DataProvider } from "@refinedev/core";
import { createInMemoryAuditLogProvider } from "../../src/refine/createInMemoryAuditLogProvider";

/** A product's history: created at 10:00, price raised at 10:05 (named), renamed at 10:10. */
export function productHistory() {
  const at = (minute: number) => new Date(Date.UTC(2024, 10, 3, 10, minute)).toISOString();
  return [
    { id: 1, resource: "products", action: "create", createdAt: at(0), author: { name: "Ada" }, data: { name: "Lamp", price: 45, stock: 3 }, meta: { id: 7 } },
    { id: 2, resource: "products", action: "update", createdAt: at(5), author: { name: "Ben" }, data: { price: 39 }, previousData: {}, meta: { id: 7 }, name: "Launch price" },
    { id: 3, resource: "products", action: "update", createdAt: at(10), author: { name: "Cleo" }, data: { name: "Arc lamp" }, previousData: {}, meta: { id: 7 } },
  ];
}

/** A data provider over one in-memory table, counting and optionally failing its calls. */
export function createMemoryDataProvider(initial: Record<string, BaseRecord[]>) {
  const tables: Record<string, BaseRecord[]> = Object.fromEntries(Object.entries(initial).map(([name, rows]) => [name, rows.map((row) => ({ ...row }))]));
  const calls = { getOne: 0, update: [] as { id: unknown; variables: unknown; meta: unknown }[] };
  let updateFailure: Error | undefined;
  const find = (resource: string, id: unknown) => tables[resource]?.find((row) => String(row.id) === String(id));
  const provider: DataProvider = {
    getApiUrl: () => "",
    getList: async ({ resource }) => ({ data: (tables[resource] ?? []).map((row) => ({ ...row })) as never, total: tables[resource]?.length ?? 0 }),
    getOne: async ({ resource, id }) => {
      calls.getOne++;
      const row = find(resource, id);
      if (!row) throw Object.assign(new Error("Not found"), { statusCode: 404 });
      return { data: { ...row } as never };
    },
    create: async () => {
      throw new Error("not used");
    },
    update: async ({ resource, id, variables, meta }) => {
      calls.update.push({ id, variables, meta });
      if (updateFailure) throw updateFailure;
      const row = find(resource, id)!;
      Object.assign(row, variables);
      return { data: { ...row } as never };
    },
    deleteOne: async () => {
      throw new Error("not used");
    },
  };
  return {
    provider,
    tables,
    calls,
    /** Changes a row behind the UI's back (another user's edit). */
    edit: (resource: string, id: unknown, values: Record<string, unknown>) => Object.assign(find(resource, id)!, values),
    failUpdates: (error: Error | undefined) => {
      updateFailure = error;
    },
  };
}

export function setup() {
  const audit = createInMemoryAuditLogProvider({ initial: productHistory(), now: () => new Date(Date.UTC(2024, 10, 3, 11, 0)) });
  const data = createMemoryDataProvider({ products: [{ id: 7, name: "Arc lamp", price: 39, stock: 3 }] });
  return { audit, data };
}
