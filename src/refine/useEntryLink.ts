import { useGo, useParsed } from "@refinedev/core";
import { useCallback, useMemo, useRef } from "react";

/** The query parameter that links to one log entry, unless the app chooses another. */
export const DEFAULT_ENTRY_LINK_PARAM = "auditEntry";

/** The result of {@link useEntryLink}. */
export interface UseEntryLinkResult {
  /** The entry id the page's URL links to (the parameter's value), if any. */
  linkedId: string | undefined;
  /**
   * The absolute URL of this page with the parameter set to `entryId` (other parameters
   * kept): through Refine's router provider when there is one, else from `window.location`.
   * `undefined` where there is no location (on the server) or links are off.
   */
  getEntryUrl: (entryId: string | number) => string | undefined;
}

const isSafeUrl = (url: URL) => url.protocol === "http:" || url.protocol === "https:" || url.protocol === "file:";

/**
 * Links to one log entry through a query parameter (`?auditEntry=42` by default; `null`
 * turns links off): reads it from Refine's router provider (`useParsed`) or, without one,
 * from `window.location`, and builds the link of an entry with Refine's `useGo` (type
 * `"path"`, keeping the other parameters) or, without a router, from `window.location`.
 *
 * @example
 * const { linkedId, getEntryUrl } = useEntryLink("version");
 */
export function useEntryLink(param: string | null = DEFAULT_ENTRY_LINK_PARAM): UseEntryLinkResult {
  const parsed = useParsed();
  // Refine's `go` is a new function on every render (without a router, always): read the
  // latest through a ref, so `getEntryUrl` keeps its identity and memoised rows stay put.
  const latestGo = useGo();
  const go = useRef(latestGo);
  go.current = latestGo;
  const fromRouter = param ? (parsed.params as Record<string, unknown> | undefined)?.[param] : undefined;
  const linkedId = useMemo(() => {
    if (!param) return undefined;
    const value = Array.isArray(fromRouter) ? fromRouter[0] : fromRouter;
    if (typeof value === "string" || typeof value === "number") return String(value) || undefined;
    if (typeof window === "undefined") return undefined;
    return new URLSearchParams(window.location.search).get(param) || undefined;
  }, [param, fromRouter]);

  const getEntryUrl = useCallback(
    (entryId: string | number) => {
      if (!param || typeof window === "undefined") return undefined;
      let url: URL;
      const path = go.current({ query: { [param]: String(entryId) }, options: { keepQuery: true, keepHash: true }, type: "path" });
      if (typeof path === "string" && path !== "") url = new URL(path, window.location.href);
      else {
        url = new URL(window.location.href);
        url.searchParams.set(param, String(entryId));
      }
      // Only a web address: never a script or data URL, whatever built it.
      return isSafeUrl(url) ? url.toString() : undefined;
    },
    [param],
  );
  return { linkedId, getEntryUrl };
}
