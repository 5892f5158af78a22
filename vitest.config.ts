import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { visualDirs, visualMaxHeight, visualViewport } from "./.storybook/visual";
import { chromiumLaunchOptions, screenshotLaunchOptions } from "./scripts/chromium.mjs";

// Debian's Chromium, offline (scripts/chromium.mjs: shared with the demo's e2e test and the benchmark).
const launchOptions = chromiumLaunchOptions();

type PlaywrightOptions = NonNullable<Parameters<typeof playwright>[0]>;

// Browser-mode settings shared by the `browser` and `storybook` projects. A function,
// not a constant: vitest mutates `instances` (it names them "<project> (chromium)"),
// so sharing one object between projects fails with "Cannot define a nested project".
const chromiumBrowser = (options: Pick<PlaywrightOptions, "contextOptions" | "launchOptions"> = {}) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions, ...options }),
  instances: [{ browser: "chromium" as const }],
});

const root = fileURLToPath(new URL(".", import.meta.url));
/** A story's screenshot file: `arg` is "<title id>/<story name id>" (see .storybook/vitest.setup.ts). */
const visualPath = (dir: string) => ({ arg, ext }: { arg: string; ext: string }) => path.join(root, dir, `${arg}${ext}`);

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
  "@mui/material/styles",
];

export default defineConfig({
  plugins: [react()],
  test: {
    // Snapshots and the stories' screenshot baselines are written only when asked
    // (`--update`: npm run test:visual:update), never by a plain run, locally as in CI:
    // a missing baseline fails, a new one is a reviewed change. (Vitest reads this for all
    // projects at once: a project's own `update` is ignored.)
    update: "none",
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
          browser: chromiumBrowser({ contextOptions: { colorScheme: "dark" } }),
        },
      },
      {
        extends: true,
        plugins: [
          storybookTest({
            // Absolute path: the plugin resolves a relative configDir against process.cwd().
            configDir: fileURLToPath(new URL("./.storybook", import.meta.url)),
            // Every story renders and plays at the visual checks' size (.storybook/visual.ts).
            initialGlobals: { viewport: { value: visualViewport.key, isRotated: false } },
          }),
        ],
        optimizeDeps: { include: optimizeDepsInclude },
        test: {
          name: "storybook",
          // Stories come from .storybook/main.ts `stories`, not from `include`.
          // The setup file also screenshots each story and compares it with its baseline.
          setupFiles: ["./.storybook/vitest.setup.ts"],
          // Empties the previous run's actual and diff images.
          globalSetup: ["./.storybook/visual.global-setup.ts"],
          browser: {
            ...chromiumBrowser({
              // Pinned fonts, locale and zone: the same pixels on any machine like CI.
              launchOptions: screenshotLaunchOptions(),
              contextOptions: {
                locale: "en-US",
                timezoneId: "UTC",
                // Room for the story's frame at its tallest, unscaled (vitest shrinks a frame larger than the page).
                viewport: { width: visualViewport.width, height: visualMaxHeight },
              },
            }),
            expect: {
              toMatchScreenshot: {
                comparatorName: "pixelmatch",
                comparatorOptions: {
                  // Per pixel: a colour 3% apart counts (pixelmatch's default, 0.1, lets a
                  // grey shift of 26 levels through); antialiased edges are detected and ignored.
                  threshold: 0.03,
                  // Per image: a few stray pixels pass; a moved border or a recoloured word does not.
                  allowedMismatchedPixels: 16,
                },
                resolveScreenshotPath: visualPath(visualDirs.baselines),
                resolveDiffPath: visualPath(visualDirs.diffs),
              },
            },
          },
        },
      },
    ],
  },
});
