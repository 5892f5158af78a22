import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { useControllableState } from "../../src/shared/useControllableState";

/** A "Show unchanged" toggle as RecordDiff has one: a pressed button, flipped with an updater. */
function Toggle({ value, defaultValue = false, onChange }: { value?: boolean; defaultValue?: boolean; onChange?: (value: boolean) => void }) {
  const [isOn, setOn] = useControllableState({ value, defaultValue, onChange });
  return (
    <>
      <button type="button" aria-pressed={isOn} onClick={() => setOn((current) => !current)}>
        Show unchanged
      </button>
      <button type="button" onClick={() => setOn(true)}>
        Show all
      </button>
    </>
  );
}

/** A counter whose button adds two in one handler: two updaters in one tick. */
function Counter({ value, onChange }: { value?: number; onChange?: (value: number) => void }) {
  const [count, setCount] = useControllableState({ value, defaultValue: 0, onChange });
  return (
    <button
      type="button"
      onClick={() => {
        setCount((current) => current + 1);
        setCount((current) => current + 1);
      }}
    >
      Count {count}
    </button>
  );
}

const toggle = () => screen.getByRole("button", { name: "Show unchanged" });

describe("useControllableState, controlled by a parent that ignores onChange", () => {
  it("asks for the same change on every click of a toggle (updater)", async () => {
    const onChange = vi.fn();
    render(<Toggle value={false} onChange={onChange} />);
    await userEvent.click(toggle());
    await userEvent.click(toggle());
    await userEvent.click(toggle());
    expect(onChange.mock.calls).toEqual([[true], [true], [true]]);
    expect(toggle().getAttribute("aria-pressed")).toBe("false");
  });

  it("asks again for a value it proposed before (plain value)", async () => {
    const onChange = vi.fn();
    render(<Toggle value={false} onChange={onChange} />);
    await userEvent.click(screen.getByRole("button", { name: "Show all" }));
    await userEvent.click(screen.getByRole("button", { name: "Show all" }));
    expect(onChange.mock.calls).toEqual([[true], [true]]);
  });

  it("composes the updaters of one handler, and starts again from the parent's value on the next click", async () => {
    const onChange = vi.fn();
    render(<Counter value={5} onChange={onChange} />);
    await userEvent.click(screen.getByRole("button", { name: "Count 5" }));
    expect(onChange.mock.calls).toEqual([[6], [7]]);
    await userEvent.click(screen.getByRole("button", { name: "Count 5" }));
    expect(onChange.mock.calls).toEqual([[6], [7], [6], [7]]);
  });

  it("says nothing when the value asked for is the parent's", async () => {
    const onChange = vi.fn();
    render(<Toggle value onChange={onChange} />);
    await userEvent.click(screen.getByRole("button", { name: "Show all" }));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe("useControllableState, controlled by a parent that accepts", () => {
  it("follows the parent: on, off, on", async () => {
    const seen: boolean[] = [];
    function Parent() {
      const [isOn, setOn] = useState(false);
      return (
        <Toggle
          value={isOn}
          onChange={(next) => {
            seen.push(next);
            setOn(next);
          }}
        />
      );
    }
    render(<Parent />);
    for (const expected of ["true", "false", "true"]) {
      await userEvent.click(toggle());
      expect(toggle().getAttribute("aria-pressed")).toBe(expected);
    }
    expect(seen).toEqual([true, false, true]);
  });

  it("lets the parent adjust the value it is offered", async () => {
    function Parent() {
      const [count, setCount] = useState(0);
      // The parent caps the counter at 3.
      return <Counter value={count} onChange={(next) => setCount(Math.min(next, 3))} />;
    }
    render(<Parent />);
    await userEvent.click(screen.getByRole("button", { name: "Count 0" }));
    await userEvent.click(screen.getByRole("button", { name: "Count 2" }));
    expect(screen.getByRole("button", { name: "Count 3" })).toBeTruthy();
  });
});

describe("useControllableState, uncontrolled", () => {
  it("keeps its own value and reports each change once", async () => {
    const onChange = vi.fn();
    render(<Toggle onChange={onChange} />);
    await userEvent.click(toggle());
    expect(toggle().getAttribute("aria-pressed")).toBe("true");
    await userEvent.click(toggle());
    expect(toggle().getAttribute("aria-pressed")).toBe("false");
    await userEvent.click(screen.getByRole("button", { name: "Show all" }));
    await userEvent.click(screen.getByRole("button", { name: "Show all" }));
    expect(onChange.mock.calls).toEqual([[true], [false], [true]]);
  });

  it("composes two updaters of one handler", async () => {
    const onChange = vi.fn();
    render(<Counter onChange={onChange} />);
    await userEvent.click(screen.getByRole("button", { name: "Count 0" }));
    expect(screen.getByRole("button", { name: "Count 2" })).toBeTruthy();
    expect(onChange.mock.calls).toEqual([[1], [2]]);
  });
});
