import { useLog } from "@refinedev/core";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AuditTimeline, useRenameLog } from "../../src/index";
import { deferred, NameTable, renderInRefine, Timeline } from "./harness";

type Deferred = ReturnType<typeof deferred>;

const entry = (id: number) => screen.findByRole("listitem", { name: `Entry ${id}` });
const tableCell = (id: number) => within(screen.getByRole("table", { name: "Names" })).getByRole("row", { name: new RegExp(`^${id} `) });
const timelineRoot = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="root"]');
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 30)));
const UNCONFIGURED = /No audit log provider/;

/** An `update` whose every call waits until the test settles it. */
function heldUpdates() {
  const calls: { id: unknown; name: string; answer: Deferred }[] = [];
  const update = ({ id, name }: { id: unknown; name: string }) => {
    const answer = deferred();
    calls.push({ id, name, answer });
    return answer.promise;
  };
  return { calls, update };
}

async function renameThroughUi(user: ReturnType<typeof userEvent.setup>, id: number, trigger: string | RegExp, name: string) {
  const item = await entry(id);
  await user.click(within(item).getByRole("button", { name: trigger }));
  await user.keyboard(`${name}{Enter}`);
}

describe("a rename and the other lists of its resource", () => {
  it("does not cancel another timeline's first load: it loads, and never reads as 'no provider'", async () => {
    const user = userEvent.setup();
    const slow = deferred();
    const held = heldUpdates();
    const { container } = renderInRefine({
      update: held.update as never,
      get: async (params, inMemory) => {
        if (params.meta?.id === 2) await slow.promise;
        return inMemory(params);
      },
      children: (
        <>
          <Timeline />
          <AuditTimeline resource="products" id={2} locale="en-US" />
        </>
      ),
    });
    await entry(1);
    expect(timelineRoot(container)?.dataset.state).toBe("loading");

    await renameThroughUi(user, 1, "Name this version", "Launch");
    await waitFor(() => expect(held.calls).toHaveLength(1));
    expect(timelineRoot(container)?.dataset.state).not.toBe("unconfigured");
    expect(screen.queryByText(UNCONFIGURED)).toBeNull();

    // Record 2's log arrives while the rename is still being saved.
    await act(async () => slow.resolve(undefined));
    await waitFor(() => expect(timelineRoot(container)?.dataset.state).toBe("ready"));
    expect(screen.queryByText(UNCONFIGURED)).toBeNull();
    expect(held.calls[0]!.answer).toBeDefined();
  });

  it("does not report a cancelled first load as a missing provider", async () => {
    const slow = deferred();
    const { container, queryClient } = renderInRefine({
      get: async (params, inMemory) => {
        await slow.promise;
        return inMemory(params);
      },
      children: <AuditTimeline resource="products" id={2} locale="en-US" />,
    });
    await waitFor(() => expect(timelineRoot(container)?.dataset.state).toBe("loading"));
    await act(() => queryClient.cancelQueries({ queryKey: ["audit", "products", "list"] }));
    await settle();
    expect(timelineRoot(container)?.dataset.state).not.toBe("unconfigured");
    expect(screen.queryByText(UNCONFIGURED)).toBeNull();
  });
});

describe("two renames in flight", () => {
  it.each([
    ["Refine refetches because update resolves { resource }", { resource: "products" }, false],
    ["a live timeline is mounted", undefined, true],
  ])("the first to finish keeps the second's name on screen (%s)", async (_label, answer, live) => {
    const user = userEvent.setup();
    const held = heldUpdates();
    const { provider, get } = renderInRefine({
      update: held.update as never,
      children: (
        <>
          <Timeline />
          <NameTable />
          {live && <AuditTimeline resource="products" id={1} locale="en-US" />}
        </>
      ),
    });
    await screen.findByRole("table", { name: "Names" });
    await renameThroughUi(user, 1, "Name this version", "First");
    await renameThroughUi(user, 2, "Rename “Winter prices”", "Second");
    await waitFor(() => expect(held.calls).toHaveLength(2));
    await waitFor(() => expect(tableCell(2).textContent).toContain("Second"));
    expect(tableCell(1).textContent).toContain("First");

    // The first is stored; the lists refetch while the second is not stored yet.
    const loads = get.mock.calls.length;
    await act(async () => held.calls[0]!.answer.resolve(await provider.update({ id: 1, name: "First" }).then(() => answer)));
    if (!live) await waitFor(() => expect(get.mock.calls.length).toBeGreaterThan(loads));
    await settle();
    expect(tableCell(1).textContent).toContain("First");
    expect(tableCell(2).textContent).toContain("Second");

    // The second is stored: the lists refetch and hold both.
    const before = get.mock.calls.length;
    await act(async () => held.calls[1]!.answer.resolve(await provider.update({ id: 2, name: "Second" }).then(() => answer)));
    await waitFor(() => expect(get.mock.calls.length).toBeGreaterThan(before));
    await settle();
    expect(tableCell(1).textContent).toContain("First");
    expect(tableCell(2).textContent).toContain("Second");
    const item = await entry(2);
    await waitFor(() => expect(item.querySelector('[data-scope="rename-log-entry"]')?.getAttribute("data-state")).toBe("idle"));
  });

  it("a failed rename does not roll back over a newer name saved meanwhile", async () => {
    const user = userEvent.setup();
    const held = heldUpdates();
    const { provider } = renderInRefine({
      update: held.update as never,
      children: (
        <>
          <Timeline />
          <NameTable />
          <RenameElsewhere />
        </>
      ),
    });
    await screen.findByRole("table", { name: "Names" });
    await renameThroughUi(user, 2, "Rename “Winter prices”", "Doomed");
    await waitFor(() => expect(tableCell(2).textContent).toContain("Doomed"));

    // Another part of the app renames the same entry, and that one is stored.
    await user.click(screen.getByRole("button", { name: "Rename elsewhere" }));
    await waitFor(() => expect(held.calls).toHaveLength(2));
    await waitFor(() => expect(tableCell(2).textContent).toContain("Elsewhere"));
    await act(async () => held.calls[1]!.answer.resolve(await provider.update({ id: 2, name: "Elsewhere" })));

    // The first one fails; the refetch after it fails too, so only the cache tells.
    provider.setFailure("get", new Error("Lists are down"));
    await act(async () => held.calls[0]!.answer.reject(new Error("Offline")));
    await within(await entry(2)).findByRole("alert");
    await settle();
    expect(tableCell(2).textContent).toContain("Elsewhere");
    expect(tableCell(2).textContent).not.toContain("Winter prices");
  });
});

describe("live refresh and renames the app makes itself", () => {
  it("refetches a resource's lists only for a rename of one of its entries", async () => {
    const user = userEvent.setup();
    const { get } = renderInRefine({
      update: async () => undefined,
      children: (
        <>
          <AuditTimeline resource="products" id={1} locale="en-US" />
          <AppRename />
        </>
      ),
    });
    await waitFor(() => expect(get).toHaveBeenCalled());
    await settle();
    const loads = get.mock.calls.length;

    // An orders entry: nothing the products timeline shows.
    await user.click(screen.getByRole("button", { name: "Rename order log 99" }));
    await settle();
    expect(get.mock.calls.length).toBe(loads);

    // A products entry the timeline shows: it refetches (Refine would not: no { resource }).
    await user.click(screen.getByRole("button", { name: "Rename product log 2" }));
    await waitFor(() => expect(get.mock.calls.length).toBe(loads + 1));
  });
});

/** Renames entry 2 through the kit's hook, from somewhere else in the app. */
function RenameElsewhere() {
  const { renameLog } = useRenameLog();
  return (
    <button type="button" onClick={() => void renameLog({ id: 2, resource: "products" }, "Elsewhere").catch(() => {})}>
      Rename elsewhere
    </button>
  );
}

/** Renames through Refine's own `useLog().rename`, as an app would without the kit. */
function AppRename() {
  const { rename } = useLog();
  const spy = vi.fn();
  return (
    <>
      <button type="button" onClick={() => rename.mutate({ id: 99, name: "Order note" }, { onSettled: spy })}>
        Rename order log 99
      </button>
      <button type="button" onClick={() => rename.mutate({ id: 2, name: "Product note" }, { onSettled: spy })}>
        Rename product log 2
      </button>
    </>
  );
}
