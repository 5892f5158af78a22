import type { Preview } from "@storybook/react-vite";
import { createElement } from "react";
import { MINIMAL_VIEWPORTS } from "storybook/viewport";
import { visualViewport } from "./visual";

const preview: Preview = {
  parameters: {
    // Fail the story's vitest test (and flag it in the UI) on any axe violation.
    a11y: { test: "error" },
    // The size stories are tested and screenshotted at (vitest.config.ts picks it): pick it
    // in the toolbar to see a story as its baseline in stories/__baselines__ shows it.
    viewport: {
      options: {
        ...MINIMAL_VIEWPORTS,
        [visualViewport.key]: {
          name: visualViewport.name,
          styles: { width: `${visualViewport.width}px`, height: `${visualViewport.height}px` },
          type: "desktop",
        },
      },
    },
  },
  globalTypes: {
    theme: {
      description: "Colour theme (sets data-theme on the story wrapper)",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light" },
          { value: "dark", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  decorators: [
    // This file is .ts, so no JSX here.
    (Story, context) =>
      createElement(
        "div",
        {
          "data-theme": context.globals.theme ?? "light",
          style: { padding: "1rem", fontFamily: "system-ui" },
        },
        createElement(Story),
      ),
  ],
};

export default preview;
