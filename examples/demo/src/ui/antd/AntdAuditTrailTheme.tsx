import { theme } from "antd";
import type { CSSProperties, HTMLAttributes } from "react";

/** Props of {@link AntdAuditTrailTheme}: a `<div>`'s, and the mode. */
export interface AntdAuditTrailThemeProps extends HTMLAttributes<HTMLDivElement> {
  /** Dark: the mode your `ConfigProvider`'s algorithm is in (`theme.darkAlgorithm`). */
  dark?: boolean;
}

/**
 * Ant Design's theme in refine-audit-trail's CSS variables. Put it inside your
 * `<ConfigProvider>`, around the pages that show the kit's components: they take antd's
 * colours, radius, font and spacing, and its dark mode (`data-theme`).
 *
 * @example
 * <ConfigProvider theme={{ algorithm: isDark ? theme.darkAlgorithm : theme.defaultAlgorithm }}>
 *   <AntdAuditTrailTheme dark={isDark}><AuditTimeline resource="products" id={id} /></AntdAuditTrailTheme>
 * </ConfigProvider>
 */
export function AntdAuditTrailTheme({ dark = false, style, ...props }: AntdAuditTrailThemeProps) {
  const { token } = theme.useToken();
  const variables = {
    "--rat-color-scheme": dark ? "dark" : "light",
    "--rat-font-size": `${token.fontSize}px`,
    "--rat-line-height": String(token.lineHeight),
    "--rat-font-mono": token.fontFamilyCode,
    "--rat-space": `${token.paddingXS}px`,
    "--rat-radius": `${token.borderRadius}px`,
    "--rat-fg": token.colorText,
    "--rat-bg": token.colorBgContainer,
    // Opaque (the time tooltip sits on it): the layout's grey in light, the raised grey in dark.
    "--rat-surface": dark ? token.colorBgElevated : token.colorBgLayout,
    "--rat-muted": token.colorTextSecondary,
    "--rat-border": token.colorBorder,
    // Text on white needs 4.5:1: antd's link, success and error text tokens are lighter than
    // that, so links and the diff's text take the deeper shades of antd's palette (dark
    // mode's lighter ones).
    "--rat-accent": token.blue7,
    "--rat-danger": token.red7,
    "--rat-added-fg": token.green8,
    "--rat-added-bg": token.colorSuccessBg,
    "--rat-removed-fg": token.red8,
    "--rat-removed-bg": token.colorErrorBg,
    "--rat-moved-fg": token.purple8,
  } as CSSProperties;
  return <div data-theme={dark ? "dark" : "light"} {...props} style={{ fontFamily: token.fontFamily, color: token.colorText, ...variables, ...style }} />;
}
