import { useCallback, useRef, useState } from "react";
import { useIsomorphicLayoutEffect } from "./useIsomorphicLayoutEffect";

/** Options of {@link useControllableState}: Radix's `value` / `defaultValue` / `onValueChange` triple. */
export interface UseControllableStateOptions<T> {
  /** The controlled value; `undefined` leaves the state uncontrolled. */
  value: T | undefined;
  /** The first value when uncontrolled. */
  defaultValue: T;
  /** Called with each new value, controlled or not. */
  onChange: ((value: T) => void) | undefined;
}

/**
 * One piece of state that is controlled when `value` is given and uncontrolled otherwise;
 * `onChange` fires either way, only when the value really changes. The setter keeps its
 * identity across renders (so memoised children stay put) and takes a value or an updater.
 *
 * Controlled, the parent owns the value: each call compares with (and hands an updater)
 * the value the parent last rendered, so a change the parent ignored is proposed again on
 * the next call. Only calls made in the same tick (one event handler) compose: the second
 * sees the first one's value.
 */
export function useControllableState<T>({ value, defaultValue, onChange }: UseControllableStateOptions<T>): [T, (next: T | ((current: T) => T)) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultValue);
  const isControlled = value !== undefined;
  const current = isControlled ? value : uncontrolled;
  const latest = useRef({ current, isControlled, onChange });
  // Controlled: what this tick's earlier calls proposed, until the end of the tick.
  const proposed = useRef<{ value: T } | null>(null);
  useIsomorphicLayoutEffect(() => {
    latest.current = { current, isControlled, onChange };
    proposed.current = null;
  });
  const set = useCallback((next: T | ((current: T) => T)) => {
    const state = latest.current;
    const base = state.isControlled && proposed.current ? proposed.current.value : state.current;
    const resolved = typeof next === "function" ? (next as (current: T) => T)(base) : next;
    if (Object.is(resolved, base)) return;
    if (state.isControlled) {
      // Never stored: the parent may refuse it. Later calls of this tick compose with it.
      if (!proposed.current) queueMicrotask(() => (proposed.current = null));
      proposed.current = { value: resolved };
    } else {
      // Uncontrolled, the value is ours: calls before the next render see it at once.
      state.current = resolved;
      setUncontrolled(resolved);
    }
    state.onChange?.(resolved);
  }, []);
  return [current, set];
}
