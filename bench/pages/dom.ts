/**
 * What the benchmark pages share: the kit's stylesheet on the page, a component mounted
 * inside a real `<Refine>`, and waiting for the DOM.
 */
import { Refine, type AuditLogProvider } from "@refinedev/core";
import { QueryClient } from "@tanstack/react-query";
import { createElement, type ReactElement } from "react";
import { createRoot } from "react-dom/client";
import kitCss from "../../src/styles.css";

/** Puts `styles.css` on the page, as an app that imports it does. */
export function installKitStyles() {
  const style = document.createElement("style");
  style.textContent = kitCss;
  document.head.append(style);
}

/**
 * Resolves when `check()` holds after a DOM change under `container` (checked at once
 * first), or after `timeout` ms with what `check()` says then.
 */
export function waitForDom(container: HTMLElement, check: () => boolean, timeout: number): Promise<boolean> {
  if (check()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(check());
    }, timeout);
    observer.observe(container, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/** Resolves when `check()` holds at an animation frame, or after `timeout` ms with `false`. */
export function waitForFrames(check: () => boolean, timeout: number): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve) => {
    const tick = () => {
      if (check()) resolve(true);
      else if (performance.now() - started > timeout) resolve(false);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** What `mountInRefine` mounted: its container, when its render began, and how to take it down. */
export interface Mounted {
  container: HTMLElement;
  /** `performance.now()` right before the render: the start of what a page times. */
  started: number;
  /** Unmounts the component and removes its container. */
  unmount(): void;
}

/**
 * Renders `element` inside a real `<Refine>` over `provider`, with a fresh QueryClient (no
 * retries), into a new container appended to `stage`.
 */
export function mountInRefine(stage: HTMLElement, provider: AuditLogProvider, element: ReactElement): Mounted {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const container = document.createElement("div");
  stage.append(container);
  const root = createRoot(container);
  const started = performance.now();
  root.render(createElement(Refine, { auditLogProvider: provider, options: { disableTelemetry: true, reactQuery: { clientConfig: queryClient } } }, element));
  return {
    container,
    started,
    unmount() {
      root.unmount();
      container.remove();
    },
  };
}
