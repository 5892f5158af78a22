import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  AuditTimeline,
  auditTimelineParts as parts,
  createInMemoryAuditLogProvider,
  RecordDiff,
  RenameLogEntry,
  useAuditTimeline,
  type AuditTimelineProps,
} from "../src/index";
import { isStyled, withDarkTheme, withStylesheet } from "./support/decorators";
import { bulkHistory, malformedRows, manyEntries, orphanUpdates, productHistory } from "./support/logFixtures";
import { RefineStoryProvider, withRefine, type RefineStoryParameters } from "./support/withRefine";
import { liveProviders, RaisePrice } from "./support/liveRecord";

/** A fresh provider per mount, so that a story that writes logs starts clean each time. */
const fresh = (initial: () => unknown[], options: { pageSize?: number; latency?: number } = {}) => () =>
  createInMemoryAuditLogProvider({ initial: initial(), ...options });

const refine = (parameters: RefineStoryParameters) => ({ refine: parameters });

const root = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>(`[data-scope="audit-timeline"][data-part="${parts.root}"]`)!;
const entries = (canvasElement: HTMLElement) => canvasElement.querySelectorAll<HTMLElement>(`[data-scope="audit-timeline"][data-part="${parts.entry}"]`);

const meta = {
  title: "Components/AuditTimeline",
  component: AuditTimeline,
  decorators: [withRefine],
  parameters: refine({ auditLogProvider: fresh(() => [...productHistory(), ...orphanUpdates()]) }),
  args: { resource: "products", id: 7, locale: "en-US" },
} satisfies Meta<typeof AuditTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A product's history in semantic markup only: no stylesheet. Open an entry to see its diff. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
    await expect(isStyled(root(canvasElement))).toBe(false);
    const toggle = canvas.getAllByRole("button", { name: "Show changes" })[0]!;
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const diff = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    await expect(diff.querySelector('[data-scope="record-diff"]')).not.toBeNull();
  },
};

/** With the stylesheet: a rail, dots coloured by action, a tooltip with the absolute time. */
export const Styled: Story = {
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
    const time = canvasElement.querySelector<HTMLElement>("time[tabindex]")!;
    time.focus();
    const tooltip = document.getElementById(time.getAttribute("aria-describedby")!)!;
    await waitFor(() => expect(tooltip).toBeVisible());
    await expect(tooltip.textContent).toMatch(/\d{4}/);
  },
};

/** The stylesheet under a `data-theme="dark"` ancestor. */
export const Dark: Story = {
  decorators: [withDarkTheme, withStylesheet],
  args: { defaultExpanded: ["2"] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
  },
};

/** Refine v5 logs updates without before-values: they are reconstructed from earlier entries and marked "inferred". */
export const InferredBeforeValues: Story = {
  decorators: [withStylesheet],
  args: { defaultExpanded: ["2", "4"] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
    const entry = canvasElement.querySelector<HTMLElement>('[data-part="entry"][data-log-id="2"]')!;
    await expect(within(entry).getByText("Changed Price from 50 to 100 and 2 more fields")).toBeVisible();
    await expect(entry.querySelector('[data-scope="record-diff"] [data-path="price"][data-inferred]')).not.toBeNull();
  },
};

/** A record whose create was never logged: its changes read "Set Status to Published (earlier value not recorded)", never "added". */
export const UnknownBeforeValues: Story = {
  args: { id: 8 },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(2));
    await expect(within(canvasElement).getByText("Set Status to Published (earlier value not recorded)")).toBeVisible();
  },
};

/** A whole resource (no `id`): bulk creates, updates and deletes, each "… 3 records". */
export const BulkEntries: Story = {
  args: { id: undefined },
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: fresh(bulkHistory) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(3));
    await expect(within(canvasElement).getByText("created 3 records")).toBeVisible();
    await expect(within(canvasElement).getByText("deleted 2 records")).toBeVisible();
  },
};

/** One record of a bulk update: its own part of `previousData` (matched by id). */
export const BulkEntryOfOneRecord: Story = {
  args: { id: 11, defaultExpanded: ["32"] },
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: fresh(bulkHistory) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText("Changed Price from 40 to 99")).toBeVisible());
  },
};

/** The first answer has not arrived: skeleton rows and `aria-busy`. */
export const Loading: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: { get: () => new Promise(() => {}) } }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute("data-state", "loading");
    await expect(root(canvasElement)).toHaveAttribute("aria-busy", "true");
  },
};

/** Nothing recorded yet. */
export const Empty: Story = {
  parameters: refine({ auditLogProvider: fresh(() => []) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText("No changes recorded yet")).toBeVisible());
  },
};

const failing = createInMemoryAuditLogProvider({ initial: productHistory() });

/** The provider failed: its message and a retry button (this one succeeds). */
export const ErrorState: Story = {
  name: "Error",
  parameters: refine({ auditLogProvider: failing }),
  beforeEach: () => {
    failing.setFailure("get", new Error("The audit service is unavailable (503)."));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("The audit service is unavailable (503).");
    failing.setFailure("get", undefined);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
  },
};

/** `<Refine>` has no audit log provider: a message for the developer, not a spinner. */
export const NoProvider: Story = {
  parameters: refine({ auditLogProvider: null }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute("data-state", "unconfigured");
    await expect(canvasElement).toHaveTextContent(/No audit log provider is configured/);
  },
};

/** Rows no provider should send: readable fallbacks, and the rest of the timeline as usual. */
export const MalformedEntries: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: { get: async () => malformedRows() } }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll("[data-malformed]")).toHaveLength(2));
    await expect(within(canvasElement).getByText("Set Price to 60 (earlier value not recorded)")).toBeVisible();
  },
};

/**
 * 3,000 entries of one record in a scroll box: batches of 50 as the end scrolls into view;
 * past 100 entries shown, only the entries near what is seen are in the DOM (`windowed`,
 * `"auto"` by default): spacers (`data-part="spacer"`) stand for the rest, however far it
 * scrolls.
 */
export const ThousandsOfEntries: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: fresh(() => manyEntries(3000, { recordId: 7 })) }),
  render: (args) => (
    <div style={{ height: 420, overflow: "auto" }} data-testid="scroller">
      <AuditTimeline {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    // Newest first: ids 3999 down to 1000; the first batch ends at 3950.
    await waitFor(() => expect(entries(canvasElement)[0]?.dataset.logId).toBe("3999"));
    // A short list stays whole.
    await expect(entries(canvasElement)).toHaveLength(50);
    const scroller = within(canvasElement).getByTestId("scroller");
    const oldest = () => Math.min(...[...entries(canvasElement)].map((entry) => Number(entry.dataset.logId)));
    // Scrolled to the end as a user does, until past the first batches.
    await waitFor(
      () => {
        scroller.scrollTop = scroller.scrollHeight;
        expect(oldest()).toBeLessThan(3850);
      },
      { timeout: 10_000 },
    );
    // The DOM holds a few screens of entries.
    await expect(entries(canvasElement).length).toBeLessThan(60);
    await expect(within(canvasElement).getByRole("button", { name: "Show more" })).toBeVisible();
    // The picture: the same place in the list every run (however far the sentinel read).
    scroller.scrollTop = 2000;
    await new Promise((resolve) => setTimeout(resolve, 200));
  },
};

/**
 * A paging provider (`{ data, nextCursor }`) and a whole resource of 10,000 entries: pages
 * are read as they are needed. Every batch rendered (`windowed={false}`), to count them.
 */
export const PagedResource: Story = {
  args: { id: undefined, pageSize: 100, windowed: false },
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: fresh(() => manyEntries(10_000, { records: 400 }), { pageSize: 100 }) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(50));
    // Each "Show more" adds a batch of 50 (the sentinel may add one more as the list grows
    // past the viewport: the count is checked by batch, not by exact click).
    for (let i = 0; i < 3; i++) {
      const before = entries(canvasElement).length;
      await userEvent.click(canvas.getByRole("button", { name: /Show more|Loading more/ }));
      await waitFor(() => expect(entries(canvasElement).length).toBeGreaterThanOrEqual(before + 50));
      await expect(entries(canvasElement).length % 50).toBe(0);
    }
    // Past the first page of 100: the second page was read on demand.
    await expect(entries(canvasElement).length).toBeGreaterThanOrEqual(200);
  },
};


const live = liveProviders({ name: "Desk lamp", price: 80, stock: 10 }, productHistory(), 150);

/**
 * Live: the button saves through Refine's `useUpdate`; the timeline refetches by itself
 * once the log is written. `withPreviousData` makes the log carry the true old price.
 */
export const Live: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: live.auditLogProvider, dataProvider: live.dataProvider }),
  render: (args) => (
    <>
      <RaisePrice start={80} step={5} />
      <AuditTimeline {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(entries(canvasElement).length).toBeGreaterThan(0));
    const before = entries(canvasElement).length;
    await userEvent.click(canvas.getByRole("button", { name: /Raise the price/ }));
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(before + 1), { timeout: 3000 });
    await expect(entries(canvasElement)[0]!.querySelector(`[data-part="${parts.summary}"]`)).toHaveTextContent(/^Changed Price from \d+ to \d+$/);
  },
};

function FilterableTimeline(args: AuditTimelineProps) {
  const [namedOnly, setNamedOnly] = useState(false);
  const [action, setAction] = useState("");
  return (
    <>
      <fieldset style={{ marginBottom: 12 }}>
        <legend>Filters</legend>
        <label>
          <input type="checkbox" checked={namedOnly} onChange={(event) => setNamedOnly(event.target.checked)} /> Named versions only
        </label>{" "}
        <label>
          Action{" "}
          <select value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">Any</option>
            <option value="create">Created</option>
            <option value="update">Updated</option>
            <option value="updateMany">Bulk updated</option>
          </select>
        </label>
      </fieldset>
      <AuditTimeline {...args} filters={{ namedOnly, action: action || undefined }} />
    </>
  );
}

/** Filters (action, named only): sent in `meta.filters`, so each combination has its own cache entry, and applied client-side. */
export const Filters: Story = {
  decorators: [withStylesheet],
  render: (args) => <FilterableTimeline {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
    await userEvent.click(canvas.getByRole("checkbox", { name: "Named versions only" }));
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(1));
    await expect(canvas.getByText("Spring price list")).toBeVisible();
  },
};

/**
 * A changed-field filter (`filters.field`): entry 22 changed `status` (its earlier value
 * is known); entry 21 wrote it without a recorded earlier value, so it stays, marked
 * `data-match="possible"` with a note: it may have changed it.
 */
export const PossibleFieldMatch: Story = {
  args: { id: 8, filters: { field: "status" } },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(2));
    const possible = canvasElement.querySelector<HTMLElement>(`[data-part="${parts.entry}"][data-match="possible"]`)!;
    await expect(possible).toHaveAttribute("data-log-id", "21");
    await expect(within(possible).getByText("May have changed: its earlier value was not recorded")).toBeVisible();
  },
};

/** `fields` (top level) applies to every view: the summaries, the filters and search, and each open diff. */
export const RedactedFields: Story = {
  args: { id: 7, fields: { price: { redact: true }, stock: { hidden: true } }, defaultExpanded: ["2"] },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
    await expect(within(canvasElement).getByText("Changed Price (hidden)")).toBeVisible();
    await expect(canvasElement.querySelector('[data-scope="record-diff"] [data-path="stock"]')).toBeNull();
  },
};

/** A renderer of the app's own throws for one entry: that entry shows why (`data-failed`), the others render as usual. */
export const RendererThrows: Story = {
  decorators: [withStylesheet],
  args: {
    renderSummary: ({ item, text }) => {
      if (item.key === "3") throw new Error("renderSummary could not read this entry");
      return text;
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
    const failed = canvasElement.querySelector<HTMLElement>(`[data-part="${parts.entry}"][data-failed]`)!;
    await expect(failed).toHaveAttribute("data-log-id", "3");
    await expect(within(failed).getByText("This entry could not be shown: renderSummary could not read this entry")).toBeVisible();
    await expect(canvasElement.querySelectorAll(`[data-part="${parts.entry}"]:not([data-failed]) [data-part="${parts.summary}"]`)).toHaveLength(4);
  },
};

/** Render props: functions for the author, the action and the summary, and `<RenameLogEntry>` in the rename slot. */
export const CustomRenderers: Story = {
  decorators: [withStylesheet],
  args: {
    renderAuthor: ({ label, isUnknown }) => <mark>{isUnknown ? "System" : label}</mark>,
    renderAction: ({ action, label }) => (action === "updateMany" ? <strong>{label}</strong> : label),
    renderSummary: ({ summary, text }) => (summary.type === "changed" && summary.first.isBeforeInferred ? `${text} (reconstructed)` : text),
    renderRename: ({ log }) => <RenameLogEntry log={log} />,
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(entries(canvasElement)).toHaveLength(5));
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText("System")[0]).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Rename “Spring price list”" })).toBeVisible();
    await expect(within(canvasElement).getAllByText(/\(reconstructed\)$/, { selector: "p" }).length).toBeGreaterThan(0);
  },
};

function CardsTimeline() {
  const timeline = useAuditTimeline({ resource: "products", id: 7, locale: "en-US" });
  if (timeline.state !== "ready") return <p {...timeline.getRootProps()}>{timeline.state}</p>;
  return (
    <div {...timeline.getRootProps({ style: { display: "grid", gap: 12, maxWidth: 560, fontFamily: "Georgia, serif" } })}>
      {timeline.groups.map((day) => (
        <section key={day.key} {...timeline.getDayProps(day)} aria-labelledby={`day-${day.key}`}>
          <h3 id={`day-${day.key}`} style={{ margin: "0 0 6px" }}>
            {day.label}
          </h3>
          {day.items.map((item) => (
            <article key={item.key} {...timeline.getEntryProps(item, { style: { border: "1px solid #888", borderRadius: 8, padding: 12, marginBottom: 8 } })}>
              <header>
                <strong>{item.authorLabel}</strong> {item.actionLabel} · <time {...timeline.getTimeProps(item)}>{item.time.relative}</time>
                <span {...timeline.getTimeTooltipProps(item, { style: { marginLeft: 8, fontSize: 12 } })}>{item.time.absolute}</span>
              </header>
              <p {...timeline.getSummaryProps(item)}>{item.summaryText}</p>
              {item.hasChanges && <button {...timeline.getToggleProps(item)} />}
              <div {...timeline.getDiffProps(item)}>{item.isExpanded && <RecordDiff {...timeline.getRecordDiffProps(item)} view="split" />}</div>
            </article>
          ))}
        </section>
      ))}
      {timeline.hasMore && <button {...timeline.getShowMoreProps()} />}
    </div>
  );
}

/** `useAuditTimeline` with a UI of your own (cards, a split diff): the hook gives state, groups and props getters. */
export const HeadlessHook: Story = {
  render: () => <CardsTimeline />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelectorAll("article")).toHaveLength(5));
    await userEvent.click(canvas.getAllByRole("button", { name: "Show changes" })[0]!);
    await expect(canvasElement.querySelector('[data-scope="record-diff"][data-view="split"]')).not.toBeNull();
  },
};

const throwFor = (key: string): never => {
  throw new Error(`renderAuthor failed for entry ${key}`);
};

/** Every state side by side, each in its own `<Refine>`. */
export const AllStates: Story = {
  decorators: [withStylesheet],
  render: () => {
    const cell = (title: string, parameters: RefineStoryParameters, props: Partial<AuditTimelineProps> = {}) => (
      <section aria-label={title} style={{ border: "1px dashed #888", padding: 12 }}>
        <h2 style={{ fontSize: 14, margin: "0 0 8px" }}>{title}</h2>
        <RefineStoryProvider {...parameters}>
          <AuditTimeline resource="products" id={7} locale="en-US" headingLevel={3} {...props} />
        </RefineStoryProvider>
      </section>
    );
    return (
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(320px, 1fr))", gap: 16 }}>
        {cell("Ready", { auditLogProvider: fresh(productHistory) })}
        {cell("Loading", { auditLogProvider: { get: () => new Promise(() => {}) } })}
        {cell("Empty", { auditLogProvider: fresh(() => []) })}
        {cell("Error", { auditLogProvider: { get: async () => Promise.reject(new Error("Server error (500).")) } })}
        {cell("No provider", { auditLogProvider: null })}
        {cell("Malformed rows", { auditLogProvider: { get: async () => malformedRows() } })}
        {cell("Filtered to nothing", { auditLogProvider: fresh(productHistory) }, { filters: { action: "delete" } })}
        {cell("Possible match (field filter)", { auditLogProvider: fresh(orphanUpdates) }, { id: 8, filters: { field: "status" } })}
        {cell(
          "A renderer throws for one entry",
          { auditLogProvider: fresh(productHistory) },
          { renderAuthor: ({ item, label }) => (item.key === "2" ? throwFor(item.key) : label) },
        )}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const states = () => [...canvasElement.querySelectorAll<HTMLElement>('[data-scope="audit-timeline"][data-part="root"]')].map((el) => el.dataset.state);
    await waitFor(() => expect(states()).toEqual(["ready", "loading", "empty", "error", "unconfigured", "ready", "empty", "ready", "ready"]));
    await waitFor(() => expect(canvasElement.querySelector('[data-scope="audit-timeline"][data-match="possible"]')).not.toBeNull());
    await waitFor(() => expect(canvasElement.querySelector('[data-scope="audit-timeline"][data-failed]')).not.toBeNull());
  },
};
