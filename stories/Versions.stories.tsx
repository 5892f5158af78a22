import type { AccessControlProvider } from "@refinedev/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  AuditTimeline,
  auditTimelineAnatomy,
  auditTimelineParts,
  CompareVersions,
  compareVersionsAnatomy,
  compareVersionsParts,
  recordDiffAnatomy,
  recordDiffParts,
  RestoreVersion,
  RevertChange,
  writeBackAnatomy,
  writeBackParts,
  type InMemoryAuditLogProvider,
} from "../src/index";
import { isStyled, withDarkTheme, withStylesheet } from "./support/decorators";
import {
  benchHistory,
  entryOf,
  lampHistory,
  lampHistoryWithRestore,
  lampNow,
  loadVersionScenario,
  NOW,
  scenarioOf,
  withVersionScenario,
  type VersionScenarioOptions,
} from "./support/versionFixtures";

/** Every story's locale and zone: the times read the same on any machine. */
const intl = { locale: "en-US", timeZone: "UTC" } as const;
/** A short time as the kit formats it here: "Nov 3, 2024, 10:05 AM UTC". */
const time = (minute: number) => `Nov 3, 2024, 10:${String(minute).padStart(2, "0")} AM UTC`;
const byAda = `Version of ${time(0)} by Ada`;
const byCleo = `Version of ${time(10)} by Cleo`;
const launchPrice = `“Launch price” (${time(5)})`;
/** The same versions inside a sentence ("Restore the version of … by Ada"). */
const theVersionByAda = `the version of ${time(0)} by Ada`;
const theVersionByCleo = `the version of ${time(10)} by Cleo`;

const versions = (options: VersionScenarioOptions) => ({ versions: options });


/** Entry 1 (the create), entry 2 (the price, named "Launch price") and entry 3 (the latest) of product 7. */
const [created, priceLowered, latest] = lampHistory().map(entryOf);

const compare = (canvasElement: HTMLElement, part: (typeof compareVersionsParts)[keyof typeof compareVersionsParts]) =>
  canvasElement.querySelector<HTMLElement>(compareVersionsAnatomy.selector(part));
const diffRow = (scope: ParentNode, path: string) => scope.querySelector<HTMLElement>(`${recordDiffAnatomy.selector(recordDiffParts.field)}[data-path="${path}"]`);
/** A diff row's old and new values, as read on screen. */
const values = (row: HTMLElement | null) => ({
  before: row?.querySelector(recordDiffAnatomy.selector(recordDiffParts.before))?.textContent,
  after: row?.querySelector(recordDiffAnatomy.selector(recordDiffParts.after))?.textContent,
});
const waitForPanel = async (canvasElement: HTMLElement, state: string) => {
  const dialog = await within(canvasElement).findByRole("dialog");
  await waitFor(() => expect(dialog).toHaveAttribute("data-state", state));
  return dialog;
};
const entry = (canvasElement: HTMLElement, id: string) =>
  canvasElement.querySelector<HTMLElement>(`${auditTimelineAnatomy.selector(auditTimelineParts.entry)}[data-log-id="${id}"]`);
const waitForEntry = (canvasElement: HTMLElement, id: string) =>
  waitFor(() => {
    const found = entry(canvasElement, id);
    expect(found).not.toBeNull();
    return found!;
  });

const deny = (action: string, reason: string, options?: AccessControlProvider["options"]): AccessControlProvider => ({
  can: async (params) => (params.action === action ? { can: false, reason } : { can: true }),
  options,
});

/** An audit log that pages by `size` whatever the kit asks for (the kit asks 50 a page). */
const pagedBy = (size: number) => (audit: InMemoryAuditLogProvider) => ({
  ...audit,
  get: (params: Parameters<InMemoryAuditLogProvider["get"]>[0]) => audit.get({ ...params, meta: { ...params.meta, pageSize: size } }),
});

const meta = {
  title: "Components/Versions",
  component: CompareVersions,
  loaders: [loadVersionScenario],
  decorators: [withVersionScenario],
  args: { resource: "products", id: 7, ...intl },
} satisfies Meta<typeof CompareVersions>;
export default meta;
type Story = StoryObj<typeof meta>;

/* ---------- CompareVersions ---------- */

/** No stylesheet: two labelled native selects, the two sides in words, and the diff. */
export const Unstyled: Story = {
  args: { defaultFrom: 1 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(compare(canvasElement, compareVersionsParts.heading)).toHaveTextContent(`${byAda} → Current`));
    await expect(isStyled(compare(canvasElement, compareVersionsParts.root)!)).toBe(false);
  },
};

/**
 * Picking: nothing chosen yet. Each select lists "Current", then the named versions,
 * then every other version, newest first; picking one shows the comparison.
 */
export const Picking: Story = {
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const from = await canvas.findByRole<HTMLSelectElement>("combobox", { name: "Compare" });
    const to = canvas.getByRole<HTMLSelectElement>("combobox", { name: "with" });
    await waitFor(() => expect(from.options).toHaveLength(5));
    await expect([...from.options].map((option) => option.text)).toEqual(["Choose a version", "Current", launchPrice, byCleo, byAda]);
    await expect([...from.querySelectorAll("optgroup")].map((group) => group.label)).toEqual(["Named versions", "Other versions"]);
    await expect(to.selectedOptions[0]!.text).toBe("Current");
    await expect(canvas.getByText("Pick two versions to compare.")).toBeVisible();

    await userEvent.selectOptions(from, "2");
    await waitFor(() => expect(compare(canvasElement, compareVersionsParts.heading)).toHaveTextContent(`${launchPrice} → Current`));
    const diff = compare(canvasElement, compareVersionsParts.diff)!;
    await expect(values(diffRow(diff, "name"))).toEqual({ before: "Lamp", after: "Arc lamp" });
    await expect(values(diffRow(diff, "status"))).toEqual({ before: "Draft", after: "Published" });
    // Unchanged fields are folded into "Show 3 unchanged fields".
    await expect(diffRow(diff, "price")).toBeNull();
  },
};

/** A version compared with the record as it is now (read with `useOne`), and "Restore" for the older side. */
export const CompareWithCurrent: Story = {
  args: { defaultFrom: 1 },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(compare(canvasElement, compareVersionsParts.heading)).toHaveTextContent(`${byAda} → Current`));
    await expect(compare(canvasElement, compareVersionsParts.root)).toHaveAttribute("data-state", "ready");
    const diff = compare(canvasElement, compareVersionsParts.diff)!;
    await expect(values(diffRow(diff, "name"))).toEqual({ before: "Lamp", after: "Arc lamp" });
    await expect(values(diffRow(diff, "price"))).toEqual({ before: "45", after: "39" });
    await expect(values(diffRow(diff, "status"))).toEqual({ before: "Draft", after: "Published" });
    await expect(canvas.getByRole("button", { name: `Restore ${theVersionByAda}` })).toBeVisible();
    await expect(canvas.queryByRole("button", { name: /Restore Current/ })).toBeNull();
  },
};

/**
 * Two historical versions, picked newer first: they are put in order (older on the left,
 * `data-swapped`), and each can be restored.
 */
export const CompareTwoVersions: Story = {
  args: { defaultFrom: 3, defaultTo: 2 },
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(compare(canvasElement, compareVersionsParts.heading)).toHaveTextContent(`${launchPrice} → ${byCleo}`));
    await expect(compare(canvasElement, compareVersionsParts.root)).toHaveAttribute("data-swapped", "");
    const diff = compare(canvasElement, compareVersionsParts.diff)!;
    await expect(values(diffRow(diff, "name"))).toEqual({ before: "Lamp", after: "Arc lamp" });
    await expect(diffRow(diff, "price")).toBeNull();
    await expect(canvas.getByRole("button", { name: `Restore ${launchPrice}` })).toBeVisible();
    await expect(canvas.getByRole("button", { name: `Restore ${theVersionByCleo}` })).toBeVisible();

    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "with" }), "1");
    await waitFor(() => expect(compare(canvasElement, compareVersionsParts.heading)).toHaveTextContent(`${byAda} → ${byCleo}`));
  },
};

/**
 * A record whose history began before logging: its first version knows only `status`, so
 * the price it had then is "earlier value not recorded", never "added".
 */
export const EarlierValueNotRecorded: Story = {
  args: { id: 8, defaultFrom: 21, defaultTo: 22 },
  decorators: [withStylesheet],
  parameters: { ...versions({ rows: benchHistory }) },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(compare(canvasElement, compareVersionsParts.heading)).toHaveTextContent(`Version of ${time(0)} by Ada → Version of ${time(20)} by Ben`));
    const row = diffRow(compare(canvasElement, compareVersionsParts.diff)!, "price")!;
    await expect(row).toHaveAttribute("data-before-unknown", "");
    await expect(within(row).getByText("earlier value not recorded")).toBeVisible();
    await expect(values(row).after).toBe("12");
    await expect(row.querySelector(recordDiffAnatomy.selector(recordDiffParts.before))).toBeNull();
  },
};

/** The log has not answered yet: a status message and `aria-busy`, no pickers. */
export const Loading: Story = {
  args: { defaultFrom: 1 },
  decorators: [withStylesheet],
  parameters: versions({ wrapAuditLog: () => ({ get: () => new Promise(() => {}) }) }),
  play: async ({ canvasElement }) => {
    const root = compare(canvasElement, compareVersionsParts.root)!;
    await expect(root).toHaveAttribute("data-state", "loading");
    await expect(root).toHaveAttribute("aria-busy", "true");
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading versions…");
    await expect(within(canvasElement).queryByRole("combobox")).toBeNull();
  },
};

/** The audit log provider failed: its message and "Try again" (which succeeds here). */
export const ErrorState: Story = {
  name: "Error",
  args: { defaultFrom: 1 },
  decorators: [withStylesheet],
  parameters: {
    ...versions({
      wrapAuditLog: (audit) => {
        audit.setFailure("get", new Error("The audit service is unavailable (503)."));
        return audit;
      },
    }),
  },
  play: async ({ canvasElement, loaded }) => {
    const alert = await within(canvasElement).findByRole("alert");
    await expect(alert).toHaveTextContent("The history could not be loaded: The audit service is unavailable (503).");
    await expect(compare(canvasElement, compareVersionsParts.root)).toHaveAttribute("data-state", "error");
    scenarioOf({ loaded }).audit.setFailure("get", undefined);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(compare(canvasElement, compareVersionsParts.heading)).toHaveTextContent(`${byAda} → Current`));
  },
};

/** Nothing logged for this record: no versions to compare ("Current" alone is not a choice). */
export const Empty: Story = {
  decorators: [withStylesheet],
  parameters: versions({ rows: () => [] }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText("No versions recorded yet")).toBeVisible());
    await expect(within(canvasElement).queryByRole("combobox")).toBeNull();
  },
};

/**
 * A provider that pages (two entries a page here) and has more: the oldest version is not
 * listed yet, and the note says so, with a button that reads the next page.
 */
export const PartialHistory: Story = {
  args: { defaultFrom: 2 },
  decorators: [withStylesheet],
  parameters: { ...versions({ wrapAuditLog: pagedBy(2), pageSize: 2 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(compare(canvasElement, compareVersionsParts.heading)).toHaveTextContent(`${launchPrice} → Current`));
    await expect(await canvas.findByText(/^Older history is not loaded yet: earlier versions are not listed/)).toBeVisible();
    const from = canvas.getByRole<HTMLSelectElement>("combobox", { name: "Compare" });
    await expect([...from.options].map((option) => option.text)).toEqual(["Current", launchPrice, byCleo]);
    await expect(canvas.getByRole("button", { name: "Load older history" })).toBeVisible();
  },
};

/** The same after "Load older history": the oldest version is listed, and the note is gone. */
export const PartialHistoryLoaded: Story = {
  ...PartialHistory,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const from = await canvas.findByRole<HTMLSelectElement>("combobox", { name: "Compare" });
    await userEvent.click(await canvas.findByRole("button", { name: "Load older history" }));
    await waitFor(() => expect([...from.options].map((option) => option.text)).toEqual(["Current", launchPrice, byCleo, byAda]));
    await expect(canvas.queryByText(/^Older history is not loaded yet/)).toBeNull();
    await expect(canvas.queryByRole("button", { name: "Load older history" })).toBeNull();
  },
};

/* ---------- RestoreVersion ---------- */

/** The confirmation: exactly what will be written (current value → value to write), nothing else. */
export const RestoreConfirm: Story = {
  name: "Restore: confirm",
  decorators: [withStylesheet],
  render: () => <RestoreVersion resource="products" id={7} entry={created} {...intl} />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Restore this version" }));
    const dialog = await waitForPanel(canvasElement, "confirming");
    await expect(within(dialog).getByRole("heading", { name: `Restore ${theVersionByAda}?` })).toHaveFocus();
    await expect(dialog).toHaveAccessibleDescription("These changes will be written (current value → value to write). Nothing else changes.");
    const diff = dialog.querySelector<HTMLElement>(writeBackAnatomy.selector(writeBackParts.diff))!;
    await expect(values(diffRow(diff, "name"))).toEqual({ before: "Arc lamp", after: "Lamp" });
    await expect(values(diffRow(diff, "price"))).toEqual({ before: "39", after: "45" });
    await expect(values(diffRow(diff, "status"))).toEqual({ before: "Published", after: "Draft" });
    await expect(diffRow(diff, "stock")).toBeNull();
    await expect(within(dialog).getByRole("button", { name: "Restore" })).toBeVisible();
    await expect(within(dialog).getByRole("button", { name: "Cancel" })).toBeVisible();
    await expect(scenarioOf({ loaded }).data.updates).toHaveLength(0);
  },
};

/** Confirmed: written through `useUpdate` (with `meta.restoredFrom`), announced, and focus back on the trigger. */
export const RestoreDone: Story = {
  name: "Restore: done",
  decorators: [withStylesheet],
  render: () => <RestoreVersion resource="products" id={7} entry={created} {...intl} />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { data, audit } = scenarioOf({ loaded });
    const trigger = canvas.getByRole("button", { name: "Restore this version" });
    await userEvent.click(trigger);
    const dialog = await waitForPanel(canvasElement, "confirming");
    await userEvent.click(within(dialog).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Version restored."));
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(trigger).toHaveFocus());
    await expect(data.updates).toEqual([{ id: 7, variables: { name: "Lamp", price: 45, status: "Draft" }, meta: expect.objectContaining({ restoredFrom: 1, restoreKind: "restore" }) }]);
    await expect(data.tables.products![0]).toMatchObject({ name: "Lamp", price: 45, status: "Draft" });
    await waitFor(() => expect(audit.rows).toHaveLength(4));
  },
};

/**
 * Someone changed the record while the confirmation was open: the re-read before writing
 * notices, nothing is written, and the new diff is shown to confirm again.
 */
export const RestoreStale: Story = {
  name: "Restore: record changed meanwhile",
  decorators: [withStylesheet],
  render: () => <RestoreVersion resource="products" id={7} entry={created} {...intl} />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { data } = scenarioOf({ loaded });
    await userEvent.click(canvas.getByRole("button", { name: "Restore this version" }));
    const dialog = await waitForPanel(canvasElement, "confirming");
    await expect(diffRow(dialog, "stock")).toBeNull();
    data.edit("products", 7, { name: "Floor lamp", stock: 9 });
    await userEvent.click(within(dialog).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(dialog).toHaveAttribute("data-state", "stale"));
    const alert = within(dialog).getByRole("alert");
    await expect(alert).toHaveTextContent("The record changed since this was shown. Here is what would be written now: check it and confirm again.");
    await expect(values(diffRow(dialog, "name"))).toEqual({ before: "Floor lamp", after: "Lamp" });
    await expect(values(diffRow(dialog, "stock"))).toEqual({ before: "9", after: "3" });
    await expect(within(dialog).getByRole("button", { name: "Restore" })).toBeVisible();
    await expect(data.updates).toHaveLength(0);
  },
};

/** Access control denies `restore` with a reason: the trigger stays, disabled, the reason as its title and description. */
export const RestoreForbidden: Story = {
  name: "Restore: forbidden",
  decorators: [withStylesheet],
  parameters: versions({ accessControlProvider: deny("restore", "Only editors can restore versions") }),
  render: () => <RestoreVersion resource="products" id={7} entry={created} {...intl} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole("button", { name: "Restore this version" });
    await waitFor(() => expect(trigger).toHaveAttribute("title", "Only editors can restore versions"));
    await expect(trigger).toHaveAttribute("aria-disabled", "true");
    await expect(trigger).toHaveAccessibleDescription("Only editors can restore versions");
    await userEvent.click(trigger);
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
  },
};

/** The same with `options.buttons.hideIfUnauthorized`: no trigger at all. */
export const RestoreForbiddenHidden: Story = {
  name: "Restore: forbidden, hidden",
  decorators: [withStylesheet],
  parameters: versions({ accessControlProvider: deny("restore", "Only editors can restore versions", { buttons: { hideIfUnauthorized: true } }) }),
  render: () => <RestoreVersion resource="products" id={7} entry={created} {...intl} />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).queryByRole("button")).toBeNull());
    await expect(canvasElement.querySelector(writeBackAnatomy.selector(writeBackParts.root))).not.toBeNull();
    await expect(canvasElement.querySelector(writeBackAnatomy.selector(writeBackParts.reason))).toBeNull();
  },
};

/** The server refuses the write: its message, the confirmation kept open with the diff, and "Try again". */
export const RestoreFailedWrite: Story = {
  name: "Restore: write failed",
  decorators: [withStylesheet],
  render: () => <RestoreVersion resource="products" id={7} entry={created} {...intl} />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { data } = scenarioOf({ loaded });
    data.failUpdates(Object.assign(new Error("Price is locked by the ERP"), { statusCode: 409 }));
    await userEvent.click(canvas.getByRole("button", { name: "Restore this version" }));
    const dialog = await waitForPanel(canvasElement, "confirming");
    await userEvent.click(within(dialog).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(dialog).toHaveAttribute("data-state", "error"));
    await expect(within(dialog).getByRole("alert")).toHaveTextContent(/^Nothing was written: Price is locked by the ERP$/);
    await expect(values(diffRow(dialog, "name"))).toEqual({ before: "Arc lamp", after: "Lamp" });
    await expect(within(dialog).getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(canvas.getByRole("dialog")).toBe(dialog);
    await expect(data.tables.products![0]).toMatchObject({ name: "Arc lamp", price: 39 });
  },
};

/**
 * Fields the restore leaves as they are, and why: `colour` was never recorded in that
 * version; `cost` is redacted by the app's policy (its values appear nowhere).
 */
export const RestoreFieldsLeftOut: Story = {
  name: "Restore: fields left out",
  decorators: [withStylesheet],
  parameters: versions({ records: () => [{ ...lampNow(), cost: 29.9, colour: "red" }] }),
  render: () => <RestoreVersion resource="products" id={7} entry={created} fields={{ cost: { redact: true } }} {...intl} />,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Restore this version" }));
    const dialog = await waitForPanel(canvasElement, "confirming");
    const leftOut = dialog.querySelector<HTMLElement>(writeBackAnatomy.selector(writeBackParts.leftOut))!;
    await expect(within(leftOut).getByText("Left as they are:")).toBeVisible();
    await expect(within(leftOut).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Colour: its value in that version was not recorded",
      "Cost: hidden, so it is not written",
    ]);
    await expect(diffRow(dialog, "cost")).toBeNull();
    await expect(diffRow(dialog, "colour")).toBeNull();
    await expect(canvasElement.textContent).not.toMatch(/29\.9|31\.5/);
  },
};

/** The record already holds that version's values: nothing to write, said in words; only "Close". */
export const RestoreNothingToWrite: Story = {
  name: "Restore: nothing to write",
  decorators: [withStylesheet],
  render: () => <RestoreVersion resource="products" id={7} entry={latest} {...intl} />,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Restore this version" }));
    const dialog = await waitForPanel(canvasElement, "unavailable");
    await expect(within(dialog).getByRole("alert")).toHaveTextContent(/^Nothing to write: the record already holds these values/);
    await expect(within(dialog).queryByRole("button", { name: "Restore" })).toBeNull();
    await expect(dialog.querySelector(writeBackAnatomy.selector(writeBackParts.diff))).toBeNull();
    await expect(within(dialog).getByRole("button", { name: "Close" })).toBeVisible();
  },
};

/* ---------- RevertChange ---------- */

const revertPrice = () => <RevertChange resource="products" id={7} entry={priceLowered} changeKey="price" changeKind="changed" fieldLabel="Price" triggerLabel="Revert Price" {...intl} />;

/** Reverting one change (the price Ben lowered): only that field, back to the value before it (inferred from the create). */
export const RevertConfirm: Story = {
  name: "Revert: confirm",
  decorators: [withStylesheet],
  render: revertPrice,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Revert Price" }));
    const dialog = await waitForPanel(canvasElement, "confirming");
    await expect(within(dialog).getByRole("heading", { name: "Revert Price?" })).toHaveFocus();
    await expect(values(diffRow(dialog, "price"))).toEqual({ before: "39", after: "45" });
    await expect(dialog.querySelectorAll(recordDiffAnatomy.selector(recordDiffParts.field))).toHaveLength(1);
    // A revert writes one field on purpose: the record's other fields are not "left out".
    await expect(dialog.querySelector(writeBackAnatomy.selector(writeBackParts.leftOut))).toBeNull();
    await expect(within(dialog).getByRole("button", { name: "Revert" })).toBeVisible();
  },
};

/** Confirmed: the price written back (`meta.restoreKind: "revert"`), "Change reverted." announced. */
export const RevertDone: Story = {
  name: "Revert: done",
  decorators: [withStylesheet],
  render: revertPrice,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { data } = scenarioOf({ loaded });
    const trigger = canvas.getByRole("button", { name: "Revert Price" });
    await userEvent.click(trigger);
    const dialog = await waitForPanel(canvasElement, "confirming");
    await userEvent.click(within(dialog).getByRole("button", { name: "Revert" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Change reverted."));
    await expect(canvas.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(trigger).toHaveFocus());
    await expect(data.updates).toEqual([{ id: 7, variables: { price: 45 }, meta: expect.objectContaining({ restoredFrom: 2, restoreKind: "revert" }) }]);
  },
};

/* ---------- AuditTimeline with versions ---------- */

const timeline = (props: Partial<Parameters<typeof AuditTimeline>[0]> = {}) => <AuditTimeline resource="products" id={7} now={NOW} {...intl} {...props} />;

/** Each entry's "Actions": compare with another version, restore it, copy a link. Here the first version, compared with now. */
export const TimelineActionsMenu: Story = {
  name: "Timeline: actions menu",
  decorators: [withStylesheet],
  render: () => timeline(),
  play: async ({ canvasElement }) => {
    const first = await waitForEntry(canvasElement, "1");
    const toggle = within(first).getByRole("button", { name: "Actions" });
    await expect(toggle).toHaveAccessibleDescription(/^Created/);
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const menu = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    await expect(menu).toBeVisible();
    await expect(within(menu).getAllByRole("button").map((button) => button.textContent)).toEqual(["Name this version", "Compare with another version", "Restore this version", "Copy link"]);

    await userEvent.click(within(menu).getByRole("button", { name: "Compare with another version" }));
    await waitFor(() => expect(first.querySelector(compareVersionsAnatomy.selector(compareVersionsParts.heading))).toHaveTextContent(`${byAda} → Current`));
  },
};

/** An open entry's diff: each row can be reverted on its own, or show that field's history. */
export const TimelineRowActions: Story = {
  name: "Timeline: row actions",
  decorators: [withStylesheet],
  render: () => timeline({ defaultExpanded: ["2"], fields: { price: { label: "Price" } } }),
  play: async ({ canvasElement }) => {
    const second = await waitForEntry(canvasElement, "2");
    const row = await waitFor(() => {
      const found = diffRow(second, "price");
      expect(found).not.toBeNull();
      return found!;
    });
    const actions = row.querySelector<HTMLElement>(recordDiffAnatomy.selector(recordDiffParts.rowActions))!;
    await expect(within(actions).getByRole("button", { name: "Revert Price" })).toBeVisible();
    const history = within(actions).getByRole("button", { name: "History of Price" });
    await userEvent.click(history);
    await expect(history).toHaveAttribute("aria-expanded", "true");
    await waitFor(() => expect(within(actions).getByRole("list", { name: "History of Price" })).toBeVisible());
  },
};

/** An entry written by a restore says what it restored ("Restored “Launch price” (…)"). */
export const TimelineRestoredEntry: Story = {
  name: "Timeline: a restored entry",
  decorators: [withStylesheet],
  parameters: versions({ rows: lampHistoryWithRestore }),
  render: () => timeline(),
  play: async ({ canvasElement }) => {
    const restore = await waitForEntry(canvasElement, "4");
    await expect(restore.querySelector(auditTimelineAnatomy.selector(auditTimelineParts.restored))).toHaveTextContent(`Restored ${launchPrice}`);
    await expect(entry(canvasElement, "3")!.querySelector(auditTimelineAnatomy.selector(auditTimelineParts.restored))).toBeNull();
  },
};

/**
 * A link to one entry (`linkedEntryId`, or `?auditEntry=` in the URL) that the filters
 * leave out: shown anyway, open, focused and highlighted, with a note that says why.
 */
export const TimelineLinkedEntry: Story = {
  name: "Timeline: a linked entry outside the filters",
  decorators: [withStylesheet],
  render: () => timeline({ linkedEntryId: 1, filters: { action: "update" } }),
  play: async ({ canvasElement }) => {
    const linked = await waitForEntry(canvasElement, "1");
    await waitFor(() => expect(linked).toHaveAttribute("data-state", "open"));
    await expect(linked).toHaveAttribute("data-linked", "");
    await expect(linked).toHaveAttribute("data-outside-filters", "");
    await expect(within(linked).getByText("Shown because the page links to it: it does not match the current filters.")).toBeVisible();
    await waitFor(() => expect(linked).toHaveFocus());
    await expect(entry(canvasElement, "2")).not.toBeNull();
  },
};

/** A link to an entry this history does not hold: said once, above the list. */
export const TimelineLinkMissing: Story = {
  name: "Timeline: a link to a missing entry",
  decorators: [withStylesheet],
  render: () => timeline({ linkedEntryId: 99 }),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector(auditTimelineAnatomy.selector(auditTimelineParts.linkStatus))).toHaveTextContent("The linked entry (#99) is not in this history."),
    );
    await expect(entry(canvasElement, "3")).not.toBeNull();
  },
};

/* ---------- Dark ---------- */

/** The stylesheet under `data-theme="dark"`: a comparison, and its restore confirmation after the record changed. */
export const Dark: Story = {
  args: { defaultFrom: 1 },
  decorators: [withDarkTheme, withStylesheet],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: `Restore ${theVersionByAda}` }));
    const dialog = await waitForPanel(canvasElement, "confirming");
    scenarioOf({ loaded }).data.edit("products", 7, { stock: 9 });
    await userEvent.click(within(dialog).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(dialog).toHaveAttribute("data-state", "stale"));
    await expect(getComputedStyle(dialog).borderTopStyle).toBe("solid");
  },
};
