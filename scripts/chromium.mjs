// @ts-check
import { fileURLToPath } from "node:url";

// Debian's Chromium, driven by playwright-core, offline: the one place for its path and
// flags (vitest's browser projects, the demo's end-to-end test, the benchmark).
// `npx playwright install` cannot download browsers on these machines; `npm run
// setup:chromium` installs Debian's package.

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Flags that keep Chromium offline (without them it tries Google's hosts at every start).
 * No `--user-data-dir`: playwright refuses it in `args` and uses a temporary profile anyway.
 */
export const offlineChromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launch options for playwright-core's `chromium.launch()`.
 * @param {string[]} [extraArgs] more flags (the benchmark adds `--js-flags=--expose-gc`)
 */
export function chromiumLaunchOptions(extraArgs = []) {
  return { executablePath: chromiumPath, args: [...offlineChromiumArgs, ...extraArgs] };
}

/**
 * Launch options for screenshots compared across machines (the visual checks of the
 * `storybook` vitest project): {@link chromiumLaunchOptions} with Chromium's fonts pinned to
 * Debian's fonts-dejavu-core by scripts/chromium-fonts.conf (why: see that file).
 */
export function screenshotLaunchOptions() {
  const fontconfig = fileURLToPath(new URL("./chromium-fonts.conf", import.meta.url));
  return { ...chromiumLaunchOptions(), env: { ...process.env, FONTCONFIG_FILE: fontconfig } };
}
