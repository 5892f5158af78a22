import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { AuditTimeline, createInMemoryAuditLogProvider, useAuditTimeline, type AuditTimelineProps } from "../../src/index";
import type { InMemoryLogRow } from "../../src/refine/createInMemoryAuditLogProvider";
import { createServerSideAuditLogProvider } from "../../stories/support/serverSideProvider";
import { renderWithRefine } from "./renderWithRefine";

vi.setConfig({ testTimeout: 30_000 });

const NOW = Date.UTC(2024, 10, 30, 12);
const DAY = 86_400_000;
/** `count` entries of `products`, one a day back from 30 Nov 2024 12:00 UTC (id `count` is the newest), two days missing. */
function dailyRows(count: number): InMemoryLogRow[] {
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    return {
      id,
      resource: "products",
      action: "update",
      createdAt: new Date(NOW - (count - id) * DAY).toISOString(),
      author: { id: 1, name: "Ada" },
      data: { price: id },
      previousData: { price: id - 1 },
      meta: { id: 7 },
    } as InMemoryLogRow;
  }).filter((row) => row.id !== count - 10 && row.id !== count - 11); // 19 and 20 Nov: nothing
}

const root = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="root"]')!;
const query = (container: HTMLElement, part: string) => container.querySelector<HTMLElement>(`[data-scope="audit-timeline"][data-part="${part}"]`);

async function renderTimeline(props: Partial<AuditTimelineProps>, auditLogProvider: unknown) {
  const view = renderWithRefine(<AuditTimeline resource="products" locale="en-US" timeZone="UTC" now={new Date(NOW)} renderRename={null} renderActions={null} {...props} />, {
    auditLogProvider: auditLogProvider as never,
  });
  await waitFor(() => expect(root(view.container).dataset.state).toBe("ready"));
  return view;
}

async function jumpTo(day: string) {
  const input = screen.getByLabelText("Jump to date");
  await userEvent.clear(input);
  await userEvent.type(input, day);
  await userEvent.click(screen.getByRole("button", { name: "Go" }));
}

describe("<AuditTimeline> Jump to date", () => {
  it("focuses the newest entry on or before the day, rendered even past the batches shown", async () => {
    const { container } = await renderTimeline({ batchSize: 10 }, createInMemoryAuditLogProvider({ initial: dailyRows(200) }));
    expect(container.querySelectorAll('[data-part="entry"]')).toHaveLength(10);
    // 20 Nov has no entry: the newest before it is 18 Nov's (id 188), 12 entries down (past the batch of 10).
    await jumpTo("2024-11-20");
    await waitFor(() => expect(document.activeElement?.getAttribute("data-log-id")).toBe("188"));
    expect(document.activeElement!.closest('[data-part="day"]')!.getAttribute("data-day")).toBe("2024-11-18");
    // Read from the entries already held: no note, nothing more asked.
    expect(query(container, "jump-note")).toBeNull();
    expect(query(container, "jump-status")).toBeNull();
  });

  it("says so when no entry is on or before the day, and the list stays", async () => {
    const { container } = await renderTimeline({ batchSize: 10 }, createInMemoryAuditLogProvider({ initial: dailyRows(30) }));
    await jumpTo("2020-01-01");
    await waitFor(() => expect(query(container, "jump-status")?.textContent).toBe("No entries on or before January 1, 2020."));
    expect(container.querySelectorAll('[data-part="entry"]').length).toBeGreaterThan(0);
  });

  it("oldest first: the oldest entry on or after the day", async () => {
    await renderTimeline({ order: "oldest", batchSize: 10 }, createInMemoryAuditLogProvider({ initial: dailyRows(30) }));
    await jumpTo("2024-11-19");
    // 19 and 20 Nov are empty: 21 Nov's entry (id 21).
    await waitFor(() => expect(document.activeElement?.getAttribute("data-log-id")).toBe("21"));
  });

  it("past the entries read, asks a server-side provider from that day, says so, and goes back to the newest", async () => {
    const provider = createServerSideAuditLogProvider({ rows: dailyRows(400) });
    const { container } = await renderTimeline({ pageSize: 20, batchSize: 20 }, provider);
    await jumpTo("2024-01-10");
    // The newest entry of 10 Jan 2024 (id 400 - 325 = 75), read from that day on.
    await waitFor(() => expect(document.activeElement?.getAttribute("data-log-id")).toBe("75"));
    const last = provider.queries.at(-1)!;
    expect(last.filters?.to).toBe("2024-01-10T23:59:59.999Z");
    // The list holds part of the history, and says so.
    const note = query(container, "jump-note")!;
    expect(note.textContent).toContain("Showing entries from January 10, 2024 and older.");
    expect(container.querySelector('[data-part="entry"]')!.getAttribute("data-log-id")).toBe("75");
    await userEvent.click(within(note).getByRole("button", { name: "Show the newest" }));
    await waitFor(() => expect(container.querySelector('[data-part="entry"]')!.getAttribute("data-log-id")).toBe("400"));
    expect(provider.queries.at(-1)!.filters?.to).toBeUndefined();
    expect(query(container, "jump-note")).toBeNull();
  });

  it("before the log's first day: says there is nothing, and offers the way back", async () => {
    const provider = createServerSideAuditLogProvider({ rows: dailyRows(400) });
    const { container } = await renderTimeline({ pageSize: 20 }, provider);
    await jumpTo("2023-01-01");
    await waitFor(() => expect(query(container, "jump-status")?.textContent).toBe("No entries on or before January 1, 2023."));
    expect(container.querySelectorAll('[data-part="entry"]')).toHaveLength(0);
    // The form stays (another day can be tried), and so does the way back.
    expect(screen.getByLabelText("Jump to date")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Show the newest" }));
    await waitFor(() => expect(container.querySelector('[data-part="entry"]')?.getAttribute("data-log-id")).toBe("400"));
  });

  it("keeps a tighter date filter of the app's own", async () => {
    const provider = createServerSideAuditLogProvider({ rows: dailyRows(400) });
    await renderTimeline({ pageSize: 20, filters: { to: "2023-12-31" } }, provider);
    // Within the filter, past what is read: read from that day.
    // (The log starts on 28 Oct 2023.)
    await jumpTo("2023-11-15");
    await waitFor(() => expect(provider.queries.at(-1)!.filters?.to).toBe("2023-11-15T23:59:59.999Z"));
    await waitFor(() => expect(document.activeElement?.closest('[data-part="day"]')?.getAttribute("data-day")).toBe("2023-11-15"));
    // Back up past the app's bound: the bound stays.
    await jumpTo("2024-06-01");
    await waitFor(() => expect(provider.queries.at(-1)!.filters?.to).toBe("2023-12-31T23:59:59.999Z"));
    await waitFor(() => expect(document.activeElement?.closest('[data-part="day"]')?.getAttribute("data-day")).toBe("2023-12-31"));
  });

  it("is offered only when the history is longer than what is shown, unless asked for", async () => {
    // 30 days of history, all shown: no form.
    const shortLog = dailyRows(30);
    const { unmount } = await renderTimeline({}, createInMemoryAuditLogProvider({ initial: shortLog }));
    expect(screen.queryByLabelText("Jump to date")).toBeNull();
    unmount();
    await renderTimeline({ showJumpToDate: true }, createInMemoryAuditLogProvider({ initial: shortLog }));
    expect(screen.getByLabelText("Jump to date")).toBeTruthy();
  });

  it("never widens the app's own bound, given as an instant inside the day", async () => {
    const provider = createServerSideAuditLogProvider({ rows: dailyRows(400) });
    // The app shows nothing after 10 Jan 2024 06:00 UTC; the entry of that day is at 12:00.
    await renderTimeline({ pageSize: 20, filters: { to: "2024-01-10T06:00:00Z" } }, provider);
    await jumpTo("2023-12-01");
    await waitFor(() => expect(document.activeElement?.closest('[data-part="day"]')?.getAttribute("data-day")).toBe("2023-12-01"));
    await jumpTo("2024-01-10");
    await waitFor(() => expect(document.activeElement?.closest('[data-part="day"]')?.getAttribute("data-day")).toBe("2024-01-09"));
    expect(provider.queries.every((query) => query.filters?.to !== undefined && Date.parse(query.filters.to) <= Date.parse("2024-01-10T06:00:00Z"))).toBe(true);
    expect(document.querySelector('[data-part="entry"][data-log-id="75"]')).toBeNull();
  });

  it("refuses what is not a calendar day, and sends nothing for it", async () => {
    const provider = createServerSideAuditLogProvider({ rows: dailyRows(400) });
    function Jumper({ day }: { day: string }) {
      const timeline = useAuditTimeline({ resource: "products", locale: "en-US", timeZone: "UTC", pageSize: 20, filters: { from: new Date("2024-06-01") }, order: "oldest" });
      const [asked, setAsked] = useState(false);
      return (
        <>
          <button type="button" onClick={() => (timeline.actions.jumpToDate(day), setAsked(true))}>
            jump
          </button>
          <output>{asked ? timeline.jump.state : ""}</output>
        </>
      );
    }
    for (const day of ["0000-00-00", "2024-13-45", "0099-01-01", "275760-01-01", "2024-02-30"]) {
      const sent = provider.queries.length;
      const { unmount } = renderWithRefine(<Jumper day={day} />, { auditLogProvider: provider as never });
      await waitFor(() => expect(provider.queries.length).toBeGreaterThan(sent));
      await userEvent.click(screen.getByRole("button", { name: "jump" }));
      await waitFor(() => expect(screen.getByRole("status").textContent).toBe("invalid"));
      expect(provider.queries.every((query) => query.filters?.from === "2024-06-01T00:00:00.000Z")).toBe(true);
      unmount();
    }
  });

  it("a failed read from the day keeps the way back", async () => {
    const provider = createServerSideAuditLogProvider({ rows: dailyRows(400) });
    provider.setFailure(new Error("The audit service is offline"), (query) => query.filters?.to !== undefined);
    const { container } = await renderTimeline({ pageSize: 20 }, provider);
    await jumpTo("2024-01-10");
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("The audit service is offline"));
    await userEvent.click(screen.getByRole("button", { name: "Show the newest" }));
    await waitFor(() => expect(container.querySelector('[data-part="entry"]')?.getAttribute("data-log-id")).toBe("400"));
  });

  it("says only what it read when a legacy log is read on without finding the day", async () => {
    // 1,000 days, pages of 10: the search reads 10 pages more at most, then says what it knows.
    const provider = createInMemoryAuditLogProvider({ initial: dailyRows(1000), pageSize: 10 });
    const { container } = await renderTimeline({ batchSize: 10 }, provider);
    await jumpTo("2022-06-01");
    await waitFor(() => expect(query(container, "jump-status")?.textContent).toBe("No entry on or before June 1, 2022 among the entries read so far."));
  });

  it("takes an empty or untrimmed bound of the app's as the filters do, and an unknown time zone as the viewer's", async () => {
    const provider = createServerSideAuditLogProvider({ rows: dailyRows(400) });
    // `to: ""` (a cleared date input) is no bound: the jump's day bounds the query.
    const { unmount } = await renderTimeline({ pageSize: 20, filters: { to: "" } }, provider);
    await jumpTo("2024-01-10");
    await waitFor(() => expect(provider.queries.at(-1)!.filters?.to).toBe("2024-01-10T23:59:59.999Z"));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-log-id")).toBe("75"));
    unmount();
    const before = provider.queries.length;
    // " 2023-12-31 " is the day it names, whatever the runtime's zone: it stays the tighter bound.
    await renderTimeline({ pageSize: 20, timeZone: "Mars/Olympus_Mons", filters: { to: " 2023-12-31 " } }, provider);
    await jumpTo("2024-06-01");
    await waitFor(() => expect(document.activeElement?.closest('[data-part="day"]')?.getAttribute("data-day")).toBe("2023-12-31"));
    expect(provider.queries.slice(before).every((query) => query.filters?.to !== undefined && Date.parse(query.filters.to) < Date.parse("2024-01-01T12:00:00Z"))).toBe(true);
  });
});
