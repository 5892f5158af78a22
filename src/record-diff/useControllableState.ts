import { useCallback, useState } from "react";

/** Options of {@link useControllableState}: Radix's `value` / `defaultValue` / `onValueChange` triple. */
export interface UseControllableStateOptions<T> {
  /** The controlled value; `undefined` leaves the state uncontrolled. */
  value: T | undefined;
  defaultValue: T;
  onChange: ((value: T) => void) | undefined;
}

/** One piece of state that is controlled when `value` is given and uncontrolled otherwise; `onChange` fires either way. */
export function useControllableState<T>({ value, defaultValue, onChange }: UseControllableStateOptions<T>): [T, (next: T) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultValue);
  const isControlled = value !== undefined;
  const current = isControlled ? value : uncontrolled;
  const set = useCallback(
    (next: T) => {
      if (!isControlled) setUncontrolled(next);
      if (!Object.is(next, current)) onChange?.(next);
    },
    [isControlled, current, onChange],
  );
  return [current, set];
}
