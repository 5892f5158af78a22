import { useLogList, type AccessControlProvider, type AuditLogProvider } from "@refinedev/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  AuditTimeline,
  AuditTrailProvider,
  createInMemoryAuditLogProvider,
  normalizeLogs,
  RenameLogEntry,
  renameLogEntryAnatomy,
  renameLogEntryParts,
  useRenameLogEntry,
  type InMemoryLogRow,
} from "../src/index";
import { isStyled, withDarkTheme, withStylesheet } from "./support/decorators";
import { productHistory } from "./support/logFixtures";
import { RefineStoryProvider, withRefine, type RefineStoryParameters } from "./support/withRefine";

const rows = (): InMemoryLogRow[] => [
  { id: 1, resource: "products", action: "create", createdAt: "2024-03-01T09:00:00Z", author: { name: "Ada" }, data: { price: 10 }, meta: { id: 1 } },
  { id: 2, resource: "products", action: "update", createdAt: "2024-03-08T09:00:00Z", author: { name: "Ada" }, data: { price: 12 }, name: "Winter prices", meta: { id: 1 } },
  { id: 3, resource: "products", action: "update", createdAt: "2024-03-15T09:00:00Z", author: { name: "Grace" }, data: { price: 9 }, meta: { id: 1 } },
];
const [unnamedRow, namedRow] = rows();

/** Exactly 120 characters, the default limit. */
const LONG_NAME = "Spring price list for the northern warehouses, after the supplier renegotiation of March, approved by finance and sales.";
const UNBROKEN_NAME = "x".repeat(90);

/** A fresh in-memory provider per mount (renames in a story do not leak into the next showing). */
const freshProvider =
  (setup?: (provider: ReturnType<typeof createInMemoryAuditLogProvider>) => void, latency?: number) =>
  () => {
    const provider = createInMemoryAuditLogProvider({ initial: rows(), latency });
    setup?.(provider);
    return provider;
  };

const refine = (parameters: RefineStoryParameters) => ({ refine: parameters });

const denyWith = (reason: string, options?: AccessControlProvider["options"]): AccessControlProvider => ({
  can: async ({ action }) => (action === "rename" ? { can: false, reason } : { can: true }),
  options,
});

const root = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>(renameLogEntryAnatomy.selector("root"))!;

const meta = {
  title: "Components/RenameLogEntry",
  component: RenameLogEntry,
  decorators: [withRefine],
  parameters: refine({ auditLogProvider: freshProvider() }),
  args: { log: namedRow },
} satisfies Meta<typeof RenameLogEntry>;
export default meta;
type Story = StoryObj<typeof meta>;

/** No stylesheet: the bare markup (the name as text, a plain button), as the browser shows it. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    await expect(isStyled(root(canvasElement))).toBe(false);
    await expect(within(canvasElement).getByRole("button", { name: "Rename “Winter prices”" })).toBeEnabled();
  },
};

/** An entry with a name: the name, and a "Rename" button. */
export const Named: Story = {
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Winter prices").dataset.part).toBe(renameLogEntryParts.name);
    await expect(canvas.getByRole("button", { name: "Rename “Winter prices”" })).toBeEnabled();
    await expect(root(canvasElement).dataset.state).toBe("idle");
  },
};

/** An entry without a name: only the "Name this version" button. */
export const Unnamed: Story = {
  decorators: [withStylesheet],
  args: { log: unnamedRow },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Name this version" })).toBeEnabled();
  },
};

/** The input open, with the current name selected. */
export const Editing: Story = {
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Rename “Winter prices”" }));
    const input = canvas.getByRole<HTMLInputElement>("textbox", { name: "Version name" });
    await expect(input).toHaveFocus();
    await expect(input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0)).toBe("Winter prices");
    await expect(root(canvasElement).dataset.state).toBe("editing");
  },
};

/** A provider that takes three seconds: nothing can be submitted twice meanwhile. */
export const Saving: Story = {
  decorators: [withStylesheet],
  args: { log: unnamedRow },
  parameters: refine({ auditLogProvider: freshProvider(undefined, 3000) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Name this version" }));
    await userEvent.keyboard("Spring price list{Enter}");
    await expect(root(canvasElement).dataset.state).toBe("saving");
    await expect(canvas.getByRole("button", { name: "Saving…" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Cancel" })).toBeDisabled();
  },
};

/** A provider whose `update` fails: the error beside the input, the typed text kept. */
export const UpdateFails: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: freshProvider((provider) => provider.setFailure("update", new Error("The audit service is offline."))) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Rename “Winter prices”" }));
    await userEvent.keyboard("Spring prices{Enter}");
    await waitFor(() => expect(root(canvasElement).dataset.state).toBe("error"));
    await expect(canvas.getByRole("alert")).toHaveTextContent("The audit service is offline.");
    await expect(canvas.getByRole("textbox", { name: "Version name" })).toHaveValue("Spring prices");
    await expect(canvas.getByRole("textbox", { name: "Version name" })).toHaveAccessibleDescription(/offline/);
  },
};

/** Access control denies renaming: the button is disabled, with the reason as its title and description. */
export const Forbidden: Story = {
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: freshProvider(), accessControlProvider: denyWith("Only editors can name versions.") }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole("button", { name: "Rename “Winter prices”" });
    await waitFor(() => expect(trigger).toBeDisabled());
    await expect(trigger).toHaveAttribute("title", "Only editors can name versions.");
    await expect(trigger).toHaveAccessibleDescription("Only editors can name versions.");
  },
};

/** Access control denies renaming and hides unauthorized buttons: the name only. */
export const ForbiddenAndHidden: Story = {
  decorators: [withStylesheet],
  parameters: refine({
    auditLogProvider: freshProvider(),
    accessControlProvider: denyWith("Only editors can name versions.", { buttons: { hideIfUnauthorized: true } }),
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Winter prices")).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(canvas.queryByRole("button")).toBeNull();
  },
};

/**
 * A provider without `update`, which the app declares with `<AuditTrailProvider
 * canRename={false}>` (Refine cannot tell): the name is shown read-only.
 */
export const ReadOnly: Story = {
  decorators: [withStylesheet],
  parameters: refine({
    auditLogProvider: () => {
      const { get, create } = createInMemoryAuditLogProvider({ initial: rows() });
      return { get, create };
    },
  }),
  render: (args) => (
    <AuditTrailProvider canRename={false}>
      <RenameLogEntry {...args} />
    </AuditTrailProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Winter prices")).toBeVisible();
    await expect(within(canvasElement).queryByRole("button")).toBeNull();
  },
};

/** Long names wrap (a 120-character name, and one with no spaces); longer than 120 is refused with a message. */
export const LongNames: Story = {
  decorators: [withStylesheet],
  render: (args) => (
    <div style={{ display: "grid", gap: "0.75rem", maxWidth: "24rem" }}>
      <RenameLogEntry {...args} log={{ ...namedRow, name: LONG_NAME }} />
      <RenameLogEntry {...args} log={{ ...unnamedRow, name: UNBROKEN_NAME }} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(LONG_NAME)).toBeVisible();
    const [first] = canvas.getAllByRole("button", { name: /^Rename/ });
    await userEvent.click(first);
    await userEvent.keyboard("{End}0123456789");
    await expect(canvas.getByRole("alert")).toHaveTextContent(/120.*130/);
    await expect(canvas.getByRole("textbox", { name: "Version name" })).toHaveAttribute("aria-invalid", "true");
  },
};

/** Longer than any test: the "Saving" cell of {@link States} stays in flight while it is looked at. */
const SAVING_FOREVER = 10 * 60_000;

/** The cells of {@link States}: each one's entry and its own `<Refine>` (provider, access control). */
const stateCells: { title: string; log: InMemoryLogRow; providers: RefineStoryParameters }[] = [
  { title: "Idle, unnamed", log: unnamedRow, providers: { auditLogProvider: freshProvider() } },
  { title: "Idle, named", log: namedRow, providers: { auditLogProvider: freshProvider() } },
  { title: "Editing", log: namedRow, providers: { auditLogProvider: freshProvider() } },
  { title: "Saving", log: unnamedRow, providers: { auditLogProvider: freshProvider(undefined, SAVING_FOREVER) } },
  {
    title: "Error",
    log: namedRow,
    providers: { auditLogProvider: freshProvider((provider) => provider.setFailure("update", new Error("The audit service is offline."))) },
  },
  { title: "Forbidden", log: namedRow, providers: { auditLogProvider: freshProvider(), accessControlProvider: denyWith("Only editors can name versions.") } },
  { title: "Long name", log: { ...namedRow, name: LONG_NAME }, providers: { auditLogProvider: freshProvider() } },
  { title: "Long name without spaces", log: { ...namedRow, name: UNBROKEN_NAME }, providers: { auditLogProvider: freshProvider() } },
];

function StateCell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} style={{ border: "1px dashed #888", padding: 12, minWidth: 0 }}>
      <h2 style={{ fontSize: 14, margin: "0 0 8px" }}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * Every state side by side, with the stylesheet, each in its own `<Refine>`. The play
 * function drives the interactive ones: it opens "Editing", saves "Saving" into a provider
 * that takes ten minutes, and saves "Error" into one whose `update` fails.
 */
export const States: Story = {
  decorators: [withStylesheet],
  render: () => (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(320px, 1fr))", gap: 16 }}>
      {stateCells.map(({ title, log, providers }) => (
        <StateCell key={title} title={title}>
          <RefineStoryProvider {...providers}>
            <RenameLogEntry log={log} />
          </RefineStoryProvider>
        </StateCell>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const cell = (name: string) => within(within(canvasElement).getByRole("region", { name }));
    await userEvent.click(cell("Editing").getByRole("button", { name: "Rename “Winter prices”" }));
    await userEvent.click(cell("Saving").getByRole("button", { name: "Name this version" }));
    await userEvent.keyboard("Spring price list{Enter}");
    await userEvent.click(cell("Error").getByRole("button", { name: "Rename “Winter prices”" }));
    await userEvent.keyboard("Spring prices{Enter}");
    await waitFor(() => expect(cell("Forbidden").getByRole("button", { name: "Rename “Winter prices”" })).toBeDisabled());
    const states = () => [...canvasElement.querySelectorAll<HTMLElement>(renameLogEntryAnatomy.selector("root"))].map((element) => element.dataset.state);
    await waitFor(() => expect(states()).toEqual(["idle", "idle", "editing", "saving", "error", "idle", "idle", "idle"]));
    await expect(cell("Error").getByRole("alert")).toHaveTextContent("The audit service is offline.");
    await expect(cell("Long name").getByText(LONG_NAME)).toBeVisible();
  },
};

/** What the "In a timeline" story's provider holds, and how many reads it answered after storing a rename. */
const timelineProbe = { rows: [] as unknown[], readsAfterRename: 0 };

/** A fresh in-memory provider with product 7's history, a little latency, and {@link timelineProbe} kept up to date. */
const timelineProvider = (): AuditLogProvider => {
  const provider = createInMemoryAuditLogProvider({ initial: productHistory(), latency: 200 });
  let isRenamed = false;
  Object.assign(timelineProbe, { rows: provider.rows, readsAfterRename: 0 });
  return {
    ...provider,
    update: async (params) => {
      const result = await provider.update(params);
      isRenamed = true;
      return result;
    },
    get: async (params) => {
      const isAfterRename = isRenamed;
      const result = await provider.get(params);
      if (isAfterRename) timelineProbe.readsAfterRename++;
      return result;
    },
  };
};

const TIMELINE_NAME = "Before the spring sale";

/**
 * `<AuditTimeline>` shows each entry's name in its header and offers "Name this version" in
 * the entry's "Actions"; the input opens in the header. The play function names the newest entry and checks that the timeline shows the name, and still does once
 * the provider has stored it and the timeline has read its list again.
 */
export const InATimeline: Story = {
  name: "In a timeline",
  decorators: [withStylesheet],
  parameters: refine({ auditLogProvider: timelineProvider }),
  render: () => <AuditTimeline resource="products" id={7} locale="en-US" />,
  play: async ({ canvasElement }) => {
    const entry = () => canvasElement.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="entry"][data-log-id="5"]')!;
    await waitFor(() => expect(entry()).not.toBeNull());
    // The entry's "Actions" offer it; the input opens in the entry's header.
    await userEvent.click(within(entry()).getByRole("button", { name: "Actions" }));
    await userEvent.click(within(entry()).getByRole("button", { name: "Name this version" }));
    await expect(within(entry().querySelector<HTMLElement>('[data-part="header"]')!).getByRole("textbox", { name: "Version name" })).toHaveFocus();
    await userEvent.keyboard(`${TIMELINE_NAME}{Enter}`);
    await waitFor(() => expect(within(entry()).getByText(TIMELINE_NAME)).toBeVisible());
    await expect(timelineProbe.rows).toContainEqual(expect.objectContaining({ id: 5, name: TIMELINE_NAME }));

    await waitFor(() => expect(timelineProbe.readsAfterRename).toBeGreaterThan(0));
    // Let the refetched list reach the screen (TanStack Query notifies on a timer).
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(within(entry()).getByText(TIMELINE_NAME)).toBeVisible();
    await expect(entry()).toHaveAttribute("data-named");
    // Focus is back on the entry's "Actions", which now offer to rename it.
    const actions = within(entry()).getByRole("button", { name: "Actions" });
    await expect(actions).toHaveFocus();
    await userEvent.click(actions);
    await expect(within(entry()).getByRole("button", { name: `Rename “${TIMELINE_NAME}”` })).toBeVisible();
  },
};

/** A tiny list of a record's versions, the way an app shows them: `useLogList` plus one `<RenameLogEntry>` per entry. */
function VersionList({ recordId }: { recordId: number }) {
  const { data, isLoading, isError, refetch } = useLogList({ resource: "products", meta: { id: recordId } });
  if (isLoading) return <p>Loading versions…</p>;
  if (isError)
    return (
      <p>
        Could not load the versions. <button onClick={() => refetch()}>Retry</button>
      </p>
    );
  const { entries } = normalizeLogs(data);
  return (
    <section aria-label="Versions">
      <ul style={{ display: "grid", gap: "0.5rem", padding: 0, listStyle: "none" }}>
        {entries.map((entry) => (
          <li key={String(entry.id)} aria-label={`Version ${String(entry.id)}`}>
            <span>
              {entry.action} by {entry.author?.name ?? "someone"}:{" "}
            </span>
            <RenameLogEntry log={entry} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Another view of the same logs (a second query): names only, as a table would show them. */
function NamedVersions({ recordId }: { recordId: number }) {
  const { data } = useLogList({ resource: "products", meta: { id: recordId, view: "names" } });
  const named = normalizeLogs(data).entries.filter((entry) => entry.name);
  return (
    <section aria-label="Named versions">
      <h3 style={{ fontSize: "1rem" }}>Named versions</h3>
      <ul>
        {named.map((entry) => (
          <li key={String(entry.id)}>{entry.name}</li>
        ))}
      </ul>
    </section>
  );
}

/** Renaming in one list updates every list that shows the entry, at once. */
export const RenameUpdatesLists: Story = {
  decorators: [withStylesheet],
  render: () => (
    <div style={{ display: "grid", gap: "1rem" }}>
      <VersionList recordId={1} />
      <NamedVersions recordId={1} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const version = await canvas.findByRole("listitem", { name: "Version 1" });
    await userEvent.click(within(version).getByRole("button", { name: "Name this version" }));
    await userEvent.keyboard("  Spring price list  {Enter}");
    const named = canvas.getByRole("region", { name: "Named versions" });
    await waitFor(() => expect(within(named).getByText("Spring price list")).toBeVisible());
    await waitFor(() => expect(within(version).getByRole("button", { name: "Rename “Spring price list”" })).toHaveFocus());
    await expect(within(named).getByText("Winter prices")).toBeVisible();
  },
};

/** A custom UI on the headless hook: a card with its own markup, same behaviour. */
function VersionCard({ log }: { log: unknown }) {
  const rename = useRenameLogEntry({ log, maxLength: 40 });
  return (
    <article {...rename.getRootProps({ style: { border: "1px solid #9ca3af", borderRadius: 8, padding: "0.75rem", maxWidth: "22rem" } })}>
      {rename.isEditing ? (
        <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
          <input {...rename.getInputProps()} />
          <button {...rename.getSaveProps()}>{rename.labels.save}</button>
          <button {...rename.getCancelProps()}>{rename.labels.cancel}</button>
          <p {...rename.getMessageProps({ style: { margin: 0, color: "#b91c1c" } })}>{rename.message}</p>
        </div>
      ) : (
        <p style={{ margin: 0 }}>
          <strong {...rename.getNameProps()}>{rename.name ?? "Untitled version"}</strong>{" "}
          {rename.isTriggerVisible && <button {...rename.getTriggerProps()}>✎ {rename.labels.trigger}</button>}
          {rename.reason && <span {...rename.getReasonProps()}>{rename.reason}</span>}
        </p>
      )}
    </article>
  );
}

export const HeadlessHook: Story = {
  render: () => <VersionCard log={namedRow} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Rename “Winter prices”" }));
    await userEvent.keyboard("{Escape}");
    await expect(canvas.getByRole("button", { name: "Rename “Winter prices”" })).toHaveFocus();
  },
};

/** The dark palette (`[data-theme="dark"]` on an ancestor), editing and idle side by side. */
export const DarkTheme: Story = {
  decorators: [withDarkTheme, withStylesheet],
  render: (args) => (
    <div style={{ display: "grid", gap: "0.75rem" }}>
      <RenameLogEntry {...args} log={namedRow} />
      <RenameLogEntry {...args} log={unnamedRow} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Name this version" }));
    await userEvent.keyboard("{Enter}");
    await expect(canvas.getByRole("alert")).toHaveTextContent(/Enter a name/);
  },
};
