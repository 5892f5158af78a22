import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { RecordDiff, computeChanges, getEntryDiff, normalizeLog, recordDiffOptionKeys, recordDiffParts as parts, type FieldChange, type RenderValueProps, type UseRecordDiffOptions } from "../../src/index";

const root = () => screen.getByRole("group", { name: "Changes" });
const rowAt = (path: string) => {
  const row = root().querySelector(`[data-part="${parts.field}"][data-path="${path}"]`);
  if (!row) throw new Error(`no row for ${path}`);
  return row as HTMLElement;
};
const paths = () => [...root().querySelectorAll(`[data-part="${parts.field}"]`)].map((row) => row.getAttribute("data-path"));

describe("RecordDiff", () => {
  it("shows changed fields only, and a toggle that reveals the unchanged ones", async () => {
    const user = userEvent.setup();
    render(<RecordDiff locale="en-US" previousData={{ a: 1, b: 2, c: 3, name: "Lamp" }} data={{ a: 1, b: 2, c: 3, name: "Desk lamp" }} />);
    expect(paths()).toEqual(["name"]);
    expect(rowAt("name").getAttribute("data-change")).toBe("changed");
    const toggle = screen.getByRole("button", { name: "Show 3 unchanged fields" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await user.click(toggle);
    expect(paths()).toEqual(["a", "b", "c", "name"]);
    expect(rowAt("a").getAttribute("data-change")).toBe("unchanged");
    expect(screen.getByRole("button", { name: "Hide 3 unchanged fields" }).getAttribute("aria-expanded")).toBe("true");
  });

  it("is controlled through showUnchanged / onShowUnchangedChange", async () => {
    const user = userEvent.setup();
    const seen: boolean[] = [];
    function Controlled() {
      const [show, setShow] = useState(false);
      return (
        <RecordDiff
          previousData={{ a: 1, b: 2 }}
          data={{ a: 1, b: 3 }}
          showUnchanged={show}
          onShowUnchangedChange={(next) => {
            seen.push(next);
            setShow(next);
          }}
        />
      );
    }
    render(<Controlled />);
    await user.click(screen.getByRole("button", { name: "Show 1 unchanged field" }));
    expect(seen).toEqual([true]);
    expect(paths()).toEqual(["a", "b"]);
  });

  it("counts a run of unchanged array items as its items, in one row", async () => {
    const user = userEvent.setup();
    const before = { tags: ["a", "b", "c", "d", "e", "f", "g", "h", "i"] };
    render(<RecordDiff locale="en-US" previousData={before} data={{ tags: [...before.tags, "j"] }} />);
    await user.click(screen.getByRole("button", { name: "Show 9 unchanged fields" }));
    const run = rowAt("tags.0");
    expect(run.textContent).toContain("Tags › items 1–9");
    expect(run.textContent).toContain("9 unchanged items");
    expect(paths()).toEqual(["tags.0", "tags.9"]);
  });

  it("renders the unified view as del then ins, with the change said in words", () => {
    render(<RecordDiff locale="en-US" previousData={{ price: 50 }} data={{ price: 100 }} />);
    expect(root().getAttribute("data-scope")).toBe("record-diff");
    expect(root().getAttribute("data-view")).toBe("unified");
    const row = rowAt("price");
    const del = row.querySelector(`del[data-part="${parts.before}"]`)!;
    const ins = row.querySelector(`ins[data-part="${parts.after}"]`)!;
    expect(del.textContent).toBe("50");
    expect(ins.textContent).toBe("100");
    expect(del.compareDocumentPosition(ins) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(row.textContent).toMatch(/changed.*50.*→.*100/);
    // Screen readers say "to" between the values: the arrow is an image named by the word.
    const arrow = within(row).getByRole("img", { name: "to" });
    expect(del.compareDocumentPosition(arrow) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(arrow.compareDocumentPosition(ins) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("renders the split view as a table with Field, Before and After columns", () => {
    render(<RecordDiff view="split" previousData={{ price: 50, tags: [] }} data={{ price: 100, color: "red", tags: [] }} />);
    expect(root().getAttribute("data-view")).toBe("split");
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Field", "Before", "After"]);
    const price = screen.getByRole("row", { name: /Price/ });
    expect(price.getAttribute("data-change")).toBe("changed");
    const [before, after] = within(price).getAllByRole("cell");
    expect(before!.getAttribute("data-side")).toBe("before");
    expect(before!.querySelector("del")!.textContent).toBe("50");
    expect(after!.querySelector("ins")!.textContent).toBe("100");
    const color = rowAt("color");
    expect(within(color).getByRole("rowheader").textContent).toContain("added");
    expect(color.querySelector("del")).toBeNull();
  });

  it("shows paths readably, and labels from fields (also for the paths below)", () => {
    const previous = { address: { city: "Lyon" }, items: [{ qty: 1 }, { qty: 1 }, { qty: 1 }], "first name": "A" };
    const next = { address: { city: "Paris" }, items: [{ qty: 1 }, { qty: 1 }, { qty: 2 }], "first name": "B" };
    const { rerender } = render(<RecordDiff previousData={previous} data={next} />);
    expect(within(rowAt("address.city")).getByText("Address › City")).toBeTruthy();
    expect(within(rowAt("items.2.qty")).getByText("Items › item 3 › Qty")).toBeTruthy();
    expect(within(rowAt("first name")).getByText("First name")).toBeTruthy();
    rerender(<RecordDiff previousData={previous} data={next} fields={{ address: { label: "Address" }, "items.*.qty": { label: "Quantity" } }} />);
    expect(within(rowAt("address.city")).getByText("Address › City")).toBeTruthy();
    expect(within(rowAt("items.2.qty")).getByText("Items › item 3 › Quantity")).toBeTruthy();
  });

  it("calls the root value 'Value'", () => {
    render(<RecordDiff previousData={1} data={2} />);
    expect(within(rowAt("")).getByText("Value")).toBeTruthy();
  });

  it("formats, hides and redacts fields", () => {
    render(
      <RecordDiff
        locale="en-US"
        previousData={{ price: 5, updatedAt: "2024-01-01", password: "hunter2", user: { name: "Ada" } }}
        data={{ price: 6, updatedAt: "2024-02-02", password: "swordfish", user: { name: "Ada", token: "s3cret" } }}
        fields={{ price: { format: (value) => `${value} €` }, updatedAt: { hidden: true }, password: { redact: true }, "**.token": { redact: true } }}
      />,
    );
    expect(rowAt("price").querySelector("del")!.textContent).toBe("5 €");
    expect(rowAt("price").querySelector("ins")!.textContent).toBe("6 €");
    expect(paths()).not.toContain("updatedAt");
    const password = rowAt("password");
    expect(password.hasAttribute("data-redacted")).toBe(true);
    expect(password.textContent).toContain("changed");
    expect(password.textContent).toContain("(hidden)");
    expect(root().textContent).not.toMatch(/hunter2|swordfish|s3cret/);
  });

  it("keeps secrets out of objects shown whole", () => {
    render(<RecordDiff previousData={{}} data={{ user: { name: "Ada", password: "hunter2", meta: { a: 1 } } }} fields={{ "user.password": { redact: true }, "user.meta": { hidden: true } }} />);
    // Shown field by field (see RecordDiff.objects.test.tsx): the hidden field is not there at all.
    const fields = [...rowAt("user").querySelectorAll(`[data-part="${parts.objectField}"]`)];
    expect(fields.map((field) => field.getAttribute("data-path"))).toEqual(["user.name", "user.password"]);
    // The marker, not a string value: it cannot be mistaken for a password that reads "(hidden)".
    expect(fields[1]!.querySelector(`[data-part="${parts.redacted}"]`)!.textContent).toBe("(hidden)");
    expect(root().textContent).not.toContain("hunter2");
  });

  it("renders values by type", () => {
    render(
      <RecordDiff
        locale="de-DE"
        previousData={{ n: 1, ok: true, gone: "x", list: [1], note: "" }}
        data={{ n: 1234.5, ok: false, gone: null, list: [], note: "hi", extra: { a: [1, 2] } }}
      />,
    );
    expect(rowAt("n").querySelector("ins")!.textContent).toBe("1.234,5");
    expect(rowAt("ok").textContent).toMatch(/Yes.*No/);
    expect(rowAt("gone").querySelector(`ins [data-part="${parts.empty}"]`)!.textContent).toBe("empty");
    expect(rowAt("note").querySelector(`del [data-part="${parts.empty}"]`)!.textContent).toBe("empty text");
    // An added object: its fields, a list nested in it, numbers in the locale.
    expect(rowAt("extra").querySelector(`ins [data-part="${parts.objectField}"][data-path="extra.a.1"] [data-part="${parts.objectValue}"]`)!.textContent).toBe("2");
  });

  it("says empty values in words", () => {
    render(<RecordDiff previousData={{ list: null, obj: "x" }} data={{ list: [], obj: {} }} />);
    expect([...rowAt("list").querySelectorAll(`[data-part="${parts.empty}"]`)].map((e) => e.textContent)).toEqual(["empty", "empty list"]);
    expect(rowAt("obj").querySelector(`ins [data-part="${parts.empty}"]`)!.textContent).toBe("empty object");
  });

  it("shows a date-only string as that day, whatever the time zone", () => {
    render(<RecordDiff locale="en-US" timeZone="America/Los_Angeles" previousData={{ due: "2024-05-01", at: "2024-05-01T02:00:00Z" }} data={{ due: "2024-06-01", at: "2024-05-02T02:00:00Z" }} />);
    const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(2024, 4, 1));
    const due = rowAt("due").querySelector("del time")!;
    expect(due.textContent).toBe(day);
    expect(due.getAttribute("dateTime")).toBe("2024-05-01");
    // A date-time does follow the time zone: 02:00 UTC is the evening before in Los Angeles.
    const at = rowAt("at").querySelector("del time")!;
    expect(at.textContent).toContain("Apr 30, 2024");
    expect(at.textContent).toContain("PDT");
  });

  it("shows a long text as a word diff: one merged text (unified) or one side per column (split)", () => {
    const before = "The quick brown fox jumps over the lazy dog near the river bank today";
    const after = "The quick red fox leaps over the lazy dog near the river bank today";
    const { rerender } = render(<RecordDiff previousData={{ text: before }} data={{ text: after }} />);
    const row = rowAt("text");
    expect([...row.querySelectorAll("del")].map((d) => d.textContent)).toEqual(["brown", "jumps"]);
    expect([...row.querySelectorAll("ins")].map((d) => d.textContent)).toEqual(["red", "leaps"]);
    expect(row.querySelector(`[data-part="${parts.text}"]`)!.textContent).toContain("The quick ");
    rerender(<RecordDiff view="split" previousData={{ text: before }} data={{ text: after }} />);
    const [left, right] = within(rowAt("text")).getAllByRole("cell");
    expect(left!.querySelectorAll("ins")).toHaveLength(0);
    expect([...left!.querySelectorAll("del")].map((d) => d.textContent)).toEqual(["brown", "jumps"]);
    expect(right!.querySelectorAll("del")).toHaveLength(0);
    expect([...right!.querySelectorAll("ins")].map((d) => d.textContent)).toEqual(["red", "leaps"]);
  });

  it("cuts a very long value and shows it all on demand", async () => {
    const user = userEvent.setup();
    const long = "x".repeat(50_000);
    render(<RecordDiff previousData={{}} data={{ blob: long }} minTextDiffLength={Infinity} />);
    const row = rowAt("blob");
    expect(row.textContent!.length).toBeLessThan(3000);
    const showAll = within(row).getByRole("button", { name: /Show all/ });
    await user.click(showAll);
    expect(row.querySelector("ins")!.textContent).toContain(long);
    expect(showAll.getAttribute("aria-expanded")).toBe("true");
  });

  it("says moves, notes and added objects in words", () => {
    const { rerender } = render(<RecordDiff previousData={{ list: [{ id: 1 }, { id: 2 }, { id: 3 }] }} data={{ list: [{ id: 3 }, { id: 1 }, { id: 2 }] }} />);
    expect(rowAt("list.0").getAttribute("data-change")).toBe("moved");
    expect(rowAt("list.0").textContent).toContain("moved from index 2 to 0");
    rerender(<RecordDiff previousData={{ n: 5 }} data={{ n: "5" }} />);
    expect(rowAt("n").querySelector(`[data-part="${parts.note}"]`)!.textContent).toBe("(type changed)");
  });

  it("renders precomputed changes, with inferred and unknown before-values", () => {
    const changes: FieldChange[] = [
      { path: ["price"], key: "price", kind: "changed", before: 5, after: 6, isBeforeInferred: true },
      { path: ["name"], key: "name", kind: "changed", after: "Lamp", isBeforeUnknown: true },
    ];
    render(<RecordDiff changes={changes} />);
    const price = rowAt("price");
    expect(price.getAttribute("data-inferred")).toBe("");
    const inferred = price.querySelector(`[data-part="${parts.inferred}"]`)!;
    expect(inferred.textContent).toBe("(inferred)");
    expect(inferred.getAttribute("title")).toMatch(/reconstructed/);
    const name = rowAt("name");
    expect(name.hasAttribute("data-inferred")).toBe(false);
    expect(name.querySelector("del")).toBeNull();
    expect(name.getAttribute("data-before-unknown")).toBe("");
    expect(name.querySelector(`[data-part="${parts.notRecorded}"]`)!.textContent).toBe("earlier value not recorded");
    expect(name.querySelector("ins")!.textContent).toBe("Lamp");
  });

  it("passes ignore through to computeChanges", () => {
    render(<RecordDiff previousData={{ a: 1, updatedAt: 1 }} data={{ a: 2, updatedAt: 2 }} ignore={["updatedAt"]} />);
    expect(paths()).toEqual(["a"]);
  });

  describe("renderValue", () => {
    const previousData = { price: 5, name: "Lamp" };
    const data = { price: 6, name: "Desk lamp" };

    it("takes a render function; undefined falls back to the default", () => {
      render(<RecordDiff previousData={previousData} data={data} renderValue={({ path, value }) => (path[0] === "price" ? <b>${String(value)}</b> : undefined)} />);
      expect(rowAt("price").querySelector("ins b")!.textContent).toBe("$6");
      expect(rowAt("name").querySelector("ins")!.textContent).toBe("Desk lamp");
    });

    it("takes a component (with hooks) that can wrap the default", () => {
      function Highlight({ side, defaultRender }: RenderValueProps) {
        const [label] = useState(side === "before" ? "old" : "new");
        return (
          <mark data-label={label}>
            {label}: {defaultRender()}
          </mark>
        );
      }
      render(<RecordDiff previousData={previousData} data={data} renderValue={Highlight} />);
      expect(rowAt("price").querySelector("del mark")!.textContent).toBe("old: 5");
      expect(rowAt("price").querySelector("ins mark")!.textContent).toBe("new: 6");
    });
  });

  it("pages a huge change with Show more", async () => {
    const user = userEvent.setup();
    const before: Record<string, number> = {};
    const after: Record<string, number> = {};
    for (let i = 0; i < 25; i++) (before[`f${i}`] = i), (after[`f${i}`] = i + 1);
    render(<RecordDiff locale="en-US" previousData={before} data={after} pageSize={10} />);
    expect(paths()).toHaveLength(10);
    const more = screen.getByRole("button", { name: "Show 10 more (15 not shown)" });
    expect(more.getAttribute("data-part")).toBe(parts.showMore);
    await user.click(more);
    expect(paths()).toHaveLength(20);
    await user.click(screen.getByRole("button", { name: "Show 5 more" }));
    expect(paths()).toEqual(Object.keys(after));
    expect(screen.queryByRole("button", { name: /more/ })).toBeNull();
  });

  it("keeps its Show more paging when the parent renders again with an equal, inline data", async () => {
    const user = userEvent.setup();
    const record = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i + 1]));
    const old = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i]));
    const ui = () => <RecordDiff locale="en-US" previousData={{ ...old }} data={{ ...record }} pageSize={3} />;
    const { rerender } = render(ui());
    await user.click(screen.getByRole("button", { name: "Show 3 more (7 not shown)" }));
    expect(paths()).toHaveLength(6);
    rerender(ui());
    expect(paths()).toHaveLength(6);
    // Other changes start over from the first page.
    rerender(<RecordDiff locale="en-US" previousData={{ a: 1, b: 1, c: 1, d: 1 }} data={{ a: 2, b: 2, c: 2, d: 2 }} pageSize={3} />);
    expect(paths()).toHaveLength(3);
  });

  it("says No changes, and still offers the unchanged fields", () => {
    render(<RecordDiff previousData={{ a: 1 }} data={{ a: 1 }} />);
    expect(root().querySelector(`[data-part="${parts.emptyState}"]`)!.textContent).toBe("No changes");
    expect(screen.getByRole("button", { name: "Show 1 unchanged field" })).toBeTruthy();
  });

  it("renders hostile strings as text", () => {
    const hostile = `<img src=x onerror=alert(1)>`;
    render(<RecordDiff previousData={{ [hostile]: hostile }} data={{ [hostile]: `${hostile}!`, obj: { [hostile]: hostile } }} view="split" />);
    expect(document.querySelector("img")).toBeNull();
    expect(root().textContent).toContain(hostile);
  });

  it("renders a readable fallback for a malformed log row, without the row's data (which may hold secrets)", () => {
    render(<RecordDiff log={{ id: 9, resource: "products", data: { password: "hunter2" }, author: { email: "ada@example.com" } }} fields={{ password: { redact: true } }} />);
    const fallback = root().querySelector(`[data-part="${parts.fallback}"]`)!;
    expect(fallback.textContent).toMatch(/could not be read/);
    expect(fallback.textContent).toContain('"resource": "products"');
    expect(fallback.textContent).not.toMatch(/hunter2|ada@example\.com/);
  });

  it("reads a raw log row and a normalised entry alike", () => {
    const row = { id: 7, resource: "products", action: "update", data: { price: 6 }, previousData: { price: 5 }, meta: { id: 1 } };
    const { rerender } = render(<RecordDiff log={row} />);
    expect(rowAt("price").querySelector("del")!.textContent).toBe("5");
    const normalized = normalizeLog(row);
    if (!normalized.ok) throw new Error("fixture should be readable");
    rerender(<RecordDiff log={normalized.entry} />);
    expect(rowAt("price").querySelector("del")!.textContent).toBe("5");
  });

  it("says the earlier value was not recorded for a Refine v5 update logged without before-values, never 'added' nor 'set'", () => {
    render(<RecordDiff log={{ id: 8, resource: "products", action: "update", data: { price: 6 }, previousData: {}, meta: { id: 1 } }} />);
    expect(rowAt("price").getAttribute("data-change")).toBe("changed");
    expect(rowAt("price").textContent).toBe("Pricewritten earlier value not recorded → 6");
    expect(rowAt("price").querySelector("del")).toBeNull();
  });

  it("spreads user props last, merging className and style and composing handlers", async () => {
    const user = userEvent.setup();
    const clicks: string[] = [];
    render(
      <RecordDiff previousData={{ a: 1 }} data={{ a: 2 }} aria-label="Price history" className="mine" style={{ color: "red" }} onClick={() => clicks.push("root")} data-testid="diff" />,
    );
    const element = screen.getByRole("group", { name: "Price history" });
    expect(element.className).toBe("mine");
    expect(element.style.color).toBe("red");
    expect(element.getAttribute("data-scope")).toBe("record-diff");
    await user.click(element);
    expect(clicks).toEqual(["root"]);
  });

  it("matches what computeChanges reports", () => {
    const previous = { a: 1, b: { c: 2 } };
    const next = { a: 1, b: { c: 3 }, d: 4 };
    render(<RecordDiff previousData={previous} data={next} defaultShowUnchanged />);
    expect(paths()).toEqual(computeChanges(previous, next).map((change) => change.key));
  });
});

describe("RecordDiff: options declared once", () => {
  it("hands every option to the hook and none to the root element", () => {
    const options: Required<Omit<UseRecordDiffOptions, "showUnchanged" | "changes" | "log">> = {
      previousData: { a: 1, password: "x" },
      data: { a: 2, password: "y" },
      overflow: { omittedCount: 0, isIncomplete: false },
      isItemList: false,
      readItem: () => undefined,
      budget: { maxChanges: 10 },
      ignore: ["b"],
      getItemId: () => undefined,
      minTextDiffLength: 10,
      fields: { password: { redact: true } },
      defaultShowUnchanged: false,
      onShowUnchangedChange: () => {},
      pageSize: 10,
      view: "unified",
      locale: "en-US",
      timeZone: "UTC",
    };
    expect([...recordDiffOptionKeys].sort()).toEqual([...Object.keys(options), "showUnchanged", "changes", "log"].sort());
    const { container } = render(<RecordDiff {...options} data-testid="diff" />);
    const root = container.querySelector('[data-scope="record-diff"][data-part="root"]')!;
    expect(root.getAttributeNames().sort()).toEqual(["aria-label", "data-part", "data-scope", "data-testid", "data-view", "role"]);
    expect(container.textContent).not.toMatch(/\bx\b.*\by\b/);
    expect(container.querySelector('[data-path="password"]')!.getAttribute("data-redacted")).toBe("");
  });
});

describe("RecordDiff: the pipeline's changes of a bulk entry", () => {
  it("applies the policy inside each record, as the pipeline did, so the diff shows what the summary counts", () => {
    const row = normalizeLog({ id: 1, resource: "users", action: "updateMany", meta: { ids: [1, 2] }, data: [{ id: 1, internal: "a", name: "x" }, { id: 2, internal: "b", name: "y" }], previousData: {} });
    if (!row.ok) throw new Error(row.error.reason);
    const fields = { "*.internal": { hidden: true }, "items.*.cost": { label: "Cost" } };
    const { changes } = getEntryDiff(row.entry, { fields });
    render(<RecordDiff changes={changes} fields={fields} isItemList defaultShowUnchanged />);
    // `*.internal` names a field of a record's own child, not an item's field: kept by the pipeline, kept here.
    expect(paths()).toEqual(changes.map((change) => change.key));
  });
});
