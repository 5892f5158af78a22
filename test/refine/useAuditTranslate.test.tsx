import { Refine, type I18nProvider } from "@refinedev/core";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { useAuditTranslate } from "../../src/refine/useAuditTranslate";
import { createTestQueryClient } from "../audit-timeline/renderWithRefine";

/** An i18n provider as apps write them: it fills `{name}` placeholders itself. */
const german: Record<string, string> = { "auditLog.summary.changed": "{field} geändert: {before} → {after}" };
const i18nProvider: I18nProvider = {
  translate: (key, options, defaultMessage) => {
    const message = german[key] ?? defaultMessage ?? key;
    const params = (options ?? {}) as Record<string, unknown>;
    return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  },
  changeLocale: async () => undefined,
  getLocale: () => "de",
};

const wrapper = (provider?: I18nProvider) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <Refine i18nProvider={provider} options={{ disableTelemetry: true, reactQuery: { clientConfig: createTestQueryClient() } }}>
        {children}
      </Refine>
    );
  };

describe("useAuditTranslate", () => {
  it("puts values in once: a value that reads like a placeholder stays as it is", () => {
    const { result } = renderHook(() => useAuditTranslate(), { wrapper: wrapper(i18nProvider) });
    const { t } = result.current;
    expect(t("auditLog.summary.changed", "Changed {field} from {before} to {after}", { field: "Note", before: "{after}", after: "{field} {count}" })).toBe(
      "Note geändert: {after} → {field} {count}",
    );
    // Without a translation, the English default, filled once too.
    expect(t("auditLog.summary.other", "Set {field} to {value}", { field: "Note", value: "{field}" })).toBe("Set Note to {field}");
    expect(result.current.locale).toBe("de");
  });

  it("fills the English defaults without an i18n provider", () => {
    const { result } = renderHook(() => useAuditTranslate(), { wrapper: wrapper() });
    expect(result.current.t("auditLog.x", "Set {field} to {value}", { field: "Note", value: "{value}" })).toBe("Set Note to {value}");
    expect(result.current.t("auditLog.y", "Plain")).toBe("Plain");
  });
});
