import { Refine, type DataProvider, type I18nProvider } from "@refinedev/core";
import { cleanup, render, renderHook, waitFor } from "@testing-library/react";
import { Component, type ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { everyPipelineOutput } from "../support/pipelineOutputs";
import { AuditTimeline } from "../../src/audit-timeline/AuditTimeline";
import { collectReferences, compileFields, type RecordDiffFields, type ReferenceRequests } from "../../src/index";
import { getImageSrc } from "../../src/core/typedValues";
import { RecordDiff } from "../../src/record-diff/RecordDiff";
import { createInMemoryAuditLogProvider } from "../../src/refine/createInMemoryAuditLogProvider";
import { useAuditTranslate } from "../../src/refine/useAuditTranslate";
import { createTestQueryClient, renderWithRefine } from "../audit-timeline/renderWithRefine";

// Security review of issue 13 ("values people can read": references by label, items named
// in labels, objects as fields, image baseUrl, translations). Two kinds of case:
// - FINDING: fails on 06255f3, passes once the finding is fixed;
// - HOLDS: passes on 06255f3, proof that a promised guarantee holds against a hostile input.

afterEach(cleanup);

const at = (minute: number) => new Date(Date.UTC(2024, 10, 3, 10, minute)).toISOString();
const NOW = new Date(Date.UTC(2024, 10, 3, 12, 0));

const everything = everyPipelineOutput;

type Call = { method: "getMany" | "getOne"; resource: string; ids: string[] };

/** A data provider whose getMany (or, without it, getOne) answers what `answer` gives; every call is recorded. */
function provider(answer: (resource: string, ids: string[]) => unknown, { withGetMany = true } = {}) {
  const calls: Call[] = [];
  const dataProvider: DataProvider = {
    getApiUrl: () => "",
    getList: async () => ({ data: [], total: 0 }),
    getOne: async ({ resource, id }) => {
      calls.push({ method: "getOne", resource, ids: [String(id)] });
      const answered = (await answer(resource, [String(id)])) as { data?: unknown[] } | undefined;
      const row = answered?.data?.[0];
      if (!row) throw Object.assign(new Error("Not found"), { statusCode: 404 });
      return { data: row as never };
    },
    create: async () => ({ data: {} as never }),
    update: async () => ({ data: {} as never }),
    deleteOne: async () => ({ data: {} as never }),
  };
  if (withGetMany) {
    dataProvider.getMany = async ({ resource, ids }) => {
      calls.push({ method: "getMany", resource, ids: ids.map(String) });
      return answer(resource, ids.map(String)) as never;
    };
  }
  return { dataProvider, calls };
}

const categories = [
  { id: 3, title: "Lamps" },
  { id: 7, title: "Lighting" },
];
const answerCategories = (_resource: string, ids: string[]) => ({ data: categories.filter((row) => ids.includes(String(row.id))) });

const summaryOf = (container: HTMLElement, id: string) =>
  container.querySelector(`[data-scope="audit-timeline"][data-part="entry"][data-log-id="${id}"] [data-scope="audit-timeline"][data-part="summary"]`)?.textContent;

/** Catches what a view throws while rendering: a crash shows as `crashed`, the error is kept. */
class Boundary extends Component<{ children: ReactNode; onError: (error: unknown) => void }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  render() {
    return this.state.failed ? <p data-testid="crashed">crashed</p> : this.props.children;
  }
}

const categoryFields: RecordDiffFields = { categoryId: { label: "Category", reference: { resource: "categories", label: "title" } } };
const moveLog = () => [{ id: 2, resource: "products", action: "update", createdAt: at(5), author: { name: "Ben" }, data: { categoryId: 7 }, previousData: { categoryId: 3 }, meta: { id: 1 } }];

function renderTimeline(dataProvider: DataProvider, { fields = categoryFields, initial = moveLog() as unknown[], expanded }: { fields?: RecordDiffFields; initial?: unknown[]; expanded?: string[] } = {}) {
  const errors: unknown[] = [];
  const audit = createInMemoryAuditLogProvider({ initial: initial as never });
  const result = renderWithRefine(
    <Boundary onError={(error) => errors.push(error)}>
      <AuditTimeline resource="products" fields={fields} now={NOW} timeZone="UTC" locale="en-GB" defaultExpanded={expanded} />
    </Boundary>,
    { auditLogProvider: audit, dataProvider },
  );
  return { ...result, errors };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

// ---------------------------------------------------------------------------------------
// FINDING 1 (high): an id list item whose type changed is split into removed + added
// before the policy scrubs it (src/core/pipeline.ts, applyPolicyToSet): redacted and hidden
// fields inside the item show everywhere.
// ---------------------------------------------------------------------------------------

describe("FINDING 1: an item of a list of references is scrubbed like any other value", () => {
  const fields: RecordDiffFields = {
    tagIds: { label: "Tags", reference: { resource: "tags" } },
    otherIds: { label: "Others", reference: { resource: "others" } },
    "**.password": { redact: true },
    "**.internal": { hidden: true },
  };
  const rows = [
    {
      id: 1,
      resource: "products",
      action: "update",
      createdAt: at(1),
      meta: { id: 1 },
      // An id swapped for an object and back (a hostile or malformed row): "changed" with note type-changed.
      previousData: { tagIds: ["t1", "t2"], otherIds: ["o1", { password: "TOPSECRET_BEFORE", internal: "TOPSECRET_HIDDEN_BEFORE" }] },
      data: { tagIds: ["t1", { password: "TOPSECRET_AFTER", internal: "TOPSECRET_HIDDEN_AFTER" }], otherIds: ["o1", "o2"] },
    },
  ];

  it("never shows a redacted or hidden field of the item in summaries, search text or exports", () => {
    expect(everything(rows, fields, 1)).not.toMatch(/TOPSECRET/);
  });

  it("never shows a redacted or hidden field of the item in <RecordDiff> (objects shown as fields)", () => {
    const { container } = render(<RecordDiff log={rows[0]} fields={fields} maxOpenObjectFields={Infinity} />);
    expect(container.innerHTML).not.toMatch(/TOPSECRET/);
  });

  it("the same row without `reference` on the list is scrubbed (the split is what skips the policy)", () => {
    const plain = { ...fields, tagIds: { label: "Tags" }, otherIds: { label: "Others" } };
    expect(everything(rows, plain, 1)).not.toMatch(/TOPSECRET/);
    const { container } = render(<RecordDiff log={rows[0]} fields={plain} maxOpenObjectFields={Infinity} />);
    expect(container.innerHTML).not.toMatch(/TOPSECRET/);
  });
});

// ---------------------------------------------------------------------------------------
// FINDING 2 (medium): useReferenceLabels reads the data provider's answer during render
// without guarding it (src/refine/useReferenceLabels.ts, the lookup's useMemo): an answer
// whose `data` is not iterable, a record whose id getter throws, or an error whose
// `message` getter throws unmounts the whole timeline / table / diff (a blank page).
// ---------------------------------------------------------------------------------------

describe("FINDING 2: a hostile data provider answer never blanks the view", () => {
  const hostile: [string, (resource: string, ids: string[]) => unknown][] = [
    ["getMany's data is an object keyed by id", () => ({ data: { 3: { id: 3, title: "Lamps" } } })],
    ["getMany's data is a number", () => ({ data: 42 })],
    ["a record's id getter throws", () => ({ data: [Object.defineProperty({ title: "Lamps" }, "id", { enumerable: true, get: () => { throw new Error("boom"); } })] })],
    [
      "getMany rejects with an error whose message getter throws",
      () => Promise.reject(Object.defineProperty(new Error("x"), "message", { get: () => { throw new Error("boom"); } })),
    ],
  ];
  for (const [name, answer] of hostile) {
    it(`FINDING: the timeline still shows its entries (ids) when ${name}`, async () => {
      const { dataProvider, calls } = provider(answer);
      const { container, errors, queryByTestId } = renderTimeline(dataProvider, { expanded: ["2"] });
      await waitFor(() => expect(calls.length).toBeGreaterThan(0));
      await settle();
      expect(errors.map(String)).toEqual([]);
      expect(queryByTestId("crashed")).toBeNull();
      expect(summaryOf(container, "2")).toMatch(/^Changed Category from /);
    });
  }

  it("a standalone <RecordDiff> still shows its rows when getMany's data is not a list", async () => {
    const { dataProvider, calls } = provider(() => ({ data: { rows: categories } }));
    const errors: unknown[] = [];
    const { container, queryByTestId } = renderWithRefine(
      <Boundary onError={(error) => errors.push(error)}>
        <RecordDiff previousData={{ categoryId: 3 }} data={{ categoryId: 7 }} fields={categoryFields} />
      </Boundary>,
      { dataProvider },
    );
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    await settle();
    expect(errors.map(String)).toEqual([]);
    expect(queryByTestId("crashed")).toBeNull();
    expect(container.querySelectorAll('[data-part="reference"]').length).toBe(2);
  });

  it("odd but iterable answers (null records, ids that are objects, duplicates, no id, undefined) show ids or labels", async () => {
    const odd: ((resource: string, ids: string[]) => unknown)[] = [
      () => ({ data: [null, 5, "x", { id: {} }, { title: "no id" }, { id: 3, title: "First" }, { id: 3, title: "Second" }] }),
      () => ({ data: "not a list" }),
      () => ({ data: null }),
      () => undefined,
      () => Promise.reject(null),
      () => ({ data: [{ id: 3, get title() { throw new Error("boom"); } }, { id: 7, title: "L".repeat(1_000_000) }] }),
    ];
    for (const answer of odd) {
      const { dataProvider, calls } = provider(answer);
      const { container, errors, unmount } = renderTimeline(dataProvider);
      await waitFor(() => expect(calls.length).toBeGreaterThan(0));
      await settle();
      expect(errors).toEqual([]);
      const summary = summaryOf(container, "2") ?? "";
      expect(summary).toMatch(/^Changed Category from /);
      // A label of 1 MB is cut (80 characters at most in the label, 40 in the summary).
      expect(summary.length).toBeLessThan(200);
      unmount();
    }
  });
});

// ---------------------------------------------------------------------------------------
// FINDING 3 (low): `baseUrl` does not confine relative paths to its folder
// (src/core/typedValues.ts getImageSrc): "../api/…", "%2e%2e/…" and "/api/…" resolve to any
// path of the allowed origin. The demo sets baseUrl `${origin}/` and allowedOrigins
// [origin], so a log value makes every viewer's browser GET any path of the app (cookies
// included), not only /photos/.
// ---------------------------------------------------------------------------------------

describe("FINDING 3: a relative image path stays below baseUrl", () => {
  const base = "https://app.example.com/photos/";
  const allowed = ["https://app.example.com"];

  it("a relative path that leaves the baseUrl folder loads nothing", () => {
    for (const value of ["../api/logout", "%2e%2e/api/users/1", "/api/users/1/delete?confirm=1", "./.%2E/admin"]) {
      expect([value, getImageSrc(value, allowed, base)]).toEqual([value, undefined]);
    }
  });

  it("protocol-relative, backslashed, script, data and blob values never load from another origin", () => {
    for (const value of ["//evil.example/x.png", "\\\\evil.example\\x.png", "/\\evil.example/x.png", "http:\\\\evil.example/x", "javascript:alert(1)", " java\tscript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "blob:https://app.example.com/1", "https://app.example.com@evil.example/x", "\u0000//evil.example/x"]) {
      const src = getImageSrc(value, allowed, base);
      expect([value, src === undefined || src.startsWith("https://app.example.com/")]).toEqual([value, true]);
    }
    expect(getImageSrc("arc-floor-lamp.svg", allowed, base)).toBe("https://app.example.com/photos/arc-floor-lamp.svg");
    // A baseUrl that is no URL makes relative paths text.
    expect(getImageSrc("x.png", allowed, "not a url")).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------
// FINDING 4 (low, hardening): any string of a log becomes an id the viewer's browser sends
// to the data provider (src/core/references.ts toReferenceId): "../../users/1" reaches
// getOne, which common providers (simple-rest's `${apiUrl}/${resource}/${id}`) put into a
// URL path unencoded, so a log row makes every viewer GET another API path with their
// credentials, and shows that record's name as the label. An id of 1 MB is sent and
// rendered whole (text, title and data-id; maxValueLength does not apply to references).
// ---------------------------------------------------------------------------------------

describe("FINDING 4: only id-like values are sent to the data provider", () => {
  it("an id holding a path or 100,000 characters is never sent (getOne fallback)", async () => {
    const long = "9".repeat(100_000);
    const initial = [
      { id: 2, resource: "products", action: "update", createdAt: at(5), data: { categoryId: "../../users/1" }, previousData: { categoryId: 3 }, meta: { id: 1 } },
      { id: 3, resource: "products", action: "update", createdAt: at(6), data: { categoryId: long }, previousData: { categoryId: 7 }, meta: { id: 2 } },
    ];
    const { dataProvider, calls } = provider(answerCategories, { withGetMany: false });
    renderTimeline(dataProvider, { initial });
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    await settle();
    const sent = calls.flatMap((call) => call.ids);
    expect(sent).toContain("3");
    expect(sent.filter((id) => id.includes("/") || id.length > 1_000)).toEqual([]);
  });

  it("an id of 100,000 characters is not put whole into the DOM (text and data-id; the title too once asked)", () => {
    const long = "9".repeat(100_000);
    const { container } = render(<RecordDiff previousData={{ categoryId: 3, note: long }} data={{ categoryId: long, note: "short" }} fields={categoryFields} />);
    // The same text as a plain value is cut at maxValueLength (2,000) behind "Show all".
    const plain = container.querySelector('[data-scope="record-diff"][data-part="field"][data-path="note"]')?.textContent ?? "";
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.length).toBeLessThan(3_000);
    expect(container.innerHTML.length).toBeLessThan(20_000);
  });
});

// ---------------------------------------------------------------------------------------
// HOLDS: a redacted or hidden reference is never resolved.
// ---------------------------------------------------------------------------------------

describe("HOLDS: a redacted or hidden reference is never sent to getMany", () => {
  it("`**` patterns, redacted containers, wildcard references below a redacted list, index patterns, bulk entries", async () => {
    const fields: RecordDiffFields = {
      categoryId: { label: "Category", reference: { resource: "categories", label: "title" } },
      "**.categoryId": { reference: { resource: "categories" } },
      "**.secretCategoryId": { redact: true, reference: { resource: "categories" } },
      variants: { itemLabel: "sku" },
      "variants.*": { redact: true },
      "variants.*.categoryId": { reference: { resource: "categories" } },
      vault: { hidden: true },
      "vault.categoryId": { reference: { resource: "categories" } },
      locked: { redact: true },
      tagIds: { reference: { resource: "tags" } },
      "tagIds.0": { redact: true },
    };
    const initial = [
      { id: 1, resource: "products", action: "create", createdAt: at(1), meta: { id: 1 }, data: { categoryId: 3, secretCategoryId: 901, variants: [{ sku: "S-1", categoryId: 902 }], vault: { categoryId: 903 }, locked: { categoryId: 904 }, tagIds: ["905", "t2"] } },
      { id: 2, resource: "products", action: "update", createdAt: at(2), meta: { id: 1 }, previousData: { secretCategoryId: 901, variants: [{ sku: "S-1", categoryId: 902 }], locked: { categoryId: 904 } }, data: { secretCategoryId: 911, variants: [{ sku: "S-1", categoryId: 912 }, { sku: "S-2", categoryId: 913 }], locked: { categoryId: 914, deeper: { categoryId: 915 } }, vault: { categoryId: 916 } } },
      { id: 3, resource: "products", action: "updateMany", createdAt: at(3), meta: { ids: [1, 2] }, previousData: [{ id: 1, locked: { categoryId: 904 } }, { id: 2, locked: null }], data: [{ id: 1, locked: { categoryId: 921 }, secretCategoryId: 922 }, { id: 2, locked: { categoryId: 923 } }] },
      { id: 4, resource: "products", action: "update", createdAt: at(4), meta: { id: 1 }, previousData: { tagIds: ["905", "t2"] }, data: { tagIds: ["931", "t2"] } },
    ];
    const { dataProvider, calls } = provider(answerCategories);
    const { container } = renderTimeline(dataProvider, { fields, initial, expanded: ["1", "2", "3", "4"] });
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    await settle();
    const sent = calls.flatMap((call) => call.ids);
    expect(sent).toContain("3");
    expect(sent.filter((id) => /^9\d\d$/.test(id))).toEqual([]);
    expect(container.innerHTML).not.toMatch(/\b9[0-3]\d\b/);

    // And a standalone diff of a bulk entry asks for none of them either.
    const standalone = provider(answerCategories);
    renderWithRefine(<RecordDiff log={initial[2]} fields={fields} />, { dataProvider: standalone.dataProvider });
    await settle();
    expect(standalone.calls.flatMap((call) => call.ids).filter((id) => /^9\d\d$/.test(id))).toEqual([]);
  });

  it("collectReferences is bounded: 100,000 ids ask for 500, 100,000 levels of nesting do not overflow the stack", () => {
    const fields = compileFields({ tagIds: { reference: { resource: "tags" } }, "**.categoryId": { reference: { resource: "categories" } } });
    let deep: unknown = { categoryId: 5 };
    for (let i = 0; i < 100_000; i++) deep = { next: deep, list: [deep] };
    const requests: ReferenceRequests = new Map();
    const started = performance.now();
    collectReferences(
      [
        { path: ["tagIds"], key: "tagIds", kind: "added", after: Array.from({ length: 100_000 }, (_, i) => `t${i}`) },
        { path: ["deep"], key: "deep", kind: "added", after: deep },
        { path: ["ids"], key: "ids", kind: "added", after: Array.from({ length: 100_000 }, () => ({ categoryId: { toString: () => "7" } })) },
      ],
      fields,
      false,
      requests,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect([...requests.values()].map((request) => request.ids.size)).toEqual([500]);
  });
});

// ---------------------------------------------------------------------------------------
// HOLDS: items named in labels never by a redacted or hidden field; hostile itemLabel.
// ---------------------------------------------------------------------------------------

describe("HOLDS: item names", () => {
  const rows = [
    {
      id: 1,
      resource: "products",
      action: "update",
      createdAt: at(1),
      meta: { id: 1 },
      previousData: {
        variants: [{ sku: "TOPSECRET_SKU_1", name: "TOPSECRET_NAME_1", code: "C-1", price: 1 }],
        parts: [{ name: "TOPSECRET_PART", title: "TOPSECRET_TITLE", price: 1 }],
        bins: [{ label: "B-1", price: 1 }],
      },
      data: {
        variants: [{ sku: "TOPSECRET_SKU_1", name: "TOPSECRET_NAME_1", code: "C-1", price: 2 }, { sku: "TOPSECRET_SKU_2", name: "TOPSECRET_NAME_2", code: "C-2", price: 3 }],
        parts: [{ name: "TOPSECRET_PART", title: "TOPSECRET_TITLE", price: 2 }],
        bins: [{ label: "B-1", price: 2 }, { label: "B-2", price: 3 }],
      },
    },
  ];

  it("a string itemLabel or a default name field that the policy redacts or hides never names an item", () => {
    const fields: RecordDiffFields = {
      variants: { itemLabel: "sku" },
      "variants.*.sku": { redact: true },
      "**.name": { redact: true },
      "parts.*.title": { hidden: true },
    };
    expect(everything(rows, fields, 1)).not.toMatch(/TOPSECRET/);
    const { container } = render(<RecordDiff log={rows[0]} fields={fields} maxOpenObjectFields={Infinity} defaultShowUnchanged />);
    expect(container.innerHTML).not.toMatch(/TOPSECRET/);
  });

  it("an itemLabel function sees the item scrubbed; one that throws, returns an object, 1 MB or placeholders names safely", () => {
    const seen: unknown[] = [];
    const labelFunctions: ((item: Readonly<Record<string, unknown>>) => unknown)[] = [
      (item) => {
        seen.push(item);
        return JSON.stringify(item);
      },
      () => {
        throw new Error("TOPSECRET_THROWN");
      },
      () => ({ toString: () => "TOPSECRET_OBJECT" }),
      () => `${"x".repeat(1_000_000)}TOPSECRET_TAIL`,
      () => "{count} {field} \uE0000\uE001",
    ];
    for (const itemLabel of labelFunctions) {
      const fields: RecordDiffFields = {
        variants: { itemLabel: itemLabel as never },
        "variants.*.sku": { redact: true },
        "variants.*.name": { hidden: true },
        "parts.*.name": { redact: true },
        "parts.*.title": { hidden: true },
      };
      const text = everything(rows, fields, 1);
      expect(text).not.toMatch(/TOPSECRET/);
      const { container, unmount } = render(<RecordDiff log={rows[0]} fields={fields} maxOpenObjectFields={Infinity} />);
      expect(container.innerHTML).not.toMatch(/TOPSECRET/);
      unmount();
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toMatch(/TOPSECRET/);
  });
});

// ---------------------------------------------------------------------------------------
// HOLDS: values go in once; labels are text.
// ---------------------------------------------------------------------------------------

describe("HOLDS: user values through translations and rendering", () => {
  /** An i18n provider that fills placeholders itself, as apps write them. */
  const i18nProvider: I18nProvider = {
    translate: (key, options, defaultMessage) => {
      const german: Record<string, string> = { "auditLog.summary.changed": "{field} geändert: {before} → {after}", "auditLog.reference.export": "{label} [{id}]" };
      const message = german[key] ?? defaultMessage ?? key;
      const params = (options ?? {}) as Record<string, unknown>;
      return message.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
    },
    changeLocale: async () => undefined,
    getLocale: () => "de",
  };

  it("values holding placeholders or the private-use tokens are put in literally, once", () => {
    const { result } = renderHook(() => useAuditTranslate(), {
      wrapper: ({ children }) => (
        <Refine i18nProvider={i18nProvider} options={{ disableTelemetry: true, reactQuery: { clientConfig: createTestQueryClient() } }}>
          {children}
        </Refine>
      ),
    });
    const { t } = result.current;
    expect(t("auditLog.summary.changed", "Changed {field} from {before} to {after}", { field: "\uE0002\uE001", before: "{after}", after: "\uE0000\uE001 $& $1" })).toBe(
      "\uE0002\uE001 geändert: {after} → \uE0000\uE001 $& $1",
    );
    expect(t("auditLog.reference.export", "{label} ({id})", { label: "{id}", id: "#7" })).toBe("{id} [#7]");
  });

  it("a referenced record's label with placeholders, markup and bidi controls is text, cut to 80 characters", async () => {
    const label = `{count} {id} <img src=x onerror=alert(1)> \u202Eevil ${"L".repeat(200)}`;
    const { dataProvider } = provider((_resource, ids) => ({ data: ids.map((id) => ({ id: Number(id), title: label })) }));
    const { container } = renderTimeline(dataProvider, { expanded: ["2"] });
    await waitFor(() => expect(container.querySelector('[data-log-id="2"] [data-part="reference"][data-state="resolved"]')).not.toBeNull());
    expect(container.querySelector("img")).toBeNull();
    const reference = container.querySelector<HTMLElement>('[data-log-id="2"] [data-part="reference"]')!;
    expect(reference.textContent!.startsWith("{count} {id} <img")).toBe(true);
    expect([...reference.textContent!].length).toBeLessThanOrEqual(80);
    expect(reference.title).toBe("#3");
  });
});
