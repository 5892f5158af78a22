import { ThemeProvider, createTheme } from "@mui/material/styles";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { ConfigProvider, theme as antdTheme } from "antd";
import type { ReactNode } from "react";
import { expect, waitFor } from "storybook/test";
import { AntdAuditTrailTheme } from "../examples/demo/src/ui/antd/AntdAuditTrailTheme";
import { MuiAuditTrailTheme } from "../examples/demo/src/ui/mui/MuiAuditTrailTheme";
import { AuditLogTable, AuditTimeline, createInMemoryAuditLogProvider, RecordDiff } from "../src/index";
import { withStylesheet } from "./support/decorators";
import { productHistory } from "./support/logFixtures";
import { withRefine } from "./support/withRefine";

// The kit inside Ant Design's and MUI's themes, light and dark, through the bridges the
// README's Theming section shows (the demo's own files: examples/demo/src/ui/*).

const fields = { price: { label: "Price", type: "currency", currency: "EUR" } } as const;

/** The three components, as a show page and an admin page would hold them. */
function Components() {
  return (
    <div style={{ display: "grid", gap: 24, padding: 16 }}>
      <AuditTimeline resource="products" id={7} locale="en-US" timeZone="UTC" fields={fields} defaultExpanded={["2"]} />
      <RecordDiff previousData={{ title: "Oak desk", price: 420, tags: ["oak"] }} data={{ title: "Oak standing desk", price: 389, tags: ["oak", "sale"] }} fields={fields} locale="en-US" />
      <AuditLogTable resource="products" locale="en-US" timeZone="UTC" fields={fields} pageSizes={[5]} />
    </div>
  );
}

function Antd({ dark, children }: { dark: boolean; children: ReactNode }) {
  return (
    <ConfigProvider theme={{ algorithm: dark ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm }}>
      <AntdPage dark={dark}>{children}</AntdPage>
    </ConfigProvider>
  );
}

function AntdPage({ dark, children }: { dark: boolean; children: ReactNode }) {
  const { token } = antdTheme.useToken();
  return (
    <div style={{ background: token.colorBgLayout, padding: 8 }}>
      <AntdAuditTrailTheme dark={dark} style={{ background: token.colorBgContainer }} data-testid="bridge">
        {children}
      </AntdAuditTrailTheme>
    </div>
  );
}

function Mui({ dark, children }: { dark: boolean; children: ReactNode }) {
  const theme = createTheme({ palette: { mode: dark ? "dark" : "light" } });
  return (
    <ThemeProvider theme={theme}>
      <div style={{ background: theme.palette.background.default, padding: 8 }}>
        <MuiAuditTrailTheme style={{ background: theme.palette.background.paper }} data-testid="bridge">
          {children}
        </MuiAuditTrailTheme>
      </div>
    </ThemeProvider>
  );
}

const meta = {
  title: "Theming/Frameworks",
  decorators: [withStylesheet, withRefine],
  parameters: { refine: { auditLogProvider: () => createInMemoryAuditLogProvider({ initial: productHistory() }) } },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** The kit's parts read the framework's colours: the timeline's text is the bridge's text colour, its font the framework's. */
const play: Story["play"] = async ({ canvasElement }) => {
  await waitFor(() => expect(canvasElement.querySelector('[data-scope="audit-timeline"][data-state="ready"]')).not.toBeNull());
  await waitFor(() => expect(canvasElement.querySelector('[data-scope="audit-log-table"][data-state="ready"]')).not.toBeNull());
  const bridge = canvasElement.querySelector<HTMLElement>('[data-testid="bridge"]')!;
  const timeline = canvasElement.querySelector<HTMLElement>('[data-scope="audit-timeline"][data-part="root"]')!;
  await expect(getComputedStyle(timeline).color).toBe(getComputedStyle(bridge).color);
  await expect(getComputedStyle(timeline).fontFamily).toBe(getComputedStyle(bridge).fontFamily);
};

/** Inside Ant Design's `ConfigProvider`, light: `AntdAuditTrailTheme` maps antd's tokens to the kit's variables. */
export const AntDesignLight: Story = { render: () => <Antd dark={false}><Components /></Antd>, play };
/** Ant Design's dark algorithm: the bridge says `data-theme="dark"` and the kit follows. */
export const AntDesignDark: Story = { render: () => <Antd dark><Components /></Antd>, play };
/** Inside MUI's `ThemeProvider`, light: `MuiAuditTrailTheme` maps the palette, shape and typography. */
export const MuiLight: Story = { render: () => <Mui dark={false}><Components /></Mui>, play };
/** MUI's dark palette. */
export const MuiDark: Story = { render: () => <Mui dark><Components /></Mui>, play };
