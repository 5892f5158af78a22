import MenuIcon from "@mui/icons-material/Menu";
import AppBar from "@mui/material/AppBar";
import CssBaseline from "@mui/material/CssBaseline";
import FormControlLabel from "@mui/material/FormControlLabel";
import IconButton from "@mui/material/IconButton";
import { deDE, enUS } from "@mui/material/locale";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import { createTheme, ThemeProvider } from "@mui/material/styles";
import Switch from "@mui/material/Switch";
import TextField from "@mui/material/TextField";
import Toolbar from "@mui/material/Toolbar";
import Typography from "@mui/material/Typography";
import { useGetIdentity, useSetLocale } from "@refinedev/core";
import { RefineThemes, ThemedLayout, ThemedSider, useThemedLayoutContext } from "@refinedev/mui";
import { useMemo, type ComponentProps } from "react";
import { Outlet } from "react-router";
import { LANGUAGES } from "../../i18n/i18nProvider";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import { useColorMode } from "../colorMode";
import { HistoryTableContext } from "../HistoryTable";
import { MuiAuditLogTable } from "./MuiAuditLogTable";
import { MuiAuditTrailTheme } from "./MuiAuditTrailTheme";

/**
 * The demo in Refine's MUI layout: `ThemeProvider` (Refine's blue theme, light or dark,
 * MUI's own strings in the app's language), `ThemedLayout` with its sider (the resources)
 * and a header of the demo's (the user, the language, dark mode), and the pages inside
 * {@link MuiAuditTrailTheme}, so the kit's parts take MUI's theme. The history page's
 * table is {@link MuiAuditLogTable}.
 */
export default function MuiShell() {
  const [mode] = useColorMode();
  const { language } = useDemoTranslate();
  const theme = useMemo(() => createTheme(mode === "dark" ? RefineThemes.BlueDark : RefineThemes.Blue, language === "de" ? deDE : enUS), [mode, language]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ThemedLayout Header={MuiHeader} Sider={MuiSider}>
        <MuiAuditTrailTheme className="themed-page">
          <HistoryTableContext.Provider value={MuiAuditLogTable}>
            <Outlet />
          </HistoryTableContext.Provider>
        </MuiAuditTrailTheme>
      </ThemedLayout>
    </ThemeProvider>
  );
}

/** Refine's sider: the resources, without "Logout" (the demo has no sign-in). */
function MuiSider(props: ComponentProps<typeof ThemedSider>) {
  return <ThemedSider {...props} render={({ items }) => items} />;
}

/** The menu button (Refine's `HamburgerMenu`, with a label in the app's language), the signed-in user, the language and dark mode. */
function MuiHeader() {
  const { t, language } = useDemoTranslate();
  const changeLocale = useSetLocale();
  const { data: user } = useGetIdentity<{ name: string }>();
  const [mode, setMode] = useColorMode();
  const { siderCollapsed, setSiderCollapsed, mobileSiderOpen, setMobileSiderOpen } = useThemedLayoutContext();
  return (
    <AppBar position="sticky" color="default" elevation={1}>
      <Toolbar>
        <IconButton
          color="inherit"
          edge="start"
          aria-label={t("layout.openMenu")}
          onClick={() => (siderCollapsed ? setSiderCollapsed(false) : setMobileSiderOpen(!mobileSiderOpen))}
          sx={{ mr: 2, display: { xs: "flex", md: siderCollapsed ? "flex" : "none" } }}
        >
          <MenuIcon />
        </IconButton>
        <Stack direction="row" spacing={2} alignItems="center" sx={{ ml: "auto" }}>
          <Typography variant="subtitle2">{user ? t("layout.signedInAs", { name: user.name }) : ""}</Typography>
          <TextField select size="small" label={t("layout.language")} value={language} onChange={(event) => void changeLocale(event.target.value)}>
            {LANGUAGES.map(({ code, name }) => (
              // Each language named in itself, whatever the page's language.
              <MenuItem key={code} value={code} lang={code}>
                {name}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel control={<Switch checked={mode === "dark"} onChange={(event) => setMode(event.target.checked ? "dark" : "light")} />} label={t("layout.darkMode")} />
        </Stack>
      </Toolbar>
    </AppBar>
  );
}
