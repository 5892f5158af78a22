import { useLogList, type HttpError } from "@refinedev/core";
import { useEffect, useRef, useState } from "react";
import { readServerAnswer } from "../core/auditQuery";
import { entryConcernsRecord } from "../core/filterEntries";
import { normalizeLogs, type AuditId, type AuditLogEntry } from "../core/normalizeLog";
import type { AuditLogError, AuditLogRequestMeta } from "./useAuditLogEntries";

/** How far an export of a whole server-side log has read. */
export interface AuditLogExportProgress {
  /** Entries read so far. */
  read: number;
  /** The server's count of the matching entries (known after the first page), else `null`. */
  total: number | null;
  /** The most entries the export reads (`exportLimit`). */
  limit: number;
}

/** What {@link useServerAuditLogExport} read: at most `limit` entries, and the server's count of all of them. */
export interface AuditLogExportRead {
  /** The entries read, in the query's order (of the resource, and of the record when one is given). */
  entries: AuditLogEntry[];
  /** The server's count of all the matching entries; `null` when it gave none. */
  total: number | null;
}

/** Options of {@link useServerAuditLogExport}. */
export interface UseServerAuditLogExportOptions {
  /** The resource whose log is read. */
  resource: string;
  /** One record's history: entries of other records (a provider that ignores the record) are left out, as the views leave them out. */
  id?: AuditId;
  /** The view's request (`useAuditLogEntries().requestMeta`): its query is read again, page after page. */
  requestMeta: AuditLogRequestMeta;
  /** The most entries read. */
  limit: number;
  /** The view's filters match nothing (`useAuditLogEntries().matchesNothing`): the export is empty, and nothing is asked. */
  matchesNothing?: boolean;
}

/** The result of {@link useServerAuditLogExport}. */
export interface UseServerAuditLogExportResult {
  /** Reads every page of the query (200 rows each, with cursors), up to `limit` entries; rejects when cancelled or when a page fails. */
  read: () => Promise<AuditLogExportRead>;
  /** Stops reading (the promise rejects with an `AbortError`). */
  cancel: () => void;
  /** While reading: how far it is. */
  progress: AuditLogExportProgress | undefined;
}

const EXPORT_PAGE_SIZE = 200;

interface Run {
  meta: AuditLogRequestMeta;
  cursor?: string;
  total: number | null;
  entries: AuditLogEntry[];
  seen: Set<string>;
  /** The cursors followed: a provider that hands one out twice (a cycle, or the same forever) is not followed round. */
  cursors: Set<string>;
  pages: number;
  settle: { resolve: (read: AuditLogExportRead) => void; reject: (error: AuditLogError) => void };
}

/**
 * Reads a whole server-side log (one that follows the query contract), for an export:
 * the view's query again, in cursor mode, 200 rows a page, through one `useLogList` call
 * whose key moves from page to page (Refine offers no other way to the provider's `get`;
 * pages read are not kept in the cache). Stops at `limit` entries: `total` says how many
 * the log holds, so nothing is cut silently.
 *
 * @example
 * const exporter = useServerAuditLogExport({ resource: "products", requestMeta: log.requestMeta, limit: 100_000 });
 * const { entries, total } = await exporter.read();
 */
export function useServerAuditLogExport({ resource, id, requestMeta, limit, matchesNothing = false }: UseServerAuditLogExportOptions): UseServerAuditLogExportResult {
  const [run, setRun] = useState<Run>();
  const [read, setRead] = useState(0);
  const { auditQuery } = run?.meta ?? requestMeta;
  const meta = run
    ? {
        ...run.meta,
        pageSize: EXPORT_PAGE_SIZE,
        ...(run.cursor === undefined ? {} : { cursor: run.cursor }),
        auditQuery: { ...auditQuery, pagination: { mode: "cursor" as const, pageSize: EXPORT_PAGE_SIZE, ...(run.cursor === undefined ? {} : { cursor: run.cursor }) }, total: run.cursor === undefined },
      }
    : requestMeta;
  const page = useLogList<unknown, HttpError>({ resource, meta, queryOptions: run ? { gcTime: 0 } : { enabled: false } });

  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!run || page.isFetching) return;
    if (page.isError) {
      setRun(undefined);
      run.settle.reject(page.error);
      return;
    }
    if (page.data === undefined || page.isPlaceholderData) return;
    const answer = readServerAnswer(page.data);
    let added = 0;
    for (const entry of normalizeLogs(answer?.rows ?? []).entries) {
      if (run.entries.length >= limit) break;
      const key = String(entry.id);
      if (entry.resource !== resource || run.seen.has(key)) continue;
      if (id !== undefined && entry.recordIds.length > 0 && !entryConcernsRecord(entry, id)) continue;
      run.seen.add(key);
      run.entries.push(entry);
      added++;
    }
    const total = run.cursor === undefined ? (answer?.total ?? null) : run.total;
    setRead(run.entries.length);
    const next = answer?.nextCursor === undefined ? undefined : String(answer.nextCursor);
    // Read on only while pages bring new entries, along cursors not followed before, within
    // the pages the limit needs (and a few more for rows the view drops): a provider that
    // repeats itself ends the read with what it gave, and `total` says what is missing.
    const canGoOn = next !== undefined && added > 0 && !run.cursors.has(next) && run.pages < Math.ceil(limit / EXPORT_PAGE_SIZE) + 10 && run.entries.length < limit;
    if (canGoOn) {
      run.cursors.add(next);
      setRun({ ...run, cursor: next, total, pages: run.pages + 1 });
    }
    else {
      setRun(undefined);
      run.settle.resolve({ entries: run.entries, total });
    }
    // One step per page answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page.data, page.isFetching, page.isError, run?.cursor, run?.settle]);

  const cancel = () => {
    const current = runRef.current;
    if (!current) return;
    setRun(undefined);
    current.settle.reject(Object.assign(new Error("The export was cancelled."), { name: "AbortError", statusCode: 0 }));
  };

  return {
    read: () => {
      cancel();
      setRead(0);
      if (matchesNothing) return Promise.resolve({ entries: [], total: 0 });
      return new Promise<AuditLogExportRead>((resolve, reject) => setRun({ meta: requestMeta, total: null, entries: [], seen: new Set(), cursors: new Set(), pages: 1, settle: { resolve, reject } }));
    },
    cancel,
    progress: run ? { read, total: run.total, limit } : undefined,
  };
}
