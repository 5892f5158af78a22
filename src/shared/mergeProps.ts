import type { CSSProperties, Ref, RefCallback } from "react";


/** Sets every ref (callback or object) to the same node. */
function composeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === "function") ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}

const isHandler = (key: string, value: unknown) => /^on[A-Z]/.test(key) && typeof value === "function";

/**
 * The kit's props on one element merged with the user's, user last (Radix style): the
 * user's values win, except that `className`s are joined, `style`s merged, refs set
 * both, `aria-describedby` ids joined, and event handlers composed: the user's runs
 * first and can stop the kit's with `event.preventDefault()`.
 */
export function mergeProps<O extends object, U extends object>(ours: O, theirs: U | undefined): O & U {
  if (!theirs) return ours as O & U;
  const merged: Record<string, unknown> = { ...(ours as Record<string, unknown>), ...(theirs as Record<string, unknown>) };
  for (const key of Object.keys(theirs)) {
    const mine = (ours as Record<string, unknown>)[key];
    const yours = (theirs as Record<string, unknown>)[key];
    if (mine === undefined || yours === undefined) {
      if (yours === undefined) merged[key] = mine;
      continue;
    }
    if (key === "className" || key === "aria-describedby") merged[key] = `${String(mine)} ${String(yours)}`;
    else if (key === "style") merged[key] = { ...(mine as CSSProperties), ...(yours as CSSProperties) };
    else if (key === "ref") merged[key] = composeRefs(mine as Ref<unknown>, yours as Ref<unknown>);
    else if (isHandler(key, mine) && isHandler(key, yours)) {
      merged[key] = (event: { defaultPrevented?: boolean }, ...rest: unknown[]) => {
        (yours as (...args: unknown[]) => void)(event, ...rest);
        if (!event?.defaultPrevented) (mine as (...args: unknown[]) => void)(event, ...rest);
      };
    }
  }
  return merged as O & U;
}
