/** The demo's build settings (Vite's `import.meta.env`). */
interface ImportMetaEnv {
  /** The UI the app runs in: `plain` (the default), `antd` or `mui`. `npm start -- --ui antd` sets it. */
  readonly VITE_DEMO_UI?: string;
}
