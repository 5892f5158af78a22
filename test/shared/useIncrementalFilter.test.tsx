import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useIncrementalFilter } from "../../src/shared/useIncrementalFilter";

const numbers = (count: number) => Array.from({ length: count }, (_, i) => i);
const even = (n: number) => n % 2 === 0;
const small = (n: number) => n < 10;

describe("useIncrementalFilter", () => {
  it("filters short lists at once, and keeps everything without a filter", () => {
    const items = numbers(100);
    const { result, rerender } = renderHook(({ keep }) => useIncrementalFilter(items, keep), { initialProps: { keep: even as ((n: number) => boolean) | undefined } });
    expect(result.current).toEqual({ items: items.filter(even), isPending: false });
    rerender({ keep: undefined });
    expect(result.current.items).toBe(items);
  });

  it("filters long lists in slices, showing what was shown before until the result is complete", async () => {
    const items = numbers(200_000);
    const { result, rerender } = renderHook(({ keep }) => useIncrementalFilter(items, keep), { initialProps: { keep: undefined as ((n: number) => boolean) | undefined } });
    rerender({ keep: even });
    expect(result.current.isPending).toBe(true);
    expect(result.current.items).toBe(items);
    await waitFor(() => expect(result.current.isPending).toBe(false));
    expect(result.current.items).toHaveLength(100_000);
    expect(result.current.items.every(even)).toBe(true);

    // A newer filter replaces the one under way; the even numbers stay until it is done.
    rerender({ keep: small });
    expect(result.current.items).toHaveLength(100_000);
    await waitFor(() => expect(result.current.items).toEqual(numbers(10)));
  });
});
