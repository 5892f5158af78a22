import type { Preview } from "@storybook/react-vite";
import { createElement } from "react";

const preview: Preview = {
  parameters: {
    // Fail the story's vitest test (and flag it in the UI) on any axe violation.
    a11y: { test: "error" },
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
