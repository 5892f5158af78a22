import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { describe, expect, it } from "vitest";
import { CompareVersions } from "../../src/versions/CompareVersions";
import { RestoreVersion, RevertChange } from "../../src/versions/WriteBack";
import { normalizeLog, type AuditLogEntry } from "../../src/core/normalizeLog";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";
import { productHistory, setup } from "./support";

const entry = (index: number): AuditLogEntry => {
  const result = normalizeLog(productHistory()[index]);
  if (!result.ok) throw new Error("fixture");
  return result.entry;
};

const panel = () => screen.getByRole("dialog");

describe("<CompareVersions> inside <Refine>", () => {
  it("compares a version with the current record, older first, named in words", async () => {
    const { audit, data } = setup();
    const { container } = renderWithRefine(<CompareVersions resource="products" id={7} defaultFrom={1} timeZone="UTC" locale="en-GB" />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    const heading = await waitFor(() => {
      const found = container.querySelector('[data-scope="compare-versions"][data-part="heading"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(heading.textContent).toMatch(/^Version of 3 Nov 2024, 10:00 UTC by Ada → Current$/);
    const diff = container.querySelector('[data-scope="compare-versions"][data-part="diff"]')!;
    expect(within(diff as HTMLElement).getByText("Lamp")).toBeTruthy();
    expect(within(diff as HTMLElement).getByText("Arc lamp")).toBeTruthy();
    expect(within(diff as HTMLElement).getByText("45")).toBeTruthy();
  });

  it("puts the older side first whichever way round it was picked, and lists named versions first", async () => {
    const { audit, data } = setup();
    const { container } = renderWithRefine(<CompareVersions resource="products" id={7} defaultFrom="current" defaultTo={2} timeZone="UTC" locale="en-GB" />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    await waitFor(() => expect(container.querySelector('[data-part="heading"]')?.textContent).toContain("“Launch price”"));
    expect(container.querySelector('[data-part="heading"]')!.textContent).toMatch(/^“Launch price” .* → Current$/);
    expect(container.querySelector('[data-scope="compare-versions"][data-part="root"]')!.hasAttribute("data-swapped")).toBe(true);
    const select = screen.getByLabelText("Compare") as HTMLSelectElement;
    const labels = [...select.querySelectorAll("option")].map((option) => option.textContent);
    expect(labels[0]).toBe("Current");
    expect(labels[1]).toMatch(/^“Launch price”/);
    expect(select.querySelector("optgroup")?.getAttribute("label")).toBe("Named versions");
  });

  it("changes sides from the keyboard", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    const { container } = renderWithRefine(<CompareVersions resource="products" id={7} defaultFrom={1} timeZone="UTC" locale="en-GB" />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    const select = (await screen.findByLabelText("with")) as HTMLSelectElement;
    await user.selectOptions(select, "3");
    await waitFor(() => expect(container.querySelector('[data-part="heading"]')?.textContent).toMatch(/by Ada → Version of .* by Cleo$/));
  });
});

describe("<RestoreVersion> inside <Refine>", () => {
  it("shows exactly what will be written, writes it through useUpdate with meta.restoredFrom, and logs it", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    renderWithRefine(<RestoreVersion resource="products" id={7} entry={entry(0)} timeZone="UTC" locale="en-GB" />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
      resources: [{ name: "products" }],
    });
    await user.click(screen.getByRole("button", { name: "Restore this version" }));
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("confirming"));
    // Current value → value to write, and nothing else: stock is the same, the id is never written.
    const diff = panel().querySelector('[data-scope="write-back"][data-part="diff"]') as HTMLElement;
    expect(within(diff).getByText("Arc lamp")).toBeTruthy();
    expect(within(diff).getByText("Lamp")).toBeTruthy();
    expect(within(diff).getByText("39")).toBeTruthy();
    expect(within(diff).getByText("45")).toBeTruthy();
    expect(diff.textContent).not.toMatch(/Stock/);
    await user.click(within(panel()).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Version restored."));
    expect(data.calls.update).toHaveLength(1);
    expect(data.calls.update[0]!.variables).toEqual({ name: "Lamp", price: 45 });
    expect(data.tables.products![0]).toMatchObject({ name: "Lamp", price: 45 });
    // Refine logged it as an ordinary update, with the entry it restored.
    await waitFor(() => expect(audit.rows).toHaveLength(4));
    expect(audit.rows[3]).toMatchObject({ action: "update", data: { name: "Lamp", price: 45 }, meta: { restoredFrom: 1, restoreKind: "restore" } });
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("writes in <StrictMode> when the log and the record are already read (a second opening)", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    renderWithRefine(
      <StrictMode>
        {/* Keeps the log and the record read (the test client forgets what nothing shows). */}
        <CompareVersions resource="products" id={7} defaultFrom={1} />
        <RestoreVersion resource="products" id={7} entry={entry(0)} timeZone="UTC" locale="en-GB" />
      </StrictMode>,
      { auditLogProvider: audit, dataProvider: data.provider, resources: [{ name: "products" }] },
    );
    await waitFor(() => expect(document.querySelector('[data-scope="compare-versions"][data-part="heading"]')).not.toBeNull());
    // Everything is cached now: the confirmation mounts and plans at once (StrictMode mounts it twice).
    await user.click(screen.getByRole("button", { name: "Restore this version" }));
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("confirming"));
    await user.click(within(panel()).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(data.calls.update).toHaveLength(1));
    expect(data.calls.update[0]!.variables).toEqual({ name: "Lamp", price: 45 });
  });

  it("re-reads the record before writing, and shows the new diff instead of overwriting a change made meanwhile", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    renderWithRefine(<RestoreVersion resource="products" id={7} entry={entry(0)} />, { auditLogProvider: audit, dataProvider: data.provider });
    await user.click(screen.getByRole("button", { name: "Restore this version" }));
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("confirming"));
    data.edit("products", 7, { name: "Floor lamp", stock: 9 });
    await user.click(within(panel()).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("stale"));
    expect(within(panel()).getByRole("alert").textContent).toMatch(/changed since/);
    expect(within(panel()).getByText("Floor lamp")).toBeTruthy();
    expect(data.calls.update).toHaveLength(0);
    await user.click(within(panel()).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(data.calls.update).toHaveLength(1));
    // Stock was not recorded as 9 → 3 by the log? It was: the create recorded 3.
    expect(data.calls.update[0]!.variables).toEqual({ name: "Lamp", price: 45, stock: 3 });
  });

  it("never writes fields the version did not record, nor redacted ones, and says which and why", async () => {
    const { audit, data } = setup();
    data.edit("products", 7, { colour: "red", secret: "s3cret-now" });
    audit.rows.push({ id: 4, resource: "products", action: "update", createdAt: new Date(Date.UTC(2024, 10, 3, 10, 20)).toISOString(), data: { secret: "s3cret-then" }, previousData: {}, meta: { id: 7 } });
    const user = userEvent.setup();
    renderWithRefine(<RestoreVersion resource="products" id={7} entry={entry(0)} fields={{ secret: { redact: true } }} />, {
      auditLogProvider: audit,
      dataProvider: data.provider,
    });
    await user.click(screen.getByRole("button", { name: "Restore this version" }));
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("confirming"));
    const leftOut = panel().querySelector('[data-part="left-out"]')!.textContent!;
    expect(leftOut).toMatch(/Colour: its value in that version was not recorded/);
    expect(leftOut).toMatch(/Secret: hidden, so it is not written/);
    expect(document.body.textContent).not.toMatch(/s3cret/);
    await user.click(within(panel()).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(data.calls.update).toHaveLength(1));
    expect(Object.keys(data.calls.update[0]!.variables as object).sort()).toEqual(["name", "price"]);
  });

  it("keeps the confirmation open with the provider's message when the write fails", async () => {
    const { audit, data } = setup();
    data.failUpdates(Object.assign(new Error("Price is locked by the ERP"), { statusCode: 409 }));
    const user = userEvent.setup();
    renderWithRefine(<RestoreVersion resource="products" id={7} entry={entry(0)} />, { auditLogProvider: audit, dataProvider: data.provider });
    await user.click(screen.getByRole("button", { name: "Restore this version" }));
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("confirming"));
    await user.click(within(panel()).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("error"));
    expect(within(panel()).getByRole("alert").textContent).toBe("Nothing was written: Price is locked by the ERP");
    expect(within(panel()).getByText("Arc lamp")).toBeTruthy();
    data.failUpdates(undefined);
    await user.click(within(panel()).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(data.tables.products![0]).toMatchObject({ name: "Lamp" }));
  });

  it("asks access control (useCan action restore) and disables the trigger with the reason", async () => {
    const { audit, data } = setup();
    const asked: unknown[] = [];
    const { Refine } = await import("@refinedev/core");
    const { render } = await import("@testing-library/react");
    const { createTestQueryClient } = await import("../audit-timeline/renderWithRefine");
    render(
      <Refine
        auditLogProvider={audit}
        dataProvider={data.provider}
        accessControlProvider={{
          can: async (params) => {
            asked.push(params);
            return { can: false, reason: "Only editors can restore" };
          },
        }}
        options={{ disableTelemetry: true, reactQuery: { clientConfig: createTestQueryClient() } }}
      >
        <RestoreVersion resource="products" id={7} entry={entry(0)} />
      </Refine>,
    );
    const trigger = screen.getByRole("button", { name: "Restore this version" });
    await waitFor(() => expect(trigger.getAttribute("title")).toBe("Only editors can restore"));
    expect(trigger.getAttribute("aria-disabled")).toBe("true");
    expect(asked[0]).toMatchObject({ resource: "products", action: "restore", params: { id: 7 } });
    await userEvent.setup().click(trigger);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("is allowed when access control allows", async () => {
    const { audit, data } = setup();
    const { Refine } = await import("@refinedev/core");
    const { render } = await import("@testing-library/react");
    const { createTestQueryClient } = await import("../audit-timeline/renderWithRefine");
    render(
      <Refine
        auditLogProvider={audit}
        dataProvider={data.provider}
        accessControlProvider={{ can: async ({ action }) => ({ can: action === "revert" }) }}
        options={{ disableTelemetry: true, reactQuery: { clientConfig: createTestQueryClient() } }}
      >
        <RevertChange resource="products" id={7} entry={entry(1)} changeKey="price" fieldLabel="Price" />
      </Refine>,
    );
    const trigger = screen.getByRole("button", { name: "Revert" });
    await waitFor(() => expect(trigger.getAttribute("aria-disabled")).toBeNull());
    await userEvent.setup().click(trigger);
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("confirming"));
    expect(within(panel()).getByRole("heading").textContent).toBe("Revert Price?");
    await userEvent.setup().click(within(panel()).getByRole("button", { name: "Revert" }));
    await waitFor(() => expect(data.calls.update).toHaveLength(1));
    expect(data.calls.update[0]!.variables).toEqual({ price: 45 });
    expect(data.calls.update[0]!.meta).toMatchObject({ restoredFrom: 2, restoreKind: "revert" });
  });

  it("Escape cancels and returns focus to the trigger", async () => {
    const { audit, data } = setup();
    const user = userEvent.setup();
    renderWithRefine(<RestoreVersion resource="products" id={7} entry={entry(0)} />, { auditLogProvider: audit, dataProvider: data.provider });
    const trigger = screen.getByRole("button", { name: "Restore this version" });
    await user.click(trigger);
    await waitFor(() => expect(panel().getAttribute("data-state")).toBe("confirming"));
    expect(document.activeElement).toBe(within(panel()).getByRole("heading"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(data.calls.update).toHaveLength(0);
  });
});
