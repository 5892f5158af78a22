/**
 * Splits a component's props into the hook's options and the rest (the root element's
 * attributes), by one typed list of option keys declared next to the hook (Ark UI's
 * `*.props.ts` pattern). A key in the list always goes to the hook, even when its value
 * is `undefined`; no key outside it ever does, so no option can be forgotten on the way
 * to the hook nor reach the DOM.
 *
 * @example
 * const [options, rootProps] = splitProps(props, recordDiffOptionKeys);
 */
export function splitProps<P extends object, const K extends readonly (keyof P)[]>(props: P, keys: K): [Pick<P, K[number]>, Omit<P, K[number]>] {
  const picked: Record<PropertyKey, unknown> = {};
  const rest: Record<PropertyKey, unknown> = {};
  const wanted = new Set<PropertyKey>(keys);
  for (const key of Object.keys(props)) {
    const value = (props as Record<string, unknown>)[key];
    if (wanted.has(key)) picked[key] = value;
    else rest[key] = value;
  }
  return [picked as Pick<P, K[number]>, rest as Omit<P, K[number]>];
}

/**
 * Declares the option keys of a hook, checked for completeness at compile time: a key of
 * `T` missing from the list is a type error (the `Missing` parameter names it), so a new
 * option cannot be forgotten by the components that split their props with the list.
 *
 * @example
 * export const recordDiffOptionKeys = defineOptionKeys<UseRecordDiffOptions>()(["previousData", "data", …]);
 */
export function defineOptionKeys<T>() {
  return <const K extends readonly (keyof T)[]>(keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, K[number]> })): K => keys;
}
