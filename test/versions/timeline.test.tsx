import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuditTimeline } from "../../src/audit-timeline/AuditTimeline";
import { createInMemoryAuditLogProvider } from "../../src/refine/createInMemoryAuditLogProvider";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";
import { setup } from "./support";

const NOW = new Date(Date.UTC(2024, 10, 3, 11, 0));
const entryEl = (container: HTMLElement, id: string) => container.querySelector<HTMLElement>(`[data-scope="audit-timeline"][data-part="entry"][data-log-id="${id}"]`)!;
const openActions = async (user: ReturnType<typeof userEvent.setup>, entry: HTMLElement) => {
  await user.click(within(entry).getByRole("button", { name: "Actions" }));
};

afterEach(() => {
  window.history.replaceState(null, "", "/");
});

describe("versions in <AuditTimeline>", () => {
  it("compares an entry's version with the current record from its actions", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} timeZone="UTC" locale="en-GB" />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    await waitFor(() => expect(entryEl(container, "1")).not.toBeNull());
    await openActions(user, entryEl(container, "1"));
    await user.click(within(entryEl(container, "1")).getByRole("button", { name: "Compare with another version" }));
    const compare = await waitFor(() => {
      const found = entryEl(container, "1").querySelector<HTMLElement>('[data-scope="compare-versions"][data-part="heading"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(compare.textContent).toBe("Version of 3 Nov 2024, 10:00 UTC by Ada → Current");
  });

  it("restores a version, and the restore shows up in the timeline as such", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} timeZone="UTC" locale="en-GB" />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
      resources: [{ name: "products" }],
    });
    await waitFor(() => expect(entryEl(container, "2")).not.toBeNull());
    await openActions(user, entryEl(container, "2"));
    await user.click(within(entryEl(container, "2")).getByRole("button", { name: "Restore this version" }));
    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(dialog.getAttribute("data-state")).toBe("confirming"));
    await user.click(within(dialog).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(entryEl(container, "4")).not.toBeNull());
    expect(data.calls.update[0]!.variables).toEqual({ name: "Lamp" });
    const restored = entryEl(container, "4").querySelector('[data-scope="audit-timeline"][data-part="restored"]');
    expect(restored?.textContent).toBe("Restored “Launch price” (3 Nov 2024, 10:05 UTC)");
  });

  it("reverts one field from a row of an open diff, with the inferred earlier value", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} defaultExpanded={["2"]} />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    const revert = await screen.findByRole("button", { name: "Revert Price" });
    await user.click(revert);
    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(dialog.getAttribute("data-state")).toBe("confirming"));
    expect(within(dialog).getByRole("heading").textContent).toBe("Revert Price?");
    await user.click(within(dialog).getByRole("button", { name: "Revert" }));
    await waitFor(() => expect(data.calls.update).toHaveLength(1));
    expect(data.calls.update[0]!.variables).toEqual({ price: 45 });
    await waitFor(() => expect(entryEl(container, "4")?.querySelector('[data-part="restored"]')?.textContent).toMatch(/^Reverted a change of /));
  });

  it("opens a field's own history from a row of an open diff", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} defaultExpanded={["2"]} timeZone="UTC" />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    await user.click(await screen.findByRole("button", { name: "History of Price" }));
    const history = await waitFor(() => {
      const found = entryEl(container, "2").querySelector<HTMLElement>('[data-scope="field-history"][data-part="root"]');
      expect(found?.getAttribute("data-state")).toBe("ready");
      return found!;
    });
    const values = [...history.querySelectorAll('[data-scope="field-history"][data-part="point"] [data-part="value"]')].map((el) => el.textContent);
    expect(values).toEqual(["39", "45"]);
    expect(history.querySelector('[data-part="chart"]')?.getAttribute("aria-label")).toMatch(/45.*39/);
  });

  it("offers no restore or revert when the data provider cannot update", async () => {
    const { audit, data } = setup();
    const { update: _update, ...readOnly } = data.provider;
    const user = userEvent.setup();
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} defaultExpanded={["2"]} />, {
      auditLogProvider: audit,
      dataProvider: readOnly as typeof data.provider,
    });
    await waitFor(() => expect(entryEl(container, "2").querySelector('[data-scope="record-diff"]')).not.toBeNull());
    expect(screen.queryByRole("button", { name: /^Revert/ })).toBeNull();
    await openActions(user, entryEl(container, "2"));
    expect(within(entryEl(container, "2")).queryByRole("button", { name: "Restore this version" })).toBeNull();
    expect(within(entryEl(container, "2")).getByRole("button", { name: "Compare with another version" })).toBeTruthy();
  });
});

describe("a link to one entry", () => {
  it("opens the linked entry's diff and focuses it, even when the filters leave it out", async () => {
    const { audit, data } = setup();
    window.history.replaceState(null, "", "/products/show/7?auditEntry=1");
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} filters={{ action: "update" }} />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    await waitFor(() => expect(entryEl(container, "1")?.getAttribute("data-state")).toBe("open"));
    const linked = entryEl(container, "1");
    expect(linked.hasAttribute("data-linked")).toBe(true);
    expect(linked.hasAttribute("data-outside-filters")).toBe(true);
    expect(linked.querySelector('[data-part="link-note"]')?.textContent).toMatch(/does not match the current filters/);
    await waitFor(() => expect(document.activeElement).toBe(linked));
  });

  it("reads further pages until the linked entry is found", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: i + 1,
      resource: "products",
      action: i === 0 ? "create" : "update",
      createdAt: new Date(Date.UTC(2024, 10, 1, 10, i)).toISOString(),
      data: i === 0 ? { price: 0 } : { price: i },
      previousData: {},
      meta: { id: 7 },
    }));
    const audit = createInMemoryAuditLogProvider({ initial: rows, pageSize: 10 });
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} pageSize={10} linkedEntryId={3} />, { auditLogProvider: audit });
    await waitFor(() => expect(entryEl(container, "3")?.getAttribute("data-state")).toBe("open"));
    expect(entryEl(container, "3").textContent).toMatch(/price/i);
  });

  it("says so when the linked entry is not in the history", async () => {
    const { audit, data } = setup();
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} linkedEntryId={99} />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    await waitFor(() => expect(container.querySelector('[data-part="link-status"]')?.textContent).toBe("The linked entry (#99) is not in this history."));
  });

  it("copies the entry's link with the app's parameter, keeping the page's other parameters", async () => {
    const { audit, data } = setup();
    window.history.replaceState(null, "", "/products/show/7?tab=history");
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const user = userEvent.setup();
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} linkParam="version" />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    await waitFor(() => expect(entryEl(container, "2")).not.toBeNull());
    await openActions(user, entryEl(container, "2"));
    // userEvent installs its own clipboard stub on setup; put ours back.
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(within(entryEl(container, "2")).getByRole("button", { name: "Copy link" }));
    await waitFor(() => expect(entryEl(container, "2").querySelector('[data-part="copy-status"]')?.textContent).toBe("Link copied"));
    expect(writeText).toHaveBeenCalledWith("http://localhost:3000/products/show/7?tab=history&version=2");
  });

  it("shows the link to copy by hand when the clipboard refuses", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} now={NOW} />, { auditLogProvider: audit, dataProvider: data.provider });
    await waitFor(() => expect(entryEl(container, "2")).not.toBeNull());
    await openActions(user, entryEl(container, "2"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async () => Promise.reject(new Error("denied")) }, configurable: true });
    await user.click(within(entryEl(container, "2")).getByRole("button", { name: "Copy link" }));
    const input = await within(entryEl(container, "2")).findByRole("textbox", { name: "Link to this entry" });
    expect((input as HTMLInputElement).value).toMatch(/\?auditEntry=2$/);
  });
});

describe("a field's history from any diff", () => {
  it("opens from a row of the table's diff and of a comparison", async () => {
    const { AuditLogTable } = await import("../../src/audit-log-table/AuditLogTable");
    const { CompareVersions } = await import("../../src/versions/CompareVersions");
    const { audit, data } = setup();
    const user = userEvent.setup();
    const { container } = renderWithRefine(
      <>
        <AuditLogTable resource="products" timeZone="UTC" />
        <CompareVersions resource="products" id={7} defaultFrom={1} timeZone="UTC" />
      </>,
      { auditLogProvider: audit, dataProvider: data.provider },
    );
    const table = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('[data-scope="audit-log-table"][data-part="root"]');
      expect(within(found!).getAllByRole("button", { name: "Show changes" }).length).toBeGreaterThan(1);
      return found!;
    });
    const toggles = within(table).getAllByRole("button", { name: "Show changes" });
    await user.click(toggles[toggles.length - 2]!);
    await user.click(await within(table).findByRole("button", { name: "History of Price" }));
    await waitFor(() => expect(table.querySelector('[data-scope="field-history"][data-part="root"]')?.getAttribute("data-state")).toBe("ready"));

    const compare = container.querySelector<HTMLElement>('[data-scope="compare-versions"][data-part="root"]')!;
    await user.click(await within(compare).findByRole("button", { name: "History of Name" }));
    await waitFor(() => {
      const values = [...compare.querySelectorAll('[data-scope="field-history"][data-part="point"] [data-part="value"]')].map((el) => el.textContent);
      expect(values).toEqual(["Arc lamp", "Lamp"]);
    });
  });
});
