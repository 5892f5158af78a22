import { useSyncExternalStore } from "react";

/** Light or dark: the Ant Design and MUI shells switch their framework's theme with it (the plain one stays light). */
export type ColorMode = "light" | "dark";

const STORAGE_KEY = "northwind-demo:color-mode";
const listeners = new Set<() => void>();

function initialMode(): ColorMode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === "light" || stored === "dark") return stored;
  } catch {
    // Storage can be off: the OS decides.
  }
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

let current: ColorMode = initialMode();

function setColorMode(mode: ColorMode): void {
  if (mode === current) return;
  current = mode;
  try {
    localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // Not remembered, but switched.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The color mode, remembered across visits (first from the OS), and its setter. */
export function useColorMode(): [ColorMode, (mode: ColorMode) => void] {
  return [useSyncExternalStore(subscribe, () => current), setColorMode];
}
