import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../api/client';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Vragendesk`;
  }, [title]);
}

export function Loading({ label = 'Bezig met laden…' }: { label?: string }) {
  return (
    <p role="status" aria-busy="true" className="qd-loading">
      {label}
    </p>
  );
}

/** A query's waiting and failing states: the loading line while it loads, its error once it failed, nothing once it has data. */
export function QueryStatus({ query }: { query: { isPending: boolean; isError: boolean; error: unknown } }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  return null;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Er ging iets mis. Probeer het opnieuw.';
}

export function ErrorMessage({ error, children }: { error: unknown; children?: ReactNode }) {
  return (
    <div role="alert" className="utrecht-alert utrecht-alert--error qd-alert">
      <p className="utrecht-paragraph">{errorText(error)}</p>
      {children}
    </div>
  );
}

export function Notice({ children, tone = 'ok' }: { children: ReactNode; tone?: 'ok' | 'info' | 'warning' }) {
  return (
    <div role="status" className={`utrecht-alert utrecht-alert--${tone} qd-alert`}>
      {children}
    </div>
  );
}
