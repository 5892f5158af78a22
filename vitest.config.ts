import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";
import { chromiumLaunchOptions } from "./scripts/chromium.mjs";

// Debian's Chromium, offline (scripts/chromium.mjs: shared with the demo's e2e test and the benchmark).
const launchOptions = chromiumLaunchOptions();

// Browser-mode settings shared by the `browser` and `storybook` projects. A function,
// not a constant: vitest mutates `instances` (it names them "<project> (chromium)"),
// so sharing one object between projects fails with "Cannot define a nested project".
const chromiumBrowser = (contextOptions?: { colorScheme: "dark" | "light" }) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions, ...(contextOptions ? { contextOptions } : {}) }),
  instances: [{ browser: "chromium" as const }],
});

// Pre-bundle everything the tests import, so the first cold run does not reload
// mid-test with "optimized dependencies changed".
const optimizeDepsInclude = [
  "react",
  "react-dom",
  "react-dom/client",
  "react/jsx-runtime",
  "react/jsx-dev-runtime",
  "@testing-library/react",
  "@testing-library/user-event",
  "@refinedev/core",
  "@tanstack/react-query",
  "jsondiffpatch",
  "@tanstack/react-table",
  "antd",
];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          exclude: [...configDefaults.exclude, "test/browser/**", "test/browser-dark-os/**"],
          setupFiles: ["./test/setup.ts"],
        },
      },
      {
        extends: true,
        optimizeDeps: { include: optimizeDepsInclude },
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.tsx"],
          setupFiles: ["./test/setup.ts"],
          browser: chromiumBrowser(),
        },
      },
      {
        // The OS in dark mode: what a user of a light app on a dark OS sees (test/browser-dark-os).
        extends: true,
        optimizeDeps: { include: optimizeDepsInclude },
        test: {
          name: "browser-dark-os",
          include: ["test/browser-dark-os/**/*.test.tsx"],
          setupFiles: ["./test/setup.ts"],
          browser: chromiumBrowser({ colorScheme: "dark" }),
        },
      },
      {
        extends: true,
        plugins: [
          // Absolute path: the plugin resolves a relative configDir against process.cwd().
          storybookTest({ configDir: fileURLToPath(new URL("./.storybook", import.meta.url)) }),
        ],
        optimizeDeps: { include: optimizeDepsInclude },
        test: {
          name: "storybook",
          // Stories come from .storybook/main.ts `stories`, not from `include`.
          setupFiles: ["./.storybook/vitest.setup.ts"],
          browser: chromiumBrowser(),
        },
      },
    ],
  },
});
