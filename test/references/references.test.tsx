import type { BaseRecord, DataProvider } from "@refinedev/core";
import { render, renderHook, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AuditLogTable } from "../../src/audit-log-table/AuditLogTable";
import { useAuditLogTable } from "../../src/audit-log-table/useAuditLogTable";
import { AuditTimeline } from "../../src/audit-timeline/AuditTimeline";
import type { RecordDiffFields } from "../../src/core/policy";
import { RecordDiff } from "../../src/record-diff/RecordDiff";
import { createInMemoryAuditLogProvider } from "../../src/refine/createInMemoryAuditLogProvider";
import { refineWrapper, renderWithRefine } from "../audit-timeline/renderWithRefine";

const at = (minute: number) => new Date(Date.UTC(2024, 10, 3, 10, minute)).toISOString();
const NOW = new Date(Date.UTC(2024, 10, 3, 12, 0));

const categories = [
  { id: 3, title: "Lamps" },
  { id: 7, title: "Lighting" },
  { id: 11, title: "Desks" },
];
const tags = [
  { id: "t1", name: "Oak" },
  { id: "t2", name: "Steel" },
  { id: "t3", name: "Sale" },
];

/** Products moving between categories (9 no longer exists) and gaining tags. */
const productLog = () => [
  { id: 1, resource: "products", action: "create", createdAt: at(0), author: { name: "Ada" }, data: { title: "Arc lamp", categoryId: 3, tagIds: ["t1", "t2"] }, meta: { id: 1 } },
  { id: 2, resource: "products", action: "update", createdAt: at(5), author: { name: "Ben" }, data: { categoryId: 7 }, previousData: { categoryId: 3 }, meta: { id: 1 } },
  { id: 3, resource: "products", action: "update", createdAt: at(10), author: { name: "Cleo" }, data: { categoryId: 11 }, previousData: { categoryId: 9 }, meta: { id: 2 } },
  { id: 4, resource: "products", action: "update", createdAt: at(15), author: { name: "Dan" }, data: { tagIds: ["t1", "t3"] }, previousData: { tagIds: ["t1", "t2"] }, meta: { id: 1 } },
];

const fields: RecordDiffFields = {
  categoryId: { label: "Category", reference: { resource: "categories", label: "title" } },
  tagIds: { label: "Tags", reference: { resource: "tags" } },
};

type Gate = { promise: Promise<void>; open: () => void };
const gate = (): Gate => {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};

/** A data provider over categories and tags that counts its reads, can hold them, fail them, or lack `getMany`. */
function referenceProvider(options: { withGetMany?: boolean; fail?: boolean; hold?: Gate } = {}) {
  const tables: Record<string, BaseRecord[]> = { categories, tags };
  const calls = { getMany: [] as { resource: string; ids: string[] }[], getOne: [] as { resource: string; id: string }[] };
  const provider: DataProvider = {
    getApiUrl: () => "",
    getList: async () => ({ data: [], total: 0 }),
    getOne: async ({ resource, id }) => {
      calls.getOne.push({ resource, id: String(id) });
      await options.hold?.promise;
      if (options.fail) throw Object.assign(new Error("Service unavailable"), { statusCode: 503 });
      const row = tables[resource]?.find((r) => String(r.id) === String(id));
      if (!row) throw Object.assign(new Error("Not found"), { statusCode: 404 });
      return { data: row as never };
    },
    create: async () => ({ data: {} as never }),
    update: async () => ({ data: {} as never }),
    deleteOne: async () => ({ data: {} as never }),
  };
  if (options.withGetMany !== false) {
    provider.getMany = async ({ resource, ids }) => {
      calls.getMany.push({ resource, ids: ids.map(String) });
      await options.hold?.promise;
      if (options.fail) throw Object.assign(new Error("Service unavailable"), { statusCode: 503 });
      return { data: (tables[resource] ?? []).filter((row) => ids.map(String).includes(String(row.id))) as never };
    };
  }
  return { provider, calls };
}

const summaryOf = (container: HTMLElement, id: string) =>
  container.querySelector(`[data-scope="audit-timeline"][data-part="entry"][data-log-id="${id}"] [data-scope="audit-timeline"][data-part="summary"]`)?.textContent;

describe("references by their label", () => {
  it("shows a resource's timeline with categories and tags by name, one getMany per referenced resource", async () => {
    const { provider, calls } = referenceProvider();
    const audit = createInMemoryAuditLogProvider({ initial: productLog() });
    const { container } = renderWithRefine(<AuditTimeline resource="products" fields={fields} now={NOW} timeZone="UTC" locale="en-GB" />, {
      auditLogProvider: audit,
      dataProvider: provider,
      resources: [{ name: "products" }, { name: "categories" }, { name: "tags" }],
    });
    await waitFor(() => expect(summaryOf(container, "2")).toBe("Changed Category from Lamps to Lighting"));
    // Category 9 is gone: the id, said to be deleted.
    expect(summaryOf(container, "3")).toBe("Changed Category from #9 (deleted) to Desks");
    // An id swapped in a list of references: one taken out, one put in, by name.
    expect(summaryOf(container, "4")).toBe("Replaced Steel with Sale in Tags");
    // Every id of every entry in one request per resource.
    expect(calls.getMany.filter((call) => call.resource === "categories")).toHaveLength(1);
    expect(calls.getMany.find((call) => call.resource === "categories")!.ids.sort()).toEqual(["11", "3", "7", "9"]);
    expect(calls.getMany.filter((call) => call.resource === "tags")).toHaveLength(1);
    expect(calls.getOne).toHaveLength(0);
  });

  it("shows the ids while the labels load, then the labels in the open diff", async () => {
    const hold = gate();
    const { provider } = referenceProvider({ hold });
    const audit = createInMemoryAuditLogProvider({ initial: productLog() });
    const { container } = renderWithRefine(<AuditTimeline resource="products" fields={fields} now={NOW} timeZone="UTC" locale="en-GB" defaultExpanded={["2"]} />, {
      auditLogProvider: audit,
      dataProvider: provider,
    });
    await waitFor(() => expect(summaryOf(container, "2")).toBe("Changed Category from #3 to #7"));
    const references = () => [...container.querySelectorAll<HTMLElement>('[data-log-id="2"] [data-scope="record-diff"][data-part="reference"]')];
    await waitFor(() => expect(references().map((el) => [el.textContent, el.dataset.state])).toEqual([["#3", "loading"], ["#7", "loading"]]));
    hold.open();
    await waitFor(() => expect(summaryOf(container, "2")).toBe("Changed Category from Lamps to Lighting"));
    await waitFor(() => expect(references().map((el) => [el.textContent, el.dataset.state, el.dataset.id])).toEqual([["Lamps", "resolved", "3"], ["Lighting", "resolved", "7"]]));
  });

  it("shows the ids and nothing breaks when the labels cannot be read", async () => {
    const { provider } = referenceProvider({ fail: true });
    const audit = createInMemoryAuditLogProvider({ initial: productLog() });
    const { container } = renderWithRefine(<AuditTimeline resource="products" fields={fields} now={NOW} timeZone="UTC" defaultExpanded={["2"]} />, {
      auditLogProvider: audit,
      dataProvider: provider,
    });
    await waitFor(() => {
      const reference = container.querySelector<HTMLElement>('[data-log-id="2"] [data-part="reference"]');
      expect(reference?.dataset.state).toBe("error");
      expect(reference?.title).toBe("The name of #3 could not be loaded");
    });
    expect(summaryOf(container, "2")).toBe("Changed Category from #3 to #7");
    expect(summaryOf(container, "1")).toBe("Created with 3 fields");
  });

  it("reads them with getOne per id when the data provider has no getMany, a 404 meaning deleted", async () => {
    const { provider, calls } = referenceProvider({ withGetMany: false });
    const audit = createInMemoryAuditLogProvider({ initial: productLog().slice(1, 3) });
    const { container } = renderWithRefine(<AuditTimeline resource="products" fields={fields} now={NOW} timeZone="UTC" />, { auditLogProvider: audit, dataProvider: provider });
    await waitFor(() => expect(summaryOf(container, "3")).toBe("Changed Category from #9 (deleted) to Desks"));
    expect(summaryOf(container, "2")).toBe("Changed Category from Lamps to Lighting");
    expect(calls.getOne.map((call) => call.id).sort()).toEqual(["11", "3", "7", "9"]);
  });

  it("never asks for a redacted or hidden reference", async () => {
    const { provider, calls } = referenceProvider();
    const audit = createInMemoryAuditLogProvider({ initial: productLog() });
    const secret: RecordDiffFields = { categoryId: { ...fields.categoryId, redact: true }, tagIds: { ...fields.tagIds, hidden: true } };
    const { container } = renderWithRefine(<AuditTimeline resource="products" fields={secret} now={NOW} timeZone="UTC" defaultExpanded={["2"]} />, {
      auditLogProvider: audit,
      dataProvider: provider,
    });
    await waitFor(() => expect(summaryOf(container, "2")).toBe("Changed Category (hidden)"));
    expect(container.textContent).not.toMatch(/Lamps|Lighting|Steel|Sale/);
    expect(calls.getMany).toEqual([]);
    expect(calls.getOne).toEqual([]);
  });

  it("resolves a table's rows in one request, finds them by label, and exports the id beside the label", async () => {
    const { provider, calls } = referenceProvider();
    const audit = createInMemoryAuditLogProvider({ initial: productLog() });
    const user = userEvent.setup();
    renderWithRefine(<AuditLogTable resource="products" fields={fields} locale="en-GB" timeZone="UTC" />, { auditLogProvider: audit, dataProvider: provider });
    await screen.findByText("Changed Category from Lamps to Lighting");
    expect(calls.getMany.filter((call) => call.resource === "categories")).toHaveLength(1);
    await user.type(screen.getByRole("searchbox"), "Lighting");
    await waitFor(() => expect(screen.getAllByRole("row").length).toBe(2)); // the header and the one match
    expect(screen.getByText("Changed Category from Lamps to Lighting")).toBeTruthy();
  });

  it("exports references with their ids (CSV of changes and JSON)", async () => {
    const { provider } = referenceProvider();
    const audit = createInMemoryAuditLogProvider({ initial: productLog() });
    const { result } = renderHook(() => useAuditLogTable({ resource: "products", fields, locale: "en-GB", timeZone: "UTC" }), {
      wrapper: refineWrapper({ auditLogProvider: audit, dataProvider: provider }),
    });
    await waitFor(() => expect(result.current.references?.({ resource: "categories" }, "7")).toEqual({ status: "resolved", label: "Lighting" }));
    const csv = result.current.exportCsv({ rows: "changes" }).text;
    expect(csv).toContain("Lamps (#3)");
    expect(csv).toContain("Lighting (#7)");
    expect(csv).toContain("#9 (deleted)");
    const summaryCsv = result.current.exportCsv().text;
    expect(summaryCsv).toContain("Changed Category from Lamps (#3) to Lighting (#7)");
    const json = JSON.parse(result.current.exportJson().text) as { id: number; changes: { before?: unknown; after?: unknown; beforeLabel?: string; afterLabel?: string }[] }[];
    const change = json.find((row) => row.id === 2)!.changes[0]!;
    expect(change).toMatchObject({ before: 3, after: 7, beforeLabel: "Lamps (#3)", afterLabel: "Lighting (#7)" });
  });

  it("names the records of one resource by each field's own label, from one request", async () => {
    const { provider, calls } = referenceProvider();
    const twoLabels: RecordDiffFields = {
      categoryId: { label: "Category", reference: { resource: "categories", label: "title" } },
      formerCategoryId: { label: "Former category", reference: { resource: "categories", label: (record) => `${String(record.title)} (archive)` } },
    };
    const { container } = renderWithRefine(<RecordDiff previousData={{}} data={{ categoryId: 7, formerCategoryId: 3 }} fields={twoLabels} />, { dataProvider: provider });
    await waitFor(() => expect([...container.querySelectorAll('[data-part="reference"]')].map((el) => el.textContent)).toEqual(["Lighting", "Lamps (archive)"]));
    expect(calls.getMany).toHaveLength(1);
  });

  it("resolves a standalone <RecordDiff> itself inside Refine, and shows ids outside it", async () => {
    const { provider, calls } = referenceProvider();
    const { container } = renderWithRefine(<RecordDiff previousData={{ categoryId: 3 }} data={{ categoryId: 7 }} fields={fields} />, { dataProvider: provider });
    await waitFor(() => expect(within(container).getByText("Lighting")).toBeTruthy());
    expect(within(container).getByText("Lamps").dataset.state).toBe("resolved");
    expect(calls.getMany).toHaveLength(1);

    const outside = render(<RecordDiff previousData={{ categoryId: 3 }} data={{ categoryId: 7 }} fields={fields} />);
    const shown = [...outside.container.querySelectorAll<HTMLElement>('[data-part="reference"]')].map((el) => [el.textContent, el.dataset.state]);
    expect(shown).toEqual([
      ["#3", "unresolved"],
      ["#7", "unresolved"],
    ]);
  });
});
