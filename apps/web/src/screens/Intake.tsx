import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../api/client';
import type { components } from '../api/schema';
import { ErrorMessage, errorText, Notice, QueryStatus, useDocumentTitle } from '../components/Page';
import { formatMoment } from '../format';

type IntakeRun = components['schemas']['IntakeRunDto'];
type IntakeSettings = components['schemas']['IntakeSettingsDto'];

const STATUS: Record<string, string> = { running: 'Bezig', succeeded: 'Gelukt', failed: 'Mislukt' };
const TRIGGER: Record<string, string> = { schedule: 'Volgens schema', 'by-hand': 'Met de hand' };

function duration(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} s`;
}

/** The admin's view of the Tweede Kamer open-data intake: how it is set up, its last runs, and "run now". */
export default function Intake() {
  useDocumentTitle('Intake open data');
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'ok' | 'warning'; text: string } | null>(null);
  const settings = useQuery({ queryKey: ['intake-settings'], queryFn: () => api.get<IntakeSettings>('/api/intake/settings') });
  const runs = useQuery({
    queryKey: ['intake-runs'],
    queryFn: () => api.get<IntakeRun[]>('/api/intake', { limit: 20 }),
    // While a run is going on, look again every two seconds.
    refetchInterval: (query) => (query.state.data?.some((run) => run.status === 'running') ? 2000 : false),
  });
  const runNow = useMutation({
    mutationFn: () => api.post<IntakeRun>('/api/intake/run'),
    onSuccess: () => {
      setMessage({ tone: 'ok', text: 'De intake is gestart. De tabel hieronder laat zien hoe het gaat.' });
      void queryClient.invalidateQueries({ queryKey: ['intake-runs'] });
    },
    onError: (error) =>
      setMessage({
        tone: 'warning',
        text: error instanceof ApiError && error.status === 409 ? 'Er loopt al een intake. Wacht tot die klaar is.' : `Starten lukte niet: ${errorText(error)}`,
      }),
  });

  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/beheer">Terug naar beheer</Link>
      </p>
      <h1 className="utrecht-heading-1">Intake uit de open data van de Tweede Kamer</h1>
      {settings.isError ? <ErrorMessage error={settings.error} /> : null}
      {settings.data ? (
        <p className="utrecht-paragraph">
          {settings.data.enabled ? `De intake draait elke ${settings.data.everyMinutes} minuten.` : 'De intake draait niet volgens schema (TK_INTAKE staat uit).'}{' '}
          {settings.data.deskMinistries ? `Alleen vragen aan: ${settings.data.deskMinistries.join(', ')}.` : 'Vragen aan alle ministeries.'}
        </p>
      ) : null}
      <div className="qd-actions">
        <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => runNow.mutate()} disabled={runNow.isPending} aria-disabled={runNow.isPending}>
          {runNow.isPending ? 'Bezig met starten…' : 'Nu ophalen'}
        </button>
      </div>
      <div aria-live="polite">{message ? <Notice tone={message.tone}>{message.text}</Notice> : null}</div>
      <h2 className="utrecht-heading-2">Laatste runs</h2>
      <QueryStatus query={runs} />
      {runs.data && runs.data.length === 0 ? <p className="utrecht-paragraph">De intake heeft nog niet gedraaid.</p> : null}
      {runs.data && runs.data.length > 0 ? (
        <div className="qd-table-scroll" role="region" aria-label="Laatste runs van de intake" tabIndex={0}>
          <table className="utrecht-table qd-table">
            <caption className="utrecht-table__caption qd-visually-hidden">Laatste runs van de intake, nieuwste eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Gestart</th>
                <th scope="col" className="utrecht-table__header-cell">Duur</th>
                <th scope="col" className="utrecht-table__header-cell">Aanleiding</th>
                <th scope="col" className="utrecht-table__header-cell">Uitkomst</th>
                <th scope="col" className="utrecht-table__header-cell">Nieuw</th>
                <th scope="col" className="utrecht-table__header-cell">Aangevuld</th>
                <th scope="col" className="utrecht-table__header-cell">Bijgewerkt</th>
                <th scope="col" className="utrecht-table__header-cell">Conflicten</th>
                <th scope="col" className="utrecht-table__header-cell">Overgeslagen (waarom)</th>
                <th scope="col" className="utrecht-table__header-cell">Fout</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {runs.data.map((run) => (
                <tr key={run.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatMoment(run.startedAt)}</td>
                  <td className="utrecht-table__cell">{duration(run.durationMs)}</td>
                  <td className="utrecht-table__cell">{TRIGGER[run.trigger] ?? run.trigger}</td>
                  <td className="utrecht-table__cell">{run.status === 'failed' ? <strong>{STATUS.failed}</strong> : (STATUS[run.status] ?? run.status)}</td>
                  <td className="utrecht-table__cell">{run.created}</td>
                  <td className="utrecht-table__cell">{run.completed}</td>
                  <td className="utrecht-table__cell">{run.updated}</td>
                  <td className="utrecht-table__cell">{run.conflicts}</td>
                  <td className="utrecht-table__cell">
                    {run.skipped}
                    {run.skipReasons.length ? (
                      <ul className="utrecht-unordered-list">
                        {run.skipReasons.map((r) => (
                          <li key={r.reason}>
                            {r.count}× {r.reason}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell">{run.error ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
