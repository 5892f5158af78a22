import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Fragment } from "react";
import { AuditLogTable, auditLogTableAnatomy, createInMemoryAuditLogProvider, useAuditLogTable, type AuditLogColumnDef, type AuditLogTableProps } from "../../src/index";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";
import { captureDownloads, parseCsv } from "../support/csv";

/** Parses a downloaded CSV, without the BOM it starts with (for spreadsheets). */
const readCsv = async (file: { text: () => Promise<string> }) => parseCsv((await file.text()).replace(/^\ufeff/, ""));

const NOW = new Date(Date.UTC(2024, 4, 10, 12, 0, 0));
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

const root = (container: HTMLElement) => container.querySelector<HTMLElement>(auditLogTableAnatomy.selector("root"))!;
const rows = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>(auditLogTableAnatomy.selector("row"))];
const row = (container: HTMLElement, logId: string) => rows(container).find((candidate) => candidate.dataset.logId === logId);
const summary = (container: HTMLElement, logId: string) => row(container, logId)!.querySelector<HTMLElement>('[data-part="cell"][data-column="summary"]')!.textContent;
const status = () => screen.getByRole("status").textContent ?? "";

async function renderTable(props: Partial<AuditLogTableProps>, initial: unknown[]) {
  const provider = createInMemoryAuditLogProvider({ initial });
  const view = renderWithRefine(<AuditLogTable resource="orders" locale="en-US" timeZone="UTC" {...props} />, { auditLogProvider: provider });
  await waitFor(() => expect(root(view.container).dataset.state).toBe("ready"));
  return view;
}


afterEach(() => vi.restoreAllMocks());
vi.setConfig({ testTimeout: 30_000 });

// A form-style save (Refine v5): every field written, previousData empty.
const formSaves = [
  { id: 1, resource: "orders", action: "create", createdAt: at(0), data: { status: "draft", title: "A" }, meta: { id: 1 } },
  { id: 2, resource: "orders", action: "update", createdAt: at(1), data: { status: "draft", title: "B" }, previousData: {}, meta: { id: 1 } },
  { id: 3, resource: "orders", action: "update", createdAt: at(2), data: { status: "paid", title: "B" }, previousData: {}, meta: { id: 1 } },
  // Record 2 was never created in this log: its earlier status is not recorded anywhere.
  { id: 4, resource: "orders", action: "update", createdAt: at(3), data: { status: "paid", title: "X" }, previousData: {}, meta: { id: 2 } },
];

describe("<AuditLogTable> changed-field filter", () => {
  it("keeps out saves that left the field as it was, and marks those that only may have changed it", async () => {
    const { container } = await renderTable({}, formSaves);
    fireEvent.change(screen.getByLabelText("Changed field"), { target: { value: "status" } });
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    // Entry 2 wrote status "draft" over a known "draft": not a change of status.
    expect(rows(container).map((candidate) => candidate.dataset.logId)).toEqual(["4", "3", "1"]);
    expect(row(container, "3")!.dataset.match).toBe("changed");
    expect(row(container, "1")!.dataset.match).toBe("changed");
    const possible = row(container, "4")!;
    expect(possible.dataset.match).toBe("possible");
    expect(within(possible).getByText("may have changed: earlier value not recorded")).toBeTruthy();
    expect(within(row(container, "3")!).queryByText(/may have changed/)).toBeNull();
    // Not counted as a match.
    expect(status()).toContain("Showing 1–3 of 3: 2 matching entries (1 more may have changed; 4 read)");
    expect(summary(container, "4")).toContain("(earlier value");
  });

  it("shows no mark and the plain count when every entry surely changed the field", async () => {
    const { container } = await renderTable({}, formSaves.slice(0, 3));
    fireEvent.change(screen.getByLabelText("Changed field"), { target: { value: "status" } });
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    expect(container.querySelector('[data-part="possible-note"]')).toBeNull();
    expect(status()).toContain("Showing 1–2 of 2 matching entries (3 read)");
  });
});

describe("<AuditLogTable> field suggestions", () => {
  it("suggests the fields the entries changed, never a hidden one", async () => {
    const initial = [
      { id: 1, resource: "users", action: "create", createdAt: at(0), data: { email: "a@b.c", internal: { score: 3 }, address: { city: "Paris" } }, meta: { id: 1 } },
      { id: 2, resource: "users", action: "update", createdAt: at(1), data: { internal: { score: 4 }, email: "a@b.c", address: { city: "Lyon" } }, previousData: {}, meta: { id: 1 } },
    ];
    const { container } = await renderTable({ resource: "users", fields: { internal: { hidden: true } } }, initial);
    const suggestions = [...container.querySelectorAll("datalist option")].map((option) => option.getAttribute("value"));
    expect(suggestions).toEqual(["address", "address.city", "email"]);
    expect(suggestions.some((value) => value?.startsWith("internal"))).toBe(false);
  });
});

describe("<AuditLogTable> exports read the described changes", () => {
  let files: ReturnType<typeof captureDownloads>;
  beforeEach(() => {
    files = captureDownloads();
  });

  it("exports a long text change whole, in the summary and one row per change", async () => {
    const long = `${"A long product description that goes on and on. ".repeat(8)}The end.`;
    const initial = [
      { id: 1, resource: "products", action: "create", createdAt: at(0), data: { description: "Short.", price: 5 }, meta: { id: 7 } },
      { id: 2, resource: "products", action: "update", createdAt: at(1), author: { name: "Ada" }, data: { description: long, price: 6 }, previousData: { description: "Short.", price: 5 }, meta: { id: 7 } },
    ];
    const { container } = await renderTable({ resource: "products", fields: { price: { label: "Price" } } }, initial);
    // On screen the value is shortened; in the file it is whole.
    expect(summary(container, "2")).not.toContain("The end.");
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    const entries = await readCsv(files[0]!);
    expect(entries[0]).toEqual(["Time", "Author", "Action", "Record", "Name", "Changes"]);
    expect(entries[1]![5]).toContain(long);

    await userEvent.click(screen.getByRole("button", { name: "Export CSV (one row per change)" }));
    expect(files[1]!.name).toMatch(/^audit-log-products-\d{4}-\d{2}-\d{2}\.csv$/);
    const changes = await readCsv(files[1]!);
    expect(changes[0]).toEqual(["Time", "Author", "Action", "Record", "Name", "Field", "Path", "Change", "Before", "After", "Earlier value"]);
    expect(changes).toContainEqual([at(1), "Ada", "update", "7", "", "Description", "description", "changed", "Short.", long, "recorded"]);
    expect(changes).toContainEqual([at(1), "Ada", "update", "7", "", "Price", "price", "changed", "5", "6", "recorded"]);
    expect(changes).toContainEqual([at(0), "", "create", "7", "", "Price", "price", "added", "", "5", ""]);
    expect(screen.getByRole("status").textContent).toContain("Exported 2 entries");
  });

  it("never exports nor shows a redacted nested field written inside a whole object", async () => {
    const initial = [
      // No earlier entry for record 1: the update sets `address` whole, its earlier value not recorded.
      { id: 1, resource: "users", action: "update", createdAt: at(0), data: { address: { city: "Lyon", zip: "69001" } }, previousData: {}, meta: { id: 1 } },
      { id: 2, resource: "users", action: "create", createdAt: at(1), data: { address: { city: "Paris", zip: "75001" } }, meta: { id: 2 } },
    ];
    const { container } = await renderTable({ resource: "users", fields: { "address.zip": { redact: true } } }, initial);
    const secret = /69001|75001/;
    for (const logId of ["1", "2"]) {
      expect(summary(container, logId)).not.toMatch(secret);
      const toggle = within(row(container, logId)!).getByRole("button", { name: "Show changes" });
      expect(document.getElementById(toggle.getAttribute("aria-describedby")!)!.textContent).not.toMatch(secret);
      await userEvent.click(toggle);
    }
    expect(container.textContent).toContain("Lyon");
    expect(container.textContent).not.toMatch(secret);

    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await userEvent.click(screen.getByRole("button", { name: "Export CSV (one row per change)" }));
    await userEvent.click(screen.getByRole("button", { name: "Export JSON" }));
    expect(files).toHaveLength(3);
    for (const file of files) expect(await file.text()).not.toMatch(secret);
    const changes = await readCsv(files[1]!);
    const update = changes.find((cells) => cells[2] === "update" && cells[6] === "address")!;
    expect(JSON.parse(update[9]!)).toEqual({ city: "Lyon", zip: "(hidden)" });
    expect(update[10]).toBe("not recorded");
    const json = JSON.parse(await files[2]!.text()) as { id: number; changes: { path: string; after?: unknown; beforeUnknown?: boolean }[] }[];
    expect(json.find((entry) => entry.id === 1)!.changes).toContainEqual(expect.objectContaining({ path: "address", after: { city: "Lyon", zip: "(hidden)" }, beforeUnknown: true }));
  });

  it("keeps a __proto__ key as a plain field of the JSON export", async () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "title": "T"}') as Record<string, unknown>;
    const initial = [{ id: 1, resource: "posts", action: "create", createdAt: at(0), data, meta: { id: 1 } }];
    await renderTable({ resource: "posts" }, initial);
    await userEvent.click(screen.getByRole("button", { name: "Export JSON" }));
    const text = await files[0]!.text();
    expect(text).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("<AuditLogTable> custom columns", () => {
  const ticketColumn = (defaults: AuditLogColumnDef[]): AuditLogColumnDef[] => [
    ...defaults,
    { id: "ticket", header: "Support ticket", accessorFn: (entry) => `T-${String(entry.id)}`, cell: ({ getValue }) => getValue() as string },
  ];

  it("names a custom column by its own header in the column menu and the CSV", async () => {
    const files = captureDownloads();
    await renderTable({ columns: ticketColumn }, formSaves.slice(0, 2));
    expect(screen.getByRole("columnheader", { name: "Support ticket" })).toBeTruthy();
    await userEvent.click(screen.getByText("Columns"));
    expect(screen.getByRole("checkbox", { name: "Support ticket" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    const csv = await readCsv(files[0]!);
    expect(csv[0]).toEqual(["Time", "Author", "Action", "Record", "Name", "Changes", "Support ticket"]);
    expect(csv[1]![6]).toBe("T-2");
  });

  it("shows a fallback for the one row whose custom cell throws; the others render", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const columns = (defaults: AuditLogColumnDef[]): AuditLogColumnDef[] => [
      ...defaults,
      {
        id: "risky",
        header: "Risky",
        cell: ({ row: cellRow }) => {
          if (cellRow.original.id === 3) throw new Error("no ticket for entry 3");
          return "ok";
        },
      },
    ];
    const { container } = await renderTable({ columns }, formSaves);
    expect(rows(container)).toHaveLength(4);
    const broken = row(container, "3")!;
    expect(broken.dataset.state).toBe("error");
    expect(within(broken).getByRole("alert").textContent).toBe("This entry could not be shown: no ticket for entry 3");
    for (const logId of ["1", "2", "4"]) expect(row(container, logId)!.querySelector('[data-column="risky"]')!.textContent).toBe("ok");
  });
});

describe("<AuditLogTable> options", () => {
  it("applies top-level fields everywhere and lets no option reach the root element", async () => {
    const initial = [
      { id: 1, resource: "users", action: "update", createdAt: at(0), data: { password: "swordfish", email: "a@b.c" }, previousData: { password: "hunter2", email: "x@y.z" }, meta: { id: 1 } },
    ];
    const { container } = await renderTable({ resource: "users", fields: { password: { redact: true } }, budget: { maxChanges: 100 }, className: "mine", id: undefined }, initial);
    expect(container.textContent).not.toMatch(/swordfish|hunter2/);
    expect(summary(container, "1")).toContain("(hidden)");
    await userEvent.click(screen.getByRole("button", { name: "Show changes" }));
    expect(container.textContent).not.toMatch(/swordfish|hunter2/);
    fireEvent.change(screen.getByLabelText("Search"), { target: { value: "swordfish" } });
    await waitFor(() => expect(rows(container)).toHaveLength(0));

    const attributes = root(container).getAttributeNames().sort();
    expect(attributes).toEqual(["class", "data-part", "data-scope", "data-state"]);
    expect(root(container).className).toBe("mine");
  });

  it("still reads the deprecated diffProps.fields when fields is absent, and prefers fields", async () => {
    const initial = [{ id: 1, resource: "users", action: "update", createdAt: at(0), data: { password: "swordfish", pin: "1234" }, previousData: {}, meta: { id: 1 } }];
    const { container } = await renderTable({ resource: "users", fields: { pin: { redact: true } }, diffProps: { fields: { password: { redact: true } } } }, initial);
    // `fields` given: it is the policy; the deprecated alias is not merged into it.
    expect(container.textContent).not.toContain("1234");
    expect(container.textContent).toContain("swordfish");
  });
});

describe("useAuditLogTable props getters", () => {
  function OwnTable({ onRowClick }: { onRowClick: () => void }) {
    const result = useAuditLogTable({ resource: "orders", locale: "en-US", timeZone: "UTC" });
    const { table } = result;
    return (
      <div {...result.getRootProps({ className: "mine" })}>
        <table {...result.getTableProps()}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} {...result.getHeaderProps(header)}>
                    {header.column.getCanSort() ? <button {...result.getSortProps(header)}>{header.column.id}</button> : header.column.id}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((tableRow) => (
              <Fragment key={tableRow.id}>
                <tr {...result.getRowProps(tableRow, { className: "own-row", onClick: onRowClick })}>
                  <td>
                    <button {...result.getToggleProps(tableRow)} />
                  </td>
                  {tableRow.getVisibleCells().map((cell) => (
                    <td key={cell.id} {...result.getCellProps(cell)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {tableRow.getIsExpanded() && (
                  <tr {...result.getDetailProps(tableRow)}>
                    <td>diff</td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  it("carry the markup contract to your own markup, your props merged last", async () => {
    const onRowClick = vi.fn();
    const provider = createInMemoryAuditLogProvider({ initial: formSaves });
    const { container } = renderWithRefine(<OwnTable onRowClick={onRowClick} />, { auditLogProvider: provider });
    await waitFor(() => expect(root(container).dataset.state).toBe("ready"));
    expect(root(container).className).toBe("mine");
    expect(container.querySelector(auditLogTableAnatomy.selector("table"))!.getAttribute("aria-label")).toBe("Audit log");
    const time = container.querySelector<HTMLElement>('[data-part="header"][data-column="time"]')!;
    expect(time.getAttribute("aria-sort")).toBe("descending");
    expect(time.querySelector<HTMLElement>(auditLogTableAnatomy.selector("sort"))!.dataset.sort).toBe("desc");
    const first = rows(container)[0]!;
    expect(first.className).toBe("own-row");
    expect(first.dataset.logId).toBe("4");
    const toggle = within(first).getByRole("button", { name: "Show changes" });
    expect(document.getElementById(toggle.getAttribute("aria-describedby")!)!.dataset.column).toBe("summary");
    await userEvent.click(toggle);
    expect(onRowClick).toHaveBeenCalled();
    expect(first.dataset.state).toBe("open");
    expect(document.getElementById(toggle.getAttribute("aria-controls")!)!.dataset.part).toBe("detail");
  });
});
