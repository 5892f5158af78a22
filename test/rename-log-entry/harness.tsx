import { Refine, useLogList, type AccessControlProvider, type AuditLogProvider, type I18nProvider } from "@refinedev/core";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { AuditTrailProvider, createInMemoryAuditLogProvider, normalizeLogs, RenameLogEntry, type RenameLogEntryProps } from "../../src/index";

/** Two entries of product 1, the newer one named; plus an entry of another product. */
export const sampleRows = () => [
  { id: 1, resource: "products", action: "create", createdAt: "2024-03-01T10:00:00Z", data: { price: 10 }, meta: { id: 1 } },
  { id: 2, resource: "products", action: "update", createdAt: "2024-03-02T10:00:00Z", name: "Winter prices", data: { price: 12 }, meta: { id: 1 } },
  { id: 3, resource: "products", action: "update", createdAt: "2024-03-03T10:00:00Z", data: { price: 9 }, meta: { id: 2 } },
];

/** A promise settled from outside, for a provider call still in flight. */
export function deferred<T = unknown>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A timeline as a consumer would write it: `useLogList` for record 1, one `<RenameLogEntry>` per entry. */
export function Timeline({ recordId = 1, entryProps }: { recordId?: number | string; entryProps?: Partial<RenameLogEntryProps> }) {
  const { data, isLoading } = useLogList({ resource: "products", meta: { id: recordId } });
  if (isLoading) return <p>Loading…</p>;
  const { entries } = normalizeLogs(data);
  return (
    <ul aria-label="Timeline">
      {entries.map((entry) => (
        <li key={String(entry.id)} aria-label={`Entry ${String(entry.id)}`}>
          <RenameLogEntry log={entry} {...entryProps} />
        </li>
      ))}
    </ul>
  );
}

/** Another view of the same resource's logs (another `useLogList` query), showing names only. */
export function NameTable() {
  const { data, isLoading } = useLogList({ resource: "products", meta: { view: "table" } });
  if (isLoading) return <p>Loading table…</p>;
  return (
    <table aria-label="Names">
      <tbody>
        {normalizeLogs(data).entries.map((entry) => (
          <tr key={String(entry.id)}>
            <th scope="row">{String(entry.id)}</th>
            <td>{entry.name ?? "(unnamed)"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface SetupOptions {
  rows?: unknown[];
  /** Replaces the provider's `update` (a spy wraps it either way); `null` removes it. */
  update?: AuditLogProvider["update"] | null;
  /** Replaces the provider's `get` (a spy wraps it either way); it receives the in-memory one to delegate to. */
  get?: (params: Parameters<AuditLogProvider["get"]>[0], inMemory: AuditLogProvider["get"]) => Promise<unknown>;
  accessControlProvider?: AccessControlProvider;
  i18nProvider?: I18nProvider;
  /** Wraps the tree in `<AuditTrailProvider canRename={…}>` when set (as an app without `update` would). */
  canRename?: boolean;
  children?: ReactNode;
}

/** Renders children (default: the timeline and the table) inside a real `<Refine>` with an in-memory provider. */
export function renderInRefine({ rows = sampleRows(), update, get: customGet, accessControlProvider, i18nProvider, canRename, children }: SetupOptions = {}) {
  const provider = createInMemoryAuditLogProvider({ initial: rows });
  const updateSpy = vi.fn(update ?? provider.update);
  const get = vi.fn(customGet ? (params: Parameters<AuditLogProvider["get"]>[0]) => customGet(params, provider.get) : provider.get);
  const auditLogProvider: Partial<AuditLogProvider> = { create: provider.create, get, ...(update === null ? {} : { update: updateSpy }) };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } });
  const inRefine = (node: ReactNode) => (
    <Refine
      auditLogProvider={auditLogProvider as AuditLogProvider}
      accessControlProvider={accessControlProvider}
      i18nProvider={i18nProvider}
      options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}
    >
      {canRename === undefined ? node : <AuditTrailProvider canRename={canRename}>{node}</AuditTrailProvider>}
    </Refine>
  );
  const view = render(
    inRefine(
      children ?? (
        <>
          <Timeline />
          <NameTable />
        </>
      ),
    ),
  );
  /** Re-renders inside the same `<Refine>` (same providers, same cache), so the tree stays mounted. */
  const rerenderInRefine = (node: ReactNode) => view.rerender(inRefine(node));
  return { ...view, provider, update: updateSpy, get, queryClient, rerenderInRefine };
}
