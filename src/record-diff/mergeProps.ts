type AnyProps = Record<string, unknown>;
type Handler = (event: unknown, ...rest: unknown[]) => unknown;

/**
 * Merges a part's own props with the user's, the user's last: `className`s are joined,
 * `style`s merged, `on*` handlers composed (the user's runs first and can call
 * `event.preventDefault()` to skip the part's own), and an `undefined` user value never
 * erases the part's.
 */
export function mergeProps<Own extends object, User extends object>(own: Own, user: User | undefined): Own & User {
  if (!user) return own as Own & User;
  const result: AnyProps = { ...(own as AnyProps) };
  for (const [key, value] of Object.entries(user)) {
    const mine = result[key];
    if (value === undefined) continue;
    if (key === "className" && typeof mine === "string" && typeof value === "string") result[key] = `${mine} ${value}`;
    else if (key === "style" && typeof mine === "object" && mine && typeof value === "object") result[key] = { ...mine, ...value };
    else if (/^on[A-Z]/.test(key) && typeof mine === "function" && typeof value === "function") {
      result[key] = (event: unknown, ...rest: unknown[]) => {
        (value as Handler)(event, ...rest);
        if (!(event as { defaultPrevented?: boolean } | undefined)?.defaultPrevented) (mine as Handler)(event, ...rest);
      };
    } else result[key] = value;
  }
  return result as Own & User;
}
