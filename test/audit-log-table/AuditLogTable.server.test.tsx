import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuditLogTable, type AuditLogColumnDef, type AuditLogTableProps } from "../../src/index";
import { createServerSideAuditLogProvider, serverRows, type ServerSideAuditLogProvider } from "../../stories/support/serverSideProvider";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";
import { captureDownloads } from "../support/csv";

const root = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-scope="audit-log-table"][data-part="root"]')!;
const tableElement = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-scope="audit-log-table"][data-part="table"]')!;
const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-scope="audit-log-table"][data-part="row"]')];
const logIds = (container: HTMLElement) => rows(container).map((row) => row.dataset.logId);
const status = () => screen.getByRole("status").textContent ?? "";
const lastQuery = (provider: ServerSideAuditLogProvider) => provider.queries.at(-1)!;

async function renderServerTable(provider: ServerSideAuditLogProvider, props: Partial<AuditLogTableProps> = {}) {
  const view = renderWithRefine(
    <AuditLogTable resource="products" locale="en-US" timeZone="UTC" initialState={{ pagination: { pageIndex: 0, pageSize: 10 } }} {...props} />,
    { auditLogProvider: provider },
  );
  await waitFor(() => expect(root(view.container).dataset.state).toBe("ready"));
  await waitFor(() => expect(screen.getByRole("group", { name: "Filters" })).toBeTruthy());
  return view;
}

afterEach(() => vi.restoreAllMocks());
vi.setConfig({ testTimeout: 30_000 });

describe("<AuditLogTable> with a server-side provider", () => {
  it("pages on the server: page N of M from total, any page one request away (the 1,000th too)", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(10_000) });
    const { container } = await renderServerTable(provider);
    await waitFor(() => expect(status()).toBe("Showing 1–10 of 10,000 entries"));
    expect(screen.getByText("Page 1 of 1,000")).toBeTruthy();
    expect(logIds(container)).toEqual(["10000", "9999", "9998", "9997", "9996", "9995", "9994", "9993", "9992", "9991"]);
    expect(lastQuery(provider)).toMatchObject({ pagination: { mode: "page", currentPage: 1, pageSize: 10 }, total: true, sorters: [{ field: "createdAt", order: "desc" }] });

    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(logIds(container)[0]).toBe("9990"));
    expect(status()).toBe("Showing 11–20 of 10,000 entries");

    // Keyboard: type the page, Enter.
    const input = screen.getByRole("spinbutton", { name: "Go to page" });
    await userEvent.type(input, "1000{Enter}");
    await waitFor(() => expect(logIds(container)[0]).toBe("10"));
    expect(lastQuery(provider).pagination).toEqual({ mode: "page", currentPage: 1000, pageSize: 10 });
    expect(status()).toBe("Showing 9,991–10,000 of 10,000 entries");
    expect(screen.getByText("Page 1,000 of 1,000")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Next" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Last" }) as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(screen.getByRole("button", { name: "First" }));
    await waitFor(() => expect(logIds(container)[0]).toBe("10000"));
    await userEvent.click(screen.getByRole("button", { name: "Last" }));
    await waitFor(() => expect(logIds(container)[0]).toBe("10"));
    // A page past the end, typed from the first page, is refused by the field (its max is
    // the page count, as a browser checks it): the page stays and nothing is asked.
    await userEvent.click(screen.getByRole("button", { name: "First" }));
    await waitFor(() => expect(logIds(container)[0]).toBe("10000"));
    const asked = provider.queries.length;
    const pageInput = screen.getByRole<HTMLInputElement>("spinbutton", { name: "Go to page" });
    await userEvent.type(pageInput, "5000{Enter}");
    expect(pageInput.validity.rangeOverflow).toBe(true);
    expect(screen.getByText("Page 1 of 1,000")).toBeTruthy();
    expect(logIds(container)[0]).toBe("10000");
    expect(provider.queries.length).toBe(asked);
    // The provider was asked for pages, never for everything.
    expect(provider.queries.every((query) => query.pagination.pageSize === 10)).toBe(true);
  });

  it("moves to the new last page when the log shrinks under a late page", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(100) });
    const { container, queryClient } = await renderServerTable(provider);
    await userEvent.click(screen.getByRole("button", { name: "Last" }));
    await waitFor(() => expect(logIds(container)[0]).toBe("10"));
    expect(screen.getByText("Page 10 of 10")).toBeTruthy();
    // The oldest 55 rows are purged (a retention job); the list is refreshed.
    provider.rows.splice(0, 55);
    await queryClient.invalidateQueries({ queryKey: ["audit", "products", "list"] });
    await waitFor(() => expect(screen.getByText("Page 5 of 5")).toBeTruthy());
    await waitFor(() => expect(logIds(container)).toEqual(["60", "59", "58", "57", "56"]));
    expect(status()).toBe("Showing 41–45 of 45 entries");
    expect(lastQuery(provider).pagination).toEqual({ mode: "page", currentPage: 5, pageSize: 10 });
  });

  it("keeps the previous rows on screen, marked busy, while a page loads; a failed page shows its error with Retry", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(100) });
    // The next page's answer waits until the test lets it go (a busy machine cannot skip the state).
    let release: (() => void) | undefined;
    let held: Promise<void> | undefined;
    const get = provider.get;
    provider.get = async (params) => {
      await held;
      return get(params);
    };
    const { container } = await renderServerTable(provider);
    expect(tableElement(container).getAttribute("aria-busy")).toBeNull();
    held = new Promise((resolve) => (release = resolve));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    // Busy can start a moment earlier (the filter pass); the stale mark comes with the page request.
    await waitFor(() => expect(tableElement(container).hasAttribute("data-stale")).toBe(true));
    expect(tableElement(container).getAttribute("aria-busy")).toBe("true");
    expect(logIds(container)[0]).toBe("100");
    expect(status()).toBe("Loading page 2…");
    held = undefined;
    release!();
    await waitFor(() => expect(logIds(container)[0]).toBe("90"));
    expect(status()).toBe("Showing 11–20 of 100 entries");
    expect(tableElement(container).getAttribute("aria-busy")).toBeNull();

    provider.setFailure(new Error("The audit service is offline"));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("This page could not be loaded: The audit service is offline");
    // The table, its filters and its paging stay.
    expect(screen.getByText("Page 3 of 10")).toBeTruthy();
    provider.setFailure(undefined);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(logIds(container)[0]).toBe("80"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("pages on without a total while the server's page is full, even when a row of it cannot be read", async () => {
    // 25 rows, pages of 10, no total: page 1 holds rows 25–16, row 16 without its action.
    const provider = createServerSideAuditLogProvider({ rows: serverRows(25) });
    provider.setTamper((answer, query) => ({
      ...answer,
      total: null,
      data: query.pagination.mode === "page" && query.pagination.currentPage === 1 ? answer.data.map((row) => (row.id === 16 ? { ...row, action: undefined } : row)) : answer.data,
    }));
    const { container } = await renderServerTable(provider);
    expect(logIds(container)).toEqual(["25", "24", "23", "22", "21", "20", "19", "18", "17"]);
    expect(screen.getByText("1 entry could not be read")).toBeTruthy();
    expect(screen.getByText("Page 1 of 2+")).toBeTruthy();
    // No total: the status line claims no count it does not know.
    expect(status()).toBe("Showing 1–9: more entries follow");
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(logIds(container)).toEqual(["15", "14", "13", "12", "11", "10", "9", "8", "7", "6"]));
    expect(screen.getByText("Page 2 of 3+")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(logIds(container)).toEqual(["5", "4", "3", "2", "1"]));
    // A short page is the last one.
    expect(screen.getByText("Page 3 of 3")).toBeTruthy();
    expect(status()).toBe("Showing 21–25 of 25 entries");
    expect((screen.getByRole("button", { name: "Next" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("sorts on the server by the columns it can sort", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(100) });
    const { container } = await renderServerTable(provider);
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.getByText("Page 2 of 10")).toBeTruthy());
    const action = screen.getByRole("columnheader", { name: /Action/ });
    await userEvent.click(within(action).getByRole("button"));
    await waitFor(() => expect(lastQuery(provider).sorters).toEqual([{ field: "action", order: "asc" }]));
    // A new order starts from the first page.
    await waitFor(() => expect(lastQuery(provider).pagination).toMatchObject({ currentPage: 1 }));
    await waitFor(() => expect(rows(container)[0]!.dataset.action).toBe("create"));
    await userEvent.click(within(screen.getByRole("columnheader", { name: /Record/ })).getByRole("button"));
    await waitFor(() => expect(lastQuery(provider).sorters[0]).toEqual({ field: "id", order: "asc" }));
  });

  it("offers no sort button on a column of yours the server cannot sort, where the browser sorts it for a plain provider", async () => {
    const priceColumn = (defaults: AuditLogColumnDef[]): AuditLogColumnDef[] => [
      ...defaults,
      { id: "price", header: "Price", accessorFn: (entry) => (entry.data as { price?: number } | undefined)?.price, cell: ({ getValue }) => String(getValue() ?? "") },
    ];
    const provider = createServerSideAuditLogProvider({ rows: serverRows(40) });
    const server = await renderServerTable(provider, { columns: priceColumn });
    expect(within(screen.getByRole("columnheader", { name: "Price" })).queryByRole("button")).toBeNull();
    expect(within(screen.getByRole("columnheader", { name: /Action/ })).getByRole("button")).toBeTruthy();
    server.unmount();

    // The same column, the same rows from a provider that does not page: sorted in the browser.
    const plain = renderWithRefine(<AuditLogTable resource="products" locale="en-US" timeZone="UTC" columns={priceColumn} />, { auditLogProvider: { get: async () => serverRows(40) } });
    await waitFor(() => expect(root(plain.container).dataset.state).toBe("ready"));
    const price = screen.getByRole("columnheader", { name: "Price" });
    // Numbers sort highest first, then lowest first.
    await userEvent.click(within(price).getByRole("button"));
    await userEvent.click(within(price).getByRole("button"));
    expect(price.getAttribute("aria-sort")).toBe("ascending");
    expect(logIds(plain.container).slice(0, 3)).toEqual(["1", "2", "3"]);
  });

  it("sends the filters to the server and says what its search reads", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(100) });
    const { container } = await renderServerTable(provider, { fields: { secret: { hidden: true } } });
    expect(screen.getByLabelText("Search").getAttribute("placeholder")).toBe("Names, authors, actions, record ids");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Action" }), "create");
    await waitFor(() => expect(lastQuery(provider).filters).toEqual({ actions: ["create"] }));
    const creates = provider.rows.filter((row) => row.action === "create").length;
    await waitFor(() => expect(status()).toBe(`Showing 1–10 of ${creates} matching entries`));
    expect(rows(container).every((row) => row.dataset.action === "create")).toBe(true);
    await userEvent.type(screen.getByLabelText("Search"), "Grace");
    await waitFor(() => expect(lastQuery(provider).filters).toEqual({ actions: ["create"], search: "grace" }));
    await userEvent.type(screen.getByLabelText("From"), "2024-11-05");
    await waitFor(() => expect(lastQuery(provider).filters?.from).toBe("2024-11-05T00:00:00.000Z"));
    // A hidden field is never sent, and matches nothing.
    await userEvent.type(screen.getByLabelText("Changed field"), "secret");
    await waitFor(() => expect(screen.getByText("No entries match these filters.")).toBeTruthy());
    expect(JSON.stringify(provider.queries)).not.toContain("secret");
    // And it says why, rather than let "no entries" pass for the whole truth.
    expect(container.querySelector('[data-scope="audit-log-table"][data-part="filter-note"]')?.textContent).toBe("Not filtered by “secret”: a match could reveal fields kept hidden.");
    // Its export is as empty as the table, and reads nothing.
    const asked = provider.queries.length;
    const downloads = captureDownloads();
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect((await downloads[0]!.text()).trim().split("\r\n")).toHaveLength(1);
    expect(provider.queries.length).toBe(asked);
    await userEvent.click(screen.getAllByRole("button", { name: "Clear filters" })[0]!);
    await waitFor(() => expect(lastQuery(provider).filters).toBeUndefined());
    await waitFor(() => expect(status()).toMatch(/^Showing 1–10 of 100 entries/));
  });

  it("applies the redaction policy to server-side rows: a redacted value never appears, in the rows, the diffs or an export", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(30) });
    const { container } = await renderServerTable(provider, { fields: { secret: { redact: true } } });
    await userEvent.click(within(rows(container)[0]!).getByRole("button", { name: "Show changes" }));
    await userEvent.click(within(rows(container)[1]!).getByRole("button", { name: "Show changes" }));
    expect(container.textContent).toContain("(hidden)");
    expect(container.textContent).not.toMatch(/s3cret/);
    const downloads = captureDownloads();
    await userEvent.click(screen.getByRole("button", { name: "Export CSV (one row per change)" }));
    await userEvent.click(screen.getByRole("button", { name: "Export JSON" }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const files = await Promise.all(downloads.map((file) => file.text()));
    expect(files.join("\n")).toContain("(hidden)");
    expect(files.join("\n")).not.toMatch(/s3cret/);
    // The whole log was exported (30 entries), not the page shown.
    expect(JSON.parse(files[1]!.replace(/^\ufeff/, "")).length).toBe(30);
  });

  it("exports the whole filtered log page after page, with progress, up to the export limit, and says what it left out", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(1400), latency: 5 });
    const { container } = await renderServerTable(provider, { exportLimit: 1000, fields: { secret: { redact: true } } });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Action" }), "update");
    await waitFor(() => expect(rows(container).every((row) => row.dataset.action === "update")).toBe(true));
    const updates = provider.rows.filter((row) => row.action === "update").length;
    const downloads = captureDownloads();
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(await screen.findByRole("progressbar", { name: "Reading the log for the export" })).toBeTruthy();
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(status()).toMatch(new RegExp(`Exported the first 1,000 of ${updates.toLocaleString("en-US")} entries to audit-log-products-\\d{4}-\\d{2}-\\d{2}\\.csv`));
    const text = await downloads[0]!.text();
    expect(text.trim().split("\r\n")).toHaveLength(1001);
    expect(text).not.toMatch(/s3cret/);
    // Read with the table's filters and order, in cursor mode, 200 rows a page; counted once.
    const reads = provider.queries.filter((query) => query.pagination.mode === "cursor");
    expect(reads).toHaveLength(5);
    expect(reads.every((query) => query.pagination.pageSize === 200 && query.filters?.actions?.[0] === "update")).toBe(true);
    expect(reads.map((query) => query.total)).toEqual([true, false, false, false, false]);
  });

  it.each([
    ["the same rows with a new cursor each time", (n: number) => ({ rows: 0, cursor: `fresh-${n}` })],
    ["a cursor cycle", (n: number) => ({ rows: n, cursor: n % 2 === 0 ? "a" : "b" })],
    ["the same cursor forever", (n: number) => ({ rows: n, cursor: "same" })],
  ])("ends an export whose provider repeats itself (%s) with what it gave, saying what is missing", async (_, next) => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(450) });
    let calls = 0;
    provider.setTamper((answer, query) => {
      if (query.pagination.mode !== "cursor") return answer;
      calls++;
      const step = next(calls);
      // Page 1 and 2 are honest (the offset of the step), then the provider loops.
      return { ...answer, data: calls <= 1 ? answer.data : provider.rows.slice(-200 - step.rows, -step.rows || undefined).reverse(), nextCursor: step.cursor };
    });
    await renderServerTable(provider);
    const downloads = captureDownloads();
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(calls).toBeLessThan(10);
    expect(status()).toMatch(/Exported the first \d+ of 450 entries/);
  });

  it("cancels an export that is reading the log", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(2000), latency: 40 });
    await renderServerTable(provider);
    const downloads = captureDownloads();
    await userEvent.click(screen.getByRole("button", { name: "Export JSON" }));
    await screen.findByRole("progressbar");
    await userEvent.click(screen.getByRole("button", { name: "Cancel export" }));
    expect(screen.queryByRole("progressbar")).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(downloads).toHaveLength(0);
    expect(status()).toBe("Showing 1–10 of 2,000 entries");
    expect((screen.getByRole("button", { name: "Export JSON" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("says so when the provider returns rows out of the order asked", async () => {
    const provider = createServerSideAuditLogProvider({ rows: serverRows(30) });
    provider.setTamper((answer) => ({ ...answer, data: [...answer.data].reverse() }));
    await renderServerTable(provider);
    expect((await screen.findByRole("note")).textContent).toBe("The audit log provider returned rows out of order; this list may be incomplete.");
  });

  it("says so when a plain provider returns a list that looks cut short (simple-rest's 10 rows, oldest first)", async () => {
    const view = renderWithRefine(<AuditLogTable resource="products" locale="en-US" timeZone="UTC" />, { auditLogProvider: { get: async () => serverRows(40).slice(0, 10) } });
    await waitFor(() => expect(root(view.container).dataset.state).toBe("ready"));
    expect(screen.getByRole("note").textContent).toBe(
      "The audit log provider returned exactly 10 entries, oldest first: it may be cutting the log short.",
    );
    // Not server-side: the table sorts and pages in the browser as before.
    expect(screen.queryByRole("spinbutton", { name: "Go to page" })).toBeNull();
    expect(screen.getByLabelText("Search").getAttribute("placeholder")).toBe("Names and values");
  });

  it("says a page past the last row is empty, without a total, rather than count backwards", async () => {
    // 20 rows, pages of 10, no total: page 2 is full, so page 3 is offered, and is empty.
    const provider = createServerSideAuditLogProvider({ rows: serverRows(20) });
    provider.setTamper((answer) => ({ ...answer, total: null }));
    const { container } = await renderServerTable(provider);
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(logIds(container)[0]).toBe("10"));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(status()).toBe("No entries on this page: the log ends with entry 20."));
  });
});
