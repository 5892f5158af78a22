#!/usr/bin/env node
// `npm run setup:chromium`: installs Debian's Chromium (/usr/bin/chromium) for the
// browser-mode tests. Playwright's own browser download does not work on these machines.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumPath } from "./chromium.mjs";

const target = chromiumPath;
if (existsSync(target)) {
  console.log(`Chromium is already installed: ${target}`);
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to "${target}", but no file is there. Unset it or fix it.`);
  process.exit(1);
}

/** @param {string} command */
const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

if (process.platform !== "linux" || !has("apt-get")) {
  console.error(
    "Automatic install needs a Debian/Ubuntu system with apt-get.\n" +
      "Install Chromium (or Chrome) yourself and set CHROMIUM_PATH to its executable.",
  );
  process.exit(1);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!isRoot && !has("sudo")) {
  console.error("Not root and sudo is not available: run as root: apt-get update && apt-get install -y chromium");
  process.exit(1);
}

/** @param {string[]} args */
function run(args) {
  const [command, ...rest] = isRoot ? args : ["sudo", ...args];
  console.log(`$ ${[command, ...rest].join(" ")}`);
  const result = spawnSync(command, rest, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    console.error(`"${args.join(" ")}" failed.`);
    process.exit(result.status || 1);
  }
}

run(["apt-get", "update"]);
run(["apt-get", "install", "-y", "chromium"]);

if (!existsSync(target)) {
  console.error(`apt-get finished but ${target} does not exist.`);
  process.exit(1);
}
console.log(`Chromium installed: ${target}`);
