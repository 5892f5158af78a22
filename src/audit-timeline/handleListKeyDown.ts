import type { KeyboardEvent } from "react";
import { AUDIT_TIMELINE_SCOPE, auditTimelineAnatomy, auditTimelineParts as parts, type AuditTimelinePart } from "./parts";

/** The parts the arrow keys move between (from a toggle to the next toggle, a time to the next time). */
const ARROW_PARTS = new Set<string>([parts.toggle, parts.time]);

/**
 * The list's keyboard navigation: ArrowUp / ArrowDown / Home / End move focus between
 * the entries' parts of the kind that has focus (toggles, or times).
 */
export function handleListKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  const name = target.getAttribute("data-part");
  if (target.getAttribute("data-scope") !== AUDIT_TIMELINE_SCOPE || !name || !ARROW_PARTS.has(name)) return;
  const all = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(auditTimelineAnatomy.selector(name as AuditTimelinePart)));
  const index = all.indexOf(target);
  const next = { ArrowDown: all[index + 1], ArrowUp: all[index - 1], Home: all[0], End: all[all.length - 1] }[event.key];
  if (index < 0 || !next) return;
  event.preventDefault();
  next.focus();
}
