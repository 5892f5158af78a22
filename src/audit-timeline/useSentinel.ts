import { useCallback, useEffect, useRef, type Ref } from "react";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";

/**
 * The element that renders more when it scrolls into view. Its ref keeps its identity
 * (no re-render when React attaches it); a new observer after each growth (a change of
 * `deps`) reports the sentinel's current position, so a screen that is still not full
 * keeps filling.
 *
 * @returns `getSentinelRef(userRef?)`: the ref for the sentinel, composed with yours.
 */
export function useSentinel(onVisible: () => void, deps: readonly unknown[]): (userRef?: Ref<HTMLElement>) => Ref<HTMLElement> {
  const nodeRef = useRef<HTMLElement | null>(null);
  const observerRef = useRef<IntersectionObserver | null>(null);
  const onVisibleRef = useRef(onVisible);
  useIsomorphicLayoutEffect(() => {
    onVisibleRef.current = onVisible;
  });
  const observe = useCallback(() => {
    observerRef.current?.disconnect();
    observerRef.current = null;
    const node = nodeRef.current;
    if (!node || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((records) => {
      if (records.some((record) => record.isIntersecting)) onVisibleRef.current();
    });
    observer.observe(node);
    observerRef.current = observer;
  }, []);
  const setNode = useCallback(
    (node: HTMLElement | null) => {
      nodeRef.current = node;
      observe();
    },
    [observe],
  );
  useEffect(() => {
    observe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [observe, ...deps]);
  useEffect(() => () => observerRef.current?.disconnect(), []);

  return (userRef) =>
    // The kit's own ref stays stable unless yours has to be called too.
    userRef
      ? (node: HTMLElement | null) => {
          setNode(node);
          if (typeof userRef === "function") userRef(node);
          else if (userRef) (userRef as { current: HTMLElement | null }).current = node;
        }
      : setNode;
}
