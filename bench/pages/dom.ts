/** What the benchmark pages share: the kit's stylesheet on the page, and waiting for the DOM. */
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
