import { useLogList, type AccessControlProvider } from "@refinedev/core";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  createInMemoryAuditLogProvider,
  normalizeLogs,
  RenameLogEntry,
  renameLogEntryParts,
  useRenameLogEntry,
  type InMemoryLogRow,
} from "../src/index";
// Until it is merged into the kit's main stylesheet.
import "../src/rename-log-entry/rename.css";
import { withRefine, type RefineStoryParameters } from "./support/withRefine";

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

const root = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-scope="rename-log-entry"]')!;

const meta = {
  title: "Components/RenameLogEntry",
  component: RenameLogEntry,
  decorators: [withRefine],
  parameters: refine({ auditLogProvider: freshProvider() }),
  args: { log: namedRow },
} satisfies Meta<typeof RenameLogEntry>;
export default meta;
type Story = StoryObj<typeof meta>;

/** An entry with a name: the name, and a "Rename" button. */
export const Named: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Winter prices").dataset.part).toBe(renameLogEntryParts.name);
    await expect(canvas.getByRole("button", { name: "Rename “Winter prices”" })).toBeEnabled();
    await expect(root(canvasElement).dataset.state).toBe("idle");
  },
};

/** An entry without a name: only the "Name this version" button. */
export const Unnamed: Story = {
  args: { log: unnamedRow },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Name this version" })).toBeEnabled();
  },
};

/** The input open, with the current name selected. */
export const Editing: Story = {
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

/** A provider without `update`: the name is shown read-only. */
export const ReadOnly: Story = {
  parameters: refine({
    auditLogProvider: () => {
      const { get, create } = createInMemoryAuditLogProvider({ initial: rows() });
      return { get, create };
    },
  }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).queryByRole("button")).toBeNull());
    await expect(within(canvasElement).getByText("Winter prices")).toBeVisible();
  },
};

/** Long names wrap (a 120-character name, and one with no spaces); longer than 120 is refused with a message. */
export const LongNames: Story = {
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
  render: (args) => (
    <div data-theme="dark" style={{ background: "#111827", color: "#f9fafb", padding: "1rem", display: "grid", gap: "0.75rem" }}>
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
