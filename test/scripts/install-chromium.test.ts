// @vitest-environment node
import { describe, expect, it } from "vitest";
import { planChromiumSetup } from "../../scripts/install-chromium.mjs";

const APT = [
  ["apt-get", "update"],
  ["apt-get", "install", "-y", "chromium"],
];

describe("planChromiumSetup: what `npm test` and `npm run setup:chromium` do about Chromium", () => {
  it("does nothing when Chromium is there, whoever runs it", () => {
    for (const isRoot of [true, false]) {
      for (const hasAptGet of [true, false]) expect(planChromiumSetup({ isFound: true, isRoot, hasAptGet })).toEqual({ kind: "ready" });
    }
  });

  it("installs Debian's package with apt-get when missing, as root, with apt-get, and says why", () => {
    const plan = planChromiumSetup({ isFound: false, isRoot: true, hasAptGet: true });
    expect(plan).toMatchObject({ kind: "install", commands: APT });
    expect(plan.kind === "install" && plan.reason).toMatch(/missing at \/usr\/bin\/chromium.*browser/s);
  });

  it("prints the exact commands and installs nothing when not root (npm test never uses sudo)", () => {
    const plan = planChromiumSetup({ isFound: false, isRoot: false, hasAptGet: true });
    expect(plan.kind).toBe("manual");
    const message = plan.kind === "manual" ? plan.message : "";
    expect(message).toContain("apt-get update && apt-get install -y chromium");
    expect(message).toContain("sudo apt-get update && sudo apt-get install -y chromium");
  });

  it("uses sudo only when asked to (npm run setup:chromium) and sudo is there", () => {
    expect(planChromiumSetup({ isFound: false, isRoot: false, hasAptGet: true, hasSudo: true })).toMatchObject({
      kind: "install",
      commands: APT.map((command) => ["sudo", ...command]),
    });
  });

  it("without apt-get, says to install Chromium and point CHROMIUM_PATH at it, root or not", () => {
    for (const isRoot of [true, false]) {
      const plan = planChromiumSetup({ isFound: false, isRoot, hasAptGet: false, hasSudo: true });
      expect(plan.kind).toBe("manual");
      expect(plan.kind === "manual" && plan.message).toContain("CHROMIUM_PATH=/path/to/chromium npm test");
    }
  });

  it("does not install when CHROMIUM_PATH points nowhere: apt would not put Chromium there", () => {
    const plan = planChromiumSetup({ isFound: false, isRoot: true, hasAptGet: true, isPathFromEnv: true, path: "/opt/chrome" });
    expect(plan.kind).toBe("manual");
    expect(plan.kind === "manual" && plan.message).toContain('CHROMIUM_PATH is set to "/opt/chrome", but no file is there');
  });
});
