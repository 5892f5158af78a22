import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuditLogTable, createInMemoryAuditLogProvider, type AuditLogTableProps } from "../../src/index";
import { malformedRows, resourceLog } from "../../stories/support/logFixtures";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";
import { captureDownloads } from "../support/csv";

const NOW = new Date(2024, 4, 10, 12, 0, 0);
const LOG = () => resourceLog(60, NOW);

const root = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-scope="audit-log-table"][data-part="root"]')!;
const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-scope="audit-log-table"][data-part="row"]')];
const logIds = (container: HTMLElement) => rows(container).map((row) => row.dataset.logId);
const cells = (container: HTMLElement, column: string) =>
  rows(container).map((row) => row.querySelector<HTMLElement>(`[data-part="cell"][data-column="${column}"]`)!.textContent);
const status = () => screen.getByRole("status").textContent ?? "";

function table(props: Partial<AuditLogTableProps> = {}) {
  return <AuditLogTable resource="products" locale="en-US" timeZone="UTC" {...props} />;
}

async function renderTable(props: Partial<AuditLogTableProps> = {}, initial: unknown[] = LOG(), providerOptions = {}) {
  const provider = createInMemoryAuditLogProvider({ initial, ...providerOptions });
  const view = renderWithRefine(table(props), { auditLogProvider: provider });
  await waitFor(() => expect(root(view.container).dataset.state).toBe("ready"));
  return { ...view, provider };
}


afterEach(() => vi.restoreAllMocks());
// Each test drives a whole table of 60 entries through user events: slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

describe("<AuditLogTable> reading a resource's log", () => {
  it("shows a page of rows, newest first, with the documented markup and every column", async () => {
    const { container } = await renderTable();
    expect(rows(container)).toHaveLength(25);
    expect(logIds(container).slice(0, 3)).toEqual(["5059", "5058", "5057"]);
    const first = rows(container)[0]!;
    expect(first.dataset.action).toBe("update");
    expect(first.dataset.state).toBe("closed");
    expect(status()).toContain("Showing 1–25 of 60 entries");
    const headers = screen.getAllByRole("columnheader").map((th) => th.textContent?.replace(/[▲▼]/g, "").trim());
    expect(headers).toEqual(["Details", "Time", "Author", "Action", "Record", "Name", "Changes"]);
    // The bulk entry names its records; the summary says what changed, with the replayed before-value.
    const bulk = rows(container).find((row) => row.dataset.action === "updateMany")!;
    expect(bulk.hasAttribute("data-bulk")).toBe(true);
    expect(within(bulk).getByText("1, 2")).toBeTruthy();
    expect(cells(container, "time")[0]).toMatch(/May \d+, 2024/);
  });

  it("summarises with the fields' labels and formatters, as the diffs show them", async () => {
    const { container } = await renderTable({ diffProps: { fields: { price: { label: "Price", format: (value) => `€${String(value)}` } } } });
    const priceRow = rows(container).find((row) => row.dataset.logId === "5055")!;
    expect(priceRow.querySelector('[data-column="summary"]')!.textContent).toMatch(/^Changed Price from €\d+ to €\d+$/);
  });

  it("renders hostile values as text", async () => {
    const initial = [
      { id: 1, resource: "products", action: "update", createdAt: NOW.toISOString(), author: { name: "<img src=x onerror=alert(1)>" }, name: "<b>bold</b>", data: { title: "<script>x</script>" }, meta: { id: 1 } },
    ];
    const { container } = await renderTable({}, initial);
    expect(container.querySelector("img[src=x], b, script")).toBeNull();
    expect(cells(container, "author")[0]).toBe("<img src=x onerror=alert(1)>");
    expect(container.textContent).toContain("<b>bold</b>");
  });
});

describe("<AuditLogTable> sorting", () => {
  it("sorts by time both ways and by author, and says so with aria-sort", async () => {
    const { container } = await renderTable();
    const timeHeader = screen.getByRole("columnheader", { name: /Time/ });
    expect(timeHeader.getAttribute("aria-sort")).toBe("descending");
    await userEvent.click(within(timeHeader).getByRole("button"));
    expect(timeHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(logIds(container).slice(0, 3)).toEqual(["5000", "5001", "5002"]);

    const authorHeader = screen.getByRole("columnheader", { name: /Author/ });
    await userEvent.click(within(authorHeader).getByRole("button"));
    expect(authorHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(timeHeader.hasAttribute("aria-sort")).toBe(false);
    const authors = cells(container, "author");
    expect(authors[0]).toBe("Ada Lovelace");
    expect([...authors].sort((a, b) => a!.localeCompare(b!))).toEqual(authors);
  });

  it("does not offer to sort the summary", async () => {
    await renderTable();
    expect(within(screen.getByRole("columnheader", { name: "Changes" })).queryByRole("button")).toBeNull();
  });
});

describe("<AuditLogTable> filters", () => {
  it("filters by action and by author", async () => {
    const { container } = await renderTable();
    // The choices say the action in words; their values stay the action ids.
    const action = screen.getByRole("combobox", { name: "Action" });
    expect(within(action).getAllByRole("option").map((option) => [option.textContent, (option as HTMLOptionElement).value])).toContainEqual(["Create", "create"]);
    expect(within(action).getByRole("option", { name: "Update" })).toBeTruthy();
    await userEvent.selectOptions(action, "create");
    await waitFor(() => expect(rows(container)).toHaveLength(8));
    expect(new Set(rows(container).map((row) => row.dataset.action))).toEqual(new Set(["create"]));
    expect(status()).toContain("of 8 matching entries (60 read)");

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Author" }), screen.getByRole("option", { name: "grace@example.com" }));
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    expect(new Set(cells(container, "author"))).toEqual(new Set(["grace@example.com"]));
  });

  it("filters by date range, whole days in the table's time zone", async () => {
    const { container } = await renderTable();
    const day = (offsetMinutes: number) => new Date(NOW.getTime() - offsetMinutes * 60_000).toISOString().slice(0, 10);
    // Entries are 97 minutes apart back from NOW: the last day holds only the newest ones.
    const newestDay = day(97);
    fireEvent.change(screen.getByLabelText("From"), { target: { value: newestDay } });
    await waitFor(() => expect(status()).toMatch(/matching entries/));
    const expected = LOG().filter((row) => String(row.createdAt).slice(0, 10) >= newestDay).length;
    expect(rows(container)).toHaveLength(Math.min(25, expected));
    expect(status()).toContain(`of ${expected} matching`);
    fireEvent.change(screen.getByLabelText("To"), { target: { value: day(97 * 40) } });
    await waitFor(() => expect(screen.getByText("No entries match these filters.")).toBeTruthy());
  });

  it("filters by changed field, nested paths included, and by free text over names and values", async () => {
    const { container } = await renderTable();
    fireEvent.change(screen.getByLabelText("Changed field"), { target: { value: "dimensions.width" } });
    await waitFor(() => expect(status()).toMatch(/matching/));
    // Creates write every field; updates of the width are every 5th entry from the 9th; a
    // delete removes every field. Each of them changes the width against its known (or
    // replayed) earlier value, so here "changed" and "wrote the field" pick the same entries.
    const holds = (side: unknown) => (side as { dimensions?: unknown } | undefined)?.dimensions !== undefined;
    const expected = LOG().filter((row) => holds(row.data) || holds(row.previousData)).length;
    expect(status()).toContain(`of ${expected} matching`);
    await userEvent.click(screen.getAllByRole("button", { name: "Clear filters" })[0]!);
    await waitFor(() => expect(status()).toContain("of 60 entries"));

    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "price update before" } });
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    expect(rows(container)[0]!.dataset.named).toBe("");
    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "revised on visit 14" } });
    // Product 7's description grows with each revision: the later one still holds visit 14's words.
    await waitFor(() => expect(logIds(container)).toEqual(["5054", "5014"]));
  });

  it("never matches a search on redacted or hidden values", async () => {
    const initial = [
      { id: 1, resource: "users", action: "update", createdAt: NOW.toISOString(), data: { password: "swordfish", email: "a@b.c" }, meta: { id: 1 } },
    ];
    const { container } = await renderTable({ resource: "users", diffProps: { fields: { password: { redact: true } } } }, initial);
    await userEvent.type(screen.getByLabelText("Search"), "swordfish");
    await waitFor(() => expect(rows(container)).toHaveLength(0));
    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "a@b.c" } });
    await waitFor(() => expect(rows(container)).toHaveLength(1));
  });

  it("goes back to the first page when the filters change", async () => {
    const { container } = await renderTable();
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("Page 2 of 3")).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Action" }), "update");
    await waitFor(() => expect(screen.getByText(/Page 1 of/)).toBeTruthy());
    expect(rows(container).every((row) => row.dataset.action === "update")).toBe(true);
  });
});

describe("<AuditLogTable> paging", () => {
  it("pages through the entries read: next, previous, last, first, and rows per page", async () => {
    const { container } = await renderTable();
    expect(screen.getByText("Page 1 of 3")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Previous" }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(logIds(container)[0]).toBe("5034");
    await userEvent.click(screen.getByRole("button", { name: "Last" }));
    expect(screen.getByText("Page 3 of 3")).toBeTruthy();
    expect(rows(container)).toHaveLength(10);
    expect((screen.getByRole("button", { name: "Next" }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "First" }));
    expect(logIds(container)[0]).toBe("5059");
    await userEvent.selectOptions(screen.getByLabelText("Rows per page"), "50");
    expect(rows(container)).toHaveLength(50);
    expect(screen.getByText("Page 1 of 2")).toBeTruthy();
  });

  it("asks a paging provider for its next page with meta.cursor when Next goes past the rows read", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: LOG(), pageSize: 20 });
    const get = vi.spyOn(provider, "get");
    const { container } = renderWithRefine(table({ requestPageSize: 20, initialState: { pagination: { pageIndex: 0, pageSize: 10 } } }), {
      auditLogProvider: provider,
    });
    await waitFor(() => expect(rows(container)).toHaveLength(10));
    expect(get).toHaveBeenCalledTimes(1);
    expect(get.mock.calls[0]![0].meta).toMatchObject({ pageSize: 20 });
    expect(screen.getByText("Page 1 of 2+")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("Page 2 of 2+")).toBeTruthy();
    expect(get).toHaveBeenCalledTimes(1);
    // Past the rows read: the next provider page, then the table moves onto it.
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.getByText("Page 3 of 4+")).toBeTruthy());
    expect(get).toHaveBeenCalledTimes(2);
    expect(get.mock.calls[1]![0].meta).toMatchObject({ pageSize: 20, cursor: expect.anything() });
    // Sorted newest first across pages: the provider answers newest first, 20 a page.
    expect(logIds(container)[0]).toBe("5039");
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.getByText("Page 5 of 6")).toBeTruthy());
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect((screen.getByRole("button", { name: "Next" }) as HTMLButtonElement).disabled).toBe(true);
    expect(get).toHaveBeenCalledTimes(3);
  });
});

describe("<AuditLogTable> rows", () => {
  it("expands a row into its diff, with the before-value replayed from earlier entries", async () => {
    const { container } = await renderTable();
    const row = rows(container).find((candidate) => candidate.dataset.logId === "5055")!; // a price update (55 % 5 === 0)
    const toggle = within(row).getByRole("button", { name: "Show changes" });
    // Which changes: the toggle is described by the row's summary.
    expect(document.getElementById(toggle.getAttribute("aria-describedby")!)!.textContent).toMatch(/^Changed Price from/);
    await userEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(row.dataset.state).toBe("open");
    const detail = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(detail.dataset.part).toBe("detail");
    const diff = detail.querySelector<HTMLElement>('[data-scope="record-diff"]')!;
    const field = diff.querySelector<HTMLElement>('[data-part="field"][data-path="price"]')!;
    expect(field.dataset.change).toBe("changed");
    expect(field.querySelector("del")?.textContent).toBeTruthy();
    expect(field.querySelector("ins")?.textContent).toBeTruthy();
    await userEvent.click(within(row).getByRole("button", { name: "Hide changes" }));
    expect(document.getElementById(detail.id)).toBeNull();
  });

  it("renames an entry in place through the provider", async () => {
    const { container, provider } = await renderTable();
    const row = rows(container)[0]!;
    await userEvent.click(within(row).getByRole("button", { name: "Name this version" }));
    await userEvent.type(within(row).getByRole("textbox"), "Launch prices{Enter}");
    await waitFor(() => expect(provider.rows.find((stored) => (stored as { id: number }).id === 5059)).toMatchObject({ name: "Launch prices" }));
    await waitFor(() => expect(within(rows(container)[0]!).getByText("Launch prices")).toBeTruthy());
  });

  it("hides and shows columns, keeping at least one", async () => {
    const { container } = await renderTable();
    await userEvent.click(screen.getByText("Columns"));
    await userEvent.click(screen.getByRole("checkbox", { name: "Author" }));
    expect(screen.queryByRole("columnheader", { name: /Author/ })).toBeNull();
    expect(rows(container)[0]!.querySelector('[data-column="author"]')).toBeNull();
    for (const name of ["Time", "Action", "Record", "Name"]) await userEvent.click(screen.getByRole("checkbox", { name }));
    expect((screen.getByRole("checkbox", { name: "Changes" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("<AuditLogTable> export", () => {
  let files: ReturnType<typeof captureDownloads>;
  beforeEach(() => {
    files = captureDownloads();
  });

  it("exports the filtered rows, in order, as CSV with formulas made inert", async () => {
    await renderTable();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Action" }), "update");
    await waitFor(() => expect(status()).toMatch(/matching/));
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toMatch(/^audit-log-products-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(files[0]!.type).toBe("text/csv;charset=utf-8");
    const text = (await files[0]!.text()).replace(/^\ufeff/, "");
    const lines = text.trimEnd().split("\r\n");
    const expectedUpdates = LOG().filter((row) => row.action === "update").length;
    expect(lines).toHaveLength(expectedUpdates + 1);
    expect(lines[0]).toBe('"Time","Author","Action","Record","Name","Changes"');
    expect(lines.every((line, index) => index === 0 || line.includes(',"update",'))).toBe(true);
    // Newest first, as on screen; the formula name is inert.
    expect(lines[1]).toMatch(/^"2024-05-10T/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(screen.getByRole("status").textContent).toContain(`Exported ${expectedUpdates} entries`);
  });

  it("leaves hidden columns out of the CSV, and hidden and redacted values out of the JSON", async () => {
    const initial = [
      { id: 1, resource: "users", action: "create", createdAt: NOW.toISOString(), author: { id: 1, name: "Ada" }, data: { email: "a@b.c", password: "swordfish", internal: "x-secret" }, meta: { id: 1 } },
      { id: 2, resource: "users", action: "update", createdAt: new Date(NOW.getTime() + 1000).toISOString(), data: { password: "hunter2", email: "d@e.f" }, previousData: {}, meta: { id: 1 } },
    ];
    await renderTable({ resource: "users", diffProps: { fields: { password: { redact: true }, internal: { hidden: true } } } }, initial);
    await userEvent.click(screen.getByText("Columns"));
    await userEvent.click(screen.getByRole("checkbox", { name: "Author" }));
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    const csv = await files[0]!.text();
    expect(csv.split("\r\n")[0]).toBe('"Time","Action","Record","Name","Changes"');
    expect(csv).not.toContain("Ada");
    expect(csv).not.toMatch(/swordfish|hunter2|x-secret/);

    await userEvent.click(screen.getByRole("button", { name: "Export JSON" }));
    expect(files[1]!.name).toMatch(/\.json$/);
    const json = JSON.parse(await files[1]!.text()) as Record<string, unknown>[];
    expect(json.map((row) => row.id)).toEqual([2, 1]);
    expect(json[0]).not.toHaveProperty("author");
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/swordfish|hunter2|x-secret|internal/);
    const update = json[0]!.changes as { path: string; kind: string; before?: unknown; after?: unknown; beforeInferred?: boolean }[];
    expect(update).toContainEqual({ path: "password", kind: "changed", before: "(hidden)", after: "(hidden)", beforeInferred: true });
    expect(update).toContainEqual({ path: "email", kind: "changed", before: "a@b.c", after: "d@e.f", beforeInferred: true });
  });
});

describe("<AuditLogTable> hidden and redacted fields in bulk entries", () => {
  const bulk = [
    { id: 1, resource: "users", action: "createMany", createdAt: NOW.toISOString(), data: [{ id: 1, email: "a@b.c", password: "hunter2", internal: "x-secret" }, { id: 2, email: "d@e.f", password: "swordfish" }], meta: { ids: [1, 2] } },
    { id: 2, resource: "users", action: "updateMany", createdAt: new Date(NOW.getTime() + 1000).toISOString(), data: [{ password: "letmein" }, { password: "opensesame" }], previousData: [{ password: "hunter2" }, { password: "swordfish" }], meta: { ids: [1, 2] } },
  ];
  const fields = { password: { redact: true }, internal: { hidden: true } };
  let files: ReturnType<typeof captureDownloads>;
  beforeEach(() => {
    files = captureDownloads();
  });

  it("never shows, finds or exports their values, seen from the whole resource", async () => {
    const { container } = await renderTable({ resource: "users", diffProps: { fields } }, bulk);
    expect(container.textContent).not.toMatch(/hunter2|swordfish|letmein|opensesame|x-secret/);
    for (const toggle of screen.getAllByRole("button", { name: "Show changes" })) await userEvent.click(toggle);
    expect(container.textContent).not.toMatch(/hunter2|swordfish|letmein|opensesame|x-secret/);
    expect(container.textContent).toContain("d@e.f");

    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "hunter2" } });
    await waitFor(() => expect(rows(container)).toHaveLength(0));
    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "" } });
    await waitFor(() => expect(rows(container)).toHaveLength(2));

    await userEvent.click(screen.getByRole("button", { name: "Export JSON" }));
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    for (const file of files) expect(await file.text()).not.toMatch(/hunter2|swordfish|letmein|opensesame|x-secret|internal/);
    expect(await files[0]!.text()).toContain("d@e.f");
  });
});

describe("<AuditLogTable> options that change", () => {
  it("summarises with the latest field formatter (a lookup that has loaded)", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: LOG() });
    const withFormat = (names: Record<number, string>) => table({ diffProps: { fields: { price: { format: (value) => names[value as number] ?? `#${String(value)}` } } } });
    const { container, rerender } = renderWithRefine(withFormat({}), { auditLogProvider: provider });
    await waitFor(() => expect(rows(container)).toHaveLength(25));
    const summary = () => rows(container).find((row) => row.dataset.logId === "5055")!.querySelector('[data-column="summary"]')!.textContent;
    expect(summary()).toMatch(/^Changed Price from #\d+ to #\d+$/);
    const after = Number(/to #(\d+)/.exec(summary()!)![1]);
    rerender(withFormat({ [after]: "the launch price" }));
    await waitFor(() => expect(summary()).toMatch(/to the launch price$/));
  });

  it("treats an unknown time zone as the viewer's, date filters included", async () => {
    const { container } = await renderTable({ timeZone: "Mars/Olympus_Mons" });
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2024-05-10" } });
    await waitFor(() => expect(status()).toMatch(/matching/));
    expect(root(container).dataset.state).toBe("ready");
  });
});

describe("<AuditLogTable> states", () => {
  it("shows a loading state, then the rows", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: LOG(), latency: 50 });
    const { container } = renderWithRefine(table(), { auditLogProvider: provider });
    expect(root(container).dataset.state).toBe("loading");
    expect(root(container).getAttribute("aria-busy")).toBe("true");
    expect(container.querySelectorAll('[data-part="skeleton"]').length).toBeGreaterThan(0);
    expect(screen.getByRole("status").textContent).toContain("Loading the audit log");
    await waitFor(() => expect(rows(container)).toHaveLength(25));
  });

  it("says why the log could not be loaded, and tries again", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: LOG() });
    provider.setFailure("get", new Error("Service unavailable"));
    const { container } = renderWithRefine(table(), { auditLogProvider: provider });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The audit log could not be loaded: Service unavailable");
    provider.setFailure("get", undefined);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rows(container)).toHaveLength(25));
  });

  it("says when nothing was recorded, and when no provider is configured", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: [] });
    const empty = renderWithRefine(table(), { auditLogProvider: provider });
    await waitFor(() => expect(root(empty.container).dataset.state).toBe("empty"));
    expect(empty.container.textContent).toContain("No changes recorded yet");
    empty.unmount();
    const none = renderWithRefine(table(), {});
    expect(root(none.container).dataset.state).toBe("unconfigured");
    expect(none.container.textContent).toContain("No audit log provider is configured");
  });

  it("lists rows it could not read, by their identity only, beside the readable ones", async () => {
    const { container } = await renderTable({}, [...LOG(), ...malformedRows(NOW)]);
    const details = container.querySelector<HTMLElement>('[data-part="malformed"]')!;
    expect(details.querySelector("summary")!.textContent).toMatch(/\d+ entr(y|ies) could not be read/);
    expect(rows(container).length).toBeGreaterThan(0);
  });

  it("keeps the rows read when a further page fails, and says so", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: LOG(), pageSize: 25 });
    const { container } = renderWithRefine(table({ requestPageSize: 25 }), { auditLogProvider: provider });
    await waitFor(() => expect(rows(container)).toHaveLength(25));
    provider.setFailure("get", new Error("Timeout"));
    await act(async () => {
      await userEvent.click(screen.getByRole("button", { name: "Next" }));
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("More entries could not be loaded: Timeout");
    expect(rows(container)).toHaveLength(25);
  });
});
