// Ant Design 5 on React 19 (its static methods and wave effect): before anything renders antd.
import "@ant-design/v5-patch-for-react-19";
import "@refinedev/antd/dist/reset.css";
import { useGetIdentity, useSetLocale } from "@refinedev/core";
import { RefineThemes, ThemedLayout, ThemedSider } from "@refinedev/antd";
import { App as AntdApp, ConfigProvider, Layout, Select, Space, Switch, theme, Typography } from "antd";
// The ES modules: the default import of antd/locale/* (CommonJS) is not the locale in Vite's build.
import deDE from "antd/es/locale/de_DE";
import enGB from "antd/es/locale/en_GB";
import dayjs from "dayjs";
import "dayjs/locale/de";
import "dayjs/locale/en-gb";
import type { ComponentProps } from "react";
import { Outlet } from "react-router";
import { LANGUAGES } from "../../i18n/i18nProvider";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import { useColorMode } from "../colorMode";
import { HistoryTableContext } from "../HistoryTable";
import { AntdAuditLogTable } from "./AntdAuditLogTable";
import { AntdAuditTrailTheme } from "./AntdAuditTrailTheme";

/**
 * The demo in Refine's Ant Design layout: `ConfigProvider` (Refine's blue theme, light or
 * dark by antd's algorithm, antd's own strings in the app's language), `ThemedLayout`
 * with its sider (the resources) and a header of the demo's (the user, the language, dark
 * mode), and the pages inside {@link AntdAuditTrailTheme}, so the kit's parts take antd's
 * tokens. The history page's table is {@link AntdAuditLogTable}.
 */
export default function AntdShell() {
  const [mode] = useColorMode();
  const { language } = useDemoTranslate();
  // The date pickers' month and day names.
  dayjs.locale(language === "de" ? "de" : "en-gb");
  const isDark = mode === "dark";
  return (
    <ConfigProvider locale={language === "de" ? deDE : enGB} theme={{ ...RefineThemes.Blue, algorithm: isDark ? theme.darkAlgorithm : theme.defaultAlgorithm }}>
      <AntdApp>
        <ThemedLayout Header={AntdHeader} Sider={AntdSider}>
          <AntdAuditTrailTheme dark={isDark} className="themed-page">
            <HistoryTableContext.Provider value={AntdAuditLogTable}>
              <Outlet />
            </HistoryTableContext.Provider>
          </AntdAuditTrailTheme>
        </ThemedLayout>
      </AntdApp>
    </ConfigProvider>
  );
}

/** Refine's sider: the resources, without "Logout" (the demo has no sign-in). */
function AntdSider(props: ComponentProps<typeof ThemedSider>) {
  return <ThemedSider {...props} render={({ items }) => items} />;
}

/** The signed-in user, the language and dark mode. */
function AntdHeader() {
  const { token } = theme.useToken();
  const { t, language } = useDemoTranslate();
  const changeLocale = useSetLocale();
  const { data: user } = useGetIdentity<{ name: string }>();
  const [mode, setMode] = useColorMode();
  return (
    <Layout.Header style={{ display: "flex", justifyContent: "flex-end", alignItems: "center", height: 64, padding: "0 24px", background: token.colorBgElevated }}>
      <Space size="middle">
        <Typography.Text>{user ? t("layout.signedInAs", { name: user.name }) : ""}</Typography.Text>
        <Select
          aria-label={t("layout.language")}
          style={{ width: 120 }}
          value={language}
          onChange={(code: string) => void changeLocale(code)}
          // Each language named in itself, whatever the page's language.
          options={LANGUAGES.map(({ code, name }) => ({ value: code, label: <span lang={code}>{name}</span>, title: name }))}
        />
        <Switch aria-label={t("layout.darkMode")} checked={mode === "dark"} onChange={(checked) => setMode(checked ? "dark" : "light")} />
      </Space>
    </Layout.Header>
  );
}
