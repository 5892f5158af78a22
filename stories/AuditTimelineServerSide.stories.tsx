import type { Meta, StoryObj } from "@storybook/react-vite";
import type { AuditLogProvider } from "@refinedev/core";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { AuditTimeline, auditTimelineParts as parts } from "../src/index";
import { withStylesheet } from "./support/decorators";
import { createServerSideAuditLogProvider, serverRows } from "./support/serverSideProvider";
import { withRefine, type RefineStoryParameters } from "./support/withRefine";

/**
 * A provider that follows the query contract (`meta.auditQuery`): it filters, sorts and
 * pages on the server (here in memory) and answers `{ data, total, nextCursor }`. The
 * timeline shows its rows as they come and reads on with no cap, holding a window of pages.
 */
const server = (count: number, adjust?: (provider: ReturnType<typeof createServerSideAuditLogProvider>) => Partial<AuditLogProvider>) => () => {
  const provider = createServerSideAuditLogProvider({ rows: serverRows(count) });
  return { ...provider, ...adjust?.(provider) };
};

const refine = (parameters: RefineStoryParameters) => ({ refine: parameters });
const part = (canvasElement: HTMLElement, name: string) => canvasElement.querySelector<HTMLElement>(`[data-scope="audit-timeline"][data-part="${name}"]`);
const ready = (canvasElement: HTMLElement) => waitFor(() => expect(part(canvasElement, parts.root)?.dataset.state).toBe("ready"));
const entryCount = (canvasElement: HTMLElement) => canvasElement.querySelectorAll(`[data-scope="audit-timeline"][data-part="${parts.entry}"]`).length;

const meta = {
  title: "Components/AuditTimeline/Server-side",
  component: AuditTimeline,
  decorators: [withStylesheet, withRefine],
  parameters: refine({ auditLogProvider: server(5_000) }),
  args: { resource: "products", locale: "en-US", timeZone: "UTC", now: new Date(Date.UTC(2024, 10, 5, 12)), pageSize: 5, batchSize: 5, fields: { secret: { redact: true } } },
} satisfies Meta<typeof AuditTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Far down a long server-side history: past 10 pages the timeline lets the newest go (it
 * holds a window of pages, so it stays small however far one reads) and offers them back
 * with "Show newer entries" at the top.
 */
export const NewerEntriesLetGo: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    // Read on (the sentinel reads on by itself while it is in view): 11 pages of 5.
    for (let step = 0; step < 40 && !canvas.queryByRole("button", { name: "Show newer entries" }); step++) {
      const more = await canvas.findByRole("button", { name: /Show more|Loading more/ });
      if (more.getAttribute("aria-busy") !== "true") await userEvent.click(more);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const newer = await canvas.findByRole("button", { name: "Show newer entries" });
    await expect(entryCount(canvasElement)).toBeLessThanOrEqual(50);
    await expect(newer).toBeVisible();
    window.scrollTo(0, 0);
  },
};

/** A provider whose rows come back out of the order asked: the timeline says the list may be incomplete. */
export const IncompleteAnswer: Story = {
  parameters: refine({
    auditLogProvider: server(40, (provider) => ({
      get: async (params) => {
        const answer = (await provider.get(params)) as { data: unknown[] };
        return { ...answer, data: [...answer.data].reverse() };
      },
    })),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await expect(await canvas.findByRole("note")).toHaveTextContent("The audit log provider returned rows out of order; this list may be incomplete.");
  },
};

/** A changed-field filter on `supplier`, whose `email` the policy hides: the server is not asked to filter on it (a match would tell who changed the email), and the timeline says so. */
export const FilterNotSent: Story = {
  args: { fields: { secret: { redact: true }, "supplier.email": { hidden: true } }, filters: { field: ["supplier", "price"] } },
  parameters: refine({ auditLogProvider: server(40) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await expect(await canvas.findByRole("note")).toHaveTextContent("Not filtered by “supplier”: a match could reveal fields kept hidden.");
  },
};

/**
 * "Jump to date" past the entries read: the timeline asks the server from that day on, and
 * says that the list now starts there ("Showing entries from … and older"), with the way
 * back ("Show the newest"). The newest entry of the day has focus.
 */
export const JumpedToADate: Story = {
  // A page fills the screen: the picture does not depend on how far the sentinel read.
  args: { pageSize: 40, batchSize: 40 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    const input = canvas.getByLabelText("Jump to date");
    await userEvent.type(input, "2024-11-03");
    await userEvent.click(canvas.getByRole("button", { name: "Go" }));
    await waitFor(() => expect(document.activeElement?.closest('[data-part="day"]')?.getAttribute("data-day")).toBe("2024-11-03"));
    await expect(part(canvasElement, parts.jumpNote)).toHaveTextContent("Showing entries from November 3, 2024 and older. Show the newest");
    (document.activeElement as HTMLElement).blur();
    window.scrollTo(0, 0);
  },
};
