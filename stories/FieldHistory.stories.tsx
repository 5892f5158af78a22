import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  createInMemoryAuditLogProvider,
  FieldHistory,
  fieldHistoryAnatomy,
  fieldHistoryParts as parts,
  useFieldHistory,
  type FieldHistoryProps,
  type InMemoryLogRow,
} from "../src/index";
import { isStyled, withDarkTheme, withStylesheet } from "./support/decorators";
import { ada, grace, minutesAgo } from "./support/logFixtures";
import { RefineStoryProvider, withRefine, type RefineStoryParameters } from "./support/withRefine";
import { liveProviders, RaisePrice } from "./support/liveRecord";

const DAY = 24 * 60;

/**
 * Product 7's price and status as Refine v5 logs them: a create, patches without
 * before-values, a bulk update, a named version, a value written by someone whose name
 * is markup (shown as text), and a cost the app redacts or hides.
 */
function priceHistory(now: Date = new Date()): InMemoryLogRow[] {
  return [
    { id: 1, resource: "products", action: "create", createdAt: minutesAgo(9 * DAY, now), author: ada, data: { id: 7, name: "Desk lamp", price: 45, status: "Draft", cost: 31.5 }, meta: { id: 7 } },
    { id: 2, resource: "products", action: "update", createdAt: minutesAgo(7 * DAY, now), author: grace, data: { price: 50, cost: 32 }, previousData: {}, meta: { id: 7 } },
    { id: 3, resource: "products", action: "updateMany", createdAt: minutesAgo(6 * DAY, now), data: { status: "Published" }, previousData: [{}, {}, {}], meta: { ids: [5, 7, 9] } },
    { id: 4, resource: "products", action: "update", createdAt: minutesAgo(4 * DAY, now), author: ada, data: { price: 42 }, previousData: {}, meta: { id: 7 } },
    { id: 5, resource: "products", action: "update", createdAt: minutesAgo(2 * DAY, now), author: grace, name: "Spring price list", data: { price: 39, cost: 29.9 }, previousData: {}, meta: { id: 7 } },
    {
      id: 6,
      resource: "products",
      action: "update",
      createdAt: minutesAgo(30, now),
      author: { name: "Linus <script>alert(1)</script>" },
      data: { status: "<img src=x onerror=alert(1)> Archived" },
      previousData: {},
      meta: { id: 7 },
    },
  ];
}

/** A record whose history began before logging, then was deleted: "earlier value not recorded", "record deleted". */
function orphanHistory(now: Date = new Date()): InMemoryLogRow[] {
  return [
    { id: 21, resource: "products", action: "update", createdAt: minutesAgo(3 * DAY, now), author: ada, data: { status: "Published" }, previousData: {}, meta: { id: 8 } },
    { id: 22, resource: "products", action: "update", createdAt: minutesAgo(DAY, now), author: grace, data: { status: "Archived" }, previousData: {}, meta: { id: 8 } },
    { id: 23, resource: "products", action: "delete", createdAt: minutesAgo(60, now), author: ada, meta: { id: 8 } },
  ];
}

/** Fifteen price changes, one a day: more than ten pages of one entry each. */
function longPriceHistory(now: Date = new Date()): InMemoryLogRow[] {
  const rows: InMemoryLogRow[] = [{ id: 100, resource: "products", action: "create", createdAt: minutesAgo(16 * DAY, now), author: ada, data: { id: 7, price: 20 }, meta: { id: 7 } }];
  for (let i = 1; i <= 15; i++) {
    rows.push({ id: 100 + i, resource: "products", action: "update", createdAt: minutesAgo((16 - i) * DAY, now), author: i % 2 ? ada : grace, data: { price: 20 + ((i * 7) % 13) }, previousData: {}, meta: { id: 7 } });
  }
  return rows;
}

/** A fresh provider per mount, so a story that writes logs starts clean each time. */
const fresh = (initial: () => InMemoryLogRow[], options: { pageSize?: number; latency?: number } = {}) => () => createInMemoryAuditLogProvider({ initial: initial(), ...options });
const refine = (parameters: RefineStoryParameters) => ({ refine: parameters });

const root = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>(fieldHistoryAnatomy.selector(parts.root))!;
const points = (canvasElement: HTMLElement) => canvasElement.querySelectorAll<HTMLElement>(fieldHistoryAnatomy.selector(parts.point));
const chart = (canvasElement: HTMLElement) => canvasElement.querySelector<SVGElement>(fieldHistoryAnatomy.selector(parts.chart));

const meta = {
  title: "Components/FieldHistory",
  component: FieldHistory,
  decorators: [withRefine],
  parameters: refine({ auditLogProvider: fresh(priceHistory) }),
  args: { resource: "products", id: 7, field: "price", label: "Price", locale: "en-US" },
} satisfies Meta<typeof FieldHistory>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The bare markup, no stylesheet: a sparkline and a list of values, newest first. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(points(canvasElement)).toHaveLength(4));
    await expect(isStyled(root(canvasElement))).toBe(false);
    await expect(chart(canvasElement)).not.toBeNull();
  },
};

/**
 * Numbers: every price with who and when, newest first, and a sparkline whose
 * `aria-label` tells the story in words. "When did the price become 39, and who did it?"
 */
export const Numbers: Story = {
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(points(canvasElement)).toHaveLength(4));
    const list = canvas.getByRole("list", { name: "History of Price" });
    await expect(within(list).getAllByRole("listitem").map((item) => item.querySelector(fieldHistoryAnatomy.selector(parts.value))?.textContent)).toEqual(["39", "42", "50", "45"]);
    const newest = points(canvasElement)[0]!;
    await expect(within(newest).getByText("by grace@example.com")).toBeVisible();
    await expect(within(newest).getByText("Spring price list")).toBeVisible();
    const image = canvas.getByRole("img", { name: /^Price over time: 45 on .+ to 39 on .+; 4 values, lowest 39, highest 50$/ });
    await expect(image).toBeVisible();
  },
};

/** Text: no chart; a bulk update without an author says so; markup in values and names stays text. */
export const Text: Story = {
  args: { field: "status", label: "Status" },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(points(canvasElement)).toHaveLength(3));
    await expect(chart(canvasElement)).toBeNull();
    await expect(within(canvasElement).getByText("<img src=x onerror=alert(1)> Archived")).toBeVisible();
    await expect(canvasElement.querySelector("li img, li script")).toBeNull();
    await expect(within(canvasElement).getByText("author not recorded")).toBeVisible();
  },
};

/** History that began before logging, and a delete: the first value's earlier value is "not recorded", never "set". */
export const EarlierValueNotRecorded: Story = {
  args: { id: 8, field: "status", label: "Status" },
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: fresh(orphanHistory) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(points(canvasElement)).toHaveLength(3));
    const [deleted, , first] = points(canvasElement);
    await expect(deleted).toHaveAttribute("data-kind", "deleted");
    await expect(within(deleted!).getByText("record deleted")).toBeVisible();
    await expect(first).toHaveAttribute("data-before-unknown", "");
    await expect(within(first!).getByText("(earlier value not recorded)")).toBeVisible();
  },
};

/** A redacted field: who and when, each value "(hidden)", no chart; the cost is nowhere in the page. */
export const Redacted: Story = {
  args: { field: "cost", label: "Cost", fields: { cost: { redact: true } } },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(points(canvasElement)).toHaveLength(3));
    await expect(within(canvasElement).getAllByText("(hidden)")).toHaveLength(3);
    await expect(chart(canvasElement)).toBeNull();
    await expect(canvasElement.innerHTML).not.toMatch(/31\.5|29\.9/);
  },
};

/** A hidden field: one sentence, and no value at all. */
export const Hidden: Story = {
  args: { field: "cost", label: "Cost", fields: { cost: { hidden: true } } },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("This field's history is hidden.")).toBeVisible();
    await expect(points(canvasElement)).toHaveLength(0);
    await expect(canvasElement.innerHTML).not.toMatch(/31\.5|29\.9/);
  },
};

/** The first answer has not arrived: a status message and `aria-busy`. */
export const Loading: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: { get: () => new Promise(() => {}) } }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute("data-state", "loading");
    await expect(root(canvasElement)).toHaveAttribute("aria-busy", "true");
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading history…");
  },
};

const failing = createInMemoryAuditLogProvider({ initial: priceHistory() });

/** The provider failed: its message and a retry button (this one succeeds). */
export const ErrorState: Story = {
  name: "Error",
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: failing }),
  beforeEach: () => {
    failing.setFailure("get", new Error("The audit service is unavailable (503)."));
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole("alert");
    await expect(alert).toHaveTextContent("The audit service is unavailable (503).");
    failing.setFailure("get", undefined);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(points(canvasElement)).toHaveLength(4));
  },
};

/** Nothing recorded for this field. */
export const Empty: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: fresh(() => []) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText("No values of Price are recorded.")).toBeVisible());
    await expect(root(canvasElement)).toHaveAttribute("data-state", "empty");
  },
};

/**
 * A provider that pages (one entry a page here): older history is read on demand, and
 * once the kit has read as many pages as it will, it says older values may exist.
 */
export const Truncated: Story = {
  args: { pageSize: 1 },
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: fresh(longPriceHistory, { pageSize: 1 }) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(points(canvasElement)).toHaveLength(1));
    for (let read = 2; read <= 10; read++) {
      await userEvent.click(await canvas.findByRole("button", { name: "Load older history" }));
      await waitFor(() => expect(points(canvasElement)).toHaveLength(read));
    }
    await waitFor(() => expect(within(canvasElement).getByText("Older values may exist: only the most recent history was read.")).toBeVisible());
    await expect(canvas.queryByRole("button", { name: "Load older history" })).toBeNull();
  },
};

/** The stylesheet under a `data-theme="dark"` ancestor: the chart takes the theme's accent. */
export const Dark: Story = {
  decorators: [withDarkTheme, withStylesheet],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(points(canvasElement)).toHaveLength(4));
    await expect(getComputedStyle(chart(canvasElement)!).color).toBe("rgb(121, 192, 255)");
  },
};

/** Values your way: `renderValue` as a currency, and `format` through the policy for the chart's words. */
export const CustomRendering: Story = {
  args: { fields: { price: { label: "Price", format: (value) => `€${Number(value).toFixed(2)}` } }, chartWidth: 240, chartHeight: 48 },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(points(canvasElement)).toHaveLength(4));
    await expect(within(canvasElement).getByRole("img", { name: /^Price over time: €45\.00 on .+ to €39\.00 on .+/ })).toBeVisible();
  },
};


const live = liveProviders({ name: "Desk lamp", price: 39, status: "Published", cost: 29.9 }, priceHistory(), 100);

/** Inside a live `<Refine>`: saving through `useUpdate` adds the new value at the top, by itself. */
export const Live: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: live.auditLogProvider, dataProvider: live.dataProvider }),
  render: (args) => (
    <>
      <RaisePrice start={39} step={2} />
      <FieldHistory {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(points(canvasElement).length).toBeGreaterThan(0));
    const before = points(canvasElement).length;
    await userEvent.click(within(canvasElement).getByRole("button", { name: /Raise the price/ }));
    await waitFor(() => expect(points(canvasElement)).toHaveLength(before + 1), { timeout: 3000 });
    await expect(points(canvasElement)[0]!.querySelector(fieldHistoryAnatomy.selector(parts.value))).toHaveTextContent(/^\d+$/);
  },
};

function PriceTable() {
  const history = useFieldHistory({ resource: "products", id: 7, field: "price", locale: "en-US" });
  if (history.state !== "ready") return <p {...history.getRootProps()}>{history.state}</p>;
  return (
    <div {...history.getRootProps()}>
      <table>
        <caption>{history.chart?.description}</caption>
        <thead>
          <tr>
            <th scope="col">Price</th>
            <th scope="col">Who</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {history.items.map((item) => (
            <tr key={item.key} {...history.getPointProps(item)}>
              <td>{item.valueText}</td>
              <td>{item.authorLabel ?? "—"}</td>
              <td>
                <time {...history.getTimeProps(item)}>{item.time.absolute}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `useFieldHistory` with a UI of your own: a table, the chart's words as its caption. */
export const HeadlessHook: Story = {
  render: () => <PriceTable />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll("tbody tr")).toHaveLength(4));
    await expect(canvasElement.querySelector("caption")).toHaveTextContent(/^Price over time: 45 on/);
  },
};

/** Every state side by side, each in its own `<Refine>`. */
export const AllStates: Story = {
  decorators: [withStylesheet],
  render: () => {
    const cell = (title: string, parameters: RefineStoryParameters, props: Partial<FieldHistoryProps> = {}) => (
      <section aria-label={title} style={{ border: "1px dashed #888", padding: 12 }}>
        <h2 style={{ fontSize: 14, margin: "0 0 8px" }}>{title}</h2>
        <RefineStoryProvider {...parameters}>
          <FieldHistory resource="products" id={7} field="price" label="Price" locale="en-US" {...props} />
        </RefineStoryProvider>
      </section>
    );
    return (
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(300px, 1fr))", gap: 16 }}>
        {cell("Numbers", { auditLogProvider: fresh(priceHistory) })}
        {cell("Text", { auditLogProvider: fresh(priceHistory) }, { field: "status", label: "Status" })}
        {cell("Redacted", { auditLogProvider: fresh(priceHistory) }, { field: "cost", label: "Cost", fields: { cost: { redact: true } } })}
        {cell("Hidden", { auditLogProvider: fresh(priceHistory) }, { field: "cost", label: "Cost", fields: { cost: { hidden: true } } })}
        {cell("Loading", { auditLogProvider: { get: () => new Promise(() => {}) } })}
        {cell("Error", { auditLogProvider: { get: async () => Promise.reject(new Error("Server error (500).")) } })}
        {cell("Empty", { auditLogProvider: fresh(() => []) })}
        {cell("Older values not shown", { auditLogProvider: fresh(priceHistory) }, { maxPoints: 2 })}
        {cell("No provider", { auditLogProvider: null })}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const states = () => [...canvasElement.querySelectorAll<HTMLElement>(fieldHistoryAnatomy.selector(parts.root))].map((element) => element.dataset.state);
    await waitFor(() => expect(states()).toEqual(["ready", "ready", "ready", "ready", "loading", "error", "empty", "ready", "unconfigured"]));
    await expect(within(canvasElement).getByText("2 older values not shown")).toBeVisible();
  },
};
