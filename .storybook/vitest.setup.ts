// Setup file of the `storybook` vitest project (see vitest.config.ts).
//
// Deliberately without the Storybook 9 boilerplate (setProject…Annotations with
// a11yAddonAnnotations and the preview's annotations): since Storybook 10.3,
// @storybook/addon-vitest applies the preview annotations (preview.ts plus every addon's,
// a11y included) by itself. Calling that function here still works but turns the automatic
// provisioning off and prints an info box on every run. The addon detects it by searching
// this file's text for the function's name, so even a comment must not spell it out.
//
// Put project-wide test code for stories here if it is ever needed.
export {};
