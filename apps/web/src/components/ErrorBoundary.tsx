import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Never a blank page: a screen that throws shows what happened and a way on. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="utrecht-alert utrecht-alert--error qd-alert">
        <h1 className="utrecht-heading-1">Er ging iets mis</h1>
        <p className="utrecht-paragraph">Deze pagina kon niet worden getoond: {this.state.error.message}</p>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={window.location.pathname + window.location.search}>
            Pagina opnieuw laden
          </a>{' '}
          of{' '}
          <a className="utrecht-link" href="/">
            naar de werkvoorraad
          </a>
          .
        </p>
      </div>
    );
  }
}
