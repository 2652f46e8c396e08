// A rendering error must never leave a blank window in front of a client.
// The document is safe whatever happens here (every change is in the file
// before the window hears of it), so the way on is to draw the window again
// from the core: the boundary mounts its children anew, which reloads the
// document, the map and the side panels.
import { Component, Fragment, type ErrorInfo, type ReactNode } from "react";

type Props = { children: ReactNode };
type State = { error: Error | null; details: string; generation: number };

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, details: "", generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // The details go to the log (the webview's console) and stay readable on the screen.
    console.error("Tiermap: the window failed to draw", error, info.componentStack);
    this.setState({ details: `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${info.componentStack ?? ""}` });
  }

  private continue = () => this.setState((state) => ({ error: null, details: "", generation: state.generation + 1 }));

  render() {
    const { error, details, generation } = this.state;
    if (!error) return <Fragment key={generation}>{this.props.children}</Fragment>;
    return (
      <div className="crash-screen" role="alertdialog" aria-labelledby="crash-title" data-testid="crash-screen">
        <h2 id="crash-title">The window could not draw the map</h2>
        <p>Your document is safe: every change you made is already in the file. Nothing was lost.</p>
        <p>Show the map again to go on where you were.</p>
        <button onClick={this.continue} autoFocus data-testid="crash-continue">
          Show the map again
        </button>
        <details>
          <summary>Details for a bug report</summary>
          <pre>{error.message}
{details}</pre>
        </details>
      </div>
    );
  }
}
