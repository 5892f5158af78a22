import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AuditLogTable, AuditTimeline, RenameLogEntry } from "../../src/index";

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
});
