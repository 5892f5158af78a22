import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createInMemoryAuditLogProvider, FieldHistory, fieldHistoryAnatomy, fieldHistoryParts as parts, type FieldHistoryProps, type RecordDiffFields } from "../../src/index";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";

// Noon UTC, and every time shown in UTC: the words do not depend on where the tests run.
const NOW = new Date(Date.UTC(2024, 4, 10, 12, 0, 0));
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const DAY = 24 * 60;
const SECRET = 98765;

const ada = { id: 1, name: "Ada Lovelace" };

/** Product 7 as Refine v5 logs it: a create, patches without before-values, a bulk update, a named version. */
function rows() {
  return [
    { id: 1, resource: "products", action: "create", createdAt: ago(3 * DAY), author: ada, data: { id: 7, price: 45, status: "Draft", cost: SECRET }, meta: { id: 7 } },
    { id: 2, resource: "products", action: "update", createdAt: ago(DAY + 30), author: { email: "grace@example.com" }, data: { price: 50, cost: SECRET + 1 }, previousData: {}, meta: { id: 7 } },
    { id: 3, resource: "products", action: "updateMany", createdAt: ago(DAY), data: { status: "Published" }, previousData: [{}, {}, {}], meta: { ids: [5, 7, 9] } },
    { id: 4, resource: "products", action: "update", createdAt: ago(45), author: ada, name: "Spring price list", data: { price: 39 }, previousData: {}, meta: { id: 7 } },
    { id: 5, resource: "products", action: "update", createdAt: ago(5), author: { name: "Linus <script>alert(1)</script>" }, data: { status: "<img src=x onerror=alert(1)>" }, meta: { id: 7 } },
  ];
}

const provider = (initial: unknown[] = rows()) => createInMemoryAuditLogProvider({ initial });

function history(props: Partial<FieldHistoryProps> = {}) {
  return <FieldHistory resource="products" id={7} field="price" now={NOW} locale="en-US" timeZone="UTC" {...props} />;
}

const root = (container: HTMLElement) => container.querySelector<HTMLElement>(fieldHistoryAnatomy.selector(parts.root))!;
const points = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>(fieldHistoryAnatomy.selector(parts.point))];
const part = (element: HTMLElement, name: (typeof parts)[keyof typeof parts]) => element.querySelector<HTMLElement>(fieldHistoryAnatomy.selector(name));
const chart = (container: HTMLElement) => part(container, parts.chart);

describe("<FieldHistory> inside <Refine>", () => {
  it("lists every value of a number, newest first, with who, when and the entry's name, and draws them", async () => {
    const { container } = renderWithRefine(history({ className: "mine" }), { auditLogProvider: provider() });
    await waitFor(() => expect(root(container).dataset.state).toBe("ready"));
    expect(root(container).className).toBe("mine");
    expect(root(container).dataset.field).toBe("price");
    expect(root(container).hasAttribute("aria-busy")).toBe(false);

    const list = screen.getByRole("list", { name: "History of Price" });
    expect(points(container)).toEqual(within(list).getAllByRole("listitem"));
    expect(points(container).map((point) => [point.dataset.logId, point.dataset.kind, part(point, parts.value)?.textContent])).toEqual([
      ["4", "changed", "39"],
      ["2", "changed", "50"],
      ["1", "created", "45"],
    ]);
    const [newest, , first] = points(container);
    expect(part(newest!, parts.author)!.textContent).toBe("by Ada Lovelace");
    expect(part(newest!, parts.name)!.textContent).toBe("Spring price list");
    expect(newest!.hasAttribute("data-named")).toBe(true);
    const time = newest!.querySelector("time")!;
    expect(time.textContent).toBe("45 minutes ago");
    expect(time.getAttribute("dateTime")).toBe(ago(45));
    expect(part(newest!, parts.absoluteTime)!.textContent).toMatch(/^\(May 10, 2024, 11:15 AM UTC\)$/);
    expect(part(points(container)[1]!, parts.author)!.textContent).toBe("by grace@example.com");
    expect(part(first!, parts.note)!.textContent).toBe("(when created)");

    const svg = chart(container)!;
    expect(svg.tagName.toLowerCase()).toBe("svg");
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Price over time: 45 on May 7, 2024 to 39 on May 10, 2024; 3 values, lowest 39, highest 50");
    expect(svg.getAttribute("width")).toBe("160");
    expect(svg.getAttribute("height")).toBe("32");
    const line = part(container, parts.chartLine)!.getAttribute("points")!.split(" ").map((pair) => pair.split(",").map(Number));
    expect(line).toHaveLength(3);
    // Oldest on the left, by time; the highest value (50) at the top, the lowest (39) at the bottom.
    expect(line[0]![0]).toBeLessThan(line[1]![0]!);
    expect(line[1]![0]).toBeLessThan(line[2]![0]!);
    expect(line[1]![1]).toBeLessThan(line[0]![1]!);
    expect(line[2]![1]).toBeGreaterThan(line[0]![1]!);
    expect(container.querySelectorAll(fieldHistoryAnatomy.selector(parts.chartDot))).toHaveLength(3);
  });

  it("shows a text field without a chart, says what the log did not record, and renders hostile values as text", async () => {
    const { container } = renderWithRefine(history({ field: "status", fields: { status: { label: "Status" } } }), { auditLogProvider: provider() });
    await waitFor(() => expect(points(container)).toHaveLength(3));
    expect(chart(container)).toBeNull();
    expect(screen.getByRole("list", { name: "History of Status" })).toBeTruthy();
    expect(points(container).map((point) => part(point, parts.value)!.textContent)).toEqual(["<img src=x onerror=alert(1)>", "Published", "Draft"]);
    expect(container.querySelector("img, script")).toBeNull();
    expect(part(points(container)[0]!, parts.author)!.textContent).toBe("by Linus <script>alert(1)</script>");
    // The bulk update names no author.
    const bulk = points(container)[1]!;
    expect(bulk.dataset.logId).toBe("3");
    expect(part(bulk, parts.author)!.textContent).toBe("author not recorded");
    expect(part(bulk, parts.author)!.hasAttribute("data-unknown")).toBe(true);

    // A record whose history began before logging: its first value's earlier value is not recorded.
    const { container: orphan } = renderWithRefine(history({ id: 8, field: "status" }), {
      auditLogProvider: provider([
        { id: 21, resource: "products", action: "update", createdAt: ago(20), author: ada, data: { status: "Published" }, previousData: {}, meta: { id: 8 } },
        { id: 22, resource: "products", action: "update", createdAt: ago(10), author: ada, data: { status: "Archived" }, previousData: {}, meta: { id: 8 } },
        { id: 23, resource: "products", action: "delete", createdAt: ago(1), author: ada, meta: { id: 8 } },
      ]),
    });
    await waitFor(() => expect(points(orphan)).toHaveLength(3));
    expect(points(orphan).map((point) => point.textContent)).toEqual([
      "record deleted by Ada Lovelace 1 minute ago (May 10, 2024, 11:59 AM UTC)",
      "Archived by Ada Lovelace 10 minutes ago (May 10, 2024, 11:50 AM UTC)",
      "Published (earlier value not recorded) by Ada Lovelace 20 minutes ago (May 10, 2024, 11:40 AM UTC)",
    ]);
    expect(points(orphan).map((point) => point.dataset.kind)).toEqual(["deleted", "changed", "written"]);
    expect(points(orphan)[2]!.hasAttribute("data-before-unknown")).toBe(true);
    expect(orphan.textContent).not.toMatch(/\bset\b/i);
  });

  it("shows who and when of a redacted field, never its value: not in the text, not in an attribute, not in a chart", async () => {
    const { container } = renderWithRefine(history({ field: "cost", fields: { cost: { redact: true } } }), { auditLogProvider: provider() });
    await waitFor(() => expect(points(container)).toHaveLength(2));
    expect(root(container).hasAttribute("data-redacted")).toBe(true);
    expect(points(container).map((point) => part(point, parts.value)!.textContent)).toEqual(["(hidden)", "(hidden)"]);
    expect(points(container).every((point) => point.hasAttribute("data-redacted"))).toBe(true);
    expect(chart(container)).toBeNull();
    expect(container.textContent).not.toContain(String(SECRET));
    expect(container.innerHTML).not.toMatch(/9876[56]/);

    // Below a redacted ancestor too.
    const { container: nested } = renderWithRefine(history({ field: "card.number", fields: { card: { redact: true } } }), {
      auditLogProvider: provider([{ id: 1, resource: "products", action: "create", createdAt: ago(5), data: { id: 7, card: { number: "4111-1111-1111-1111" } }, meta: { id: 7 } }]),
    });
    await waitFor(() => expect(points(nested)).toHaveLength(1));
    expect(nested.innerHTML).not.toContain("4111");
  });

  it("says a hidden field's history is hidden, and shows nothing of it", async () => {
    const policies: RecordDiffFields[] = [{ cost: { hidden: true } }, { "**": { hidden: true } }];
    for (const fields of policies) {
      const { container, unmount } = renderWithRefine(history({ field: "cost", fields }), { auditLogProvider: provider() });
      expect(part(container, parts.hidden)!.textContent).toBe("This field's history is hidden.");
      await waitFor(() => expect(root(container).dataset.state).toBe("ready"));
      expect(root(container).hasAttribute("data-hidden")).toBe(true);
      expect(root(container).hasAttribute("aria-busy")).toBe(false);
      expect(points(container)).toEqual([]);
      expect(chart(container)).toBeNull();
      expect(container.innerHTML).not.toMatch(/9876[56]/);
      unmount();
    }
  });

  it("shows loading with aria-busy, then the provider's error with a retry that asks again", async () => {
    const { container: loading } = renderWithRefine(history(), { auditLogProvider: { get: () => new Promise(() => {}) } });
    expect(root(loading).dataset.state).toBe("loading");
    expect(root(loading).getAttribute("aria-busy")).toBe("true");
    expect(within(loading).getByRole("status").textContent).toBe("Loading history…");

    const failing = provider();
    failing.setFailure("get", new Error("The audit service is down"));
    const get = vi.spyOn(failing, "get");
    const { container } = renderWithRefine(history(), { auditLogProvider: failing });
    const alert = await within(container).findByRole("alert");
    expect(root(container).dataset.state).toBe("error");
    expect(alert.textContent).toContain("The history could not be loaded: The audit service is down");
    failing.setFailure("get", undefined);
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(points(container)).toHaveLength(3));
    expect(get).toHaveBeenCalledTimes(2);
  });

  it("says when no value of the field is recorded", async () => {
    const { container } = renderWithRefine(history(), { auditLogProvider: provider([]) });
    await waitFor(() => expect(root(container).dataset.state).toBe("empty"));
    expect(part(container, parts.empty)!.textContent).toBe("No values of Price are recorded.");

    // Entries of the record that never wrote the field: empty too.
    const { container: other } = renderWithRefine(history({ field: "colour" }), { auditLogProvider: provider() });
    await waitFor(() => expect(root(other).dataset.state).toBe("empty"));
    expect(points(other)).toEqual([]);
  });

  it("formats values with the field's format, in the list and in the chart's words; chart='none' draws nothing", async () => {
    const fields = { price: { label: "Price", format: (value: unknown) => `€${String(value)}` } };
    const { container } = renderWithRefine(history({ fields, chartWidth: 200, chartHeight: 40 }), { auditLogProvider: provider() });
    await waitFor(() => expect(points(container)).toHaveLength(3));
    expect(points(container).map((point) => part(point, parts.value)!.textContent)).toEqual(["€39", "€50", "€45"]);
    expect(chart(container)!.getAttribute("aria-label")).toBe("Price over time: €45 on May 7, 2024 to €39 on May 10, 2024; 3 values, lowest €39, highest €50");
    expect(chart(container)!.getAttribute("viewBox")).toBe("0 0 200 40");

    const { container: plain } = renderWithRefine(history({ chart: "none" }), { auditLogProvider: provider() });
    await waitFor(() => expect(points(plain)).toHaveLength(3));
    expect(chart(plain)).toBeNull();
  });

  it("renders values with renderValue, and falls back to the default for one that throws", async () => {
    const renderValue: FieldHistoryProps["renderValue"] = ({ value, defaultRender }) => {
      if (value === 50) throw new Error("no fifties");
      return value === 39 ? <strong>thirty-nine</strong> : defaultRender();
    };
    // React reports the caught error on the console: keep the test output quiet.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { container } = renderWithRefine(history({ renderValue }), { auditLogProvider: provider() });
      await waitFor(() => expect(points(container)).toHaveLength(3));
      expect(points(container).map((point) => part(point, parts.value)!.textContent)).toEqual(["thirty-nine", "50", "45"]);
      expect(part(points(container)[1]!, parts.valueError)!.getAttribute("title")).toBe("This value's renderer failed: no fifties");
    } finally {
      consoleError.mockRestore();
    }
  });

  it("reads older history on demand from a provider that pages, and says when older values may exist beyond what it reads", async () => {
    const many = [{ id: 100, resource: "products", action: "create", createdAt: ago(200), data: { id: 7, price: 0 }, meta: { id: 7 } }];
    for (let i = 1; i <= 14; i++) many.push({ id: 100 + i, resource: "products", action: "update", createdAt: ago(200 - i), data: { price: i } as never, meta: { id: 7 } });
    const paging = createInMemoryAuditLogProvider({ initial: many, pageSize: 1 });
    const { container } = renderWithRefine(history({ pageSize: 1 }), { auditLogProvider: paging });
    await waitFor(() => expect(points(container)).toHaveLength(1));
    // Only the newest entry is read: its earlier value is not known yet.
    expect(points(container)[0]!.dataset.kind).toBe("written");
    const button = () => within(container).queryByRole("button", { name: /Load older history|Loading older history/ });
    for (let read = 2; read <= 10; read++) {
      await waitFor(() => expect(button()?.getAttribute("aria-disabled")).toBeNull());
      await userEvent.click(button()!);
      await waitFor(() => expect(points(container)).toHaveLength(read));
    }
    expect(points(container)[0]!.dataset.kind).toBe("changed");
    expect(button()).toBeNull();
    expect(part(container, parts.truncated)!.textContent).toBe("Older values may exist: only the most recent history was read.");
  });

  it("lists at most maxPoints values and counts the older ones", async () => {
    const { container } = renderWithRefine(history({ maxPoints: 2 }), { auditLogProvider: provider() });
    await waitFor(() => expect(points(container)).toHaveLength(2));
    expect(part(container, parts.omitted)!.textContent).toBe("1 older value not shown");
  });
});

describe("<FieldHistory> outside <Refine>", () => {
  it("renders its unconfigured state with the root props, and no option reaches the DOM", () => {
    const { container } = render(<FieldHistory resource="products" id={7} field="price" fields={{ price: { redact: true } }} className="mine" data-testid="history" />);
    const element = root(container);
    expect(element.dataset.state).toBe("unconfigured");
    expect(element.className).toBe("mine");
    expect(element.getAttributeNames().sort()).toEqual(["class", "data-part", "data-scope", "data-state", "data-testid"]);
    expect(part(container, parts.unconfigured)!.textContent).toMatch(/No audit log provider is configured/);
  });

  it("says the same inside a <Refine> without an audit log provider", () => {
    const { container } = renderWithRefine(history(), {});
    expect(root(container).dataset.state).toBe("unconfigured");
  });
});
