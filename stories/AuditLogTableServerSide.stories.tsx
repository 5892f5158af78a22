import type { Meta, StoryObj } from "@storybook/react-vite";
import type { AuditLogProvider } from "@refinedev/core";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { AuditLogTable, auditLogTableParts as parts, type AuditLogQuery } from "../src/index";
import { withStylesheet } from "./support/decorators";
import { createServerSideAuditLogProvider, serverRows } from "./support/serverSideProvider";
import { withRefine, type RefineStoryParameters } from "./support/withRefine";

/**
 * A provider that follows the query contract: it filters, sorts, pages and counts on the
 * server (here in memory) and answers `{ data, total, nextCursor }`; the table asks it for
 * one page at a time. `adjust` makes it misbehave.
 */
const server = (count: number, adjust?: (provider: ReturnType<typeof createServerSideAuditLogProvider>) => Partial<AuditLogProvider>) => () => {
  const provider = createServerSideAuditLogProvider({ rows: serverRows(count) });
  return { ...provider, ...adjust?.(provider) };
};
const pageOf = (params: { meta?: Record<string, unknown> }) => {
  const pagination = (params.meta?.auditQuery as AuditLogQuery | undefined)?.pagination;
  return pagination?.mode === "page" ? pagination.currentPage : 1;
};

const refine = (parameters: RefineStoryParameters) => ({ refine: parameters });
const part = (canvasElement: HTMLElement, name: string) => canvasElement.querySelector<HTMLElement>(`[data-scope="audit-log-table"][data-part="${name}"]`);
const ready = (canvasElement: HTMLElement) => waitFor(() => expect(part(canvasElement, parts.root)?.dataset.state).toBe("ready"));

const meta = {
  title: "Components/AuditLogTable/Server-side",
  component: AuditLogTable,
  decorators: [withStylesheet, withRefine],
  parameters: refine({ auditLogProvider: server(40_000) }),
  args: { resource: "products", locale: "en-US", timeZone: "UTC", fields: { secret: { redact: true } } },
} satisfies Meta<typeof AuditLogTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** 40,000 entries on the server: page 2 of 1,600, counted by the server's `total`; any page is one request away ("Go to page"). */
export const PageNOfM: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Showing 26–50 of 40,000 entries"));
    await expect(canvas.getByText("Page 2 of 1,600")).toBeVisible();
    await expect(canvas.getByLabelText("Search")).toHaveAttribute("placeholder", "Names, authors, actions, record ids");
  },
};

/** The next page on its way: the previous rows stay, dimmed, and the table is `aria-busy`. */
export const LoadingAPage: Story = {
  parameters: refine({ auditLogProvider: server(40_000, (provider) => ({ get: (params) => (pageOf(params) === 2 ? new Promise(() => {}) : provider.get(params)) })) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(part(canvasElement, parts.table)).toHaveAttribute("aria-busy", "true"));
    await expect(canvas.getByRole("status")).toHaveTextContent("Loading page 2…");
    await expect(canvas.getAllByRole("row").length).toBeGreaterThan(25);
  },
};

/** A page that fails: its error with "Try again"; the table, its filters and its paging stay. */
export const PageError: Story = {
  parameters: refine({
    auditLogProvider: server(40_000, (provider) => ({
      get: (params) => (pageOf(params) === 2 ? Promise.reject(Object.assign(new Error("The audit service timed out"), { statusCode: 504 })) : provider.get(params)),
    })),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("This page could not be loaded: The audit service timed out");
    await expect(within(alert).getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(canvas.getByText("Page 2 of 1,600")).toBeVisible();
  },
};

/** A provider whose rows come back out of the order asked: the table says the list may be incomplete. */
export const IncompleteAnswer: Story = {
  parameters: refine({ auditLogProvider: server(200, (provider) => ({ get: async (params) => {
    const answer = (await provider.get(params)) as { data: unknown[] };
    return { ...answer, data: [...answer.data.slice(10), ...answer.data.slice(0, 10)] };
  } })) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await expect(await canvas.findByRole("note")).toHaveTextContent("The audit log provider returned rows out of order; this list may be incomplete.");
  },
};

/** A provider that does not page and returns the first 10 rows, oldest first (simple-rest's default): the table suspects a cut list. */
export const TruncatedPlainList: Story = {
  parameters: refine({ auditLogProvider: { get: async () => serverRows(500).slice(0, 10) } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await expect(await canvas.findByRole("note")).toHaveTextContent(/returned exactly 10 entries, oldest first/);
  },
};

/** "Export CSV" reads the whole filtered log, 200 rows a page, with its progress and "Cancel export" (here the second page never comes). */
export const ExportingTheWholeLog: Story = {
  parameters: refine({
    auditLogProvider: server(40_000, (provider) => ({
      get: (params) => ((params.meta?.auditQuery as AuditLogQuery | undefined)?.pagination.mode === "cursor" && params.meta?.cursor !== undefined ? new Promise(() => {}) : provider.get(params)),
    })),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(canvas.getByRole("progressbar", { name: "Reading the log for the export" })).toHaveAttribute("value", "200"));
    await expect(canvas.getByText(/200 of 40,000 entries read/)).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Cancel export" })).toBeVisible();
  },
};
