import { waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AuditTimeline, createInMemoryAuditLogProvider } from "../../src/index";
import { manyEntries } from "../../stories/support/logFixtures";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";

describe("access checks of entries (useEntryAccess)", () => {
  it("without an access control provider, entries share their cache entries: memory does not grow with the entries shown", async () => {
    const { container, queryClient } = renderWithRefine(<AuditTimeline resource="products" locale="en-US" batchSize={80} />, {
      auditLogProvider: createInMemoryAuditLogProvider({ initial: manyEntries(80, { records: 10 }) }),
    });
    await waitFor(() => expect(container.querySelectorAll('[data-scope="audit-timeline"][data-part="entry"]')).toHaveLength(80));
    const access = queryClient.getQueryCache().findAll({ queryKey: ["access"] });
    // One per resource and action asked (rename, restore…), not one per entry: a long history
    // scrolled through would otherwise keep thousands of them for the cache's lifetime.
    expect(access.length).toBeGreaterThan(0);
    expect(access.length).toBeLessThanOrEqual(5);
  });
});
