import { useUpdate } from "@refinedev/core";
import { useState } from "react";
import { createInMemoryAuditLogProvider } from "../../src/refine/createInMemoryAuditLogProvider";
import { withPreviousData } from "../../src/refine/withPreviousData";
import { createMemoryDataProvider } from "./logFixtures";

/**
 * A button that saves product 7's price through Refine's `useUpdate` (pessimistic), as an
 * edit form would: each click raises it by `step` from `start`. For the "live" stories.
 */
export function RaisePrice({ start, step }: { start: number; step: number }) {
  const { mutate, mutation } = useUpdate();
  const [price, setPrice] = useState(start);
  return (
    <button
      type="button"
      disabled={mutation.isPending}
      onClick={() => {
        const next = price + step;
        setPrice(next);
        mutate({ resource: "products", id: 7, values: { price: next }, mutationMode: "pessimistic" });
      }}
    >
      Raise the price to {price + step}
    </button>
  );
}

/** A data provider holding `record` (product 7) and an in-memory audit log, wrapped so logs carry the true old values. */
export const liveProviders = (record: Record<string, unknown>, history: readonly unknown[], latency: number) =>
  withPreviousData({
    dataProvider: createMemoryDataProvider({ products: [{ id: 7, ...record }] }),
    auditLogProvider: createInMemoryAuditLogProvider({ initial: history, latency }),
  });
