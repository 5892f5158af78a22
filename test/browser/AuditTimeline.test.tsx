import { Refine, type AuditLogProvider } from "@refinedev/core";
import { QueryClient } from "@tanstack/react-query";
import { act, render, screen, waitFor } from "@testing-library/react";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import timelineCss from "../../src/styles.css?inline";
import { AuditTimeline, createInMemoryAuditLogProvider } from "../../src/index";
import { manyEntries, orphanUpdates, productHistory } from "../../stories/support/logFixtures";

function renderInRefine(ui: ReactElement, auditLogProvider: Partial<AuditLogProvider>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } });
  return render(
    <Refine auditLogProvider={auditLogProvider as AuditLogProvider} options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}>
      <style>{timelineCss}</style>
      {ui}
    </Refine>,
  );
}

const entries = (container: HTMLElement) => container.querySelectorAll('[data-scope="audit-timeline"][data-part="entry"]');

describe("<AuditTimeline> in Chromium", () => {
  it("reaches every control with Tab, shows the absolute time on keyboard focus, and opens a diff with Enter", async () => {
    const { container } = renderInRefine(<AuditTimeline resource="products" id={7} locale="en-US" />, createInMemoryAuditLogProvider({ initial: productHistory() }));
    await waitFor(() => expect(entries(container)).toHaveLength(5));

    const focusable = [...container.querySelectorAll<HTMLElement>("button, [tabindex='0']")];
    const reached: Element[] = [];
    document.body.focus();
    for (let i = 0; i < focusable.length; i++) {
      await userEvent.keyboard("{Tab}");
      reached.push(document.activeElement!);
    }
    expect(reached).toEqual(focusable);

    const time = container.querySelector<HTMLElement>("time[tabindex='0']")!;
    const tooltip = document.getElementById(time.getAttribute("aria-describedby")!)!;
    expect(tooltip.checkVisibility()).toBe(false);
    time.focus();
    await waitFor(() => expect(tooltip.checkVisibility()).toBe(true));
    expect(tooltip.getBoundingClientRect().height).toBeGreaterThan(0);
    expect(tooltip.textContent).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(tooltip.checkVisibility()).toBe(false));

    const toggles = [...container.querySelectorAll<HTMLElement>('[data-scope="audit-timeline"][data-part="toggle"]')];
    const toggle = toggles[1]!;
    toggle.focus();
    await userEvent.keyboard("{Enter}");
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const panel = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(panel.checkVisibility()).toBe(true);
    expect(panel.querySelector('[data-scope="record-diff"]')).not.toBeNull();
    await userEvent.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(toggles[2]);
  });

  it("shows the tooltip on hover", async () => {
    const { container } = renderInRefine(<AuditTimeline resource="products" id={7} locale="en-US" />, createInMemoryAuditLogProvider({ initial: productHistory() }));
    await waitFor(() => expect(entries(container)).toHaveLength(5));
    const time = container.querySelector<HTMLElement>("time[tabindex='0']")!;
    await userEvent.hover(time);
    const tooltip = document.getElementById(time.getAttribute("aria-describedby")!)!;
    await waitFor(() => expect(tooltip.checkVisibility()).toBe(true));
    await userEvent.unhover(time);
    await waitFor(() => expect(tooltip.checkVisibility()).toBe(false));
  });

  it("renders more as the end scrolls into view, and stays responsive with 10,000 entries", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: manyEntries(10_000, { records: 500 }) });
    const started = performance.now();
    const { container } = renderInRefine(
      <div data-testid="scroller" style={{ height: 400, overflow: "auto" }}>
        {/* Every batch rendered (the windowed list is tested in AuditTimeline.windowed.test.tsx). */}
        <AuditTimeline resource="products" locale="en-US" windowed={false} />
      </div>,
      provider,
    );
    await waitFor(() => expect(entries(container)).toHaveLength(50));
    // Reading, normalising and replaying 10,000 entries, then rendering 50 of them.
    expect(performance.now() - started).toBeLessThan(3000);

    const scroller = screen.getByTestId("scroller");
    // Not in view yet: nothing more is rendered by itself.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(entries(container)).toHaveLength(50);

    // (Speed is the benchmark's to measure: a machine busy with the other test projects gets time.)
    // Scrolled to the end as a user does, again while the end moves (a batch renders after
    // the scroll that asked for it).
    const scrollUntil = (count: number) =>
      waitFor(
        () => {
          scroller.scrollTop = scroller.scrollHeight;
          expect(entries(container).length).toBeGreaterThanOrEqual(count);
        },
        { timeout: 5000 },
      );
    await scrollUntil(100);
    await scrollUntil(150);

    // Opening one entry opens its diff. That it renders that entry only (not 150) is counted
    // in test/audit-timeline ("renders that entry only"); its time is measured by `npm run bench`.
    const toggle = screen.getAllByRole("button", { name: "Show changes" })[0]!;
    act(() => toggle.click());
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(container.querySelectorAll('[data-state="open"] [data-scope="record-diff"][data-part="root"]')).toHaveLength(1);
  });

  it("shows the note of a possible field match, and a readable fallback for an entry whose renderer throws", async () => {
    const { container } = renderInRefine(
      <>
        <AuditTimeline resource="products" id={8} locale="en-US" filters={{ field: "status" }} />
        <AuditTimeline
          resource="products"
          id={7}
          locale="en-US"
          renderSummary={({ item, text }) => {
            if (item.key === "3") throw new Error("the app's renderer failed");
            return text;
          }}
        />
      </>,
      createInMemoryAuditLogProvider({ initial: [...productHistory(), ...orphanUpdates()] }),
    );
    await waitFor(() => expect(entries(container)).toHaveLength(2 + 5));
    const possible = container.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="entry"][data-match="possible"]')!;
    expect(possible.dataset.logId).toBe("21");
    expect(screen.getByText("May have changed: its earlier value was not recorded").checkVisibility()).toBe(true);
    const failed = container.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="entry"][data-failed]')!;
    expect(failed.dataset.logId).toBe("3");
    expect(screen.getByText("This entry could not be shown: the app's renderer failed").checkVisibility()).toBe(true);
    expect(container.querySelectorAll('[data-scope="audit-timeline"][data-part="entry"]:not([data-failed]) [data-part="summary"]')).toHaveLength(6);
  });
});
