import type { HTMLAttributes } from "react";
import type { DataAttributes } from "../shared/dataAttributes";
import { mergeProps } from "../shared/mergeProps";
import { useAuditTranslate } from "./useAuditTranslate";

/** Props of {@link UnconfiguredRoot}. */
export interface UnconfiguredRootProps {
  /** The component's anatomy: it has a `root` and an `unconfigured` part. */
  anatomy: { attrs(part: "root" | "unconfigured"): DataAttributes };
  /** The translation key of the message (`auditLog.<component>.unconfigured`). */
  messageKey: string;
  /** The root element's own props (the user's, options split off). */
  rootProps: HTMLAttributes<HTMLDivElement>;
  locale?: string;
}

/**
 * A log view outside `<Refine>` (no QueryClient, so Refine's hooks cannot run): its root
 * in the `unconfigured` state, saying what is missing, instead of a thrown error.
 */
export function UnconfiguredRoot({ anatomy, messageKey, rootProps, locale }: UnconfiguredRootProps) {
  const { t } = useAuditTranslate(locale);
  return (
    <div {...mergeProps({ ...anatomy.attrs("root"), "data-state": "unconfigured" }, rootProps)}>
      <p {...anatomy.attrs("unconfigured")}>
        {t(messageKey, "No audit log provider is configured, so there is no history to show. Pass an auditLogProvider with a get method to <Refine>.")}
      </p>
    </div>
  );
}
