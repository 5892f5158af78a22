import type { AuthProvider } from "@refinedev/core";

/** The demo's signed-in user: Refine writes it as the `author` of every log entry. */
export const DEMO_USER = { id: 5, name: "Dana Whitfield", email: "dana.whitfield@northwind.example" };

/** No sign-in in the demo: always authenticated, always the same person. */
export const authProvider: AuthProvider = {
  login: async () => ({ success: true }),
  logout: async () => ({ success: true }),
  check: async () => ({ authenticated: true }),
  onError: async () => ({}),
  getIdentity: async () => DEMO_USER,
};
