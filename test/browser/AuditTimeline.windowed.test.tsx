import { Refine, type AuditLogProvider } from "@refinedev/core";
import { QueryClient } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import timelineCss from "../../src/styles.css?inline";
import { AuditTimeline, createInMemoryAuditLogProvider } from "../../src/index";
import { manyEntries } from "../../stories/support/logFixtures";

// A long history: 2,000 entries, newest first (ids 2999 down to 1000), 7 minutes apart.
const NOW = new Date("2026-01-15T12:00:00Z");
const ROWS = manyEntries(2000, { records: 200, now: NOW });

function renderInRefine(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } });
  return render(
    <Refine auditLogProvider={createInMemoryAuditLogProvider({ initial: ROWS }) as AuditLogProvider} options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}>
      <style>{timelineCss}</style>
      {ui}
    </Refine>,
  );
}

const ENTRY = '[data-scope="audit-timeline"][data-part="entry"]';
const entries = (container: ParentNode) => [...container.querySelectorAll<HTMLElement>(ENTRY)];
/** Entries in the flow (not kept off screen, nor in a day kept off screen). */
const onScreen = (container: ParentNode) => entries(container).filter((entry) => !entry.closest("[data-offscreen]"));
const ids = (container: ParentNode) => onScreen(container).map((entry) => entry.dataset.logId!);
const frames = (count = 2) => new Promise<void>((resolve) => {
  const tick = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1)));
  tick(count);
});
/** Whether the element is (at least partly) seen through the scroller. */
const isSeen = (element: Element, scroller: Element) => {
  const rect = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return rect.bottom > view.top && rect.top < view.bottom;
};

function renderScrolled(props: Partial<Parameters<typeof AuditTimeline>[0]> = {}) {
  const result = renderInRefine(
    <div data-testid="scroller" style={{ height: 400, overflow: "auto" }}>
      <AuditTimeline resource="products" locale="en-US" timeZone="UTC" now={NOW} windowed {...props} />
    </div>,
  );
  return { ...result, scroller: screen.getByTestId("scroller") };
}

/** Scrolls to the end until `until()` holds (each step lets the sentinel render the next batch). */
async function scrollDown(scroller: HTMLElement, until: () => boolean, seen?: Set<string>, check?: () => void) {
  for (let step = 0; step < 400 && !until(); step++) {
    scroller.scrollTop = scroller.scrollHeight;
    await frames(3);
    for (const id of ids(scroller)) seen?.add(id);
    check?.();
  }
}

afterEach(() => {
  window.scrollTo(0, 0);
});

describe("<AuditTimeline> windowed, in Chromium", () => {
  it("renders only the entries near the viewport however far it scrolls, and the same ones again on the way back", async () => {
    const { container, scroller } = renderScrolled();
    await waitFor(() => expect(ids(container)[0]).toBe("2999"));
    // The first batch is 50 entries; a 400 px scroller shows a handful, and as much again around them.
    expect(onScreen(container).length).toBeGreaterThan(3);
    expect(onScreen(container).length).toBeLessThan(40);
    const firstIds = ids(container);

    const seen = new Set<string>();
    let most = 0;
    await scrollDown(scroller, () => seen.size >= 600, seen, () => {
      most = Math.max(most, container.getElementsByTagName("*").length);
    });
    expect(seen.size).toBeGreaterThanOrEqual(600);
    // Bounded: never more than a few screens of entries, whatever has been scrolled through.
    expect(most).toBeLessThan(1500);
    expect(onScreen(container).length).toBeLessThan(40);
    // What is rendered covers what is seen, anywhere in the list.
    scroller.scrollTop = scroller.scrollHeight / 2;
    await frames(3);
    const [top, bottom] = [onScreen(container)[0]!, onScreen(container).at(-1)!];
    expect(top.getBoundingClientRect().top).toBeLessThan(scroller.getBoundingClientRect().top + 1);
    expect(bottom.getBoundingClientRect().bottom).toBeGreaterThan(scroller.getBoundingClientRect().bottom - 1);
    // The spacer above stands for the entries scrolled past.
    const spacers = container.querySelectorAll<HTMLElement>('[data-scope="audit-timeline"][data-part="spacer"]');
    expect(spacers).toHaveLength(2);
    expect(spacers[0]!.getBoundingClientRect().height).toBeGreaterThan(10_000);

    scroller.scrollTop = 0;
    await waitFor(() => expect(ids(container).slice(0, 5)).toEqual(firstIds.slice(0, 5)));
    expect(isSeen(onScreen(container)[0]!, scroller)).toBe(true);
  });

  it("keeps an open diff's height when it scrolls out and back", async () => {
    const { container, scroller } = renderScrolled();
    await waitFor(() => expect(ids(container)[0]).toBe("2999"));
    const second = () => container.querySelector<HTMLElement>(`${ENTRY}[data-log-id="2998"]`);
    await userEvent.click(second()!.querySelector<HTMLElement>('[data-part="toggle"]')!);
    await waitFor(() => expect(second()!.dataset.state).toBe("open"));
    // Focus elsewhere: an entry that has focus is kept (the next test).
    (document.activeElement as HTMLElement).blur();
    await frames(3);
    const third = () => container.querySelector<HTMLElement>(`${ENTRY}[data-log-id="2997"]`)!;
    const before = third().getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const openHeight = second()!.getBoundingClientRect().height;
    expect(openHeight).toBeGreaterThan(60);

    await scrollDown(scroller, () => second() === null);
    expect(second()).toBeNull();
    scroller.scrollTop = 0;
    await waitFor(() => expect(second()?.dataset.state).toBe("open"));
    await frames(3);
    // It is open again, as tall as before, and the entry after it where it was.
    expect(second()!.getBoundingClientRect().height).toBeCloseTo(openHeight, 0);
    expect(third().getBoundingClientRect().top - scroller.getBoundingClientRect().top).toBeCloseTo(before, 0);
  });

  it("keeps focus on an entry that scrolls out; the arrow keys, Home and End move across the whole list", async () => {
    const { container, scroller } = renderScrolled();
    await waitFor(() => expect(ids(container)[0]).toBe("2999"));
    const toggleOf = (id: string) => container.querySelector<HTMLElement>(`${ENTRY}[data-log-id="${id}"] [data-scope="audit-timeline"][data-part="toggle"]`);
    toggleOf("2999")!.focus();
    const focused = document.activeElement;

    // Scrolled far away (by the wheel, say): the focused entry stays, out of sight.
    await scrollDown(scroller, () => ids(container).some((id) => Number(id) <= 2700));
    expect(document.activeElement).toBe(focused);
    expect(focused!.isConnected).toBe(true);
    expect(focused!.closest("[data-offscreen]")).not.toBeNull();

    // ArrowDown goes to the next entry in the list (not the next one rendered), scrolled into view.
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => expect(document.activeElement).toBe(toggleOf("2998")));
    expect(isSeen(document.activeElement!, scroller)).toBe(true);
    expect(document.activeElement!.closest("[data-offscreen]")).toBeNull();

    // End: the last entry shown so far; Home: the first.
    // (Scrolled to the end, the sentinel then renders the next batch: the entry is the last of a batch of 50.)
    await userEvent.keyboard("{End}");
    await waitFor(() => expect(Number(document.activeElement?.closest(ENTRY)?.getAttribute("data-log-id"))).toBeLessThanOrEqual(2700));
    const end = Number(document.activeElement!.closest(ENTRY)!.getAttribute("data-log-id"));
    expect((2999 - end + 1) % 50).toBe(0);
    expect(isSeen(document.activeElement!, scroller)).toBe(true);
    await userEvent.keyboard("{Home}");
    await waitFor(() => expect(document.activeElement).toBe(toggleOf("2999")));
    expect(isSeen(document.activeElement!, scroller)).toBe(true);
    expect(scroller.scrollTop).toBeLessThan(200);
  });

  it("windows inside the page's own scroll too, and shows a linked entry far down, focused", async () => {
    // (300 entries shown, down to the linked one: past WINDOWED_FROM, so the default windows it.)
    const { container } = renderInRefine(<AuditTimeline resource="products" locale="en-US" timeZone="UTC" now={NOW} linkedEntryId={2700} />);
    await waitFor(() => expect(document.activeElement?.getAttribute("data-log-id")).toBe("2700"));
    const linked = document.activeElement!;
    expect(linked.getAttribute("data-state")).toBe("open");
    const rect = linked.getBoundingClientRect();
    expect(rect.top).toBeLessThan(window.innerHeight);
    expect(rect.bottom).toBeGreaterThan(0);
    // 300 entries are shown so far, a few screens of them rendered.
    expect(onScreen(container).length).toBeLessThan(60);
    window.scrollTo(0, 0);
    await waitFor(() => expect(ids(container)[0]).toBe("2999"));
  });

  it("by default, windows a list only once it is long: a short one stays whole (find-in-page reads it)", async () => {
    const { container, scroller } = renderScrolled({ windowed: undefined });
    await waitFor(() => expect(entries(container)).toHaveLength(50));
    expect(container.querySelector('[data-part="list"]')!.hasAttribute("data-windowed")).toBe(false);
    // Past 100 entries shown: windowed.
    await scrollDown(scroller, () => container.querySelector('[data-part="list"]')!.hasAttribute("data-windowed"));
    await scrollDown(scroller, () => Math.min(...ids(container).map(Number)) < 2999 - 300);
    expect(onScreen(container).length).toBeLessThan(60);
  });

  it("turning windowing on (past 100 entries) keeps the place the user scrolled to, and a link shown once is not shown again", async () => {
    const { container, scroller } = renderScrolled({ windowed: undefined, linkedEntryId: 2990 });
    await waitFor(() => expect(document.activeElement?.getAttribute("data-log-id")).toBe("2990"));
    // The user moves on: focus on another entry's toggle, then scrolls to the end of 100 entries.
    const toggle = container.querySelector<HTMLElement>(`${ENTRY}[data-log-id="2960"] [data-scope="audit-timeline"][data-part="toggle"]`)!;
    toggle.focus();
    await scrollDown(scroller, () => entries(container).length >= 100);
    await frames(3);
    const list = container.querySelector('[data-part="list"]')!;
    expect(list.hasAttribute("data-windowed")).toBe(false);
    const topEntry = () => {
      const view = scroller.getBoundingClientRect();
      return document.elementFromPoint(view.left + 200, view.top + 40)?.closest(ENTRY)?.getAttribute("data-log-id");
    };
    // The next batch comes as the end is reached: the list is windowed from then on.
    scroller.scrollTop = scroller.scrollHeight;
    const seen = topEntry();
    await waitFor(() => expect(list.hasAttribute("data-windowed")).toBe(true));
    await frames(3);
    expect(Math.abs(Number(topEntry()) - Number(seen))).toBeLessThanOrEqual(1);
    // Focus stayed where the user put it.
    expect(document.activeElement).toBe(toggle);
  });

  it("renders every entry shown with windowed={false}", async () => {
    const { container } = renderScrolled({ windowed: false });
    await waitFor(() => expect(entries(container)).toHaveLength(50));
    expect(container.querySelector('[data-part="list"]')!.hasAttribute("data-windowed")).toBe(false);
  });
});
