import type { I18nProvider } from "@refinedev/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { de } from "../examples/demo/src/i18n/de";
import { AuditLogTable, AuditTimeline, createInMemoryAuditLogProvider, interpolate, type RecordDiffFields } from "../src/index";
import { withStylesheet } from "./support/decorators";
import { withRefine } from "./support/withRefine";

/** The demo's German catalog behind a Refine i18n provider: every kit string goes through it. */
const german: I18nProvider = {
  translate: (key, options, defaultMessage) => interpolate((de as Readonly<Record<string, string>>)[key] ?? defaultMessage ?? key, options as Record<string, string> | undefined),
  changeLocale: async () => undefined,
  getLocale: () => "de-DE",
};

const at = (day: number, hour: number) => new Date(Date.UTC(2024, 10, day, hour, 15)).toISOString();
const NOW = new Date(Date.UTC(2024, 10, 5, 12, 0));

const log = () =>
  createInMemoryAuditLogProvider({
    initial: [
      { id: 1, resource: "products", action: "create", createdAt: at(1, 9), author: { name: "Ada Lovelace" }, data: { title: "Bogenleuchte", price: 129, stock: 4, variants: [{ sku: "LGT-ARC-BLK", price: 129 }] }, meta: { id: 1 } },
      { id: 2, resource: "products", action: "update", createdAt: at(4, 10), author: { name: "Ben Okri" }, data: { price: 119.5, stock: 2 }, previousData: { price: 129, stock: 4 }, meta: { id: 1 }, name: "Winterpreis" },
      { id: 3, resource: "products", action: "update", createdAt: at(5, 11), author: { name: "Cleo Diaz" }, data: { variants: [{ sku: "LGT-ARC-BLK", price: 109 }, { sku: "LGT-ARC-WHT", price: 119 }] }, previousData: { variants: [{ sku: "LGT-ARC-BLK", price: 119.5 }] }, meta: { id: 1 } },
    ],
  });

const fields: RecordDiffFields = {
  title: { label: "Titel" },
  price: { label: "Preis", type: "currency", currency: "EUR" },
  stock: { label: "Bestand" },
  variants: { label: "Varianten", itemLabel: "sku" },
  "variants.*.price": { label: "Preis", type: "currency", currency: "EUR" },
};

const meta = {
  title: "Localisation/German",
  component: AuditTimeline,
  decorators: [withStylesheet, withRefine],
  parameters: { refine: { auditLogProvider: log, i18nProvider: german } },
  args: { resource: "products", id: 1, fields, now: NOW, timeZone: "Europe/Berlin", defaultExpanded: ["2", "3"] },
} satisfies Meta<typeof AuditTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

/** English words the kit would say in these views: none may remain in German. */
const ENGLISH = /\b(Changed|Created|Added|Removed|Show changes|Actions|Today|Yesterday|ago|History|Loading|updated|created)\b/;

/** The timeline in German: summaries, actions, days, relative times, money and the open diffs. */
export const Timeline: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-scope="audit-timeline"][data-state="ready"]')).not.toBeNull());
    const text = (canvasElement.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="root"]')!).innerText;
    expect(text).toMatch(/heute/i);
    expect(text).toMatch(/119,50\s€/);
    expect(text).toContain("Varianten › LGT-ARC-BLK › Preis");
    expect(text).not.toMatch(ENGLISH);
  },
};

/** The audit log table in German: headers, filters, paging, status. */
export const Table: StoryObj<typeof AuditLogTable> = {
  render: () => <AuditLogTable resource="products" fields={fields} timeZone="Europe/Berlin" />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-scope="audit-log-table"][data-state="ready"]')).not.toBeNull());
    const text = (canvasElement.querySelector<HTMLElement>('[data-scope="audit-log-table"][data-part="root"]')!).innerText;
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toMatch(/\b(Time|Author|Action|Search|Previous|Next|Showing)\b/);
  },
};
