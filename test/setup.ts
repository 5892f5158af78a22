import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// vitest `globals` is off, so @testing-library/react cannot register its own cleanup.
afterEach(() => {
  cleanup();
});
