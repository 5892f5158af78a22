import { act, renderHook, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Refine, type DataProvider } from "@refinedev/core";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { getFieldHistory } from "../../src/core/fieldHistory";
import { replayHistory } from "../../src/core/history";
import { normalizeLog, normalizeLogs, type AuditLogEntry } from "../../src/core/normalizeLog";
import { compareVersionStates, getRevertTarget, planWrite } from "../../src/core/versions";
import { createRestoredText } from "../../src/audit-timeline/restoredText";
import { createFormatters } from "../../src/core/formatEntry";
import { englishTranslate } from "../../src/core/translate";
import type { AuditTimelineItem } from "../../src/audit-timeline/auditTimeline.types";
import { RestoreVersion } from "../../src/versions/WriteBack";
import { useRestoreVersion } from "../../src/versions/useRestoreVersion";
import { createTestQueryClient, renderWithRefine } from "../audit-timeline/renderWithRefine";
import { productHistory, setup } from "./support";

const at = (minute: number) => new Date(Date.UTC(2024, 10, 3, 10, minute)).toISOString();
const entry = (index: number): AuditLogEntry => {
  const result = normalizeLog(productHistory()[index]);
  if (!result.ok) throw new Error("fixture");
  return result.entry;
};

/** A data provider whose `getOne` waits for `release()` once `hold()` was called. */
function gatedProvider(provider: DataProvider) {
  let gate: Promise<void> | undefined;
  let open: () => void = () => undefined;
  return {
    provider: {
      ...provider,
      getOne: async (params: Parameters<DataProvider["getOne"]>[0]) => {
        if (gate) await gate;
        return provider.getOne(params);
      },
    } as DataProvider,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => {
      gate = undefined;
      open();
    },
  };
}

/** `useRestoreVersion` of product 7's first version inside a real `<Refine>`, opened and showing its plan. */
async function openRestoreHook(audit: ReturnType<typeof setup>["audit"], dataProvider: DataProvider) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Refine auditLogProvider={audit} dataProvider={dataProvider} options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}>
      {children}
    </Refine>
  );
  const rendered = renderHook(() => useRestoreVersion({ resource: "products", id: 7, entry: entry(0) }), { wrapper });
  const { result } = rendered;
  await waitFor(() => expect(result.current.versions.current.state).toBe("ready"));
  await waitFor(() => expect(result.current.versions.state).toBe("ready"));
  act(() => result.current.open());
  await waitFor(() => expect(result.current.status).toBe("confirming"));
  return rendered;
}

describe("restore: what cannot be written", () => {
  it("writes nothing when the user cancels while the record is read again", async () => {
    const { audit, data } = setup();
    const gated = gatedProvider(data.provider);
    const user = userEvent.setup();
    renderWithRefine(<RestoreVersion resource="products" id={7} entry={entry(0)} />, { auditLogProvider: audit, dataProvider: gated.provider });
    await user.click(screen.getByRole("button", { name: "Restore this version" }));
    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(dialog.getAttribute("data-state")).toBe("confirming"));
    gated.hold();
    await user.click(within(dialog).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(dialog.getAttribute("data-state")).toBe("checking"));
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    gated.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(data.calls.update).toHaveLength(0);
    expect(screen.queryByText("Version restored.")).toBeNull();
  });

  it("writes once when confirm is called twice in one tick", async () => {
    const { audit, data } = setup();
    const { result } = await openRestoreHook(audit, data.provider);
    await act(async () => {
      const confirm = result.current.confirm;
      await Promise.all([confirm(), confirm()]);
    });
    await waitFor(() => expect(result.current.status).toBe("done"));
    expect(data.calls.update).toHaveLength(1);
  });

  it("never replaces or removes a value whose hidden or redacted parts would go unseen", () => {
    const hidden = planWrite({ id: 7, card: { number: "4111", pin: "9876" } }, { card: null }, { fields: { "card.pin": { hidden: true } } });
    expect(hidden.values).toEqual({});
    expect(hidden.hiddenCount).toBe(1);
    const list = planWrite({ id: 7, keys: [{ id: 1, label: "a", secret: "S1" }] }, { keys: [] }, { fields: { "keys.*.secret": { hidden: true } } });
    expect(list.values).toEqual({});
    const redacted = planWrite({ id: 7, card: { number: "4111", cvv: "123" } }, { card: "none" }, { fields: { "card.cvv": { redact: true } } });
    expect(redacted.values).toEqual({});
    expect(redacted.leftOut.map((field) => [field.key, field.reason])).toEqual([["card", "redacted"]]);
  });

  it("never takes another record's values from a bulk entry by position", () => {
    const { entries } = normalizeLogs([
      { id: 1, resource: "p", action: "create", createdAt: at(0), data: { price: 10 }, meta: { id: 1 } },
      { id: 2, resource: "p", action: "create", createdAt: at(1), data: { price: 20, secretOf2: "x" }, meta: { id: 2 } },
      { id: 3, resource: "p", action: "updateMany", createdAt: at(2), data: { price: 99 }, previousData: [{ id: 2, price: 20 }], meta: { ids: [1, 2] } },
    ]);
    const history = replayHistory(entries);
    const result = getRevertTarget({ id: 1, price: 99 }, entries[2]!, "price", { history, recordId: 1 });
    expect(result).toMatchObject({ ok: true, target: { price: 10 } });
    expect(history.stateAfter(entries[2]!, 1)).toEqual({ price: 99 });
  });

  it("reverts the change at the exact path when a key holds a dot", () => {
    const { entries } = normalizeLogs([
      { id: 1, resource: "p", action: "update", createdAt: at(0), data: { "a.b": 1, a: { b: 2 } }, previousData: { "a.b": 0, a: { b: 3 } }, meta: { id: 1 } },
    ]);
    const result = getRevertTarget({ "a.b": 1, a: { b: 2 } }, entries[0]!, "a.b", { changeKind: "changed", changePath: ["a", "b"] });
    expect(result).toMatchObject({ ok: true, target: { a: { b: 3 } } });
  });

  it("does not show the id as a change when a version lacks it", () => {
    const result = compareVersionStates({ name: "Lamp" }, { id: 7, name: "Lamp" }, { isNewerComplete: true, includeUnchanged: false });
    expect(result.changes).toEqual([]);
  });
});

describe("restore: second review", () => {
  it("a move left out takes its item's edits with it (they would land on another item)", () => {
    const plan = planWrite(
      { id: 7, keys: [{ id: 1, label: "a", secret: "S1" }, { id: 2, label: "b", secret: "S2" }] },
      { keys: [{ id: 2, label: "B", secret: "S2" }, { id: 1, label: "a", secret: "S1" }] },
      { fields: { "keys.*.secret": { hidden: true } } },
    );
    const keys = (plan.values as { keys?: { id: number; label: string }[] }).keys;
    // Either nothing is written, or each item keeps its own label.
    for (const key of keys ?? []) expect(key.label).toBe(key.id === 1 ? "a" : key.id === 2 ? "B" : key.label);
  });

  it("a confirm kept from before cancel writes nothing; open() while the record is re-read does not reset the stale guard", async () => {
    const { audit, data } = setup();
    const gated = gatedProvider(data.provider);
    const { result } = await openRestoreHook(audit, gated.provider);
    const kept = result.current.confirm;
    act(() => result.current.cancel());
    await act(async () => kept());
    expect(data.calls.update).toHaveLength(0);

    // Open again; another user edits; confirm is on its way; open() meanwhile changes nothing.
    act(() => result.current.open());
    await waitFor(() => expect(result.current.status).toBe("confirming"));
    data.edit("products", 7, { stock: 99 });
    gated.hold();
    let confirming!: Promise<void>;
    act(() => {
      confirming = result.current.confirm();
    });
    act(() => result.current.open());
    gated.release();
    await act(async () => confirming);
    await waitFor(() => expect(result.current.status).toBe("stale"));
    expect(data.calls.update).toHaveLength(0);
  });
});

describe("the restored line", () => {
  const formatters = createFormatters("en-GB", "UTC");
  const item = (entry: AuditLogEntry): AuditTimelineItem => ({ entry, recordId: 7 }) as unknown as AuditTimelineItem;

  it("is said only when the log bears it out; a claim copied from the page's URL is reported as a claim", () => {
    const { entries } = normalizeLogs([
      ...productHistory(),
      // A real restore of entry 1: it wrote the values that version held.
      { id: 4, resource: "products", action: "update", createdAt: at(20), data: { name: "Lamp", price: 45 }, previousData: {}, meta: { id: 7, restoredFrom: 1, restoreKind: "restore" } },
      // An ordinary save on a page opened with ?restoredFrom=1&restoreKind=revert.
      { id: 5, resource: "products", action: "update", createdAt: at(25), data: { stock: 1 }, previousData: {}, meta: { id: 7, restoredFrom: "1", restoreKind: "revert" } },
      { id: 6, resource: "products", action: "update", createdAt: at(30), data: { stock: 2 }, previousData: {}, meta: { id: 7, restoredFrom: "gone" } },
    ]);
    const describe = createRestoredText(replayHistory(entries), englishTranslate, formatters);
    expect(describe(item(entries[3]!))).toBe("Restored the version of 3 Nov 2024, 10:00 UTC");
    expect(describe(item(entries[4]!))).toMatch(/^Marked as restored from entry #1, which this history does not confirm$/);
    expect(describe(item(entries[5]!))).toMatch(/^Marked as restored from entry #gone/);
    expect(describe(item(entries[0]!))).toBeUndefined();
  });

  it("is not said for an entry naming itself or a later entry, nor for a revert whose values do not undo the source", () => {
    const { entries } = normalizeLogs([
      { id: 1, resource: "products", action: "create", createdAt: at(0), data: { name: "Lamp", address: { city: "A", street: "S" } }, meta: { id: 7 } },
      { id: 2, resource: "products", action: "update", createdAt: at(5), data: { address: { city: "B", street: "S" } }, previousData: {}, meta: { id: 7 } },
      { id: 3, resource: "products", action: "update", createdAt: at(10), data: { name: "Anything" }, previousData: {}, meta: { id: 7, restoredFrom: 3 } },
      { id: 4, resource: "products", action: "update", createdAt: at(15), data: { address: { city: "EVIL", street: "x" } }, previousData: {}, meta: { id: 7, restoredFrom: 2, restoreKind: "revert" } },
      { id: 5, resource: "products", action: "update", createdAt: at(20), data: { address: { city: "A", street: "S" } }, previousData: {}, meta: { id: 7, restoredFrom: 2, restoreKind: "revert" } },
    ]);
    const describe = createRestoredText(replayHistory(entries), englishTranslate, formatters);
    expect(describe(item(entries[2]!))).toMatch(/^Marked as restored/);
    expect(describe(item(entries[3]!))).toMatch(/^Marked as restored/);
    expect(describe(item(entries[4]!))).toBe("Reverted a change of 3 Nov 2024, 10:05 UTC");
  });

  it("costs one lookup per entry, however many entries name a missing source", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, resource: "p", action: "update", createdAt: at(i % 60), data: { a: i }, meta: { id: 7, restoredFrom: `gone-${i}` } }));
    const { entries } = normalizeLogs(rows);
    const describe = createRestoredText(replayHistory(entries), englishTranslate, formatters);
    // Counted, not timed: every text is made from the map, never by scanning the entries.
    const texts = entries.map((e) => describe(item(e)));
    expect(new Set(texts.map((text) => text?.startsWith("Marked"))).size).toBe(1);
  });
});

describe("a field's history stays bounded over a long history of large values", () => {
  it("charges a budget already being spent, and copies shown within one budget", async () => {
    const { createWorkBudget } = await import("../../src/core/budget");
    const rows = Array.from({ length: 20 }, (_, i) => ({
      id: i + 1,
      resource: "p",
      action: i === 0 ? "create" : "update",
      createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
      data: { list: [{ label: "x", value: i }] },
      previousData: {},
      meta: { id: 7 },
    }));
    const { entries } = normalizeLogs(rows);
    const spent = createWorkBudget({ maxWork: 100_000 });
    spent.work = 100_000;
    const result = getFieldHistory(replayHistory(entries), 7, "list", { budget: spent });
    expect(result.points.filter((point) => point.kind === "changed").every((point) => point.isIncomplete)).toBe(true);
  });

  it("marks later points incomplete once the shared budget is spent, instead of comparing every value in full", () => {
    const items = (changed: number) => Array.from({ length: 300 }, (_, i) => ({ label: `item ${i}`, value: i === changed ? 1 : 0 }));
    const rows = Array.from({ length: 200 }, (_, i) => ({
      id: i + 1,
      resource: "p",
      action: i === 0 ? "create" : "update",
      createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
      data: { list: items(i) },
      previousData: {},
      meta: { id: 7 },
    }));
    const { entries } = normalizeLogs(rows);
    const result = getFieldHistory(replayHistory(entries), 7, "list", { budget: { maxWork: 5000 } });
    expect(result.points.length).toBe(200);
    expect(result.points.some((point) => point.isIncomplete)).toBe(true);
    expect(result.overflow?.isIncomplete).toBe(true);
  });
});

