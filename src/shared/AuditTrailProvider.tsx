import { createContext, useContext, useMemo, type ReactNode } from "react";

/** What the kit's components are told about the app, resolved (see {@link useAuditTrailConfig}). */
export interface AuditTrailConfig {
  /**
   * The `auditLogProvider` can store names (it has `update`). `true` unless an
   * {@link AuditTrailProvider} says otherwise: Refine assumes `update` exists.
   */
  canRename: boolean;
}

/** Props of {@link AuditTrailProvider}. */
export interface AuditTrailProviderProps {
  /**
   * Whether the app's `auditLogProvider` has `update`, i.e. whether log entries can be
   * named. Say `false` when it has none: Refine's `useLog().rename` then resolves without
   * storing anything, so a rename would look saved while it was lost. With `false`,
   * `<RenameLogEntry>` (and the timeline's rename) show the name as text only.
   * Left out, the value of the enclosing `AuditTrailProvider` applies (default `true`).
   */
  canRename?: boolean;
  /** The part of the app the configuration applies to. */
  children?: ReactNode;
}

const DEFAULT_CONFIG: AuditTrailConfig = Object.freeze({ canRename: true });

const AuditTrailContext = createContext<AuditTrailConfig>(DEFAULT_CONFIG);
AuditTrailContext.displayName = "AuditTrailContext";

/**
 * Tells the kit's components what Refine does not let them find out, explicitly: today,
 * whether the `auditLogProvider` can rename entries. Refine keeps its providers in
 * contexts it does not export, so the kit cannot look; it assumes what Refine assumes
 * (every method exists) unless told otherwise here. A plain React context: put it
 * anywhere above the components, inside or outside `<Refine>`. The nearest provider that
 * sets a prop wins; props it leaves out come from the provider above it.
 *
 * @example
 * const auditLogProvider = { get, create }; // no `update`: names cannot be stored
 * <Refine auditLogProvider={auditLogProvider}>
 *   <AuditTrailProvider canRename={false}>
 *     <App />
 *   </AuditTrailProvider>
 * </Refine>
 */
export function AuditTrailProvider({ canRename, children }: AuditTrailProviderProps) {
  const outer = useContext(AuditTrailContext);
  const resolved = canRename ?? outer.canRename;
  const value = useMemo<AuditTrailConfig>(() => ({ canRename: resolved }), [resolved]);
  return <AuditTrailContext.Provider value={value}>{children}</AuditTrailContext.Provider>;
}

/**
 * The configuration of the nearest {@link AuditTrailProvider}, with the defaults filled
 * in (`{ canRename: true }` when there is none).
 *
 * @example
 * const { canRename } = useAuditTrailConfig();
 */
export function useAuditTrailConfig(): AuditTrailConfig {
  return useContext(AuditTrailContext);
}
