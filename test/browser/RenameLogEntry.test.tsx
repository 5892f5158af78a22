import { Refine, useLogList, type AuditLogProvider } from "@refinedev/core";
import { QueryClient } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { createInMemoryAuditLogProvider, normalizeLogs, RenameLogEntry } from "../../src/index";
import "../../src/styles.css";

const rows = () => [
  { id: 1, resource: "products", action: "create", createdAt: "2024-03-01T10:00:00Z", meta: { id: 1 } },
  { id: 2, resource: "products", action: "update", createdAt: "2024-03-02T10:00:00Z", name: "Winter prices", meta: { id: 1 } },
];

function List() {
  const { data, isLoading } = useLogList({ resource: "products", meta: { id: 1 } });
  if (isLoading) return <p>Loading…</p>;
  return (
    <ul>
      {normalizeLogs(data).entries.map((entry) => (
        <li key={String(entry.id)} aria-label={`Entry ${String(entry.id)}`}>
          <RenameLogEntry log={entry} />
        </li>
      ))}
    </ul>
  );
}

function renderWith(children: ReactNode, provider: Partial<AuditLogProvider>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } });
  return render(
    <Refine auditLogProvider={provider as AuditLogProvider} options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}>
      {children}
    </Refine>,
  );
}

describe("<RenameLogEntry> in Chromium", () => {
  it("renames with the real keyboard: the name is selected, typing replaces it, focus comes back", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: rows() });
    const update = vi.fn(provider.update);
    renderWith(<List />, { ...provider, update });
    const item = await screen.findByRole("listitem", { name: "Entry 2" });
    const trigger = within(item).getByRole("button", { name: "Rename “Winter prices”" });
    trigger.focus();
    await userEvent.keyboard("{Enter}");
    const input = within(item).getByRole("textbox", { name: "Version name" });
    await waitFor(() => expect(document.activeElement).toBe(input));
    await userEvent.keyboard("Spring prices{Enter}");
    await waitFor(() => expect(within(item).getByText("Spring prices").dataset.part).toBe("name"));
    expect(update).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith({ id: 2, name: "Spring prices" });
    await waitFor(() => expect(document.activeElement).toBe(within(item).getByRole("button", { name: "Rename “Spring prices”" })));
  });

  it("a click on Save while the provider is slow sends once, then focus returns to the trigger", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: rows() });
    // The provider answers only when the test says so, however slow the machine is.
    let answer!: () => void;
    const stored = new Promise<void>((resolve) => (answer = resolve));
    const update = vi.fn(async (params: { id: string | number; name: string }) => {
      await stored;
      return provider.update(params);
    });
    renderWith(<List />, { ...provider, update });
    const item = await screen.findByRole("listitem", { name: "Entry 1" }, { timeout: 2000 });
    await userEvent.click(within(item).getByRole("button", { name: "Name this version" }));
    await userEvent.keyboard("Launch");
    const save = within(item).getByRole("button", { name: "Save" });
    await userEvent.click(save);
    await userEvent.keyboard("{Enter}");
    expect(save.hasAttribute("disabled")).toBe(true);
    expect(update).toHaveBeenCalledTimes(1);
    answer();
    await waitFor(() => expect(document.activeElement).toBe(within(item).getByRole("button", { name: "Rename “Launch”" })), { timeout: 2000 });
    expect(update).toHaveBeenCalledTimes(1);
  });

  it("Escape restores the name and returns focus without sending", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: rows() });
    const update = vi.fn(provider.update);
    renderWith(<RenameLogEntry log={rows()[1]} />, { ...provider, update });
    await userEvent.click(screen.getByRole("button", { name: "Rename “Winter prices”" }));
    await userEvent.keyboard("Other{Escape}");
    expect(screen.getByText("Winter prices")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Rename “Winter prices”" }));
    expect(update).not.toHaveBeenCalled();
  });

  it("wraps a long unbroken name inside a narrow column instead of overflowing it", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: rows() });
    renderWith(
      <div style={{ width: "160px" }} data-testid="column">
        <RenameLogEntry log={{ ...rows()[1], name: "x".repeat(120) }} />
      </div>,
      provider,
    );
    const column = screen.getByTestId("column");
    const name = screen.getByText("x".repeat(120));
    expect(name.getBoundingClientRect().width).toBeLessThanOrEqual(160);
    expect(column.scrollWidth).toBeLessThanOrEqual(160);
  });

  it("switches to the dark palette under [data-theme=dark], with zero specificity", async () => {
    const provider = createInMemoryAuditLogProvider({ initial: rows() });
    renderWith(
      <>
        <div data-theme="dark">
          <RenameLogEntry log={rows()[1]} data-testid="dark" />
        </div>
        <RenameLogEntry log={rows()[1]} data-testid="light" className="mine" />
        <style>{".mine [data-part='name'] { color: rgb(1, 2, 3); }"}</style>
      </>,
      provider,
    );
    const darkName = within(screen.getByTestId("dark")).getByText("Winter prices");
    const lightName = within(screen.getByTestId("light")).getByText("Winter prices");
    expect(getComputedStyle(darkName).color).toBe("rgb(230, 237, 243)");
    // Any selector of the app's beats the kit's.
    expect(getComputedStyle(lightName).color).toBe("rgb(1, 2, 3)");
  });
});
