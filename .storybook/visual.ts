// Visual checks (README, "Visual checks"): the settings shared by the Storybook preview,
// the `storybook` vitest project (vitest.config.ts) and its setup file, which screenshots
// every story after its play function and compares it with stories/__baselines__/.

/**
 * The viewport every story renders and plays in when tested (a toolbar choice in Storybook):
 * @storybook/addon-vitest's own default, stated so that an upgrade cannot move every baseline.
 */
export const visualViewport = { key: "visual-check", name: "Visual check (1200 × 900)", width: 1200, height: 900 } as const;

/**
 * The tallest screenshot: after the play function the frame grows to the story's content,
 * up to this; a longer story (a page of a table, a stress story of thousands of rows) is
 * compared down to here.
 */
export const visualMaxHeight = 1200;

/**
 * The clock of every tested story: `new Date()` and `Date.now()` return this instant (timers
 * still run), so fixtures built "minutes ago", relative times ("3 days ago") and dates in
 * inputs read the same on every run. Stories that pass their own `now` keep it.
 */
export const visualNow = new Date("2024-11-05T12:00:00Z");

/** Where baselines are committed, and where a failed check writes what it saw (git-ignored). */
export const visualDirs = { baselines: "stories/__baselines__", diffs: "stories/__visual-diffs__" } as const;

/**
 * `parameters.visual` of a story. `skip`: no screenshot, and why (a story whose pixels
 * cannot be made to repeat); the story's play function still runs.
 */
export interface VisualParameters {
  skip?: string;
}
