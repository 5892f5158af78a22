import type { BaseRecord, DataProvider } from "@refinedev/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { AuditLogTable, AuditTimeline, createInMemoryAuditLogProvider, recordDiffParts, type RecordDiffFields } from "../src/index";
import { withStylesheet } from "./support/decorators";
import { withRefine } from "./support/withRefine";

const at = (minute: number) => new Date(Date.UTC(2024, 10, 3, 10, minute)).toISOString();
const NOW = new Date(Date.UTC(2024, 10, 3, 12, 0));

/** A product moving between categories (category 9 has since been deleted) and changing tags. */
const log = () =>
  createInMemoryAuditLogProvider({
    initial: [
      { id: 1, resource: "products", action: "create", createdAt: at(0), author: { name: "Ada Lovelace" }, data: { title: "Arc floor lamp", categoryId: 9, tagIds: ["oak", "steel"] }, meta: { id: 1 } },
      { id: 2, resource: "products", action: "update", createdAt: at(5), author: { name: "Ben Okri" }, data: { categoryId: 3 }, previousData: { categoryId: 9 }, meta: { id: 1 } },
      { id: 3, resource: "products", action: "update", createdAt: at(10), author: { name: "Cleo Diaz" }, data: { categoryId: 7 }, previousData: { categoryId: 3 }, meta: { id: 1 } },
      { id: 4, resource: "products", action: "update", createdAt: at(15), author: { name: "Dan Brown" }, data: { tagIds: ["oak", "sale"] }, previousData: { tagIds: ["oak", "steel"] }, meta: { id: 1 } },
    ],
  });

const fields: RecordDiffFields = {
  title: { label: "Title" },
  categoryId: { label: "Category", reference: { resource: "categories", label: "title" } },
  tagIds: { label: "Tags", reference: { resource: "tags" } },
};

const tables: Record<string, BaseRecord[]> = {
  categories: [
    { id: 3, title: "Lamps" },
    { id: 7, title: "Lighting" },
  ],
  tags: [
    { id: "oak", name: "Oak" },
    { id: "steel", name: "Steel" },
    { id: "sale", name: "Sale" },
  ],
};

/** A data provider whose `getMany` answers from `tables`, never answers, or fails. */
const dataProvider = (mode: "resolve" | "hang" | "fail"): DataProvider => ({
  getApiUrl: () => "",
  getList: async () => ({ data: [], total: 0 }),
  getOne: async () => {
    throw new Error("not used");
  },
  getMany: async ({ resource, ids }) => {
    if (mode === "hang") return new Promise(() => undefined);
    if (mode === "fail") throw Object.assign(new Error("Service unavailable"), { statusCode: 503 });
    return { data: (tables[resource] ?? []).filter((row) => ids.map(String).includes(String(row.id))) as never };
  },
  create: async () => ({ data: {} as never }),
  update: async () => ({ data: {} as never }),
  deleteOne: async () => ({ data: {} as never }),
});

const meta = {
  title: "Components/References",
  component: AuditTimeline,
  decorators: [withStylesheet, withRefine],
  args: { resource: "products", id: 1, fields, now: NOW, timeZone: "UTC", locale: "en-GB", defaultExpanded: ["2", "4"] },
} satisfies Meta<typeof AuditTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

const references = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll<HTMLElement>(`[data-scope="record-diff"][data-part="${recordDiffParts.reference}"]`)].map((el) => `${el.textContent} [${el.dataset.state}]`);

/**
 * Categories and tags by their names: one `getMany` per resource for the whole timeline.
 * Category 9 no longer exists: "#9 (deleted)". A changed tag reads as one removed, one added.
 */
export const Resolved: Story = {
  parameters: { refine: { auditLogProvider: log, dataProvider: dataProvider("resolve") } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(references(canvasElement)).toEqual(["Steel [resolved]", "Sale [resolved]", "#9 (deleted) [missing]", "Lamps [resolved]"]));
  },
};

/** While the names load, the ids show (`data-state="loading"`, muted). */
export const Loading: Story = {
  parameters: { refine: { auditLogProvider: log, dataProvider: dataProvider("hang") } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(references(canvasElement)).toEqual(["#steel [loading]", "#sale [loading]", "#9 [loading]", "#3 [loading]"]));
  },
};

/** The names could not be read: the ids show, with the reason as their title; nothing else breaks. */
export const Failed: Story = {
  parameters: { refine: { auditLogProvider: log, dataProvider: dataProvider("fail") } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(references(canvasElement)).toEqual(["#steel [error]", "#sale [error]", "#9 [error]", "#3 [error]"]));
  },
};

/** The audit log table: summaries, search and exports read the names too (exports keep the id beside). */
export const InTheTable: StoryObj<typeof AuditLogTable> = {
  render: () => <AuditLogTable resource="products" fields={fields} locale="en-GB" timeZone="UTC" />,
  parameters: { refine: { auditLogProvider: log, dataProvider: dataProvider("resolve") } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.textContent).toContain("Changed Category from Lamps to Lighting"));
  },
};
