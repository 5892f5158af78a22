import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { normalizeLog } from "../../src/core/normalizeLog";
import { AuditLogTable, AuditTimeline, CompareVersions, FieldHistory, RenameLogEntry, RestoreVersion, RevertChange } from "../../src/index";

afterEach(cleanup);

// Without <Refine> there is no QueryClient, and Refine's hooks throw "No QueryClient set":
// the components say what is missing instead of taking the page down.
describe("outside <Refine>", () => {
  it("the timeline renders its unconfigured state, with your root props", () => {
    const { container } = render(<AuditTimeline resource="products" id={1} className="mine" data-testid="timeline" fields={{ a: { redact: true } }} />);
    const root = container.querySelector('[data-scope="audit-timeline"][data-part="root"]')!;
    expect(root.getAttribute("data-state")).toBe("unconfigured");
    expect(root.className).toBe("mine");
    expect(root.hasAttribute("fields")).toBe(false);
    expect(root.querySelector('[data-part="unconfigured"]')!.textContent).toMatch(/No audit log provider is configured/);
  });

  it("the table renders its unconfigured state", () => {
    const { container } = render(<AuditLogTable resource="products" pageSizes={[10]} />);
    const root = container.querySelector('[data-scope="audit-log-table"][data-part="root"]')!;
    expect(root.getAttribute("data-state")).toBe("unconfigured");
    expect(root.getAttributeNames().sort()).toEqual(["data-part", "data-scope", "data-state"]);
  });

  it("the rename control shows the name as text, with nothing to click", () => {
    const { container } = render(<RenameLogEntry log={{ id: 1, resource: "products", action: "update", name: "Spring prices" }} />);
    const root = container.querySelector('[data-scope="rename-log-entry"][data-part="root"]')!;
    expect(root.textContent).toBe("Spring prices");
    expect(root.querySelector("button")).toBeNull();
  });

  it("restore and revert show their trigger, disabled: nothing can be written", () => {
    const read = normalizeLog({ id: 1, resource: "products", action: "update", data: { price: 2 }, previousData: { price: 1 }, meta: { id: 7 } });
    if (!read.ok) throw new Error("fixture");
    const entry = read.entry;
    const { container } = render(
      <>
        <RestoreVersion resource="products" id={7} entry={entry} />
        <RevertChange resource="products" id={7} entry={entry} changeKey="price" />
      </>,
    );
    const triggers = [...container.querySelectorAll<HTMLButtonElement>('[data-scope="write-back"][data-part="trigger"]')];
    expect(triggers.map((trigger) => [trigger.textContent, trigger.getAttribute("aria-disabled")])).toEqual([
      ["Restore this version", "true"],
      ["Revert", "true"],
    ]);
    triggers[0]!.click();
    expect(container.querySelector('[role="dialog"]')).toBeNull();
  });

  it("a comparison and a field's history render without throwing", () => {
    expect(() => render(<CompareVersions resource="products" id={7} />)).not.toThrow();
    expect(() => render(<FieldHistory resource="products" id={7} field="price" />)).not.toThrow();
  });
});
