import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { normalizeLog, useRenameLogEntry, type AuditLogEntry, type UseRenameLogEntryOptions, type UseRenameLogEntryResult } from "../../src/index";
import { deferred, renderInRefine, sampleRows } from "./harness";

const namedEntry = (): AuditLogEntry => {
  const result = normalizeLog(sampleRows()[1]);
  if (!result.ok) throw new Error("sample row should be valid");
  return result.entry;
};

/** A custom UI built on the hook: a card with a pencil button, exposing the hook's result to the test. */
function Card({ options, spy, onTriggerClick }: { options: UseRenameLogEntryOptions; spy: (result: UseRenameLogEntryResult) => void; onTriggerClick?: (event: { preventDefault(): void }) => void }) {
  const rename = useRenameLogEntry(options);
  spy(rename);
  return (
    <article {...rename.getRootProps({ className: "card", "aria-label": "Version card" })}>
      {rename.isEditing ? (
        <p>
          <input {...rename.getInputProps({ className: "field", "aria-describedby": "hint" })} />
          <span id="hint">Shown in the history</span>
          <button {...rename.getSaveProps()}>{rename.labels.save}</button>
          <button {...rename.getCancelProps()}>{rename.labels.cancel}</button>
          <em {...rename.getMessageProps()}>{rename.message}</em>
        </p>
      ) : (
        <h3>
          {rename.name && <span {...rename.getNameProps()}>{rename.name}</span>}
          {rename.isTriggerVisible && (
            <button {...rename.getTriggerProps({ onClick: onTriggerClick, style: { color: "red" } })}>✎ {rename.labels.trigger}</button>
          )}
          {rename.reason && <span {...rename.getReasonProps()}>{rename.reason}</span>}
        </h3>
      )}
    </article>
  );
}

describe("useRenameLogEntry", () => {
  it("walks idle → editing → saving → idle and exposes draft, name and labels", async () => {
    const user = userEvent.setup();
    const pending = deferred();
    const results: UseRenameLogEntryResult[] = [];
    const { update } = renderInRefine({ update: () => pending.promise, children: <Card options={{ log: namedEntry() }} spy={(result) => results.push(result)} /> });
    const last = () => results[results.length - 1];
    await screen.findByRole("button", { name: "Rename “Winter prices”" });
    expect(last()).toMatchObject({ state: "idle", name: "Winter prices", canRename: true, reason: undefined, isTriggerVisible: true, isEditing: false });

    await user.click(screen.getByRole("button", { name: "Rename “Winter prices”" }));
    expect(last()).toMatchObject({ state: "editing", draft: "Winter prices", isEditing: true });
    act(() => last().setDraft("  Summer  "));
    expect((screen.getByRole("textbox") as HTMLInputElement).value).toBe("  Summer  ");
    act(() => last().save());
    expect(last().state).toBe("saving");
    expect(last().labels.save).toBe("Saving…");
    await waitFor(() => expect(update).toHaveBeenCalledWith({ id: 2, name: "Summer" }));

    await act(async () => pending.resolve({}));
    await waitFor(() => expect(last().state).toBe("idle"));
    expect(last().name).toBe("Summer");
    expect(screen.getByRole("article", { name: "Version card" }).dataset.state).toBe("idle");
  });

  it("reports the error and validation fields", async () => {
    const user = userEvent.setup();
    const onError = vi.fn();
    const results: UseRenameLogEntryResult[] = [];
    renderInRefine({
      update: () => Promise.reject(new Error("Disk full")),
      children: <Card options={{ log: namedEntry(), maxLength: 5, onError }} spy={(result) => results.push(result)} />,
    });
    const last = () => results[results.length - 1];
    await user.click(await screen.findByRole("button", { name: "Rename “Winter prices”" }));
    expect(last().validationMessage).toMatch(/5.*13/);
    await user.keyboard("Fall{Enter}");
    await waitFor(() => expect(last().state).toBe("error"));
    expect(last().error?.message).toBe("Disk full");
    expect(last().message).toMatch(/Disk full/);
    expect(last().validationMessage).toBeUndefined();
    expect(last().draft).toBe("Fall");
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("merges the user's props: classes and descriptions joined, handlers composed, preventDefault wins", async () => {
    const user = userEvent.setup();
    const ownClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const { rerender } = renderInRefine({ children: <Card options={{ log: namedEntry() }} spy={() => {}} onTriggerClick={ownClick} /> });
    const card = await screen.findByRole("article", { name: "Version card" });
    expect(card.className).toBe("card");
    expect(card.dataset.scope).toBe("rename-log-entry");
    expect(card.dataset.part).toBe("root");
    const trigger = screen.getByRole("button", { name: "Rename “Winter prices”" });
    expect(trigger.style.color).toBe("red");
    await user.click(trigger);
    expect(ownClick).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("textbox")).toBeNull();

    rerender(<></>);
    renderInRefine({ children: <Card options={{ log: namedEntry(), maxLength: 3 }} spy={() => {}} /> });
    await user.click(await screen.findByRole("button", { name: "Rename “Winter prices”" }));
    const input = screen.getByRole("textbox", { name: "Version name" });
    expect(input.className).toBe("field");
    const [messageId, hintId] = (input.getAttribute("aria-describedby") ?? "").split(" ");
    expect(document.getElementById(messageId)?.textContent).toMatch(/3/);
    expect(hintId).toBe("hint");
  });

  it("exposes a denied reason and canRename false", async () => {
    const results: UseRenameLogEntryResult[] = [];
    renderInRefine({
      accessControlProvider: { can: async () => ({ can: false, reason: "Read-only role" }) },
      children: <Card options={{ log: namedEntry() }} spy={(result) => results.push(result)} />,
    });
    await waitFor(() => expect(results[results.length - 1]).toMatchObject({ canRename: false, reason: "Read-only role", isTriggerVisible: true }));
    const before = results.length;
    act(() => results[results.length - 1].startEditing());
    expect(results.slice(before).every((result) => result.state === "idle")).toBe(true);
  });

  it("is read-only under <AuditTrailProvider canRename={false}>, from the first render", async () => {
    const results: UseRenameLogEntryResult[] = [];
    renderInRefine({ update: null, canRename: false, children: <Card options={{ log: sampleRows()[1] }} spy={(result) => results.push(result)} /> });
    await screen.findByText("Winter prices");
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result).toMatchObject({ canRename: false, isTriggerVisible: false, reason: undefined, name: "Winter prices" });
  });

  it("offers renaming without an AuditTrailProvider, as Refine assumes the provider's update exists", async () => {
    const results: UseRenameLogEntryResult[] = [];
    renderInRefine({ children: <Card options={{ log: sampleRows()[1] }} spy={(result) => results.push(result)} /> });
    await screen.findByRole("button", { name: "Rename “Winter prices”" });
    expect(results[results.length - 1]).toMatchObject({ canRename: true, isTriggerVisible: true });
  });
});
