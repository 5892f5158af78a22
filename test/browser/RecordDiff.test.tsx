import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { RecordDiff, recordDiffParts as parts, type RecordDiffProps } from "../../src/index";
import css from "../../src/styles.css?inline";

const previousData = { name: "Lamp", price: 50, sku: "L-1", stock: 3 };
const data = { name: "Desk lamp", price: 60, sku: "L-1", stock: 3 };

function Styled({ theme, ...props }: RecordDiffProps & { theme?: "dark" | "light" }) {
  return (
    <div data-theme={theme}>
      <style>{css}</style>
      <RecordDiff locale="en-US" {...props} />
    </div>
  );
}

describe("RecordDiff in Chromium", () => {
  it("shows the changed fields, then the unchanged ones on toggle", async () => {
    render(<RecordDiff locale="en-US" previousData={previousData} data={data} />);
    const root = screen.getByRole("group", { name: "Changes" });
    const rows = () => [...root.querySelectorAll<HTMLElement>(`[data-part="${parts.field}"]`)];
    expect(rows().map((row) => row.dataset.path)).toEqual(["name", "price"]);
    await userEvent.click(screen.getByRole("button", { name: "Show 2 unchanged fields" }));
    expect(rows().map((row) => row.dataset.path)).toEqual(["name", "price", "sku", "stock"]);
    expect(screen.getByRole("button", { name: "Hide 2 unchanged fields" }).getAttribute("aria-expanded")).toBe("true");
  });

  it("puts the arrow between the old and new values, with room on both sides, and names it 'to' for screen readers", () => {
    render(<Styled previousData={previousData} data={data} />);
    const row = document.querySelector<HTMLElement>(`[data-path="price"]`)!;
    const arrow = within(row).getByRole("img", { name: "to" });
    expect(arrow.getAttribute("data-part")).toBe(parts.arrow);
    const del = row.querySelector(`del[data-part="${parts.before}"]`)!.getBoundingClientRect();
    const ins = row.querySelector(`ins[data-part="${parts.after}"]`)!.getBoundingClientRect();
    const glyph = arrow.getBoundingClientRect();
    expect(del.right).toBeLessThan(glyph.left + glyph.width / 2);
    expect(glyph.left + glyph.width / 2).toBeLessThan(ins.left);
    // The spaces around the arrow are kept: the values never touch it.
    expect(ins.left - del.right).toBeGreaterThan(glyph.width / 2);
  });

  it("reads the split view as a table", () => {
    render(<RecordDiff view="split" previousData={previousData} data={data} />);
    const row = screen.getByRole("row", { name: /Price/ });
    expect(within(row).getByRole("rowheader").textContent).toContain("Price");
    expect(within(row).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["50", "60"]);
  });

  it("applies the stylesheet: struck-through deletions, underlined insertions, zero specificity", () => {
    render(<Styled previousData={previousData} data={data} />);
    const del = document.querySelector<HTMLElement>(`[data-path="price"] del[data-part="${parts.before}"]`)!;
    const ins = document.querySelector<HTMLElement>(`[data-path="price"] ins[data-part="${parts.after}"]`)!;
    expect(getComputedStyle(del).textDecorationLine).toBe("line-through");
    expect(getComputedStyle(ins).textDecorationLine).toBe("underline");
    // Any app rule wins, even a bare element selector.
    const override = document.createElement("style");
    override.textContent = "del { text-decoration: none; }";
    document.head.append(override);
    try {
      expect(getComputedStyle(del).textDecorationLine).toBe("none");
    } finally {
      override.remove();
    }
  });

  it('uses the dark palette under data-theme="dark", the light one under data-theme="light"', () => {
    const { rerender } = render(<Styled theme="dark" previousData={previousData} data={data} />);
    const root = () => document.querySelector<HTMLElement>('[data-scope="record-diff"]')!;
    expect(getComputedStyle(root()).backgroundColor).toBe("rgb(13, 17, 23)");
    rerender(
      <div data-theme="dark">
        <Styled theme="light" previousData={previousData} data={data} />
      </div>,
    );
    expect(getComputedStyle(root()).backgroundColor).toBe("rgb(255, 255, 255)");
  });
});
