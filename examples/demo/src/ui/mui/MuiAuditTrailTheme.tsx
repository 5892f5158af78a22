import { alpha, useTheme } from "@mui/material/styles";
import type { CSSProperties, HTMLAttributes } from "react";

/**
 * MUI's theme in refine-audit-trail's CSS variables. Put it inside your `<ThemeProvider>`,
 * around the pages that show the kit's components: they take the palette, the shape's
 * radius, the typography and the spacing, and the palette's mode (`data-theme`).
 *
 * @example
 * <ThemeProvider theme={theme}>
 *   <MuiAuditTrailTheme><AuditTimeline resource="products" id={id} /></MuiAuditTrailTheme>
 * </ThemeProvider>
 */
export function MuiAuditTrailTheme({ style, ...props }: HTMLAttributes<HTMLDivElement>) {
  const { palette, typography, shape, spacing } = useTheme();
  const dark = palette.mode === "dark";
  // Text colours: the darker shade on a light page, the lighter one on a dark page.
  const text = (color: { light: string; dark: string }) => (dark ? color.light : color.dark);
  const variables = {
    "--rat-color-scheme": palette.mode,
    "--rat-font-size": typography.body2.fontSize,
    "--rat-line-height": String(typography.body2.lineHeight),
    "--rat-space": spacing(1),
    "--rat-radius": typeof shape.borderRadius === "number" ? `${shape.borderRadius}px` : shape.borderRadius,
    "--rat-fg": palette.text.primary,
    "--rat-bg": palette.background.paper,
    // Opaque (the time tooltip sits on it).
    "--rat-surface": dark ? palette.grey[900] : palette.grey[100],
    "--rat-muted": palette.text.secondary,
    "--rat-border": palette.divider,
    "--rat-accent": palette.primary.main,
    "--rat-danger": text(palette.error),
    "--rat-added-fg": text(palette.success),
    "--rat-added-bg": alpha(palette.success.main, 0.12),
    "--rat-removed-fg": text(palette.error),
    "--rat-removed-bg": alpha(palette.error.main, 0.12),
    "--rat-moved-fg": text(palette.secondary),
  } as CSSProperties;
  return <div data-theme={palette.mode} {...props} style={{ fontFamily: typography.fontFamily, color: palette.text.primary, ...variables, ...style }} />;
}
