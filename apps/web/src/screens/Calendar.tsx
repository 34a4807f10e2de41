import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, request } from '../api/client';
import type { CalendarFeed } from '../api/types';
import { TextField } from '../components/Field';
import { ErrorMessage, Notice, QueryStatus, useDocumentTitle } from '../components/Page';
import { formatMoment } from '../format';
import { hasRole, useViewer } from '../session';

/** What the person's feed holds, in words, by role. */
function contents(roles: string[]): string {
  const parts: string[] = [];
  if (roles.includes('drafter')) parts.push('de interne termijnen (concept, beoordeling, medeondertekening) van de vragensets die aan u zijn toegewezen');
  if (roles.includes('desk') || roles.includes('coordinator')) parts.push('de geldende termijnen van de open vragensets van uw ministerie (zonder ministerie: van alle ministeries)');
  return parts.length ? parts.join(', en ') : 'geen termijnen: uw rol werkt niet aan vragensets';
}

export default function Calendar() {
  useDocumentTitle('Agenda');
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: ['calendar'], queryFn: () => api.get<CalendarFeed>('/api/me/calendar') });
  // The address is shown only in the answer that made it: it is stored hashed.
  const [made, setMade] = useState<CalendarFeed | null>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const renew = useMutation({
    mutationFn: () => api.post<CalendarFeed>('/api/me/calendar'),
    onSuccess: (answer) => {
      setMade(answer);
      setCopied(null);
      queryClient.setQueryData(['calendar'], { active: true, createdAt: answer.createdAt });
    },
  });
  const revoke = useMutation({
    mutationFn: () => request<void>('DELETE', '/api/me/calendar'),
    onSuccess: () => {
      setMade(null);
      queryClient.setQueryData(['calendar'], { active: false, createdAt: null });
    },
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made!.url!);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  const roles = viewer.data?.roles ?? [];
  const works = viewer.data ? hasRole(viewer.data, 'drafter', 'desk', 'coordinator') : false;

  return (
    <>
      <h1 className="utrecht-heading-1">Agenda</h1>
      <p className="utrecht-paragraph">
        Zet uw termijnen in uw eigen agenda (Outlook, Google Agenda, Agenda op iPhone of Mac). De agenda toont {contents(roles)}, elk als een item voor de hele dag.
        Een uitstel verplaatst het item vanzelf.
      </p>
      <p className="utrecht-paragraph">
        Het adres is geheim: wie het heeft, ziet de termijnen zonder in te loggen. Deel het niet. Maakt u een nieuw adres, dan werkt het oude niet meer.
      </p>
      <QueryStatus query={feed} />
      {renew.isError ? <ErrorMessage error={renew.error} /> : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      {feed.data ? (
        <section aria-labelledby="agenda-adres">
          <h2 id="agenda-adres" className="utrecht-heading-2">
            Uw agenda-adres
          </h2>
          {made?.url ? (
            <>
              <TextField
                label="Agenda-adres"
                description="Kopieer dit adres en voeg het in uw agenda-app toe als agenda via internet (abonneren). Het wordt maar één keer getoond."
                readOnly
                value={made.url}
                onFocus={(event) => event.currentTarget.select()}
              />
              <div className="qd-actions">
                <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void copy()}>
                  Kopieer adres
                </button>
              </div>
              <div aria-live="polite">
                {copied === 'ok' ? <Notice>Het adres is gekopieerd.</Notice> : null}
                {copied === 'failed' ? <Notice tone="warning">Kopiëren lukte niet. Selecteer het adres en kopieer het zelf.</Notice> : null}
              </div>
            </>
          ) : feed.data.active ? (
            <p className="utrecht-paragraph">
              U hebt een agenda-adres sinds {formatMoment(feed.data.createdAt)}. Het adres wordt niet opnieuw getoond; bent u het kwijt, maak dan een nieuw.
            </p>
          ) : (
            <p className="utrecht-paragraph">U hebt nog geen agenda-adres.</p>
          )}
          <div className="qd-actions">
            {feed.data.active ? (
              <>
                <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => renew.mutate()} disabled={renew.isPending || !works}>
                  Nieuw adres maken
                </button>
                <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
                  Agenda stoppen
                </button>
              </>
            ) : (
              <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => renew.mutate()} disabled={renew.isPending || !works}>
                Agenda-adres maken
              </button>
            )}
          </div>
          {revoke.isSuccess && !feed.data.active ? <Notice>De agenda is gestopt: het oude adres werkt niet meer.</Notice> : null}
        </section>
      ) : null}
    </>
  );
}
