/** `data-*` attributes as the kit's props getters return them: strings, booleans as `""` or absent (Radix style). */
export type DataAttributes = { [key: `data-${string}`]: string | undefined };
