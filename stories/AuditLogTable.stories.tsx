import type { Meta, StoryObj } from "@storybook/react-vite";
import { Table as AntTable } from "antd";
import { expect, spyOn, userEvent, waitFor, within } from "storybook/test";
import {
  AuditLogTable,
  auditLogTableAnatomy,
  auditLogTableParts as parts,
  createInMemoryAuditLogProvider,
  getColumnHeaderText,
  RecordDiff,
  useAuditLogTable,
  type AuditLogColumnDef,
  type AuditLogEntry,
  type AuditLogTableProps,
} from "../src/index";
import { isStyled, withDarkTheme, withStylesheet } from "./support/decorators";
import { malformedRows, manyEntries, resourceLog } from "./support/logFixtures";
import { withRefine, type RefineStoryParameters } from "./support/withRefine";

/** A fresh provider per mount, so that a story that renames starts clean each time. */
const fresh = (initial: () => unknown[], options: { pageSize?: number; latency?: number } = {}) => () =>
  createInMemoryAuditLogProvider({ initial: initial(), ...options });

const refine = (parameters: RefineStoryParameters) => ({ refine: parameters });

const root = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>(`[data-scope="audit-log-table"][data-part="${parts.root}"]`)!;
const rows = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll<HTMLElement>(`[data-scope="audit-log-table"][data-part="${parts.row}"]`)];
const ready = (canvasElement: HTMLElement) => waitFor(() => expect(root(canvasElement).dataset.state).toBe("ready"));

const meta = {
  title: "Components/AuditLogTable",
  component: AuditLogTable,
  decorators: [withRefine],
  parameters: refine({ auditLogProvider: fresh(() => resourceLog(60)) }),
  args: { resource: "products", locale: "en-US" },
} satisfies Meta<typeof AuditLogTable>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A resource's log in semantic markup only: no stylesheet. Sort by a header, open a row's diff. */
export const Unstyled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await expect(isStyled(root(canvasElement))).toBe(false);
    await expect(rows(canvasElement)).toHaveLength(25);
    const time = canvas.getByRole("columnheader", { name: /Time/ });
    await expect(time).toHaveAttribute("aria-sort", "descending");
    await userEvent.click(within(time).getByRole("button"));
    await expect(time).toHaveAttribute("aria-sort", "ascending");
    await expect(rows(canvasElement)[0]).toHaveAttribute("data-action", "create");
    const toggle = within(rows(canvasElement)[9]!).getByRole("button", { name: "Show changes" });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const detail = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    await expect(detail.querySelector('[data-scope="record-diff"] [data-part="field"]')).not.toBeNull();
  },
};

/** With the stylesheet: toolbar, zebra-free rows with a hover, action colours, the diff on a raised surface. */
export const Styled: Story = {
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(isStyled(root(canvasElement))).toBe(true);
  },
};

/** The stylesheet's dark palette under `[data-theme="dark"]`. */
export const Dark: Story = {
  decorators: [withStylesheet, withDarkTheme],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(getComputedStyle(root(canvasElement)).colorScheme).toBe("dark");
  },
};

/** Every filter: action, author, a date range, a changed field (nested paths too) and free text over names and values. */
export const Filters: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Action" }), "create");
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(8));
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Author" }), "Ada Lovelace");
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(2));
    await userEvent.click(canvas.getAllByRole("button", { name: "Clear filters" })[0]!);
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(25));

    await userEvent.type(canvas.getByLabelText("Changed field"), "dimensions.width");
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent(/matching entries/));
    await expect(canvas.getByRole("status").textContent).not.toContain("of 60 matching");
    await userEvent.clear(canvas.getByLabelText("Changed field"));

    await userEvent.type(canvas.getByLabelText("Search"), "before launch");
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(1));
    await expect(rows(canvasElement)[0]).toHaveTextContent("Price update before launch");
    await userEvent.clear(canvas.getByLabelText("Search"));

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await userEvent.type(canvas.getByLabelText("From"), tomorrow);
    await waitFor(() => expect(canvas.getByText("No entries match these filters.")).toBeVisible());
  },
};

/** Pages of the entries read: first, previous, next, last, and rows per page. */
export const ClientPaging: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await expect(canvas.getByText("Page 1 of 3")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Last" }));
    await expect(canvas.getByText("Page 3 of 3")).toBeVisible();
    await expect(rows(canvasElement)).toHaveLength(10);
    await expect(canvas.getByRole("button", { name: "Next" })).toBeDisabled();
    await userEvent.click(canvas.getByRole("button", { name: "Previous" }));
    await expect(canvas.getByText("Page 2 of 3")).toBeVisible();
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Rows per page" }), "100");
    await expect(rows(canvasElement)).toHaveLength(60);
  },
};

/**
 * A provider that pages (20 rows an answer, `{ data, nextCursor }`): "Next" past the rows
 * read asks for the next page with `meta.cursor`, and the page info says more exist ("of 2+").
 */
export const ServerPaging: Story = {
  parameters: refine({ auditLogProvider: fresh(() => resourceLog(60), { pageSize: 20, latency: 150 }) }),
  args: { requestPageSize: 20, initialState: { pagination: { pageIndex: 0, pageSize: 10 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await expect(canvas.getByText("Page 1 of 2+")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(canvas.getByText("Page 3 of 4+")).toBeVisible());
  },
};

/** Records what an export downloads (no real download in a story run: the link's click is recorded instead). */
function captureDownloads() {
  const blobs: Blob[] = [];
  const create = spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return "blob:story";
  });
  const click = spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
  return {
    blobs,
    restore: () => {
      create.mockRestore();
      click.mockRestore();
    },
  };
}

/** Export the filtered rows: the CSV's cells that start like a formula are made inert. */
export const Export: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    const { blobs, restore } = captureDownloads();
    try {
      await userEvent.type(canvas.getByLabelText("Search"), "HYPERLINK");
      await waitFor(() => expect(rows(canvasElement)).toHaveLength(1));
      await userEvent.click(canvas.getByRole("button", { name: "Export CSV" }));
      const text = await blobs[0]!.text();
      await expect(text.split("\r\n")).toHaveLength(3);
      await expect(text).toContain(`"'=HYPERLINK(`);
      await expect(canvas.getByRole("status")).toHaveTextContent(/Exported 1 entry to audit-log-products-\d{4}-\d{2}-\d{2}\.csv/);
    } finally {
      restore();
    }
  },
};

/** A form-style save writes every field with empty `previousData` (Refine v5). */
const formSaves = () => {
  const at = (minutes: number) => new Date(Date.now() - (10 - minutes) * 60_000).toISOString();
  return [
    { id: 1, resource: "orders", action: "create", createdAt: at(0), author: { name: "Ada" }, data: { status: "draft", title: "Desk lamp", address: { city: "Paris", zip: "75001" } }, meta: { id: 1 } },
    { id: 2, resource: "orders", action: "update", createdAt: at(1), author: { name: "Ada" }, data: { status: "draft", title: "Desk lamp, brass" }, previousData: {}, meta: { id: 1 } },
    { id: 3, resource: "orders", action: "update", createdAt: at(2), author: { name: "Grace" }, data: { status: "paid", title: "Desk lamp, brass" }, previousData: {}, meta: { id: 1 } },
    // Record 2 was never created in this log: its earlier status is unknown.
    { id: 4, resource: "orders", action: "update", createdAt: at(3), author: { name: "Grace" }, data: { status: "paid", address: { city: "Lyon", zip: "69001" } }, previousData: {}, meta: { id: 2 } },
  ];
};

/**
 * A changed-field filter on form-style saves: the save that kept `status` as it was is
 * left out; the entry whose earlier status was never recorded stays, marked
 * `data-match="possible"` with a note, and is not counted as a match.
 */
export const PossibleMatch: Story = {
  parameters: refine({ auditLogProvider: fresh(formSaves) }),
  args: { resource: "orders", defaultFilters: { field: "status" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(3));
    const possible = rows(canvasElement).find((row) => row.dataset.logId === "4")!;
    await expect(possible).toHaveAttribute("data-match", "possible");
    await expect(within(possible).getByText("may have changed: earlier value not recorded")).toBeVisible();
    await expect(canvas.getByRole("status")).toHaveTextContent("2 matching entries (1 more may have changed");
  },
};

/** "Export CSV (one row per change)": a row per changed field, values whole, a redacted one "(hidden)". */
export const ExportPerChange: Story = {
  parameters: refine({ auditLogProvider: fresh(formSaves) }),
  args: { resource: "orders", fields: { "address.zip": { redact: true } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await ready(canvasElement);
    const { blobs, restore } = captureDownloads();
    try {
      await userEvent.click(canvas.getByRole("button", { name: "Export CSV (one row per change)" }));
      const text = await blobs[0]!.text();
      await expect(text).toContain('"Field","Path","Change","Before","After","Earlier value"');
      await expect(text).toContain('"not recorded"');
      await expect(text).not.toMatch(/75001|69001/);
    } finally {
      restore();
    }
  },
};

/** A custom column whose cell throws for one entry: that row shows a fallback, the others render. */
export const RowThatThrows: Story = {
  parameters: refine({ auditLogProvider: fresh(formSaves) }),
  args: {
    resource: "orders",
    columns: (defaults: AuditLogColumnDef[]): AuditLogColumnDef[] => [
      ...defaults,
      {
        id: "invoice",
        header: "Invoice",
        cell: ({ row }) => {
          if (row.original.id === 3) throw new Error("the invoice service returned nothing");
          return `INV-${String(row.original.id)}`;
        },
      },
    ],
  },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const broken = rows(canvasElement).find((row) => row.dataset.logId === "3")!;
    await expect(broken).toHaveAttribute("data-state", "error");
    await expect(within(broken).getByRole("alert")).toHaveTextContent("This entry could not be shown: the invoice service returned nothing");
    await expect(rows(canvasElement)).toHaveLength(4);
  },
};

/** While the first page loads: skeleton rows, `aria-busy`, a status message. */
export const Loading: Story = {
  parameters: refine({ auditLogProvider: fresh(() => resourceLog(60), { latency: 60_000 }) }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute("data-state", "loading");
    await expect(root(canvasElement)).toHaveAttribute("aria-busy", "true");
  },
};

/** The provider failed: the reason, and a way to try again. */
export const ErrorState: Story = {
  name: "Error",
  parameters: refine({
    auditLogProvider: () => {
      const provider = createInMemoryAuditLogProvider({ initial: resourceLog(60) });
      provider.setFailure("get", new Error("Service unavailable (503)"));
      return provider;
    },
  }),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole("alert");
    await expect(alert).toHaveTextContent("The audit log could not be loaded: Service unavailable (503)");
    await expect(within(alert).getByRole("button", { name: "Try again" })).toBeVisible();
  },
};

/** Nothing recorded yet. */
export const Empty: Story = {
  parameters: refine({ auditLogProvider: fresh(() => []) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute("data-state", "empty"));
    await expect(canvasElement).toHaveTextContent("No changes recorded yet");
  },
};

/** No audit log provider in `<Refine>`. */
export const Unconfigured: Story = {
  parameters: refine({ auditLogProvider: null }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute("data-state", "unconfigured");
  },
};

/** Rows the provider returned that cannot be read are listed by their identity, never dropped. */
export const MalformedRows: Story = {
  parameters: refine({ auditLogProvider: fresh(() => [...resourceLog(20), ...malformedRows()]) }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(canvasElement.querySelector('[data-part="malformed"] summary')).toHaveTextContent(/could not be read/);
  },
};

/** 10,000 entries from an in-memory provider: sorting and filtering stay responsive (figures in BENCHMARKS.md). */
export const TenThousandEntries: Story = {
  parameters: refine({ auditLogProvider: fresh(() => manyEntries(10_000, { records: 400 })) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(root(canvasElement)).toHaveAttribute("data-state", "ready"), { timeout: 10_000 });
    await expect(canvas.getByRole("status")).toHaveTextContent("of 10,000 entries");
    await userEvent.click(within(canvas.getByRole("columnheader", { name: /Author/ })).getByRole("button"));
    await userEvent.type(canvas.getByLabelText("Search"), "product 17");
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent(/matching entries/), { timeout: 10_000 });
  },
};

function PlainTable(props: AuditLogTableProps) {
  const result = useAuditLogTable(props);
  const { table, state, describe, filters, setFilters } = result;
  if (state !== "ready") return <p>{state}</p>;
  return (
    <div {...result.getRootProps()}>
      <label>
        Search <input value={filters.search ?? ""} onChange={(event) => setFilters({ ...filters, search: event.target.value })} />
      </label>
      {/* The props getters carry the markup contract (data-scope, data-part, state, aria); your props are merged last. */}
      <table {...result.getTableProps({ style: { borderCollapse: "collapse" } })}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} {...result.getHeaderProps(header, { style: { textAlign: "start", padding: 4 } })}>
                  {header.column.getCanSort() ? (
                    <button {...result.getSortProps(header)}>
                      <table.FlexRender header={header} />
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} {...result.getRowProps(row, { title: describe(row.original).summaryText })}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} {...result.getCellProps(cell, { style: { padding: 4, borderTop: "1px solid #ccc" } })}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
        Previous
      </button>
      <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
        Next
      </button>
    </div>
  );
}

/** `useAuditLogTable` rendered by a plain `<table>` of your own: the hook returns the TanStack instance. */
export const HeadlessPlainTable: Story = {
  render: (args) => <PlainTable {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole("row")).toHaveLength(26));
    await expect(canvasElement.querySelectorAll(auditLogTableAnatomy.selector("row"))).toHaveLength(25);
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await expect(canvas.getAllByRole("row")).toHaveLength(26);
  },
};

function AntDesignTable(props: AuditLogTableProps) {
  const { table, state, describe, t } = useAuditLogTable({ ...props, initialState: { pagination: { pageIndex: 0, pageSize: 10 } } });
  const columns = table.getVisibleLeafColumns().map((column) => ({
    key: column.id,
    title: getColumnHeaderText(column, t),
    render: (_: unknown, entry: AuditLogEntry) => {
      const cell = table.getRow(String(entry.id)).getAllCells().find((candidate) => candidate.column.id === column.id)!;
      return <table.FlexRender cell={cell} />;
    },
  }));
  const { pageIndex, pageSize } = table.state.pagination;
  return (
    <AntTable<AuditLogEntry>
      rowKey={(entry) => String(entry.id)}
      loading={state === "loading"}
      columns={columns}
      dataSource={table.getRowModel().rows.map((row) => row.original)}
      expandable={{
        // Ant Design leaves the expand column's header empty; a name keeps the table accessible.
        columnTitle: <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>Details</span>,
        expandedRowRender: (entry) => <RecordDiff changes={describe(entry).getChanges()} overflow={describe(entry).getDiff().overflow} fields={props.fields} />,
        rowExpandable: (entry) => describe(entry).hasChanges,
      }}
      pagination={{
        current: pageIndex + 1,
        pageSize,
        total: table.getRowCount(),
        showSizeChanger: false,
        onChange: (page) => table.setPageIndex(page - 1),
      }}
    />
  );
}

/** The same hook rendered by Ant Design's `<Table>` (a dev dependency of the stories only): sorting, pages and diffs stay the kit's. */
export const AntDesign: Story = {
  render: (args) => <AntDesignTable {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelectorAll(".ant-table-tbody > tr.ant-table-row")).toHaveLength(10));
    await userEvent.click(canvas.getAllByRole("button", { name: /expand row/i })[0]!);
    await waitFor(() => expect(canvasElement.querySelector('[data-scope="record-diff"]')).not.toBeNull());
  },
};
