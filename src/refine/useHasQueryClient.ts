import { QueryClientContext } from "@tanstack/react-query";
import { useContext } from "react";

/**
 * True inside a TanStack `QueryClientProvider` (which `<Refine>` sets up). Outside one,
 * Refine's hooks throw "No QueryClient set": the kit's components render their
 * `unconfigured` state (or, for `<RenameLogEntry>`, the name as text) instead.
 */
export function useHasQueryClient(): boolean {
  return useContext(QueryClientContext) !== undefined;
}
