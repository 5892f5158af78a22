import type { CSSProperties, HTMLAttributes } from "react";

// Radix's visually-hidden styles, inline so that the words are there without any stylesheet.
export const visuallyHiddenStyle: CSSProperties = {
  position: "absolute",
  border: 0,
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  wordWrap: "normal",
};

/** Text a screen reader reads but that takes no room on screen. */
export function VisuallyHidden({ style, ...props }: HTMLAttributes<HTMLSpanElement>) {
  return <span {...props} style={{ ...visuallyHiddenStyle, ...style }} />;
}
