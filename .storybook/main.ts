import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  framework: "@storybook/react-vite",
  stories: ["../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-a11y", "@storybook/addon-vitest"],
  core: {
    // Offline machines: no telemetry, no "what's new" fetch from storybook.js.org.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
