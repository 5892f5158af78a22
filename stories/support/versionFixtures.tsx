import type { AccessControlProvider, AuditLogProvider, BaseRecord, DataProvider } from "@refinedev/core";
import type { Decorator } from "@storybook/react-vite";
import { createInMemoryAuditLogProvider, normalizeLog, type AuditLogEntry, type InMemoryAuditLogProvider, type InMemoryLogRow } from "../../src/index";
import { RefineStoryProvider } from "./withRefine";

/** The stories' clock: every time below is fixed, and shown in UTC, so the stories read the same anywhere. */
export const NOW = new Date(Date.UTC(2024, 10, 3, 11, 0));
const at = (minute: number) => new Date(Date.UTC(2024, 10, 3, 10, minute)).toISOString();

/**
 * Product 7's history: created at 10:00 by Ada (with a cost the app redacts), its price
 * lowered at 10:05 by Ben (named "Launch price"), renamed and published at 10:10 by Cleo.
 * Refine v5 writes updates without before-values; the kit infers them.
 */
export function lampHistory(): InMemoryLogRow[] {
  return [
    { id: 1, resource: "products", action: "create", createdAt: at(0), author: { name: "Ada" }, data: { id: 7, name: "Lamp", price: 45, stock: 3, status: "Draft", cost: 31.5 }, meta: { id: 7 } },
    { id: 2, resource: "products", action: "update", createdAt: at(5), author: { name: "Ben" }, name: "Launch price", data: { price: 39 }, previousData: {}, meta: { id: 7 } },
    { id: 3, resource: "products", action: "update", createdAt: at(10), author: { name: "Cleo" }, data: { name: "Arc lamp", status: "Published" }, previousData: {}, meta: { id: 7 } },
  ];
}

/** Product 7 as the data provider holds it now: the state after entry 3. */
export const lampNow = (): BaseRecord => ({ id: 7, name: "Arc lamp", price: 39, stock: 3, status: "Published", cost: 31.5 });

/** Product 7's history and, at 10:30, a restore of "Launch price" (`meta.restoredFrom`, as the kit's write logs it). */
export function lampHistoryWithRestore(): InMemoryLogRow[] {
  return [
    ...lampHistory(),
    { id: 4, resource: "products", action: "update", createdAt: at(30), author: { name: "Ada" }, data: { name: "Lamp", status: "Draft" }, previousData: {}, meta: { id: 7, restoredFrom: 2, restoreKind: "restore" } },
  ];
}

/** Product 8, whose history began before logging: no create, so its first version knows only `status`. */
export function benchHistory(): InMemoryLogRow[] {
  return [
    { id: 21, resource: "products", action: "update", createdAt: at(0), author: { name: "Ada" }, data: { status: "Published" }, previousData: {}, meta: { id: 8 } },
    { id: 22, resource: "products", action: "update", createdAt: at(20), author: { name: "Ben" }, data: { price: 12 }, previousData: {}, meta: { id: 8 } },
  ];
}

export const benchNow = (): BaseRecord => ({ id: 8, name: "Bench", status: "Published", price: 12 });

/** One row of {@link lampHistory} (or any row) as the kit reads it: what `entry` takes. */
export function entryOf(row: unknown): AuditLogEntry {
  const result = normalizeLog(row);
  if (!result.ok) throw new Error("A version fixture could not be read.");
  return result.entry;
}

/**
 * A small in-memory data provider for the versions' stories: `getOne`, `getList` and
 * `update` over one table per resource, plus what a story does behind the UI's back:
 * `edit` (another user's change) and `failUpdates` (the server refuses to write).
 */
export function createVersionDataProvider(initial: Record<string, BaseRecord[]>, latency = 0) {
  const tables: Record<string, BaseRecord[]> = Object.fromEntries(Object.entries(initial).map(([name, rows]) => [name, rows.map((row) => ({ ...row }))]));
  const updates: { id: unknown; variables: unknown; meta: unknown }[] = [];
  let updateFailure: Error | undefined;
  const wait = () => (latency ? new Promise((resolve) => setTimeout(resolve, latency)) : Promise.resolve());
  const find = (resource: string, id: unknown) => tables[resource]?.find((row) => String(row.id) === String(id));
  const provider: DataProvider = {
    getApiUrl: () => "memory://",
    getList: async ({ resource }) => {
      await wait();
      return { data: (tables[resource] ?? []).map((row) => ({ ...row })) as never, total: tables[resource]?.length ?? 0 };
    },
    getOne: async ({ resource, id }) => {
      await wait();
      const row = find(resource, id);
      if (!row) throw Object.assign(new Error(`No ${resource} with id ${String(id)}.`), { statusCode: 404 });
      return { data: { ...row } as never };
    },
    create: async () => {
      throw new Error("Not used in these stories.");
    },
    update: async ({ resource, id, variables, meta }) => {
      await wait();
      updates.push({ id, variables, meta });
      if (updateFailure) throw updateFailure;
      const row = find(resource, id)!;
      Object.assign(row, variables);
      return { data: { ...row } as never };
    },
    deleteOne: async () => {
      throw new Error("Not used in these stories.");
    },
  };
  return {
    provider,
    tables,
    /** Every `update` asked, failed ones included. */
    updates,
    /** Changes a record behind the UI's back (another user's edit). */
    edit: (resource: string, id: unknown, values: Record<string, unknown>) => Object.assign(find(resource, id)!, values),
    /** Makes every `update` fail with this error, until cleared with `undefined`. */
    failUpdates: (error: Error | undefined) => {
      updateFailure = error;
    },
  };
}

/** What a versions story runs against: a fresh data provider and audit log per showing. */
export interface VersionScenario {
  data: ReturnType<typeof createVersionDataProvider>;
  /** The in-memory audit log (`rows`, `setFailure`). */
  audit: InMemoryAuditLogProvider;
  /** What `<Refine>` gets as its audit log provider: `audit`, or a story's own wrapper of it. */
  auditLogProvider: Partial<AuditLogProvider>;
  accessControlProvider?: AccessControlProvider;
}

/** How a story sets up its {@link VersionScenario} (`parameters.versions`). */
export interface VersionScenarioOptions {
  /** The log's rows. Default {@link lampHistory}. */
  rows?: () => InMemoryLogRow[];
  /** The records as they are now. Default product 7 ({@link lampNow}) and product 8 ({@link benchNow}). */
  records?: () => BaseRecord[];
  /** Milliseconds every provider call waits. Default 20: loading states flash, stories stay fast. */
  latency?: number;
  /** Makes the in-memory audit log page its answers (see `createInMemoryAuditLogProvider`). */
  pageSize?: number;
  /** Wraps the in-memory audit log (a provider that pages, one that never answers). */
  wrapAuditLog?: (audit: InMemoryAuditLogProvider) => Partial<AuditLogProvider>;
  accessControlProvider?: AccessControlProvider;
}

/** A fresh {@link VersionScenario}. */
export function createVersionScenario(options: VersionScenarioOptions = {}): VersionScenario {
  const { rows = lampHistory, records = () => [lampNow(), benchNow()], latency = 20, pageSize, wrapAuditLog, accessControlProvider } = options;
  const audit = createInMemoryAuditLogProvider({ initial: rows(), latency, pageSize, now: () => NOW });
  const data = createVersionDataProvider({ products: records() }, latency);
  return { data, audit, auditLogProvider: wrapAuditLog ? wrapAuditLog(audit) : audit, accessControlProvider };
}

/**
 * Storybook loader: builds the story's {@link VersionScenario} from `parameters.versions`
 * before each showing. The decorator, `render` and `play` read it as `loaded.scenario`, so
 * `play` can change the record or make the server fail behind the UI's back.
 */
export const loadVersionScenario = async ({ parameters }: { parameters: Record<string, unknown> }) => ({
  scenario: createVersionScenario((parameters.versions as VersionScenarioOptions | undefined) ?? {}),
});

/** The scenario of a story (from {@link loadVersionScenario}). */
export const scenarioOf = (context: { loaded: Record<string, unknown> }) => context.loaded.scenario as VersionScenario;

/** Storybook decorator: a real `<Refine>` over the story's {@link VersionScenario} (products as a resource, so writes are logged). */
export const withVersionScenario: Decorator = (Story, context) => {
  const scenario = scenarioOf(context);
  return (
    <RefineStoryProvider
      dataProvider={scenario.data.provider}
      auditLogProvider={scenario.auditLogProvider}
      accessControlProvider={scenario.accessControlProvider}
      resources={[{ name: "products" }]}
    >
      <Story />
    </RefineStoryProvider>
  );
};
