/**
 * The demo's sign-in. The server, not the client, says who made a change: each write
 * needs a session, an HttpOnly cookie the server issues (`POST /api/session`) and maps to
 * the demo's user, and the audit row's author comes from it. The demo has no sign-in page,
 * so the app signs in by itself before its first write; in a real app this is your login.
 * See examples/demo/README.md ("Who made the change: the session").
 */
let signedIn: Promise<void> | undefined;

async function signIn(): Promise<void> {
  const headers = { Accept: "application/json", "Content-Type": "application/json" };
  // A session this browser already has (the cookie outlives the tab) is kept.
  const current = await fetch("/api/session", { headers, credentials: "same-origin" });
  if (current.ok) return;
  const response = await fetch("/api/session", { method: "POST", headers, body: "{}", credentials: "same-origin" });
  if (!response.ok) throw new Error(`Signing in failed (${response.status}).`);
}

/** Resolves once this browser has a session (signing in the first time it is asked). */
export function ensureSession(): Promise<void> {
  signedIn ??= signIn().catch((error: unknown) => {
    signedIn = undefined;
    throw error;
  });
  return signedIn;
}

/** Forgets that this browser is signed in (the server answered 401: the session expired or was reset). */
export function forgetSession(): void {
  signedIn = undefined;
}
