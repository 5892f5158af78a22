import type { HttpError } from "@refinedev/core";
import type { ReactNode } from "react";

/** A loading line that screen readers announce. */
export function Loading({ children = "Loading…" }: { children?: ReactNode }) {
  return (
    <p className="status" role="status" aria-live="polite">
      {children}
    </p>
  );
}

/** An error with what went wrong and, when given, a way to try again. */
export function ErrorMessage({ title, error, onRetry }: { title: string; error?: Partial<HttpError> | Error | null; onRetry?: () => void }) {
  const message = error?.message;
  return (
    <div className="callout callout-error" role="alert">
      <strong>{title}</strong>
      {message && <p>{message}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The HTTP status of a Refine error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
}
