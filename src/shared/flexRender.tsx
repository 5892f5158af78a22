import { createElement, isValidElement, type ComponentType, type ReactNode } from "react";

/**
 * What a render prop accepts: a node (rendered as it is), a component, or a render
 * function `(props) => node` (TanStack's `flexRender` contract). A render function is
 * called inside a component of the kit's own, so it may use hooks and an inline arrow
 * does not remount its content on every render.
 */
export type Renderable<P> = ReactNode | ComponentType<P> | ((props: P) => ReactNode);

const exoticTypes = new Set([Symbol.for("react.memo"), Symbol.for("react.forward_ref"), Symbol.for("react.lazy")]);

const isExoticComponent = (value: unknown) =>
  typeof value === "object" && value !== null && exoticTypes.has((value as { $$typeof?: symbol }).$$typeof as symbol);

const isClassComponent = (value: unknown) =>
  typeof value === "function" && Boolean((value as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent);

function RenderFunction<P>({ render, props, fallback }: { render: (props: P) => ReactNode; props: P; fallback?: () => ReactNode }) {
  const out = render(props);
  return <>{out === undefined && fallback ? fallback() : out}</>;
}

/**
 * Renders a {@link Renderable} with its props. With `fallback`, a render function that
 * returns `undefined` renders `fallback()` instead ("not mine: the default, please").
 */
export function flexRender<P extends object>(renderable: Renderable<P>, props: P, fallback?: () => ReactNode): ReactNode {
  if (isValidElement(renderable)) return renderable;
  if (isClassComponent(renderable) || isExoticComponent(renderable)) return createElement(renderable as ComponentType<P>, props);
  if (typeof renderable === "function") return <RenderFunction render={renderable as (props: P) => ReactNode} props={props} fallback={fallback} />;
  return renderable as ReactNode;
}
