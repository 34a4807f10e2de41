import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { formatDate, formatMoment } from '../format';
import { ErrorMessage, Loading } from './Page';

type Provenance = components['schemas']['ProvenanceDto'];

const STATES: Record<string, string> = {
  applied: 'verwerkt',
  'waiting-for-text': 'wacht op de gepubliceerde tekst',
  skipped: 'niet verwerkt',
  conflict: 'conflict met de desk',
  'deleted-at-source': 'verwijderd in de open data',
};

const FIELDS: Record<string, string> = {
  subject: 'onderwerp',
  submittedOn: 'ingezonden',
  submitters: 'indieners',
  addressees: 'geadresseerden',
  questions: 'vragen',
  answers: 'antwoorden',
  status: 'status',
};

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Where a set came from in the Tweede Kamer's open data, and where the open data and the desk disagree. */
export function OpenDataProvenance({ id }: { id: string }) {
  const provenance = useQuery({ queryKey: ['question-set-open-data', id], queryFn: () => api.get<Provenance>(`/api/question-sets/${id}/open-data`) });
  if (provenance.isPending) return <Loading />;
  if (provenance.isError) return <ErrorMessage error={provenance.error} />;
  const data = provenance.data;
  if (!data.zaakId) return <p className="utrecht-paragraph">Deze vragenset komt niet uit de open data van de Tweede Kamer.</p>;
  return (
    <>
      <p className="utrecht-paragraph">
        Zaak {data.reference} (
        <a href={data.zaakLink ?? undefined} rel="noreferrer">
          Zaak in het Gegevensmagazijn
        </a>
        ){data.deletedAtSource ? '. Let op: de open data markeert deze zaak als verwijderd; de vragenset blijft staan.' : '.'}
        {data.questionsPending ? ' De tekst van de vragen is nog niet gepubliceerd.' : ''}
      </p>
      {data.conflicts.length ? (
        <>
          <h3 className="utrecht-heading-3">Verschillen met de open data</h3>
          <p className="utrecht-paragraph">De desk heeft dit met de hand gewijzigd; de intake heeft niets overschreven. Beslis zelf wat klopt.</p>
          <ul className="utrecht-unordered-list">
            {data.conflicts.map((c, i) => (
              <li key={i}>
                {FIELDS[c.field] ?? c.field}: de desk heeft „{shown(c.deskValue)}”, de open data zegt „{shown(c.feedValue)}” (gezien {formatMoment(c.noticedAt)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.documents.length ? (
        <ul className="utrecht-unordered-list">
          {data.documents.map((d) => (
            <li key={d.documentId}>
              {d.soort} {d.documentNumber ?? ''} {d.datedOn ? `van ${formatDate(d.datedOn)}` : ''} — {STATES[d.state] ?? d.state}
              {d.note ? ` (${d.note})` : ''}: <a href={d.link}>document</a>
              {d.publicationLink ? (
                <>
                  {' · '}
                  <a href={d.publicationLink}>publicatie {d.publicationId}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">Nog geen documenten uit de open data.</p>
      )}
    </>
  );
}
