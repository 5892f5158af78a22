import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RecordDiff, diffWords, recordDiffParts as parts, type RenderValueProps } from "../../src/index";
import { flatRecord, longText } from "../../bench/workloads";

afterEach(cleanup);

const rows = () => document.querySelectorAll(`[data-scope="record-diff"] [data-part="${parts.field}"]`);

describe("RecordDiff at scale", () => {
  it("renders every changed row at once with pageSize={Infinity}, and no Show more", () => {
    // 10,000 fields: 1,000 changed, 100 added, 100 removed.
    const { before, after } = flatRecord(10_000);
    render(<RecordDiff previousData={before} data={after} pageSize={Number.POSITIVE_INFINITY} locale="en-US" />);
    expect(rows()).toHaveLength(1200);
    expect(document.querySelector(`[data-part="${parts.showMore}"]`)).toBeNull();
    expect(document.querySelector(`[data-part="${parts.toggleUnchanged}"]`)!.textContent).toBe("Show 8,900 unchanged fields");
  });

  it("renders the rows already shown once: Show more renders only the new page", () => {
    const { before, after } = flatRecord(100);
    const rendered = new Map<string, number>();
    function Count({ change, side, defaultRender }: RenderValueProps) {
      const key = `${change.key}:${side}`;
      rendered.set(key, (rendered.get(key) ?? 0) + 1);
      return <>{defaultRender()}</>;
    }
    render(<RecordDiff previousData={before} data={after} pageSize={5} renderValue={Count} />);
    expect(rows()).toHaveLength(5);
    const firstPage = new Map(rendered);
    act(() => screen.getByRole("button", { name: /Show 5 more/ }).click());
    expect(rows()).toHaveLength(10);
    for (const [key, count] of firstPage) expect(rendered.get(key), key).toBe(count);
    expect(rendered.size).toBeGreaterThan(firstPage.size);
  });

  it("marks every changed word of a 100 KB text, and keeps the rest of it as text", () => {
    const { before, after } = longText();
    const segments = diffWords(before.body as string, after.body as string);
    expect(segments).toBeDefined();
    expect(segments!.filter((s) => s.type !== "insert").map((s) => s.text).join("")).toBe(before.body);
    expect(segments!.filter((s) => s.type !== "delete").map((s) => s.text).join("")).toBe(after.body);
    render(<RecordDiff previousData={before} data={after} maxValueLength={Number.POSITIVE_INFINITY} />);
    const text = document.querySelector(`[data-part="${parts.text}"]`)!;
    expect(text.querySelectorAll("del")).toHaveLength(segments!.filter((s) => s.type === "delete").length);
    expect(text.querySelectorAll("ins")).toHaveLength(segments!.filter((s) => s.type === "insert").length);
    // About 1% of the words changed: a few hundred marks, not one element per word.
    expect(text.querySelectorAll("*").length).toBeLessThan(1000);
    expect(text.textContent).toContain((before.body as string).slice(0, 200));
  });
});
