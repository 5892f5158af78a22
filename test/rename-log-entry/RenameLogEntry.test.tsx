import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { I18nProvider } from "@refinedev/core";
import { AuditTrailProvider, RenameLogEntry, renameLogEntryAnatomy, renameLogEntryParts, type RenameLogEntryProps } from "../../src/index";
import { deferred, NameTable, renderInRefine, sampleRows, Timeline } from "./harness";

const entry = (id: number) => screen.findByRole("listitem", { name: `Entry ${id}` });
const root = (item: HTMLElement) => item.querySelector<HTMLElement>(renameLogEntryAnatomy.selector("root"))!;
const tableCell = (id: number) => within(screen.getByRole("table", { name: "Names" })).getByRole("row", { name: new RegExp(`^${id} `) });

describe("<RenameLogEntry> renaming", () => {
  it("saves the trimmed name through the provider, updates every list and returns focus", async () => {
    const user = userEvent.setup();
    const { update } = renderInRefine();
    await screen.findByRole("table", { name: "Names" });
    const item = await entry(1);
    expect(root(item).dataset.state).toBe("idle");
    expect(root(item).hasAttribute("data-named")).toBe(false);

    await user.click(within(item).getByRole("button", { name: "Name this version" }));
    const input = within(item).getByRole("textbox", { name: "Version name" });
    expect(root(item).dataset.state).toBe("editing");
    expect(document.activeElement).toBe(input);
    await user.type(input, "  Spring price list  {Enter}");

    await waitFor(() => expect(root(item).dataset.state).toBe("idle"));
    expect(update).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith({ id: 1, name: "Spring price list" });
    expect(within(item).getByText("Spring price list").dataset.part).toBe(renameLogEntryParts.name);
    expect(root(item).hasAttribute("data-named")).toBe(true);
    const trigger = within(item).getByRole("button", { name: "Rename “Spring price list”" });
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(tableCell(1).textContent).toContain("Spring price list");
  });

  it.each([
    ["succeeds", (): Promise<unknown> => Promise.resolve(undefined)],
    ["fails", (): Promise<unknown> => Promise.reject(new Error("down"))],
  ])("refetches the lists itself when update %s without returning { resource }", async (_label, answer) => {
    const user = userEvent.setup();
    const { get } = renderInRefine({ update: answer });
    await screen.findByRole("table", { name: "Names" });
    const loads = get.mock.calls.length;
    const item = await entry(1);
    await user.click(within(item).getByRole("button", { name: "Name this version" }));
    await user.keyboard("Any{Enter}");
    // Refine 5 itself only invalidates when update resolves an object with a `resource`.
    await waitFor(() => expect(get.mock.calls.length).toBe(loads + 2));
    expect(get.mock.calls.slice(loads).map(([params]) => params.resource)).toEqual(["products", "products"]);
  });

  it("shows the new name in other lists before the provider answers", async () => {
    const user = userEvent.setup();
    const pending = deferred();
    const { update, provider } = renderInRefine({ update: () => pending.promise });
    await screen.findByRole("table", { name: "Names" });
    const item = await entry(2);
    await user.click(within(item).getByRole("button", { name: "Rename “Winter prices”" }));
    const input = within(item).getByRole("textbox", { name: "Version name" });
    expect(input).toHaveProperty("value", "Winter prices");
    // The current name is selected, so typing replaces it.
    expect([(input as HTMLInputElement).selectionStart, (input as HTMLInputElement).selectionEnd]).toEqual([0, "Winter prices".length]);
    await user.keyboard("Spring prices");
    await user.click(within(item).getByRole("button", { name: "Save" }));

    expect(root(item).dataset.state).toBe("saving");
    expect(within(item).getByRole("button", { name: "Saving…" })).toHaveProperty("disabled", true);
    expect(within(item).getByRole("button", { name: "Cancel" })).toHaveProperty("disabled", true);
    expect(input).toHaveProperty("readOnly", true);
    await waitFor(() => expect(tableCell(2).textContent).toContain("Spring prices"));
    expect(update).toHaveBeenCalledWith({ id: 2, name: "Spring prices" });

    // The backend stores it and answers.
    await act(async () => pending.resolve(await provider.update({ id: 2, name: "Spring prices" })));
    await waitFor(() => expect(root(item).dataset.state).toBe("idle"));
    expect(within(item).getByText("Spring prices")).toBeTruthy();
  });

  it("calls onRenamed with the renamed entry and the name sent", async () => {
    const user = userEvent.setup();
    const onRenamed = vi.fn();
    renderInRefine({ children: <RenameLogEntry log={sampleRows()[0]} onRenamed={onRenamed} /> });
    await user.click(await screen.findByRole("button", { name: "Name this version" }));
    await user.keyboard("Launch{Enter}");
    await waitFor(() => expect(onRenamed).toHaveBeenCalledTimes(1));
    expect(onRenamed.mock.calls[0][0]).toMatchObject({ id: 1, resource: "products", name: "Launch" });
    expect(onRenamed.mock.calls[0][1]).toBe("Launch");
    // A raw row given as `log` (no list behind it) still shows its new name.
    expect(screen.getByText("Launch").dataset.part).toBe("name");
  });
});

describe("<RenameLogEntry> failure", () => {
  it("rolls the name back everywhere, keeps the typed text and shows the error beside the input", async () => {
    const user = userEvent.setup();
    const pending = deferred();
    const onError = vi.fn();
    const { provider } = renderInRefine({ update: () => pending.promise, children: <TimelineWith onError={onError} /> });
    await screen.findByRole("table", { name: "Names" });
    const item = await entry(2);
    await user.click(within(item).getByRole("button", { name: "Rename “Winter prices”" }));
    await user.keyboard("Spring prices{Enter}");
    await waitFor(() => expect(tableCell(2).textContent).toContain("Spring prices"));

    // The refetch after the failure fails too, so only the rollback can bring the old name back.
    provider.setFailure("get", new Error("Lists are down"));
    await act(async () => pending.reject(new Error("The audit service is offline")));

    await waitFor(() => expect(root(item).dataset.state).toBe("error"));
    const input = within(item).getByRole("textbox", { name: "Version name" });
    expect(input).toHaveProperty("value", "Spring prices");
    const alert = within(item).getByRole("alert");
    expect(alert.textContent).toContain("The audit service is offline");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe(alert.id);
    expect(document.activeElement).toBe(input);
    await waitFor(() => expect(tableCell(2).textContent).toContain("Winter prices"));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "The audit service is offline" }));

    await user.click(within(item).getByRole("button", { name: "Cancel" }));
    expect(within(item).getByText("Winter prices").dataset.part).toBe("name");
  });

  it("with setFailure on the in-memory provider, a retry after the failure is cleared succeeds", async () => {
    const user = userEvent.setup();
    const { provider, update } = renderInRefine();
    provider.setFailure("update", new Error("Nope"));
    const item = await entry(1);
    await user.click(within(item).getByRole("button", { name: "Name this version" }));
    await user.keyboard("Kept text{Enter}");
    await within(item).findByText(/Nope/);
    expect(within(item).getByRole("textbox")).toHaveProperty("value", "Kept text");

    provider.setFailure("update", undefined);
    await user.click(within(item).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(root(item).dataset.state).toBe("idle"));
    expect(update).toHaveBeenCalledTimes(2);
    expect(within(item).getByText("Kept text")).toBeTruthy();
  });

  it("shows a non-Error rejection (an HttpError-like object) as text", async () => {
    const user = userEvent.setup();
    renderInRefine({ update: () => Promise.reject({ statusCode: 500, message: "<b>boom</b>" }) });
    const item = await entry(1);
    await user.click(within(item).getByRole("button", { name: "Name this version" }));
    await user.keyboard("x{Enter}");
    const alert = await within(item).findByRole("alert", {}, { timeout: 2000 });
    await waitFor(() => expect(alert.textContent).toContain("<b>boom</b>"));
    expect(alert.querySelector("b")).toBeNull();
  });
});

describe("<RenameLogEntry> sends once", () => {
  it("ignores a second Enter, Enter then a click, and re-renders while saving", async () => {
    const user = userEvent.setup();
    const pending = deferred();
    const { update, rerenderInRefine, provider } = renderInRefine({ update: () => pending.promise });
    const item = await entry(1);
    await user.click(within(item).getByRole("button", { name: "Name this version" }));
    await user.keyboard("Once");
    const input = within(item).getByRole("textbox");
    // Two Enters in the same task, before React re-renders.
    act(() => {
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    await user.keyboard("{Enter}");
    within(item).getByRole("button", { name: "Saving…" }).click();

    // The parent re-renders with new props (and new entry objects) while the save is in flight.
    rerenderInRefine(
      <>
        <Timeline entryProps={{ maxLength: 60 }} />
        <NameTable />
      </>,
    );
    const sameItem = await entry(1);
    expect(sameItem).toBe(item);
    expect(root(sameItem).dataset.state).toBe("saving");
    const stillOpen = within(sameItem).getByRole("textbox");
    expect(stillOpen).toHaveProperty("value", "Once");
    await user.type(stillOpen, "{Enter}");
    await user.click(within(sameItem).getByRole("button", { name: "Saving…" }));
    expect(update).toHaveBeenCalledTimes(1);

    await act(async () => pending.resolve(await provider.update({ id: 1, name: "Once" })));
    await waitFor(() => expect(root(sameItem).dataset.state).toBe("idle"));
    expect(update).toHaveBeenCalledTimes(1);
    expect(within(sameItem).getByText("Once").dataset.part).toBe("name");
  });

  it("sends nothing when the name did not change", async () => {
    const user = userEvent.setup();
    const { update } = renderInRefine();
    const item = await entry(2);
    await user.click(within(item).getByRole("button", { name: "Rename “Winter prices”" }));
    await user.keyboard("{End}   {Enter}");
    expect(root(item).dataset.state).toBe("idle");
    expect(update).not.toHaveBeenCalled();
  });
});

describe("<RenameLogEntry> cancel", () => {
  it.each([
    ["Escape", async (user: ReturnType<typeof userEvent.setup>) => user.keyboard("{Escape}")],
    ["Cancel", async (user: ReturnType<typeof userEvent.setup>, item: HTMLElement) => user.click(within(item).getByRole("button", { name: "Cancel" }))],
  ])("%s restores the old name, sends nothing and returns focus to the trigger", async (_label, dismiss) => {
    const user = userEvent.setup();
    const { update } = renderInRefine();
    const item = await entry(2);
    await user.click(within(item).getByRole("button", { name: "Rename “Winter prices”" }));
    await user.keyboard("Something else");
    await dismiss(user, item);
    expect(root(item).dataset.state).toBe("idle");
    expect(within(item).queryByRole("textbox")).toBeNull();
    expect(within(item).getByText("Winter prices")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(item).getByRole("button", { name: "Rename “Winter prices”" })));
    expect(update).not.toHaveBeenCalled();
  });

  it("Escape does not reach handlers around it (a dialog would stay open)", async () => {
    const user = userEvent.setup();
    const outer = vi.fn();
    renderInRefine({
      children: (
        <div onKeyDown={(event) => event.key === "Escape" && outer()}>
          <RenameLogEntry log={sampleRows()[0]} />
        </div>
      ),
    });
    await user.click(await screen.findByRole("button", { name: "Name this version" }));
    await user.keyboard("{Escape}");
    expect(outer).not.toHaveBeenCalled();
  });
});

describe("<RenameLogEntry> validation", () => {
  it("refuses an empty name with a message tied to the input", async () => {
    const user = userEvent.setup();
    const { update } = renderInRefine();
    const item = await entry(2);
    await user.click(within(item).getByRole("button", { name: "Rename “Winter prices”" }));
    await user.keyboard("{Backspace}   {Enter}");
    const input = within(item).getByRole("textbox");
    const alert = within(item).getByRole("alert");
    expect(alert.textContent).toMatch(/Enter a name/);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe(alert.id);
    expect(root(item).hasAttribute("data-invalid")).toBe(true);
    expect(update).not.toHaveBeenCalled();
    // Fixing it clears the message.
    await user.keyboard("Fixed");
    expect(alert.textContent).toBe("");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
  });

  it("refuses a name longer than maxLength (default 120) as you type, without cutting it", async () => {
    const user = userEvent.setup();
    const { update } = renderInRefine();
    const item = await entry(1);
    await user.click(within(item).getByRole("button", { name: "Name this version" }));
    const input = within(item).getByRole("textbox") as HTMLInputElement;
    await user.click(input);
    await user.paste("x".repeat(121));
    expect(input.value).toHaveLength(121);
    expect(within(item).getByRole("alert").textContent).toMatch(/120.*121/);
    await user.keyboard("{Enter}");
    expect(update).not.toHaveBeenCalled();
    await user.keyboard("{Backspace}{Enter}");
    await waitFor(() => expect(update).toHaveBeenCalledWith({ id: 1, name: "x".repeat(120) }));
  });

  it("counts characters, not UTF-16 units, and honours a custom maxLength", async () => {
    const user = userEvent.setup();
    const { update } = renderInRefine({ children: <RenameLogEntry log={sampleRows()[0]} maxLength={3} /> });
    await user.click(await screen.findByRole("button", { name: "Name this version" }));
    await user.paste("🎉🎉🎉");
    expect(screen.getByRole("alert").textContent).toBe("");
    await user.paste("🎉");
    expect(screen.getByRole("alert").textContent).toMatch(/3.*4/);
    await user.keyboard("{Backspace}{Backspace}{Enter}");
    await waitFor(() => expect(update).toHaveBeenCalledWith({ id: 1, name: "🎉🎉🎉" }));
  });

  it("with allowClear, an empty name clears the entry's name", async () => {
    const user = userEvent.setup();
    const { update } = renderInRefine({ children: <TimelineWith allowClear /> });
    const item = await entry(2);
    await user.click(within(item).getByRole("button", { name: "Rename “Winter prices”" }));
    await user.keyboard("{Backspace}{Enter}");
    await waitFor(() => expect(update).toHaveBeenCalledWith({ id: 2, name: "" }));
    await waitFor(() => expect(within(item).getByRole("button", { name: "Name this version" })).toBeTruthy());
    expect(within(item).queryByText("Winter prices")).toBeNull();
  });
});

describe("<RenameLogEntry> access control", () => {
  it("asks useCan with the resource, the rename action, the id and the entry", async () => {
    const user = userEvent.setup();
    const can = vi.fn(async () => ({ can: true }));
    const { update } = renderInRefine({ accessControlProvider: { can } });
    const item = await entry(1);
    const trigger = within(item).getByRole("button", { name: "Name this version" });
    await waitFor(() => expect(trigger).toHaveProperty("disabled", false));
    expect(can).toHaveBeenCalledWith(
      expect.objectContaining({ resource: "products", action: "rename", params: expect.objectContaining({ id: 1, log: expect.objectContaining({ id: 1, action: "create" }) }) }),
    );
    await user.click(trigger);
    await user.keyboard("Allowed{Enter}");
    await waitFor(() => expect(update).toHaveBeenCalledWith({ id: 1, name: "Allowed" }));
  });

  it("disables the trigger with the reason as its title and description when denied", async () => {
    const reason = "Only editors can name versions";
    const { update } = renderInRefine({ accessControlProvider: { can: async () => ({ can: false, reason }) } });
    const item = await entry(2);
    await waitFor(() => expect(within(item).getByRole("button", { description: reason })).toBeTruthy());
    const trigger = within(item).getByRole("button", { name: "Rename “Winter prices”" });
    expect(trigger).toHaveProperty("disabled", true);
    expect(trigger.title).toBe(reason);
    expect(trigger.hasAttribute("data-disabled")).toBe(true);
    expect(within(item).getByText("Winter prices")).toBeTruthy();
    trigger.click();
    expect(within(item).queryByRole("textbox")).toBeNull();
    expect(update).not.toHaveBeenCalled();
  });

  it("gives a default reason when the provider gives none", async () => {
    renderInRefine({ accessControlProvider: { can: async () => ({ can: false }) } });
    const item = await entry(1);
    await waitFor(() => expect(within(item).getByRole("button").title).toMatch(/not allowed/));
  });

  it("renders no trigger when the access control provider hides unauthorized buttons", async () => {
    renderInRefine({ accessControlProvider: { can: async () => ({ can: false, reason: "No" }), options: { buttons: { hideIfUnauthorized: true } } } });
    const item = await entry(2);
    await waitFor(() => expect(within(item).getByText("Winter prices")).toBeTruthy());
    // Give the access query time to answer: the trigger must stay absent.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(within(item).queryByRole("button")).toBeNull();
    expect(within(await entry(1)).queryByRole("button")).toBeNull();
  });

  it("skips the check when the provider disables access control for buttons", async () => {
    const can = vi.fn(async () => ({ can: false }));
    renderInRefine({ accessControlProvider: { can, options: { buttons: { enableAccessControl: false } } } });
    const item = await entry(1);
    expect(within(item).getByRole("button", { name: "Name this version" })).toHaveProperty("disabled", false);
    expect(can).not.toHaveBeenCalled();
  });
});

describe("<RenameLogEntry> read-only and odd input", () => {
  it("shows the name as text with no control under <AuditTrailProvider canRename={false}> (a provider without update)", async () => {
    const { update } = renderInRefine({ update: null, canRename: false });
    const item = await entry(2);
    expect(within(item).getByText("Winter prices").dataset.part).toBe("name");
    expect(within(item).queryByRole("button")).toBeNull();
    expect(within(await entry(1)).queryByRole("button")).toBeNull();
    expect(root(item).dataset.state).toBe("idle");
    expect(update).not.toHaveBeenCalled();
  });

  it("follows the nearest AuditTrailProvider that sets canRename", async () => {
    renderInRefine({
      canRename: false,
      children: (
        <>
          <section aria-label="Off">
            <RenameLogEntry log={sampleRows()[1]} />
          </section>
          <AuditTrailProvider canRename>
            <section aria-label="On again">
              <RenameLogEntry log={sampleRows()[1]} />
            </section>
            <AuditTrailProvider>
              <section aria-label="Inherited">
                <RenameLogEntry log={sampleRows()[1]} />
              </section>
            </AuditTrailProvider>
          </AuditTrailProvider>
        </>
      ),
    });
    const region = (name: string) => within(screen.getByRole("region", { name }));
    expect(region("Off").getByText("Winter prices")).toBeTruthy();
    expect(region("Off").queryByRole("button")).toBeNull();
    expect(region("On again").getByRole("button", { name: "Rename “Winter prices”" })).toHaveProperty("disabled", false);
    expect(region("Inherited").getByRole("button", { name: "Rename “Winter prices”" })).toHaveProperty("disabled", false);
  });

  it("readOnly shows the name only", async () => {
    renderInRefine({ children: <RenameLogEntry log={sampleRows()[1]} readOnly /> });
    expect(await screen.findByText("Winter prices")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("renders a hostile name as text", async () => {
    const name = '<img src=x onerror="alert(1)">';
    const { container } = renderInRefine({ children: <RenameLogEntry log={{ ...sampleRows()[1], name }} /> });
    expect((await screen.findByText(name)).dataset.part).toBe("name");
    expect(container.querySelector("img")).toBeNull();
  });

  it("offers nothing to rename for a row it cannot read", async () => {
    const { container } = renderInRefine({ children: <RenameLogEntry log={{ action: "update", name: "No id" }} /> });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole("button")).toBeNull();
    expect(container.querySelector(renameLogEntryAnatomy.selector("root"))?.getAttribute("data-state")).toBe("idle");
  });

  it("renames a row whose id is a string, matching the cached list by value", async () => {
    const user = userEvent.setup();
    const rows = sampleRows().map((row) => ({ ...row, id: String(row.id) }));
    const { update } = renderInRefine({ rows });
    const item = await screen.findByRole("listitem", { name: "Entry 1" });
    await user.click(within(item).getByRole("button", { name: "Name this version" }));
    await user.keyboard("String id{Enter}");
    await waitFor(() => expect(update).toHaveBeenCalledWith({ id: "1", name: "String id" }));
    await waitFor(() => expect(tableCell(1).textContent).toContain("String id"));
  });
});

/** The timeline and the table, with props for every entry. */
function TimelineWith(props: Partial<RenameLogEntryProps>) {
  return (
    <>
      <Timeline entryProps={props} />
      <NameTable />
    </>
  );
}

describe("<RenameLogEntry> locale", () => {
  /** An i18n provider as many apps write it: `en_US`, which Intl refuses, and no translations. */
  const underscoreLocale: I18nProvider = {
    translate: (_key, _options, defaultMessage) => defaultMessage ?? "",
    changeLocale: async () => undefined,
    getLocale: () => "en_US",
  };

  it("says a too-long name's length with an i18n provider answering en_US, instead of crashing", async () => {
    const user = userEvent.setup();
    const { update } = renderInRefine({ i18nProvider: underscoreLocale, children: <RenameLogEntry log={sampleRows()[1]} maxLength={1000} /> });
    await user.click(await screen.findByRole("button", { name: "Rename “Winter prices”" }));
    const input = screen.getByRole("textbox", { name: "Version name" });
    await user.clear(input);
    await user.paste("x".repeat(1234));
    // en-US digit grouping: the locale was repaired, not dropped.
    expect(screen.getByRole("alert").textContent).toBe("A name can have 1,000 characters at most; this one has 1,234.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    await user.keyboard("{Enter}");
    expect(update).not.toHaveBeenCalled();
  });
});

describe("<RenameLogEntry> anatomy", () => {
  const declared = new Set<string>(Object.values(renameLogEntryParts));
  /** Nothing the component renders goes without its scope and a declared part. */
  const expectEveryElementScoped = (container: HTMLElement) => {
    for (const element of container.querySelectorAll("*")) {
      expect(element.getAttribute("data-scope")).toBe("rename-log-entry");
      expect(declared.has(element.getAttribute("data-part") ?? "")).toBe(true);
    }
  };

  it("marks every part while editing with the component's scope: each is found by its compound selector", async () => {
    const user = userEvent.setup();
    const { container } = renderInRefine({ children: <RenameLogEntry log={sampleRows()[1]} /> });
    await user.click(await screen.findByRole("button", { name: "Rename “Winter prices”" }));
    await user.keyboard("{Backspace}{Enter}");
    for (const part of ["root", "input", "save", "cancel", "message"] as const) {
      expect(container.querySelectorAll(renameLogEntryAnatomy.selector(part)), part).toHaveLength(1);
    }
    expect(container.querySelector(renameLogEntryAnatomy.selector("root"))?.getAttribute("data-state")).toBe("editing");
    expect(container.querySelector(renameLogEntryAnatomy.selector("message"))?.textContent).toMatch(/Enter a name/);
    expectEveryElementScoped(container);
  });

  it("marks every part while idle and denied the same way", async () => {
    const reason = "Only editors can name versions";
    const { container } = renderInRefine({ accessControlProvider: { can: async () => ({ can: false, reason }) }, children: <RenameLogEntry log={sampleRows()[1]} /> });
    await waitFor(() => expect(container.querySelector(renameLogEntryAnatomy.selector("reason"))?.textContent).toBe(reason));
    for (const part of ["root", "name", "trigger", "reason"] as const) {
      expect(container.querySelectorAll(renameLogEntryAnatomy.selector(part)), part).toHaveLength(1);
    }
    expect(container.querySelector(renameLogEntryAnatomy.selector("name"))?.textContent).toBe("Winter prices");
    expectEveryElementScoped(container);
  });
});
