import { Refine, type AccessControlProvider, type AuditLogProvider, type DataProvider, type I18nProvider } from "@refinedev/core";
import { QueryClient } from "@tanstack/react-query";
import type { Decorator } from "@storybook/react-vite";
import { useState, type ReactNode } from "react";
import { createInMemoryAuditLogProvider } from "../../src/index";

/** What a story can set under `parameters.refine`. */
export interface RefineStoryParameters {
  /**
   * The audit log provider; a fresh in-memory one when absent. `null` renders without one.
   * A function is called once per mount, so a story that changes its provider (a rename)
   * starts fresh each time it is shown.
   */
  auditLogProvider?: Partial<AuditLogProvider> | null | (() => Partial<AuditLogProvider>);
  dataProvider?: DataProvider;
  resources?: { name: string; meta?: Record<string, unknown> }[];
  /** Access control (`can`, and `options.buttons` such as `hideIfUnauthorized`); none when absent. */
  accessControlProvider?: AccessControlProvider;
  /** Refine's i18n provider: the kit's strings and locale follow it. */
  i18nProvider?: I18nProvider;
}

/** A real `<Refine>` around children, with its own QueryClient (no retries, no cache time). */
export function RefineStoryProvider({ children, ...parameters }: RefineStoryParameters & { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } }));
  const [auditLogProvider] = useState(() =>
    parameters.auditLogProvider === null
      ? undefined
      : typeof parameters.auditLogProvider === "function"
        ? parameters.auditLogProvider()
        : (parameters.auditLogProvider ?? createInMemoryAuditLogProvider()),
  );
  return (
    <Refine
      // A provider may lack methods (that is a state worth showing); Refine's type wants all three.
      auditLogProvider={auditLogProvider as AuditLogProvider | undefined}
      dataProvider={parameters.dataProvider}
      resources={parameters.resources}
      accessControlProvider={parameters.accessControlProvider}
      i18nProvider={parameters.i18nProvider}
      options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}
    >
      {children}
    </Refine>
  );
}

/** Storybook decorator: renders the story inside {@link RefineStoryProvider}, configured by `parameters.refine`. */
export const withRefine: Decorator = (Story, context) => (
  <RefineStoryProvider {...((context.parameters.refine as RefineStoryParameters | undefined) ?? {})}>
    <Story />
  </RefineStoryProvider>
);
