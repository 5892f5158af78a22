import { useCallback, useRef, useState } from "react";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";

/** Options of {@link useControllableState}: Radix's `value` / `defaultValue` / `onValueChange` triple. */
export interface UseControllableStateOptions<T> {
  /** The controlled value; `undefined` leaves the state uncontrolled. */
  value: T | undefined;
  defaultValue: T;
  onChange: ((value: T) => void) | undefined;
}

/**
 * One piece of state that is controlled when `value` is given and uncontrolled otherwise;
 * `onChange` fires either way, only when the value really changes. The setter keeps its
 * identity across renders (so memoised children stay put) and takes a value or an updater.
 */
export function useControllableState<T>({ value, defaultValue, onChange }: UseControllableStateOptions<T>): [T, (next: T | ((current: T) => T)) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultValue);
  const isControlled = value !== undefined;
  const current = isControlled ? value : uncontrolled;
  const latest = useRef({ current, isControlled, onChange });
  useIsomorphicLayoutEffect(() => {
    latest.current = { current, isControlled, onChange };
  });
  const set = useCallback((next: T | ((current: T) => T)) => {
    const state = latest.current;
    const resolved = typeof next === "function" ? (next as (current: T) => T)(state.current) : next;
    if (Object.is(resolved, state.current)) return;
    // Two calls before the next render compose: the second sees the first's value.
    state.current = resolved;
    if (!state.isControlled) setUncontrolled(resolved);
    state.onChange?.(resolved);
  }, []);
  return [current, set];
}
