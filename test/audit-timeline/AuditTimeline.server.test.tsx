import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AuditTimeline, type AuditTimelineProps } from "../../src/index";
import { createServerSideAuditLogProvider, serverRows, type ServerSideAuditLogProvider } from "../../stories/support/serverSideProvider";
import { renderWithRefine } from "./renderWithRefine";

const NOW = new Date(Date.UTC(2024, 10, 5, 12));
const root = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="root"]')!;
const entries = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-scope="audit-timeline"][data-part="entry"]')];
const logIds = (container: HTMLElement) => entries(container).map((entry) => entry.dataset.logId);

vi.setConfig({ testTimeout: 60_000 });

async function renderServerTimeline(provider: ServerSideAuditLogProvider, props: Partial<AuditTimelineProps> = {}) {
  const view = renderWithRefine(<AuditTimeline resource="products" now={NOW} locale="en-US" timeZone="UTC" renderRename={null} renderActions={null} {...props} />, {
    auditLogProvider: provider,
  });
  await waitFor(() => expect(root(view.container).dataset.state).toBe("ready"));
  return view;
}

describe("<AuditTimeline> with a server-side provider", () => {
  it("shows what the server filtered and sorted, as it is: never filtered or sorted again", async () => {
    const rows = serverRows(40);
    const provider = createServerSideAuditLogProvider({ rows });
    // The server decides what matches (here: its own notion of "delete", which the rows do not hold for the browser).
    const newest = [...rows].reverse().slice(0, 10);
    provider.setTamper((answer, query) => (query.filters?.actions?.includes("delete") ? { data: newest, total: null } : answer));
    const { container } = await renderServerTimeline(provider, { filters: { action: "delete", search: "grace" }, pageSize: 10, batchSize: 10 });
    const query = provider.queries.at(-1)!;
    expect(query.filters).toEqual({ actions: ["delete"], search: "grace" });
    expect(query.sorters).toEqual([{ field: "createdAt", order: "desc" }]);
    // A browser-side filter would leave nothing ("No entries match these filters"): the server's rows are shown.
    await waitFor(() => expect(logIds(container)).toEqual(newest.map((row) => String(row.id))));
    expect(screen.queryByText("No entries match these filters")).toBeNull();
  });

  it("asks the server for the oldest first, and keeps its order", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(30) });
    const { container } = await renderServerTimeline(provider, { order: "oldest", pageSize: 10, batchSize: 10 });
    expect(provider.queries.at(-1)!.sorters).toEqual([{ field: "createdAt", order: "asc" }]);
    await waitFor(() => expect(logIds(container).slice(0, 3)).toEqual(["1", "2", "3"]));
  });

  it("reads on with no cap, holds a window of pages, and offers the newer ones it let go", async () => {
    const user = userEvent.setup();
    const provider = createServerSideAuditLogProvider({ rows: serverRows(300) });
    const { container } = await renderServerTimeline(provider, { pageSize: 10, batchSize: 10 });
    expect(logIds(container)[0]).toBe("300");
    // 14 pages: past the 10 a legacy provider is capped at.
    for (let page = 1; page < 14; page++) {
      await user.click(screen.getByRole("button", { name: "Show more" }));
      await waitFor(() => expect(screen.getByRole("button", { name: "Show more" }).getAttribute("aria-busy")).toBeNull());
    }
    await waitFor(() => expect(logIds(container).at(-1)).toBe(String(300 - 14 * 10 + 1)), { timeout: 10_000 });
    // At most 10 pages held: the newest left, and the timeline says newer entries exist.
    expect(entries(container).length).toBeLessThanOrEqual(100);
    expect(logIds(container)).not.toContain("300");
    expect(screen.queryByText(/older history exists but is not loaded/)).toBeNull();
    const newer = screen.getByRole("button", { name: "Show newer entries" });
    await user.click(newer);
    await waitFor(() => expect(logIds(container)).toContain(String(300 - 3 * 10)));
  });

  it("looks for a linked entry it has not read within 10 pages, once, and says what it knows", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(3000) });
    const { container } = await renderServerTimeline(provider, { pageSize: 10, linkedEntryId: 999_999 });
    // Ten pages, one after another: give a busy machine time.
    await waitFor(() => expect(container.textContent).toMatch(/The linked entry \(#999999\) is not among the entries read so far\./), { timeout: 20_000 });
    const asked = provider.queries.length;
    expect(asked).toBeLessThanOrEqual(11);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(provider.queries.length).toBe(asked);
  });

  it("says which changed-field filters it did not send, and why", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(40) });
    const { container } = await renderServerTimeline(provider, { pageSize: 10, fields: { "supplier.email": { hidden: true } }, filters: { field: ["supplier", "price"] } });
    expect(provider.queries.at(-1)!.filters).toEqual({ fields: ["price"] });
    const note = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="filter-note"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(note.getAttribute("role")).toBe("note");
    expect(note.textContent).toBe("Not filtered by “supplier”: a match could reveal fields kept hidden.");
  });

  it("says on screen when the answer contradicts the query", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(30) });
    // A provider that answers oldest first when asked for the newest.
    provider.setTamper((answer) => ({ ...answer, data: [...answer.data].reverse() }));
    const { container } = await renderServerTimeline(provider, { pageSize: 10 });
    const note = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="incomplete"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(note.getAttribute("role")).toBe("note");
    expect(note.textContent).toMatch(/out of order; this list may be incomplete/);
  });

  it("never shows a redacted value of a server-side row", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(20) });
    const { container } = await renderServerTimeline(provider, { pageSize: 10, fields: { secret: { redact: true } }, defaultExpanded: ["20", "19"] });
    // The open diff says only that it changed.
    await waitFor(() => expect(entries(container)[0]!.textContent).toMatch(/Secret\s*changed\s*\(hidden\)/));
    expect(container.textContent).not.toMatch(/s3cret/);
  });

  it("moves with the arrow keys in the order on screen, by day, whatever order the server sent", async () => {
    const day = (date: string) => ({ createdAt: `${date}T12:00:00Z`, resource: "products", action: "update", data: { price: 2 }, previousData: { price: 1 }, meta: { id: 1 } });
    // The server sends 1 (30 Nov), 2 (29 Nov), 3 (30 Nov): the days group 1 and 3 together.
    const rows = [{ id: 1, ...day("2024-11-30") }, { id: 2, ...day("2024-11-29") }, { id: 3, ...day("2024-11-30") }];
    const provider = createServerSideAuditLogProvider({ rows: [] });
    provider.setTamper(() => ({ data: rows, total: 3, nextCursor: null }));
    const { container } = await renderServerTimeline(provider);
    await waitFor(() => expect(logIds(container)).toEqual(["1", "3", "2"]));
    const toggle = (id: string) => container.querySelector<HTMLElement>(`[data-part="entry"][data-log-id="${id}"] [data-scope="audit-timeline"][data-part="toggle"]`)!;
    toggle("1").focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(toggle("3"));
    await userEvent.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(toggle("2"));
    await userEvent.keyboard("{Home}");
    expect(document.activeElement).toBe(toggle("1"));
  });
});
