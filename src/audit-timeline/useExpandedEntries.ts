import { useCallback, useMemo } from "react";
import { useControllableState } from "../shared/useControllableState";

/** Options of {@link useExpandedEntries}: the hook's `expanded` / `defaultExpanded` / `onExpandedChange`. */
export interface UseExpandedEntriesOptions {
  expanded?: readonly string[];
  defaultExpanded?: readonly string[];
  onExpandedChange?: (expanded: string[]) => void;
}

/** The result of {@link useExpandedEntries}. */
export interface ExpandedEntries {
  /** The keys of the open entries, as a set. */
  expandedSet: ReadonlySet<string>;
  toggleExpanded: (key: string) => void;
  setExpanded: (keys: readonly string[]) => void;
}

/** Which entries' diffs are open: controlled (`expanded`) or not (`defaultExpanded`). */
export function useExpandedEntries({ expanded, defaultExpanded, onExpandedChange }: UseExpandedEntriesOptions): ExpandedEntries {
  const [open, setExpanded] = useControllableState<readonly string[]>({
    value: expanded,
    defaultValue: defaultExpanded ?? [],
    onChange: onExpandedChange && ((keys) => onExpandedChange([...keys])),
  });
  const expandedSet = useMemo(() => new Set(open), [open]);
  const toggleExpanded = useCallback(
    (key: string) => setExpanded((keys) => (keys.includes(key) ? keys.filter((candidate) => candidate !== key) : [...keys, key])),
    [setExpanded],
  );
  return { expandedSet, toggleExpanded, setExpanded };
}
