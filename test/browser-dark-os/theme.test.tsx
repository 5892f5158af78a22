import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RecordDiff } from "../../src/index";
import css from "../../src/styles.css?inline";

// This project runs Chromium with the OS in dark mode (vitest.config.ts, "browser-dark-os").
// Most Refine apps are light: the kit follows the app, and follows the OS only when asked.

function Diff({ wrapper }: { wrapper: Record<string, string> }) {
  return (
    <div {...wrapper}>
      <style>{css}</style>
      <RecordDiff locale="en-US" previousData={{ price: 50 }} data={{ price: 60 }} />
    </div>
  );
}

const schemeOf = (container: HTMLElement) => getComputedStyle(container.querySelector<HTMLElement>('[data-scope="record-diff"][data-part="root"]')!).colorScheme;

describe("the theme on a dark OS", () => {
  it("really is a dark OS here", () => {
    expect(matchMedia("(prefers-color-scheme: dark)").matches).toBe(true);
  });

  it("stays light in a light app (no data-theme, no class)", () => {
    const { container } = render(<Diff wrapper={{}} />);
    expect(schemeOf(container)).toBe("light");
  });

  it("is dark under the app's data-theme=\"dark\" or a .dark class, light under .light", () => {
    expect(schemeOf(render(<Diff wrapper={{ "data-theme": "dark" }} />).container)).toBe("dark");
    expect(schemeOf(render(<Diff wrapper={{ className: "dark" }} />).container)).toBe("dark");
    expect(schemeOf(render(<Diff wrapper={{ className: "light" }} />).container)).toBe("light");
  });

  it("follows the OS where the app opts in with data-theme=\"system\"", () => {
    expect(schemeOf(render(<Diff wrapper={{ "data-theme": "system" }} />).container)).toBe("dark");
  });
});
