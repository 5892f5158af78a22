import { useCallback, useEffect, useRef, useState } from "react";

/** How long a tooltip stays after the pointer leaves its time (or itself), in ms. */
const CLOSE_DELAY = 150;

/** The handlers of one entry's time tooltip. */
export interface TimeTooltipHandlers {
  show: () => void;
  hide: () => void;
  /** Hides it a moment later (pointer leave), unless shown again meanwhile. */
  hideSoon: () => void;
}

/** The result of {@link useTimeTooltip}. */
export interface TimeTooltip {
  /** The key of the entry whose tooltip is open, else `null`. */
  openKey: string | null;
  /** The handlers for one entry's time and tooltip (stable function). */
  handlersFor: (key: string) => TimeTooltipHandlers;
}

/**
 * The time tooltips: one open at a time, on hover or focus. Leaving by pointer closes it
 * a moment later, so the pointer can move onto the tooltip and stay there (WCAG 1.4.13:
 * content on hover stays hoverable).
 */
export function useTimeTooltip(): TimeTooltip {
  const [openKey, setOpenKey] = useState<string | null>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(closeTimer.current), []);
  const handlersFor = useCallback((key: string): TimeTooltipHandlers => {
    const show = () => {
      clearTimeout(closeTimer.current);
      setOpenKey(key);
    };
    const hide = () => {
      clearTimeout(closeTimer.current);
      setOpenKey((open) => (open === key ? null : open));
    };
    const hideSoon = () => {
      clearTimeout(closeTimer.current);
      closeTimer.current = setTimeout(hide, CLOSE_DELAY);
    };
    return { show, hide, hideSoon };
  }, []);
  return { openKey, handlersFor };
}
