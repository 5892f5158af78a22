import { Refine, type AuditLogProvider, type DataProvider } from "@refinedev/core";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";

/** What the tests configure in their `<Refine>`. */
export interface RefineTestOptions {
  auditLogProvider?: Partial<AuditLogProvider>;
  dataProvider?: DataProvider;
  resources?: { name: string; meta?: Record<string, unknown> }[];
}

/** A QueryClient as an app would make it for tests: no retries, no cache time. */
export const createTestQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } });

/** A real `<Refine>` around `children`, with the given providers and QueryClient. */
export function RefineTestShell({ children, queryClient, ...options }: RefineTestOptions & { children: ReactNode; queryClient: QueryClient }) {
  return (
    <Refine
      // A provider may lack methods (a state worth testing); Refine's type wants all three.
      auditLogProvider={options.auditLogProvider as AuditLogProvider | undefined}
      dataProvider={options.dataProvider}
      resources={options.resources}
      options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}
    >
      {children}
    </Refine>
  );
}

/** A `renderHook` wrapper: the hook inside a real `<Refine>` (one QueryClient per wrapper). */
export function refineWrapper(options: RefineTestOptions = {}) {
  const queryClient = createTestQueryClient();
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <RefineTestShell {...options} queryClient={queryClient}>
        {children}
      </RefineTestShell>
    );
  };
}

/** Renders `ui` inside a real `<Refine>` with an inspectable QueryClient. */
export function renderWithRefine(ui: ReactElement, options: RefineTestOptions = {}) {
  const queryClient = createTestQueryClient();
  const wrap = (node: ReactElement) => (
    <RefineTestShell {...options} queryClient={queryClient}>
      {node}
    </RefineTestShell>
  );
  const result = render(wrap(ui));
  return { ...result, queryClient, rerender: (node: ReactElement) => result.rerender(wrap(node)) };
}

/** The audit list queries in the cache: their `meta` (the 4th key segment), one per cache entry. */
export const auditListMetas = (queryClient: QueryClient, resource: string) =>
  queryClient
    .getQueryCache()
    .findAll({ queryKey: ["audit", resource, "list"] })
    .map((query) => query.queryKey[3]);
