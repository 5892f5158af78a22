import type { Decorator } from "@storybook/react-vite";
import css from "../../src/styles.css?inline";

/**
 * Injects the kit's optional stylesheet (`refine-audit-trail/styles.css`) inside the story:
 * only the stories that list this decorator are styled, so an "Unstyled" story shows the
 * bare semantic markup, whatever was shown before it.
 */
export const withStylesheet: Decorator = (Story) => (
  <>
    <style>{css}</style>
    <Story />
  </>
);

/**
 * A dark page around the story, as an app with `data-theme="dark"` on its shell. List it
 * before `withStylesheet`; the page takes the kit's own background token.
 */
export const withDarkTheme: Decorator = (Story) => (
  <div data-theme="dark" style={{ colorScheme: "dark", background: "var(--rat-bg, #0d1117)", color: "var(--rat-fg, #e6edf3)", padding: "1rem" }}>
    <Story />
  </div>
);

/**
 * Whether the kit's stylesheet applies to a component's root: it gives every root a
 * `color-scheme`, which the browser leaves at `normal`. For the "Unstyled" stories' checks.
 */
export const isStyled = (root: Element) => getComputedStyle(root).colorScheme !== "normal";
