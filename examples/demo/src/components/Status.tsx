import type { HttpError } from "@refinedev/core";
import type { ReactNode } from "react";
import { useDemoTranslate } from "../i18n/useDemoTranslate";

/** A loading line that screen readers announce. */
export function Loading({ children }: { children?: ReactNode }) {
  const { t } = useDemoTranslate();
  return (
    <p className="status" role="status" aria-live="polite">
      {children ?? t("common.loading")}
    </p>
  );
}

/**
 * An error with what went wrong and, when given, a way to try again. The error's own
 * message is shown as it came (the demo's server speaks English only).
 */
export function ErrorMessage({ title, error, onRetry }: { title: string; error?: Partial<HttpError> | Error | null; onRetry?: () => void }) {
  const { t } = useDemoTranslate();
  const message = error?.message;
  return (
    <div className="callout callout-error" role="alert">
      <strong>{title}</strong>
      {message && <p>{message}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("common.tryAgain")}
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
