import { Component, type ErrorInfo, type ReactNode } from "react";

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  /** What renders instead of the children once they threw; receives the error. */
  fallback: (error: Error) => ReactNode;
  /** When this value changes, a failed boundary tries its children again (new data came). */
  resetKey?: unknown;
  /** Called with what was thrown (log it). Default: `console.error` in development only, through React. */
  onError?: (error: Error, info: ErrorInfo) => void;
  children?: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps one bad part from blanking the page: a formatter or renderer of the app's own
 * (or a row the kit could not foresee) that throws while rendering shows `fallback` in
 * its place (one entry, one row, one value), and the rest renders on. The kit wraps
 * each timeline entry, each table row and each custom-rendered value in one.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    this.props.onError?.(error, info);
  }

  render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
