import type { StorybookConfig } from "@storybook/react-vite";
import tailwindcss from "@tailwindcss/vite";

const config: StorybookConfig = {
  framework: "@storybook/react-vite",
  stories: ["../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-a11y", "@storybook/addon-vitest"],
  core: {
    // Offline machines: no telemetry, no "what's new" fetch from storybook.js.org.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // Tailwind CSS for the Theming/Tailwind stories (stories/tailwind/tailwind.css), in
  // `storybook dev` and build, and in the `storybook` vitest project, whose plugin applies
  // this `viteFinal` too (the other vitest projects never see it). It compiles only CSS
  // that uses Tailwind: the kit's styles.css passes through untouched.
  viteFinal: (viteConfig) => ({ ...viteConfig, plugins: [...(viteConfig.plugins ?? []), tailwindcss()] }),
};

export default config;
