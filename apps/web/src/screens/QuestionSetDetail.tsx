import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useEvents, useQuestionSet } from '../api/queries';
import type { QuestionSet, Revision } from '../api/types';
import { ChangesRequested } from '../components/ChangesRequested';
import { OpenDataProvenance } from '../components/OpenDataProvenance';
import { ErrorMessage, Loading, useDocumentTitle } from '../components/Page';
import { DeadlineText, Dutch, StatusBadge } from '../components/StatusBadge';
import { CHAMBER_LABELS, formatMoment, questionNumbersText, submittersText } from '../format';
import { useViewer } from '../session';
import { describeEvent } from '../timeline';
import { Actions } from './actions';
import { WordDownload } from '../components/WordDownload';

const CLOSED = new Set(['answered', 'withdrawn']);

function Facts({ set }: { set: QuestionSet }) {
  const rows: Array<[string, ReactNode]> = [
    ['Kenmerk', set.reference ?? '—'],
    ['Aanhangselnummer', set.appendixNumber ?? '—'],
    ['Kamer', CHAMBER_LABELS[set.chamber] ?? set.chamber],
    ['Status', <StatusBadge key="s" status={set.status} />],
    ['Indieners', submittersText(set.submitters) || '—'],
    ['Geadresseerden', set.addressees.join(', ') || '—'],
    ['Ingezonden', <Dutch key="i" iso={set.submittedOn} />],
    ['Wettelijke termijn', <Dutch key="w" iso={set.statutoryDeadline} />],
    ['Termijn', <DeadlineText key="t" deadline={set.deadline} daysLeft={set.daysLeft ?? (set.overdue ? -set.daysOverdue : undefined)} overdue={set.overdue} closed={CLOSED.has(set.status)} />],
    [
      'Uitstelberichten',
      set.postponements.length ? (
        <ul className="utrecht-unordered-list">
          {set.postponements.map((p, i) => (
            <li key={i}>
              verzonden <Dutch iso={p.sentOn} />, nieuwe termijn <Dutch iso={p.newDeadline} />: {p.reason}
            </li>
          ))}
        </ul>
      ) : set.postponementMissing ? (
        <span className="qd-overdue">geen — de wettelijke termijn is verstreken zonder uitstelbericht</span>
      ) : (
        'geen'
      ),
    ],
    ['Eerstverantwoordelijk ministerie', set.leadMinistry?.name ?? '—'],
    [
      'Medeondertekening',
      set.coSigningMinistries.length
        ? set.coSigningMinistries
            .map((m) => {
              const signature = set.coSignatures.find((s) => s.ministry === m.code);
              return signature ? `${m.name} (ondertekend door ${signature.signedBy})` : `${m.name} (nog niet ondertekend)`;
            })
            .join('; ')
        : 'geen',
    ],
    ['Behandelaar', set.assignee?.name ?? '—'],
    ['Interne termijn concept', <Dutch key="d" iso={set.internalDeadlines.draft} />],
    ['Interne termijn beoordeling', <Dutch key="r" iso={set.internalDeadlines.review} />],
    ['Interne termijn medeondertekening', <Dutch key="c" iso={set.internalDeadlines.coSigning} />],
  ];
  if (set.answeredOn) rows.push(['Beantwoord', <span key="a">{<Dutch iso={set.answeredOn} />}{set.answeredBy ? ` door ${set.answeredBy}` : ''}</span>]);
  if (set.relatedReferences.length) rows.push(['Eerdere vragen', set.relatedReferences.join(', ')]);
  return (
    <dl className="qd-dl">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function QuestionsAndAnswers({ set }: { set: QuestionSet }) {
  const answers = set.answers ?? [];
  const shown = new Set<number>();
  return (
    <>
      {(set.questions ?? []).map((question) => {
        const answer = answers.find((a) => a.questionNumbers.includes(question.number));
        const first = answer && !shown.has(answers.indexOf(answer));
        if (answer) shown.add(answers.indexOf(answer));
        return (
          <div key={question.number} className="qd-qa">
            <div>
              <h3 className="utrecht-heading-3">Vraag {question.number}</h3>
              <p className="utrecht-paragraph qd-pre">{question.text}</p>
            </div>
            <div>
              <h3 className="utrecht-heading-3">Antwoord {question.number}</h3>
              {answer ? (
                first ? (
                  <p className="qd-answer">{answer.text}</p>
                ) : (
                  <p className="utrecht-paragraph qd-muted">Zie het antwoord op {questionNumbersText(answer.questionNumbers)}.</p>
                )
              ) : (
                <p className="utrecht-paragraph qd-muted">Nog geen antwoord.</p>
              )}
            </div>
          </div>
        );
      })}
    </>
  );
}

function Timeline({ id }: { id: string }) {
  const events = useEvents(id);
  if (events.isPending) return <Loading />;
  if (events.isError) return <ErrorMessage error={events.error} />;
  if (events.data.length === 0) return <p className="utrecht-paragraph">Nog niets gebeurd.</p>;
  return (
    <ol className="qd-timeline">
      {events.data.map((event, index) => {
        const entry = describeEvent(event);
        return (
          <li key={index}>
            <p className="utrecht-paragraph">
              <time dateTime={event.at} className="qd-muted">
                {formatMoment(event.at)}
              </time>
              <br />
              {entry.sentence}.
            </p>
            {entry.changes.length || entry.notes.length ? (
              <ul className="utrecht-unordered-list">
                {[...entry.notes, ...entry.changes].map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function Revisions({ id }: { id: string }) {
  const revisions = useQuery({ queryKey: ['question-set-revisions', id], queryFn: () => api.get<Revision[]>(`/api/question-sets/${id}/revisions`) });
  if (revisions.isPending) return <Loading />;
  if (revisions.isError) return <ErrorMessage error={revisions.error} />;
  if (revisions.data.length === 0) return <p className="utrecht-paragraph">Er is nog geen concept opgeslagen.</p>;
  return (
    <ol className="qd-timeline">
      {[...revisions.data].reverse().map((revision) => (
        <li key={revision.number}>
          <details>
            <summary>
              Versie {revision.number}, {formatMoment(revision.savedAt)} door {revision.savedBy}
              {revision.changedQuestionNumbers.length ? ` — gewijzigd: ${questionNumbersText(revision.changedQuestionNumbers)}` : ' — geen antwoord gewijzigd'}
            </summary>
            {revision.answers.map((answer, i) => (
              <div key={i}>
                <h4 className="utrecht-heading-4">Antwoord op {questionNumbersText(answer.questionNumbers)}</h4>
                <p className="qd-answer">{answer.text}</p>
              </div>
            ))}
          </details>
        </li>
      ))}
    </ol>
  );
}

export default function QuestionSetDetail() {
  const { id = '' } = useParams();
  const set = useQuestionSet(id);
  const viewer = useViewer();
  useDocumentTitle(set.data ? `${set.data.reference ?? 'Vragenset'} — ${set.data.subject ?? ''}` : 'Vragenset');

  if (set.isPending) return <Loading />;
  if (set.isError)
    return (
      <>
        <h1 className="utrecht-heading-1">Vragenset</h1>
        <ErrorMessage error={set.error}>
          <p className="utrecht-paragraph">
            <Link to="/vragen">Naar alle vragen</Link>
          </p>
        </ErrorMessage>
      </>
    );
  const data = set.data;
  return (
    <>
      <p className="utrecht-paragraph qd-muted">
        Vragenset {data.reference ?? 'zonder kenmerk'} · <StatusBadge status={data.status} />
      </p>
      <h1 className="utrecht-heading-1">{data.subject ?? 'Vragenset zonder onderwerp'}</h1>
      {data.changesRequested ? <ChangesRequested id={data.id} /> : null}
      <section aria-labelledby="acties">
        <h2 id="acties" className="utrecht-heading-2">
          Acties
        </h2>
        {data.allowedActions?.includes('save-draft') ? (
          <p className="utrecht-paragraph">
            <Link to={`/vragensets/${data.id}/concept`} className="utrecht-button-link utrecht-button-link--primary-action">
              Concept-antwoord schrijven
            </Link>
          </p>
        ) : null}
        {viewer.data ? <Actions set={data} viewer={viewer.data} /> : null}
        {(data.answers ?? []).length > 0 ? (
          <p className="utrecht-paragraph">
            <a href={`/api/question-sets/${data.id}/answer-document`} download={`${data.reference ?? data.id}-antwoord.md`}>
              Antwoorddocument downloaden
            </a>{' '}
            <WordDownload questionSetId={data.id} fileName={`${data.reference ?? data.appendixNumber ?? data.id}-antwoorden.docx`} />
          </p>
        ) : null}
      </section>
      <section aria-labelledby="gegevens">
        <h2 id="gegevens" className="utrecht-heading-2">
          Gegevens
        </h2>
        <Facts set={data} />
        {data.explanatoryNote ? (
          <>
            <h3 className="utrecht-heading-3">Toelichting</h3>
            <p className="utrecht-paragraph qd-pre">{data.explanatoryNote}</p>
          </>
        ) : null}
      </section>
      <section aria-labelledby="vragen">
        <h2 id="vragen" className="utrecht-heading-2">
          Vragen en antwoorden
        </h2>
        <QuestionsAndAnswers set={data} />
      </section>
      <section aria-labelledby="verloop">
        <h2 id="verloop" className="utrecht-heading-2">
          Verloop
        </h2>
        <Timeline id={data.id} />
      </section>
      <section aria-labelledby="versies">
        <h2 id="versies" className="utrecht-heading-2">
          Versies van het concept
        </h2>
        <Revisions id={data.id} />
      </section>
      <section aria-labelledby="herkomst">
        <h2 id="herkomst" className="utrecht-heading-2">
          Herkomst (open data Tweede Kamer)
        </h2>
        <OpenDataProvenance id={data.id} />
      </section>
    </>
  );
}
