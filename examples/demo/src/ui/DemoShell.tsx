import { lazy, Suspense } from "react";
import { Layout } from "../components/Layout";
import { Loading } from "../components/Status";

/** The UIs the demo runs in: `npm start -- --ui antd|mui|plain` (the build's `VITE_DEMO_UI`). */
export const DEMO_UIS = ["plain", "antd", "mui"] as const;

/** A UI of {@link DEMO_UIS}. */
export type DemoUi = (typeof DEMO_UIS)[number];

const requested = import.meta.env.VITE_DEMO_UI;

// Each framework's shell is a chunk of its own, loaded only when chosen: the plain demo
// never downloads Ant Design or MUI.
const FrameworkShell = requested === "antd" ? lazy(() => import("./antd/AntdShell")) : requested === "mui" ? lazy(() => import("./mui/MuiShell")) : undefined;

/**
 * The app's layout route in the UI chosen at start: the demo's own plain layout, Refine's
 * Ant Design `ThemedLayout` or its MUI one. The pages and providers are the same in all
 * three; a shell brings its layout, its theme (light or dark, bridged to the kit's CSS
 * variables) and its rendering of the history page's table.
 */
export function DemoShell() {
  if (!FrameworkShell) return <Layout />;
  return (
    <Suspense fallback={<Loading />}>
      <FrameworkShell />
    </Suspense>
  );
}
