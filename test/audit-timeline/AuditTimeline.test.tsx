import { useState } from "react";
import { useUpdate } from "@refinedev/core";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AuditTimeline, auditTimelineOptionKeys, createInMemoryAuditLogProvider, type AuditTimelineProps } from "../../src/index";
import { bulkHistory, createMemoryDataProvider, malformedRows, manyEntries, orphanUpdates, productHistory } from "../../stories/support/logFixtures";
import { auditListMetas, renderWithRefine } from "./renderWithRefine";

// Local noon, so that "today" and "yesterday" do not depend on when the tests run.
const NOW = new Date(2024, 4, 10, 12, 0, 0);

const root = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="root"]')!;
const entries = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-scope="audit-timeline"][data-part="entry"]')];
const summaries = (container: HTMLElement) => entries(container).map((entry) => entry.querySelector('[data-part="summary"]')?.textContent);
const byLogId = (container: HTMLElement, id: string) => container.querySelector<HTMLElement>(`[data-part="entry"][data-log-id="${id}"]`)!;

function timeline(props: Partial<AuditTimelineProps> = {}) {
  return <AuditTimeline resource="products" id={7} now={NOW} locale="en-US" {...props} />;
}

describe("<AuditTimeline> opening an entry", () => {
  it("opens and closes the diff with a click on the summary, as with the toggle, but not when text is selected", async () => {
    const user = userEvent.setup();
    const { container } = renderWithRefine(timeline(), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(root(container).dataset.state).toBe("ready"));
    const entry = byLogId(container, "2");
    const summary = entry.querySelector<HTMLElement>('[data-part="summary"]')!;
    const toggle = entry.querySelector<HTMLElement>('[data-part="toggle"]')!;
    expect(summary.hasAttribute("data-clickable")).toBe(true);
    await user.click(summary);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(entry.querySelector('[data-scope="record-diff"]')).not.toBeNull();
    // Selecting the summary's words to copy them leaves the entry as it is.
    window.getSelection()!.selectAllChildren(summary);
    summary.click();
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    window.getSelection()!.removeAllRanges();
    await user.click(summary);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
  });
});

describe("<AuditTimeline> reading a record's history", () => {
  it("asks the provider with meta.id and shows the record's entries, newest first, with bulk entries that include it", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: [...productHistory(NOW), ...orphanUpdates(NOW)] });
    const get = vi.spyOn(provider, "get");
    const { container } = renderWithRefine(timeline(), { auditLogProvider: provider });

    await waitFor(() => expect(root(container).dataset.state).toBe("ready"));
    expect(get).toHaveBeenCalledWith(expect.objectContaining({ resource: "products", meta: expect.objectContaining({ id: 7 }) }));
    expect(entries(container).map((entry) => entry.dataset.logId)).toEqual(["5", "4", "3", "2", "1"]);
    expect(entries(container).map((entry) => entry.dataset.action)).toEqual(["update", "update", "updateMany", "update", "create"]);
    expect(byLogId(container, "3").hasAttribute("data-bulk")).toBe(true);
    expect(within(byLogId(container, "3")).getByText("updated 3 records")).toBeTruthy();
  });

  it("names authors by name, else email, else 'Unknown', with the avatar as decoration, and hostile names as text", async () => {
    const { container } = renderWithRefine(timeline(), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const author = (id: string) => byLogId(container, id).querySelector<HTMLElement>('[data-part="author"]')!;
    expect(author("1").textContent).toBe("Ada Lovelace");
    expect(author("1").querySelector("img")?.getAttribute("alt")).toBe("");
    expect(author("2").textContent).toBe("grace@example.com");
    expect(author("3").textContent).toBe("Unknown");
    expect(author("3").hasAttribute("data-unknown")).toBe(true);
    expect(author("5").textContent).toBe("Linus <script>alert(1)</script>");
    expect(container.querySelector("script")).toBeNull();
  });

  it("reconstructs before-values Refine did not log, and says 'set to' where none is known", async () => {
    const { container } = renderWithRefine(timeline(), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    expect(summaries(container)).toEqual([
      "Changed Description: …for a desk → desk, with a warm light and a…",
      "Changed Price from 100 to 80",
      "Changed Status from Draft to Published",
      "Changed Price from 50 to 100 and 2 more fields",
      "Created with 7 fields",
    ]);

    // The diff is one click away, computed when opened, and marks inferred before-values.
    const entry = byLogId(container, "2");
    const toggle = within(entry).getByRole("button", { name: "Show changes" });
    const panel = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(panel.hidden).toBe(true);
    expect(panel.childElementCount).toBe(0);
    await userEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(entry.dataset.state).toBe("open");
    expect(panel.hidden).toBe(false);
    const rows = [...panel.querySelectorAll<HTMLElement>('[data-scope="record-diff"] [data-part="field"]')];
    const price = rows.find((row) => row.dataset.path === "price")!;
    expect(price.hasAttribute("data-inferred")).toBe(true);
    expect(price.textContent).toContain("50");
    expect(price.textContent).toContain("inferred");

    const { container: orphan } = renderWithRefine(timeline({ id: 8 }), { auditLogProvider: createInMemoryAuditLogProvider({ initial: orphanUpdates(NOW) }) });
    await waitFor(() => expect(entries(orphan)).toHaveLength(2));
    expect(summaries(orphan)).toEqual([
      "Changed Status from Published to Archived; 1 more field written, its earlier value not recorded",
      "Set Status to Published (earlier value not recorded)",
    ]);
  });

  it("shows a whole resource's history without id, and each bulk entry's own record part with id", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: [...productHistory(NOW), ...bulkHistory(NOW)] });
    const get = vi.spyOn(provider, "get");
    const { container } = renderWithRefine(timeline({ id: undefined }), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container)).toHaveLength(8));
    expect(get.mock.calls[0]![0].meta).not.toHaveProperty("id");
    expect(within(byLogId(container, "31")).getByText("created 3 records")).toBeTruthy();
    expect(within(byLogId(container, "31")).getByText("Created 3 records")).toBeTruthy();
    expect(within(byLogId(container, "33")).getByText("deleted 2 records")).toBeTruthy();
    // From the resource, the bulk price change had three different before-values: none is shown.
    expect(byLogId(container, "32").querySelector('[data-part="summary"]')?.textContent).toBe("Set Price to 99 (earlier value not recorded)");

    const { container: record } = renderWithRefine(timeline({ id: 11 }), { auditLogProvider: createInMemoryAuditLogProvider({ initial: bulkHistory(NOW) }) });
    await waitFor(() => expect(entries(record)).toHaveLength(2));
    // previousData items are matched by id, not by position.
    expect(summaries(record)).toEqual(["Changed Price from 40 to 99", "Created with 3 fields"]);
  });

  it("groups by day in the viewer's time zone, with relative times in <time dateTime> and the absolute time on focus", async () => {
    const { container } = renderWithRefine(timeline(), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const headings = [...container.querySelectorAll('[data-part="day-heading"]')].map((heading) => heading.textContent);
    expect(headings[0]).toBe("Today");
    expect(headings[1]).toBe("Yesterday");
    expect(headings[2]).toMatch(/May 7, 2024/);

    const time = byLogId(container, "5").querySelector<HTMLElement>("time")!;
    expect(time.textContent).toBe("5 minutes ago");
    expect(time.getAttribute("dateTime")).toBe(new Date(NOW.getTime() - 5 * 60_000).toISOString());
    const tooltip = document.getElementById(time.getAttribute("aria-describedby")!)!;
    expect(tooltip.getAttribute("role")).toBe("tooltip");
    expect(tooltip.hidden).toBe(true);
    act(() => time.focus());
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.textContent).toMatch(/May 10, 2024.*11:55:00/);
    expect(tooltip.textContent).toMatch(/(GMT|UTC|[A-Z]{2,5})/);
    await userEvent.keyboard("{Escape}");
    expect(tooltip.hidden).toBe(true);
  });

  it("keeps the time's tooltip open while the pointer moves onto it, and closes it once the pointer has left both", async () => {
    const user = userEvent.setup();
    const { container } = renderWithRefine(timeline(), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const time = byLogId(container, "5").querySelector<HTMLElement>("time")!;
    const tooltip = document.getElementById(time.getAttribute("aria-describedby")!)!;
    await user.hover(time);
    expect(tooltip.hidden).toBe(false);
    await user.unhover(time);
    await user.hover(tooltip);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tooltip.hidden).toBe(false);
    await user.unhover(tooltip);
    await waitFor(() => expect(tooltip.hidden).toBe(true));
  });

  it("can list oldest first", async () => {
    const { container } = renderWithRefine(timeline({ order: "oldest" }), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    expect(entries(container).map((entry) => entry.dataset.logId)).toEqual(["1", "2", "3", "4", "5"]);
  });
});

describe("<AuditTimeline> filters", () => {
  it("gives differently filtered timelines their own cache entries, and filters what the provider returns", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: productHistory(NOW) });
    const { container, queryClient } = renderWithRefine(
      <>
        <div data-testid="named">{timeline({ filters: { namedOnly: true } })}</div>
        <div data-testid="price">{timeline({ filters: { field: "price" } })}</div>
        <div data-testid="all">{timeline()}</div>
      </>,
      { auditLogProvider: provider },
    );
    await waitFor(() => expect(entries(container)).toHaveLength(1 + 3 + 5));
    expect(entries(screen.getByTestId("named")).map((entry) => entry.dataset.logId)).toEqual(["4"]);
    expect(entries(screen.getByTestId("price")).map((entry) => entry.dataset.logId)).toEqual(["4", "2", "1"]);
    const metas = auditListMetas(queryClient, "products");
    expect(metas).toHaveLength(3);
    expect(metas).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 7, filters: { namedOnly: true } }),
        expect.objectContaining({ id: 7, filters: { fields: ["price"] } }),
        expect.not.objectContaining({ filters: expect.anything() }),
      ]),
    );
  });

  it("filters by author and action, and says so when nothing matches", async () => {
    const { container, rerender } = renderWithRefine(timeline({ filters: { author: "ada@example.com", action: "update" } }), {
      auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }),
    });
    await waitFor(() => expect(entries(container).map((entry) => entry.dataset.logId)).toEqual(["4"]));
    rerender(timeline({ filters: { action: "delete" } }));
    await waitFor(() => expect(root(container).dataset.state).toBe("empty"));
    expect(screen.getByText("No entries match these filters")).toBeTruthy();
  });
});

describe("<AuditTimeline> states", () => {
  it("shows skeleton rows while loading", () => {
    const { container } = renderWithRefine(timeline(), { auditLogProvider: { get: () => new Promise(() => {}) } });
    expect(root(container).dataset.state).toBe("loading");
    expect(root(container).getAttribute("aria-busy")).toBe("true");
    expect(container.querySelectorAll('[data-part="skeleton"]').length).toBeGreaterThan(0);
    expect(screen.getByRole("status").textContent).toBe("Loading history…");
  });

  it("says so when nothing was recorded", async () => {
    const { container } = renderWithRefine(timeline(), { auditLogProvider: createInMemoryAuditLogProvider() });
    await waitFor(() => expect(root(container).dataset.state).toBe("empty"));
    expect(screen.getByText("No changes recorded yet")).toBeTruthy();
  });

  it("shows the provider's error with a retry button that asks again", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: productHistory(NOW) });
    provider.setFailure("get", new Error("The audit service is down"));
    const { container } = renderWithRefine(timeline(), { auditLogProvider: provider });
    const alert = await screen.findByRole("alert");
    expect(root(container).dataset.state).toBe("error");
    expect(alert.textContent).toContain("The audit service is down");
    provider.setFailure("get", undefined);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(entries(container)).toHaveLength(5));
  });

  it("tells a developer that no audit log provider is configured instead of spinning", async () => {
    const { container } = renderWithRefine(timeline());
    await act(async () => {});
    expect(root(container).dataset.state).toBe("unconfigured");
    expect(root(container).hasAttribute("aria-busy")).toBe(false);
    expect(container.textContent).toMatch(/No audit log provider is configured/);
    expect(container.textContent).toMatch(/auditLogProvider/);
  });

  it("renders unreadable rows as readable fallbacks and the rest as usual", async () => {
    const { container } = renderWithRefine(timeline(), { auditLogProvider: { get: async () => malformedRows(NOW) } });
    await waitFor(() => expect(root(container).dataset.state).toBe("ready"));
    const malformed = container.querySelectorAll<HTMLElement>('[data-part="entry"][data-malformed]');
    expect(malformed).toHaveLength(2);
    expect(malformed[0]!.textContent).toMatch(/could not be read/);
    // A row that is not even an object has nothing that identifies it: the reason alone.
    expect(malformed[1]!.textContent).toMatch(/could not be read/);
    expect(malformed[1]!.querySelector('[data-part="raw"]')).toBeNull();
    expect(malformed[0]!.querySelector('[data-part="raw"]')?.textContent).toMatch(/"resource": "products"/);
    expect(container.querySelector("img[src=x]")).toBeNull();
    expect(byLogId(container, "41").querySelector('[data-part="summary"]')?.textContent).toBe("Set Price to 60 (earlier value not recorded)");
    // A row without a readable time goes to its own group rather than disappearing.
    const unknownDay = container.querySelector<HTMLElement>('[data-part="day"][data-day="unknown"]')!;
    expect(within(unknownDay).getByText("Unknown date")).toBeTruthy();
    expect(unknownDay.querySelector('[data-log-id="44"]')).not.toBeNull();
  });

  it("reports an answer that is not a list instead of showing nothing", async () => {
    const { container } = renderWithRefine(timeline(), { auditLogProvider: { get: async () => "oops" } });
    await waitFor(() => expect(root(container).dataset.state).toBe("ready"));
    expect(container.querySelector('[data-malformed]')?.textContent).toMatch(/not a list of entries/);

    const { container: paged } = renderWithRefine(timeline(), { auditLogProvider: { get: async () => ({ items: [], total: 0 }) } });
    await waitFor(() => expect(root(paged).dataset.state).toBe("empty"));
  });
});

describe("<AuditTimeline> live refresh", () => {
  function SaveButton() {
    const { mutate } = useUpdate();
    return (
      <button type="button" onClick={() => mutate({ resource: "products", id: 7, values: { price: 120 }, mutationMode: "pessimistic" })}>
        Save
      </button>
    );
  }

  it("shows the new entry after useUpdate once the provider's create has resolved, without a manual refetch", async () => {
    const memory = createInMemoryAuditLogProvider({ initial: productHistory(NOW), now: () => new Date(NOW.getTime() - 60_000) });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const created = vi.fn();
    const provider = {
      ...memory,
      create: async (params: Parameters<typeof memory.create>[0]) => {
        await gate;
        const row = await memory.create(params);
        created();
        return row;
      },
    };
    const get = vi.spyOn(provider, "get");
    const dataProvider = createMemoryDataProvider({ products: [{ id: 7, name: "Desk lamp", price: 80 }] });
    const { container } = renderWithRefine(
      <>
        <SaveButton />
        {timeline()}
      </>,
      { auditLogProvider: provider, dataProvider },
    );
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const readsBefore = get.mock.calls.length;

    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(dataProvider.calls.some((call) => call.method === "update")).toBe(true));
    // The data is saved, the log is not written yet: refetching now would miss it.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(get.mock.calls.length).toBe(readsBefore);
    expect(entries(container)).toHaveLength(5);

    await act(async () => release());
    await waitFor(() => expect(entries(container)).toHaveLength(6));
    expect(created).toHaveBeenCalledTimes(1);
    expect(get.mock.calls.length).toBeGreaterThan(readsBefore);
    expect(get.mock.invocationCallOrder.at(-1)!).toBeGreaterThan(created.mock.invocationCallOrder[0]!);
    expect(summaries(container)[0]).toBe("Changed Price from 80 to 120");
  });
});

describe("<AuditTimeline> scale", () => {
  it("renders a long history in batches, asking a paging provider for more pages", { timeout: 15_000 }, async () => {
    const provider = createInMemoryAuditLogProvider({ initial: manyEntries(120, { recordId: 7, now: NOW }), pageSize: 25 });
    const get = vi.spyOn(provider, "get");
    const { container } = renderWithRefine(timeline({ pageSize: 20, batchSize: 30 }), { auditLogProvider: provider });

    // 30 wanted, 20 per page: the first page is shown, and nothing more is asked until the user does.
    await waitFor(() => expect(entries(container)).toHaveLength(20));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(get.mock.calls.map((call) => [call[0].meta?.cursor, call[0].meta?.pageSize])).toEqual([[undefined, 20]]);

    // By its part, not by role: computing every button's name in a long list is slow in jsdom.
    const showMore = () => container.querySelector<HTMLButtonElement>('[data-scope="audit-timeline"][data-part="show-more"]');
    while (showMore()) {
      await userEvent.click(showMore()!);
      await waitFor(() => expect(showMore()?.textContent ?? "").not.toBe("Loading more…"));
    }
    const ids = entries(container).map((entry) => entry.dataset.logId);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect(ids[0]).toBe("1119");
    expect(ids.at(-1)).toBe("1000");
    // Every request asked for the same page size.
    expect(new Set(get.mock.calls.map((call) => call[0].meta?.pageSize))).toEqual(new Set([20]));
    expect(summaries(container).at(-1)).toBe("Created with 4 fields");
  });

  it("reads 10,000 entries once and renders only the first batch", { timeout: 15_000 }, async () => {
    const provider = createInMemoryAuditLogProvider({ initial: manyEntries(10_000, { records: 500, now: NOW }) });
    const started = performance.now();
    const { container } = renderWithRefine(timeline({ id: undefined }), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container)).toHaveLength(50), { timeout: 10_000 });
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(screen.getByRole("button", { name: "Show more" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Show more" }));
    expect(entries(container)).toHaveLength(100);
  });
});

describe("<AuditTimeline> customisation and keyboard", () => {
  it("accepts components or render functions for author, action, summary, entry and the rename slot", async () => {
    const Author = ({ label }: { label: string }) => <strong>by {label}</strong>;
    const { container } = renderWithRefine(
      timeline({
        renderAuthor: Author,
        renderAction: ({ action }) => <em>{action.toUpperCase()}</em>,
        renderSummary: ({ summary, text }) => `${summary.type}: ${text}`,
        renderRename: ({ log }) => <button type="button">Rename {String(log.id)}</button>,
      }),
      { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) },
    );
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const entry = byLogId(container, "1");
    expect(entry.querySelector('[data-part="author"]')?.textContent).toBe("by Ada Lovelace");
    expect(entry.querySelector('[data-part="action"] em')?.textContent).toBe("CREATE");
    expect(entry.querySelector('[data-part="summary"]')?.textContent).toBe("created: Created with 7 fields");
    expect(within(entry.querySelector<HTMLElement>('[data-part="header"] [data-part="rename"]')!).getByRole("button", { name: "Rename 1" })).toBeTruthy();
    // The rename control shows the name: the header does not repeat it.
    expect(byLogId(container, "4").querySelector('[data-part="name"]')).toBeNull();

    const { container: custom } = renderWithRefine(
      timeline({ renderEntry: ({ item, defaultContent }) => <div data-custom={item.key}>{item.entry.name ?? "unnamed"}{item.key === "4" && defaultContent}</div> }),
      { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) },
    );
    await waitFor(() => expect(entries(custom)).toHaveLength(5));
    // The <li> keeps its contract; the content is the renderer's.
    expect(byLogId(custom, "4").querySelector("[data-custom]")?.textContent).toMatch(/^Spring price list/);
    expect(byLogId(custom, "4").querySelector('[data-part="summary"]')).not.toBeNull();
    expect(byLogId(custom, "3").querySelector('[data-part="summary"]')).toBeNull();
  });

  it("names a version from the entry's Actions: the input opens in the header, the name shows at once and stays after the refetch", async () => {
    const user = userEvent.setup();
    const provider = createInMemoryAuditLogProvider({ initial: productHistory(NOW) });
    const update = vi.spyOn(provider, "update");
    const { container } = renderWithRefine(timeline(), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    for (const entry of entries(container)) expect(entry.querySelector('[data-part="rename"] [data-scope="rename-log-entry"]')).not.toBeNull();
    // The named entry shows its name once, through the control; no entry shows a rename button until its actions open.
    expect(within(byLogId(container, "4")).getAllByText("Spring price list")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: /Name this version|Rename/ })).toBeNull();

    const entry = byLogId(container, "2");
    const actions = within(entry).getByRole("button", { name: "Actions" });
    await user.click(actions);
    await user.click(within(entry).getByRole("button", { name: "Name this version" }));
    // The menu closes; the input is in the header, focused.
    const input = within(entry.querySelector<HTMLElement>('[data-part="header"]')!).getByRole("textbox", { name: "Version name" });
    expect(document.activeElement).toBe(input);
    expect(actions.getAttribute("aria-expanded")).toBe("false");
    // Escape gives up and returns focus to the entry's Actions.
    await user.keyboard("{Escape}");
    expect(within(entry).queryByRole("textbox")).toBeNull();
    expect(document.activeElement).toBe(actions);
    expect(update).not.toHaveBeenCalled();

    await user.click(actions);
    await user.click(within(entry).getByRole("button", { name: "Name this version" }));
    await user.keyboard("Price update before launch{Enter}");
    expect(update).toHaveBeenCalledTimes(1);
    expect(update.mock.calls[0]![0]).toMatchObject({ name: "Price update before launch" });
    expect(String(update.mock.calls[0]![0].id)).toBe("2");
    await waitFor(() => expect(within(byLogId(container, "2")).getByText("Price update before launch")).toBeTruthy());
    await waitFor(() => expect(byLogId(container, "2").hasAttribute("data-named")).toBe(true));
    expect(document.activeElement).toBe(actions);
    // Named, the action reads "Rename".
    await user.click(actions);
    expect(within(entry).getByRole("button", { name: "Rename “Price update before launch”" })).toBeTruthy();
  });

  it.each([
    ["without the actions (renderActions={null})", null],
    ["with actions of your own", () => <button type="button">Share</button>],
  ])("%s the header keeps its own rename button", async (_, renderActions) => {
    const user = userEvent.setup();
    const provider = createInMemoryAuditLogProvider({ initial: productHistory(NOW) });
    const { container } = renderWithRefine(timeline({ renderActions }), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    expect(within(byLogId(container, "2")).queryByRole("button", { name: "Actions" })).toBeNull();
    await user.click(within(byLogId(container, "2")).getByRole("button", { name: "Name this version" }));
    expect(document.activeElement).toBe(within(byLogId(container, "2")).getByRole("textbox", { name: "Version name" }));
  });

  it("renderRename={null} leaves the control out and shows names as text", async () => {
    const { container } = renderWithRefine(timeline({ renderRename: null }), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    expect(container.querySelector('[data-part="rename"]')).toBeNull();
    expect(screen.queryByRole("button", { name: /Name this version|Rename/ })).toBeNull();
    expect(within(byLogId(container, "4")).getByText("Spring price list")).toBeTruthy();
  });

  it("opens an entry from the keyboard and moves between entries with the arrow keys", async () => {
    const { container } = renderWithRefine(timeline(), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const toggles = screen.getAllByRole("button", { name: "Show changes" });
    act(() => toggles[0]!.focus());
    await userEvent.keyboard("{Enter}");
    expect(toggles[0]!.getAttribute("aria-expanded")).toBe("true");
    expect(toggles[0]!.textContent).toBe("Hide changes");
    await userEvent.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(toggles[1]);
    await userEvent.keyboard("{End}");
    expect(document.activeElement).toBe(toggles.at(-1));
    await userEvent.keyboard("{ArrowUp}{Home}");
    expect(document.activeElement).toBe(toggles[0]);
    await userEvent.keyboard(" ");
    expect(toggles[0]!.getAttribute("aria-expanded")).toBe("false");
  });

  it("opens entries from defaultExpanded, and is controlled through expanded / onExpandedChange", async () => {
    const provider = () => createInMemoryAuditLogProvider({ initial: productHistory(NOW) });
    const first = renderWithRefine(timeline({ defaultExpanded: ["2"] }), { auditLogProvider: provider() });
    await waitFor(() => expect(entries(first.container)).toHaveLength(5));
    expect(byLogId(first.container, "2").dataset.state).toBe("open");
    expect(byLogId(first.container, "4").dataset.state).toBe("closed");
    first.unmount();

    const changes: string[][] = [];
    function Controlled() {
      const [expanded, setExpanded] = useState<string[]>(["4"]);
      return timeline({ expanded, onExpandedChange: (keys) => { changes.push(keys); setExpanded(keys); } });
    }
    const { container } = renderWithRefine(<Controlled />, { auditLogProvider: provider() });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    expect(byLogId(container, "4").dataset.state).toBe("open");
    await userEvent.click(within(byLogId(container, "2")).getByRole("button", { name: "Show changes" }));
    expect(changes).toEqual([["4", "2"]]);
    expect(byLogId(container, "2").dataset.state).toBe("open");
    await userEvent.click(within(byLogId(container, "4")).getByRole("button", { name: "Hide changes" }));
    expect(changes.at(-1)).toEqual(["2"]);
    expect(byLogId(container, "4").dataset.state).toBe("closed");
  });

  it("merges the root's className and style, and spreads the user's props last", async () => {
    const { container } = renderWithRefine(timeline({ className: "mine", style: { color: "red" }, "aria-label": "Product history" } as Partial<AuditTimelineProps>), {
      auditLogProvider: createInMemoryAuditLogProvider(),
    });
    await waitFor(() => expect(root(container).dataset.state).toBe("empty"));
    expect(root(container).className).toBe("mine");
    expect(root(container).style.color).toBe("red");
    expect(root(container).getAttribute("aria-label")).toBe("Product history");
  });
});

describe("<AuditTimeline> secrets, formatting and filters", () => {
  const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
  const userRows = () => [
    { id: 1, resource: "users", action: "create", createdAt: at(30), data: { password: "hunter2", token: "tok-1", email: "a@b.c" }, meta: { id: 7 } },
    { id: 2, resource: "users", action: "update", createdAt: at(20), data: { token: "tok-2", password: "s3cret!" }, previousData: {}, meta: { id: 7 } },
    { id: 3, resource: "users", action: "update", createdAt: at(10), data: { token: "tok-3" }, previousData: {}, meta: { id: 7 } },
    // Unreadable (no action), with a secret in its data.
    { id: 4, resource: "users", createdAt: at(5), data: { password: "leaked-in-dump" }, author: { email: "ada@example.com" }, meta: { id: 7 } },
  ];

  it("keeps redacted values and hidden fields out of summaries and unreadable rows, as the diff does", async () => {
    const { container } = renderWithRefine(
      timeline({ resource: "users", diffProps: { fields: { password: { redact: true }, token: { hidden: true } } } }),
      { auditLogProvider: { get: async () => userRows() } },
    );
    await waitFor(() => expect(root(container).dataset.state).toBe("ready"));
    // The token is hidden: not the first change, not counted; the password says only that it changed.
    expect(summaries(container).slice(0, 3)).toEqual(["No visible changes", "Changed Password (hidden)", "Created with 2 fields"]);
    for (const toggle of screen.getAllByRole("button", { name: "Show changes" })) await userEvent.click(toggle);
    const text = container.textContent ?? "";
    expect(text).not.toMatch(/hunter2|s3cret!|tok-\d|leaked-in-dump|ada@example\.com/);
    expect(text).toMatch(/This entry could not be read/);
  });

  it("formats summary values as the diff does: every digit, Yes/No, dates through Intl", async () => {
    const rows = [
      { id: 1, resource: "products", action: "create", createdAt: at(30), data: { rate: 0.0001, active: false, due: "2024-04-01T10:00:00Z" }, meta: { id: 7 } },
      { id: 2, resource: "products", action: "update", createdAt: at(20), data: { rate: 0.0002 }, previousData: {}, meta: { id: 7 } },
      { id: 3, resource: "products", action: "update", createdAt: at(10), data: { active: true }, previousData: {}, meta: { id: 7 } },
      { id: 4, resource: "products", action: "update", createdAt: at(5), data: { due: "2024-04-02T10:00:00Z" }, previousData: {}, meta: { id: 7 } },
    ];
    const { container } = renderWithRefine(timeline({ timeZone: "UTC" }), { auditLogProvider: { get: async () => rows } });
    await waitFor(() => expect(entries(container)).toHaveLength(4));
    expect(summaries(container).slice(0, 3)).toEqual([
      "Changed Due from Apr 1, 2024, 10:00 AM UTC to Apr 2, 2024, 10:00 AM UTC",
      "Changed Active from No to Yes",
      "Changed Rate from 0.0001 to 0.0002",
    ]);
  });

  it("reconstructs before-values the same way whether or not a filter is set, with a provider that applies Refine's action", async () => {
    const rows = [
      { id: 1, resource: "products", action: "create", createdAt: at(30), data: { price: 50 }, meta: { id: 7 } },
      { id: 2, resource: "products", action: "update", createdAt: at(20), data: { price: 100 }, previousData: {}, meta: { id: 7 } },
    ];
    const provider = createInMemoryAuditLogProvider({ initial: rows });
    const { container } = renderWithRefine(timeline({ filters: { action: "update" } }), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container)).toHaveLength(1));
    expect(summaries(container)).toEqual(["Changed Price from 50 to 100"]);
  });
});

describe("<AuditTimeline> paging", () => {
  it("keeps keyboard focus on Show more while the next page loads, then on the first new entry when nothing more is left", { timeout: 15_000 }, async () => {
    const provider = createInMemoryAuditLogProvider({ initial: manyEntries(30, { recordId: 7, now: NOW }), pageSize: 10, latency: 100 });
    const { container } = renderWithRefine(timeline({ pageSize: 10, batchSize: 10, renderRename: null }), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container)).toHaveLength(10), { timeout: 3000 });
    const button = screen.getByRole("button", { name: "Show more" });
    button.focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBe("true"));
    expect(button.isConnected).toBe(true);
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.textContent).toBe("Loading more…");
    await waitFor(() => expect(entries(container)).toHaveLength(20), { timeout: 3000 });
    expect(document.activeElement).toBe(button);

    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(entries(container)).toHaveLength(30), { timeout: 3000 });
    // The last page: the button goes, and focus goes to the first entry it brought.
    await waitFor(() => expect(screen.queryByRole("button", { name: /Show more|Loading more/ })).toBeNull(), { timeout: 3000 });
    expect(document.activeElement).not.toBe(document.body);
    expect(entries(container)[20]!.contains(document.activeElement)).toBe(true);
  });

  it("never asks for more pages by itself when a client-side filter hides a page", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: manyEntries(60, { recordId: 7, now: NOW }), pageSize: 10 });
    const get = vi.spyOn(provider, "get");
    // No entry is named, and the provider ignores meta.filters: every page is hidden client-side.
    const { container } = renderWithRefine(timeline({ pageSize: 10, filters: { namedOnly: true } }), { auditLogProvider: provider });
    await waitFor(() => expect(get).toHaveBeenCalled());
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(get).toHaveBeenCalledTimes(1);
    expect(entries(container)).toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Show more" }));
    await waitFor(() => expect(get).toHaveBeenCalledTimes(2));
  });

  it("says the history is truncated when the request cap is reached and the provider still has more", { timeout: 15_000 }, async () => {
    const provider = createInMemoryAuditLogProvider({ initial: manyEntries(60, { recordId: 7, now: NOW }), pageSize: 5 });
    const { container } = renderWithRefine(timeline({ pageSize: 5, batchSize: 5 }), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    // By its part, not by role: computing every button's name in a long list is slow in jsdom.
    const showMore = () => container.querySelector<HTMLButtonElement>('[data-scope="audit-timeline"][data-part="show-more"]');
    while (showMore()) {
      await userEvent.click(showMore()!);
      await waitFor(() => expect(showMore()?.textContent ?? "").not.toBe("Loading more…"));
    }
    expect(entries(container)).toHaveLength(50);
    const note = container.querySelector('[data-scope="audit-timeline"][data-part="truncated"]');
    expect(note?.textContent).toBe("Showing the first 50 entries: older history exists but is not loaded here.");
  });

  it("keeps an open diff's paging when a rename or a live refresh leaves its changes as they were", async () => {
    const big = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i]));
    const bigger = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i + 1]));
    const rows = [
      { id: 1, resource: "products", action: "create", createdAt: new Date(NOW.getTime() - 120_000).toISOString(), data: big, meta: { id: 7 } },
      { id: 2, resource: "products", action: "update", createdAt: new Date(NOW.getTime() - 60_000).toISOString(), data: bigger, previousData: {}, meta: { id: 7 } },
    ];
    const provider = createInMemoryAuditLogProvider({ initial: rows });
    const { container, queryClient } = renderWithRefine(timeline({ diffProps: { pageSize: 3 }, renderRename: null }), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container)).toHaveLength(2));
    const entry = byLogId(container, "2");
    await userEvent.click(within(entry).getByRole("button", { name: "Show changes" }));
    await userEvent.click(within(entry).getByRole("button", { name: /Show 3 more/ }));
    expect(entry.querySelectorAll('[data-scope="record-diff"] [data-part="field"]')).toHaveLength(6);
    // A rename of another entry writes into the cached answer (as useRenameLog does): a new
    // answer, the same changes for this entry.
    act(() => {
      queryClient.setQueriesData<unknown[]>({ queryKey: ["audit", "products", "list"] }, (old) =>
        old?.map((row) => ((row as { id: number }).id === 1 ? { ...(row as object), name: "First" } : row)),
      );
    });
    await waitFor(() => expect(byLogId(container, "1").dataset.named).toBe(""));
    expect(byLogId(container, "2").querySelectorAll('[data-scope="record-diff"] [data-part="field"]')).toHaveLength(6);
    // A refresh that brings the same rows back.
    await act(() => queryClient.invalidateQueries({ queryKey: ["audit", "products", "list"] }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(byLogId(container, "2").querySelectorAll('[data-scope="record-diff"] [data-part="field"]')).toHaveLength(6);
  });
});

describe("<AuditTimeline> filters through the pipeline", () => {
  it("keeps an entry that only may have changed a filtered field, marked data-match=possible with a note", async () => {
    const { container } = renderWithRefine(timeline({ id: 8, filters: { field: "status" } }), {
      auditLogProvider: createInMemoryAuditLogProvider({ initial: orphanUpdates(NOW) }),
    });
    await waitFor(() => expect(entries(container)).toHaveLength(2));
    // 22 changed status (its earlier value is known from 21); 21 wrote it with no earlier value recorded.
    expect(byLogId(container, "22").dataset.match).toBe("changed");
    expect(byLogId(container, "22").querySelector('[data-part="match-note"]')).toBeNull();
    expect(byLogId(container, "21").dataset.match).toBe("possible");
    const note = byLogId(container, "21").querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="match-note"]');
    expect(note?.textContent).toBe("May have changed: its earlier value was not recorded");
  });

  it("filters the entries read itself, replays before-values from all of them, and says when nothing matches", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: productHistory(NOW) });
    const get = vi.spyOn(provider, "get");
    const { container, rerender } = renderWithRefine(timeline({ filters: { field: "price" }, renderRename: null }), { auditLogProvider: provider });
    await waitFor(() => expect(entries(container).map((entry) => entry.dataset.logId)).toEqual(["4", "2", "1"]));
    // Entry 4's before-value comes from entry 2, which the filter keeps; entry 2's from the create.
    expect(summaries(container).slice(0, 2)).toEqual(["Changed Price from 100 to 80", "Changed Price from 50 to 100 and 2 more fields"]);
    expect(get.mock.calls[0]![0].meta).toMatchObject({ filters: { fields: ["price"] } });

    // Entry 3 (status) is filtered out here; entry 5 (description) keeps its before-value from the create.
    rerender(timeline({ filters: { field: "description" }, renderRename: null }));
    await waitFor(() => expect(entries(container).map((entry) => entry.dataset.logId)).toEqual(["5", "1"]));
    expect(summaries(container)[0]).toMatch(/^Changed Description: …for a desk → desk, with a warm/);

    rerender(timeline({ filters: { search: "no such words anywhere" }, renderRename: null }));
    await waitFor(() => expect(root(container).dataset.state).toBe("empty"));
    expect(container.querySelector('[data-part="empty"]')?.textContent).toBe("No entries match these filters");
  });

  it("never matches or searches a hidden field, nor searches a redacted value", async () => {
    const rows = [
      { id: 1, resource: "users", action: "create", createdAt: new Date(NOW.getTime() - 60_000).toISOString(), data: { password: "hunter2", token: "tok-1", email: "a@b.c" }, meta: { id: 7 } },
    ];
    const fields = { password: { redact: true }, token: { hidden: true } };
    const render = (filters: AuditTimelineProps["filters"]) => timeline({ resource: "users", fields, filters, renderRename: null });
    const { container, rerender } = renderWithRefine(render({ field: "token" }), { auditLogProvider: { get: async () => rows } });
    await waitFor(() => expect(root(container).dataset.state).toBe("empty"));
    rerender(render({ search: "hunter2" }));
    await waitFor(() => expect(root(container).dataset.state).toBe("empty"));
    rerender(render({ field: "password" }));
    await waitFor(() => expect(entries(container)).toHaveLength(1));
  });
});

describe("<AuditTimeline> options", () => {
  it("hands every option to the hook and none to the root <div>; top-level fields redact in the summary and the open diff", async () => {
    const rows = [
      { id: 1, resource: "users", action: "create", createdAt: new Date(NOW.getTime() - 120_000).toISOString(), data: { password: "hunter2", token: "tok-1", email: "a@b.c" }, meta: { id: 7 } },
      { id: 2, resource: "users", action: "update", createdAt: new Date(NOW.getTime() - 60_000).toISOString(), data: { password: "s3cret!", token: "tok-2" }, previousData: {}, meta: { id: 7 } },
    ];
    const onExpandedChange = vi.fn();
    // Every hook option, each with a value.
    const options: Required<Pick<AuditTimelineProps, (typeof auditTimelineOptionKeys)[number]>> = {
      resource: "users",
      id: 7,
      filters: { action: ["create", "update"] },
      pageSize: 20,
      live: false,
      meta: { tenant: "acme" },
      order: "newest",
      batchSize: 10,
      ignore: ["updatedAt"],
      idField: "id",
      fields: { password: { redact: true }, token: { hidden: true } },
      budget: { maxChanges: 100 },
      expanded: ["2"],
      defaultExpanded: [],
      onExpandedChange,
      now: NOW,
      locale: "en-US",
      timeZone: "UTC",
      linkParam: "v",
      linkedEntryId: 99,
    };
    expect(Object.keys(options).sort()).toEqual([...auditTimelineOptionKeys].sort());
    const { container } = renderWithRefine(<AuditTimeline {...options} renderRename={null} className="mine" data-testid="timeline" />, {
      auditLogProvider: { get: async () => rows },
    });
    await waitFor(() => expect(entries(container)).toHaveLength(2));
    expect(root(container).getAttributeNames().sort()).toEqual(["class", "data-part", "data-scope", "data-state", "data-testid"]);

    expect(summaries(container)).toEqual(["Changed Password (hidden)", "Created with 2 fields"]);
    const diff = byLogId(container, "2").querySelector<HTMLElement>('[data-part="diff"] [data-scope="record-diff"]');
    expect(diff).not.toBeNull();
    expect(diff!.querySelector('[data-path="password"]')).not.toBeNull();
    expect(diff!.querySelector('[data-path="token"]')).toBeNull();
    expect(container.textContent).not.toMatch(/hunter2|s3cret!|tok-\d/);
  });

  it("applies the top-level budget to the summary and hands the overflow to the open diff", async () => {
    const before = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, i + 10]));
    const rows = [{ id: 1, resource: "products", action: "update", createdAt: NOW.toISOString(), data: after, previousData: before, meta: { id: 7 } }];
    const { container } = renderWithRefine(timeline({ budget: { maxChanges: 3 }, defaultExpanded: ["1"], renderRename: null }), {
      auditLogProvider: { get: async () => rows },
    });
    await waitFor(() => expect(entries(container)).toHaveLength(1));
    const diff = byLogId(container, "1").querySelector<HTMLElement>('[data-part="diff"] [data-scope="record-diff"]')!;
    expect(diff.textContent).toMatch(/Too large to compare in full: (at least )?\d+ more changes? not shown/);
  });

  it("still reads diffProps.fields (deprecated) when fields is absent, and prefers fields when both are given", async () => {
    const rows = [{ id: 1, resource: "users", action: "update", createdAt: NOW.toISOString(), data: { password: "s3cret!", pin: "1234" }, previousData: { password: "old", pin: "0000" }, meta: { id: 7 } }];
    const { container, rerender } = renderWithRefine(timeline({ resource: "users", renderRename: null, diffProps: { fields: { password: { hidden: true } } } }), {
      auditLogProvider: { get: async () => rows },
    });
    await waitFor(() => expect(summaries(container)).toEqual(["Changed Pin from 0000 to 1234"]));
    rerender(timeline({ resource: "users", renderRename: null, fields: { pin: { hidden: true } }, diffProps: { fields: { password: { hidden: true } } } }));
    await waitFor(() => expect(summaries(container)).toEqual(["Changed Password from old to s3cret!"]));
  });
});

describe("<AuditTimeline> one error boundary per entry", () => {
  const quietly = async (run: () => Promise<void>) => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await run();
    } finally {
      error.mockRestore();
    }
  };

  it.each([
    ["renderSummary", { renderSummary: ({ item, text }: { item: { key: string }; text: string }) => { if (item.key === "3") throw new Error("summary blew up"); return text; } }],
    ["renderAuthor", { renderAuthor: ({ item, label }: { item: { key: string }; label: string }) => { if (item.key === "3") throw new Error("author blew up"); return label; } }],
    ["renderEntry", { renderEntry: ({ item, defaultContent }: { item: { key: string }; defaultContent: unknown }) => { if (item.key === "3") throw new Error("entry blew up"); return defaultContent; } }],
  ])("shows a fallback for the one entry whose %s throws, and renders its neighbours", async (_name, renderers) => {
    await quietly(async () => {
      const { container } = renderWithRefine(timeline({ ...(renderers as Partial<AuditTimelineProps>), renderRename: null }), {
        auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }),
      });
      await waitFor(() => expect(entries(container)).toHaveLength(5));
      const failed = byLogId(container, "3");
      expect(failed.hasAttribute("data-failed")).toBe(true);
      expect(failed.querySelector('[data-scope="audit-timeline"][data-part="fallback"]')?.textContent).toMatch(/^This entry could not be shown: \w+ blew up$/);
      for (const id of ["5", "4", "2", "1"]) {
        expect(byLogId(container, id).hasAttribute("data-failed")).toBe(false);
        expect(byLogId(container, id).querySelector('[data-part="header"]')).not.toBeNull();
      }
    });
  });
});

describe("<AuditTimeline> rendering work", () => {
  it("opening one entry renders that entry only, not its neighbours (rows keep their memoised props)", async () => {
    const rendered: string[] = [];
    const renderSummary = ({ item, text }: { item: { key: string }; text: string }) => {
      rendered.push(item.key);
      return text;
    };
    const { container } = renderWithRefine(timeline({ renderSummary }), { auditLogProvider: createInMemoryAuditLogProvider({ initial: productHistory(NOW) }) });
    await waitFor(() => expect(container.querySelectorAll('[data-scope="audit-timeline"][data-part="entry"]').length).toBeGreaterThan(2));
    // Let every first render settle (queries, effects), then count from zero.
    await new Promise((resolve) => setTimeout(resolve, 50));
    rendered.length = 0;
    const toggle = screen.getAllByRole("button", { name: "Show changes" })[1]!;
    const key = toggle.closest('[data-part="entry"]')!.getAttribute("data-log-id");
    await userEvent.setup().click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-expanded")).toBe("true"));
    expect(new Set(rendered)).toEqual(new Set([key]));
  });
});
