// The benchmark bundles CSS as text (esbuild's "text" loader) to inject it into its pages.
declare module "*.css" {
  const css: string;
  export default css;
}
