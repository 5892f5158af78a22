#!/usr/bin/env node
// @ts-check
// Debian's Chromium (/usr/bin/chromium) for the browser-mode tests: `npm run
// setup:chromium` runs this file, and `npm test` (scripts/test.mjs) calls ensureChromium()
// before the browser projects. Playwright's own browser download does not work on these
// machines.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./chromium.mjs";

/** Debian's commands that install Chromium at /usr/bin/chromium. */
const APT_COMMANDS = [
  ["apt-get", "update"],
  ["apt-get", "install", "-y", "chromium"],
];

/**
 * What is known about the machine, the only inputs of {@link planChromiumSetup}.
 * @typedef {object} ChromiumFacts
 * @property {boolean} isFound Chromium exists at `path`.
 * @property {boolean} isRoot the process runs as root (uid 0).
 * @property {boolean} hasAptGet a Linux system with `apt-get` on the PATH.
 * @property {boolean} [hasSudo] `sudo` may be used (only `npm run setup:chromium` asks for it: it may prompt).
 * @property {boolean} [isPathFromEnv] `path` comes from `CHROMIUM_PATH`, which apt cannot fill.
 * @property {string} [path] where Chromium is looked for (default `/usr/bin/chromium`).
 */

/**
 * What to do, as data: nothing (`ready`), run `commands` in order (`install`, after
 * printing `reason`), or print `message` and fail (`manual`).
 * @typedef {{ kind: "ready" }
 *   | { kind: "install", reason: string, commands: string[][] }
 *   | { kind: "manual", message: string }} ChromiumPlan
 */

/**
 * Decides how to get Chromium, from facts only (no I/O, so tests call it directly):
 * found → `ready`; `CHROMIUM_PATH` pointing nowhere → `manual` (installing Debian's
 * package would not fix it); root with apt-get → `install` with apt-get; not root but
 * `hasSudo` → `install` through sudo; otherwise → `manual`, with the exact commands to run.
 *
 * @param {ChromiumFacts} facts
 * @returns {ChromiumPlan}
 * @example
 * planChromiumSetup({ isFound: false, isRoot: true, hasAptGet: true })
 * // { kind: "install", reason: "…", commands: [["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]] }
 */
export function planChromiumSetup({ isFound, isRoot, hasAptGet, hasSudo = false, isPathFromEnv = false, path: target = "/usr/bin/chromium" }) {
  if (isFound) return { kind: "ready" };
  const missing = `Chromium is missing at ${target}: the browser and storybook test projects (and the demo's end-to-end test) run in it.`;
  if (isPathFromEnv) {
    return {
      kind: "manual",
      message: `CHROMIUM_PATH is set to "${target}", but no file is there.\nSet it to an existing Chromium or Chrome executable, or unset it to use /usr/bin/chromium, then run npm test again.`,
    };
  }
  if (hasAptGet && (isRoot || hasSudo)) {
    const commands = isRoot ? APT_COMMANDS : APT_COMMANDS.map((command) => ["sudo", ...command]);
    return { kind: "install", reason: `${missing}\nInstalling Debian's package${isRoot ? " (running as root)" : " with sudo"}:`, commands };
  }
  if (hasAptGet) {
    const asRoot = APT_COMMANDS.map((command) => command.join(" ")).join(" && ");
    const withSudo = APT_COMMANDS.map((command) => `sudo ${command.join(" ")}`).join(" && ");
    return {
      kind: "manual",
      message: `${missing}\nNot running as root, so it cannot be installed from here. Run, as root:\n\n  ${asRoot}\n\nor, with sudo:\n\n  ${withSudo}\n\nthen run npm test again.`,
    };
  }
  return {
    kind: "manual",
    message: `${missing}\nNo apt-get on this system, so it cannot be installed automatically. Install Chromium or Chrome, then run:\n\n  CHROMIUM_PATH=/path/to/chromium npm test`,
  };
}

/** @param {string} command */
const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

/**
 * Makes sure Chromium is at {@link chromiumPath}: reads the machine's facts, plans with
 * {@link planChromiumSetup}, prints what it does and why, and runs apt-get
 * non-interactively when it can. Returns an exit code: 0 when Chromium is there.
 *
 * @param {{ allowSudo?: boolean }} [options] `allowSudo`: use sudo when not root (it may prompt for a password).
 * @returns {number}
 */
export function ensureChromium({ allowSudo = false } = {}) {
  const isFound = existsSync(chromiumPath);
  const isLinux = process.platform === "linux";
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const plan = planChromiumSetup({
    isFound,
    isRoot,
    hasAptGet: !isFound && isLinux && has("apt-get"),
    hasSudo: !isFound && allowSudo && !isRoot && has("sudo"),
    isPathFromEnv: Boolean(process.env.CHROMIUM_PATH),
    path: chromiumPath,
  });
  if (plan.kind === "ready") return 0;
  if (plan.kind === "manual") {
    console.error(plan.message);
    return 1;
  }
  console.log(plan.reason);
  for (const [command, ...args] of plan.commands) {
    console.log(`$ ${[command, ...args].join(" ")}`);
    const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) {
      console.error(`"${[command, ...args].join(" ")}" failed${result.error ? `: ${result.error.message}` : ""}.`);
      return result.status || 1;
    }
  }
  if (!existsSync(chromiumPath)) {
    console.error(`apt-get finished but ${chromiumPath} does not exist.`);
    return 1;
  }
  console.log(`Chromium installed: ${chromiumPath}`);
  return 0;
}

// `node scripts/install-chromium.mjs` (npm run setup:chromium); importing this file runs nothing.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (existsSync(chromiumPath)) console.log(`Chromium is already installed: ${chromiumPath}`);
  process.exitCode = ensureChromium({ allowSudo: true });
}
