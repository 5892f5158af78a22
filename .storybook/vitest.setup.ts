// Setup file of the `storybook` vitest project (see vitest.config.ts).
//
// Deliberately without the Storybook 9 boilerplate (setProject…Annotations with
// a11yAddonAnnotations and the preview's annotations): since Storybook 10.3,
// @storybook/addon-vitest applies the preview annotations (preview.ts plus every addon's,
// a11y included) by itself. Calling that function here still works but turns the automatic
// provisioning off and prints an info box on every run. The addon detects it by searching
// this file's text for the function's name, so even a comment must not spell it out.
//
// Visual checks (README, "Visual checks"): after each story's play function, its canvas is
// screenshotted and compared with stories/__baselines__/<title id>/<story name id>.png.
import { afterEach, expect, vi } from "vitest";
import { page, server } from "vitest/browser";
import { visualDirs, visualMaxHeight, visualNow, type VisualParameters } from "./visual";

// Before the story files load: fixtures built at import time read this clock too.
vi.setSystemTime(visualNow);

const IMAGE_TIMEOUT_MS = 5000;

/** Waits until every image in `root` has loaded or failed (lazy ones below the first screen included). */
async function settleImages(root: HTMLElement) {
  const images = [...root.querySelectorAll("img")];
  for (const image of images) image.loading = "eager";
  const pending = images.filter((image) => !image.complete);
  const settled = Promise.all(
    pending.map((image) => new Promise((resolve) => {
      image.addEventListener("load", resolve, { once: true });
      image.addEventListener("error", resolve, { once: true });
    })),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const sources = pending.filter((image) => !image.complete).map((image) => image.src);
      reject(new Error(`Visual check: images still loading after ${IMAGE_TIMEOUT_MS / 1000} s: ${sources.join(", ")}`));
    }, IMAGE_TIMEOUT_MS);
  });
  await Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}

afterEach(async (context) => {
  const { task } = context;
  const storyId = (task.meta as { storyId?: string }).storyId;
  const parameters = (context as { story?: { parameters?: { visual?: VisualParameters } } }).story?.parameters;
  // A failed story says more by its error than by a screenshot of what it left.
  if (!storyId || task.result?.state === "skip" || task.result?.errors?.length) return;
  if (parameters?.visual?.skip) return;
  // Baselines are renders of Debian's Chromium with pinned fonts: other systems draw text differently.
  if (server.platform !== "linux") return;

  // The element @storybook/addon-vitest renders the story into (Storybook's own are .sb-wrapper).
  const canvas = document.querySelector<HTMLElement>("body > div:not(.sb-wrapper)");
  if (!canvas) throw new Error("Visual check: the story's canvas (body > div) was not found.");
  // The story's content size, up to the cap: the frame grows to hold it (a screenshot shows
  // only what is inside the frame), from the top whatever the play function scrolled.
  canvas.style.maxHeight = `${visualMaxHeight}px`;
  canvas.style.overflow = "clip";
  scrollTo(0, 0);
  const bottom = Math.ceil(canvas.getBoundingClientRect().bottom);
  if (bottom > innerHeight) await page.viewport(innerWidth, Math.min(bottom, visualMaxHeight));
  await document.fonts.ready;
  await settleImages(canvas);

  const [titleId, storyName] = storyId.split("--");
  const name = `${titleId}/${storyName}`;
  try {
    await expect.element(page.elementLocator(canvas)).toMatchScreenshot(name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const baseline = `${visualDirs.baselines}/${name}.png`;
    const hint = message.includes("No existing reference screenshot")
      ? `Visual check: story "${storyId}" has no baseline (${baseline}); what it looks like now is saved below. Run \`npm run test:visual:update\` to write the baseline, look at it, and commit it.`
      : message.includes("stable screenshot")
        ? `Visual check: story "${storyId}" kept changing (an animation, a clock, content still loading). Make its play function wait for the end state, or set parameters.visual.skip to the reason.`
        : `Visual check: story "${storyId}" no longer looks like its baseline (${baseline}). The actual and diff images are listed below (${visualDirs.diffs}); if the change is intended, run \`npm run test:visual:update\` and commit the new baseline.`;
    throw new Error(`${hint}\n\n${message}`);
  }
});
