import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, isStaleVersion } from '../api/client';
import { useQuestionSet } from '../api/queries';
import type { QuestionSet, Suggestion } from '../api/types';
import { ChangesRequested } from '../components/ChangesRequested';
import { TextareaField } from '../components/Field';
import { ErrorMessage, Loading, Notice, QueryStatus, useDocumentTitle } from '../components/Page';
import { combine, initialBlocks, sameDraft, split, textFor, toSave, type DraftBlock } from '../draft';
import { formatDate, questionNumbersText } from '../format';

interface Stored {
  version: number;
  blocks: DraftBlock[];
}

const storageKey = (id: string) => `qd-concept:${id}`;

function readStored(id: string): Stored | null {
  try {
    const raw = sessionStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function Suggestions({ setId, number, onUse }: { setId: string; number: number; onUse: (text: string) => void }) {
  const suggestions = useQuery({
    queryKey: ['suggestions', setId, number],
    queryFn: () => api.get<Suggestion[]>(`/api/question-sets/${setId}/questions/${number}/suggestions`, { limit: 3 }),
    staleTime: 5 * 60_000,
  });
  if (suggestions.isPending) return <Loading label="Eerdere antwoorden zoeken…" />;
  if (suggestions.isError) return <ErrorMessage error={suggestions.error} />;
  if (suggestions.data.length === 0) return <p className="utrecht-paragraph qd-muted">Geen eerdere antwoorden op vergelijkbare vragen.</p>;
  return (
    <ul className="qd-notifications" aria-label={`Eerdere antwoorden bij vraag ${number}`}>
      {suggestions.data.map((s) => (
        <li key={`${s.questionSetId}-${s.question.number}`} className="qd-suggestion" style={{ display: 'block' }}>
          <p className="utrecht-paragraph">
            <strong>{s.reference ?? s.subject ?? 'Eerdere vragenset'}</strong>, vraag {s.question.number}
            {s.answeredOn ? `, beantwoord ${formatDate(s.answeredOn)}` : ''} — score {Math.round(s.score * 100)}%
          </p>
          <details>
            <summary>Vraag en antwoord lezen</summary>
            <p className="utrecht-paragraph qd-muted qd-pre">{s.question.text}</p>
            <p className="qd-answer">{s.answer.text}</p>
          </details>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => onUse(s.answer.text)}>
            Gebruik deze tekst<span className="qd-visually-hidden"> bij vraag {number}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function Preview({ id, version }: { id: string; version: number }) {
  const doc = useQuery({
    queryKey: ['answer-document', id, version],
    queryFn: () => api.get<string>(`/api/question-sets/${id}/answer-document`, undefined, { as: 'text', headers: { Accept: 'text/markdown' } }),
  });
  return (
    <section aria-labelledby="voorbeeld">
      <h2 id="voorbeeld" className="utrecht-heading-2">
        Voorbeeld antwoorddocument
      </h2>
      <p className="utrecht-paragraph">
        Het voorbeeld toont de laatst opgeslagen versie.{' '}
        <a href={`/api/question-sets/${id}/answer-document`} download>
          Download
        </a>
      </p>
      <QueryStatus query={doc} />
      {doc.data ? (
        <pre className="qd-preview" tabIndex={0} aria-label="Antwoorddocument">
          {doc.data}
        </pre>
      ) : null}
    </section>
  );
}

function Editor({ set }: { set: QuestionSet }) {
  const queryClient = useQueryClient();
  const numbers = useMemo(() => (set.questions ?? []).map((q) => q.number), [set.questions]);
  // What this browser kept of an unsaved draft, read once when the page opens.
  const [stored] = useState(() => readStored(set.id));
  const [base, setBase] = useState<Stored>(() => ({ version: stored?.version ?? set.version, blocks: initialBlocks(numbers, set.answers ?? []) }));
  const [blocks, setBlocks] = useState<DraftBlock[]>(() => stored?.blocks ?? initialBlocks(numbers, set.answers ?? []));
  const [theirs, setTheirs] = useState<QuestionSet | null>(() => (stored && stored.version !== set.version ? set : null));
  const [saved, setSaved] = useState(false);
  const dirty = !sameDraft(blocks, base.blocks) || base.version !== set.version;

  useEffect(() => {
    if (dirty) sessionStorage.setItem(storageKey(set.id), JSON.stringify({ version: base.version, blocks }));
    else sessionStorage.removeItem(storageKey(set.id));
  }, [blocks, base.version, dirty, set.id]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: (version: number) => api.put<QuestionSet>(`/api/question-sets/${set.id}/answers`, { version, answers: toSave(blocks) }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['question-set', set.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['question-set-revisions', set.id] });
      void queryClient.invalidateQueries({ queryKey: ['question-set-events', set.id] });
      const now = initialBlocks(numbers, updated.answers ?? []);
      setBase({ version: updated.version, blocks: now });
      setBlocks(now);
      setTheirs(null);
      setSaved(true);
      sessionStorage.removeItem(storageKey(set.id));
    },
    onError: async (error) => {
      setSaved(false);
      if (isStaleVersion(error)) {
        const latest = await api.get<QuestionSet>(`/api/question-sets/${set.id}`);
        setTheirs(latest);
      }
    },
  });

  const update = (next: DraftBlock[]) => {
    setSaved(false);
    setBlocks(next);
  };
  const applyText = (index: number, text: string) => {
    const current = blocks[index].text.trim();
    update(blocks.map((b, i) => (i === index ? { ...b, text: current ? `${current}\n\n${text}` : text } : b)));
  };
  const questionText = (n: number) => set.questions?.find((q) => q.number === n)?.text ?? '';
  const conflictVersion = theirs?.version ?? null;
  const theirAnswers = theirs?.answers ?? [];
  const changedByThem = theirs ? blocks.filter((b) => textFor(theirAnswers, b.questionNumbers) !== textFor(base.blocks, b.questionNumbers)) : [];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(conflictVersion ?? base.version);
      }}
    >
      {theirs ? (
        <div role="alert" className="utrecht-alert utrecht-alert--warning qd-alert">
          <p className="utrecht-paragraph">
            <strong>Iemand anders heeft het concept intussen opgeslagen.</strong> Uw tekst staat er nog; de opgeslagen tekst staat ernaast.
            {changedByThem.length
              ? ` Gewijzigd door de ander: ${changedByThem.map((b) => questionNumbersText(b.questionNumbers)).join('; ')}.`
              : ' De antwoorden zelf zijn niet gewijzigd.'}{' '}
            Voeg samen wat u wilt houden en sla op de nieuwe versie op.
          </p>
        </div>
      ) : null}
      {save.isError && !isStaleVersion(save.error) ? <ErrorMessage error={save.error} /> : null}
      {saved ? <Notice>Concept opgeslagen.</Notice> : null}

      {blocks.map((block, index) => {
        const label = `Antwoord op ${questionNumbersText(block.questionNumbers)}`;
        return (
          <div key={block.questionNumbers.join('-')} className="qd-draft">
            <div>
              {block.questionNumbers.map((n) => (
                <div key={n}>
                  <h2 className="utrecht-heading-3">Vraag {n}</h2>
                  <p className="utrecht-paragraph qd-pre">{questionText(n)}</p>
                </div>
              ))}
              <div className={theirs ? 'qd-conflict' : undefined}>
                <TextareaField label={label.charAt(0).toUpperCase() + label.slice(1)} value={block.text} rows={8} onChange={(e) => update(blocks.map((b, i) => (i === index ? { ...b, text: e.target.value } : b)))} />
                {theirs ? (
                  <div>
                    <h3 className="utrecht-heading-4">Opgeslagen door de ander</h3>
                    <p className="qd-answer">{textFor(theirAnswers, block.questionNumbers) || 'Geen tekst.'}</p>
                    <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => update(blocks.map((b, i) => (i === index ? { ...b, text: textFor(theirAnswers, block.questionNumbers) } : b)))}>
                      Hun tekst overnemen<span className="qd-visually-hidden"> bij {questionNumbersText(block.questionNumbers)}</span>
                    </button>
                  </div>
                ) : null}
              </div>
              <div className="qd-actions">
                {index + 1 < blocks.length ? (
                  <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => update(combine(blocks, index))}>
                    Samenvoegen met volgende<span className="qd-visually-hidden"> ({questionNumbersText(block.questionNumbers)} met {questionNumbersText(blocks[index + 1].questionNumbers)})</span>
                  </button>
                ) : null}
                {block.questionNumbers.length > 1 ? (
                  <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => update(split(blocks, index))}>
                    Splitsen<span className="qd-visually-hidden"> ({questionNumbersText(block.questionNumbers)})</span>
                  </button>
                ) : null}
              </div>
            </div>
            <aside aria-label={`Eerdere antwoorden bij ${questionNumbersText(block.questionNumbers)}`}>
              <h3 className="utrecht-heading-4">Eerdere antwoorden</h3>
              {block.questionNumbers.map((n) => (
                <Suggestions key={n} setId={set.id} number={n} onUse={(text) => applyText(index, text)} />
              ))}
            </aside>
          </div>
        );
      })}
      <div className="qd-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={save.isPending}>
          {theirs ? 'Opslaan op de nieuwe versie' : 'Opslaan'}
        </button>
        {dirty ? <span className="qd-muted">Niet opgeslagen wijzigingen (bewaard in dit tabblad).</span> : null}
      </div>
      <p className="utrecht-paragraph qd-muted">Antwoorden zonder tekst worden niet opgeslagen. Voor beoordeling moet elke vraag precies één antwoord hebben.</p>
    </form>
  );
}

export default function Draft() {
  const { id = '' } = useParams();
  const set = useQuestionSet(id);
  useDocumentTitle(set.data ? `Concept-antwoord ${set.data.reference ?? ''}`.trim() : 'Concept-antwoord');
  if (set.isPending) return <Loading />;
  if (set.isError)
    return (
      <>
        <h1 className="utrecht-heading-1">Concept-antwoord</h1>
        <ErrorMessage error={set.error} />
      </>
    );
  const data = set.data;
  const editable = (data.allowedActions as readonly string[] | undefined)?.includes('save-draft');
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to={`/vragensets/${data.id}`}>Terug naar vragenset {data.reference ?? ''}</Link>
      </p>
      <h1 className="utrecht-heading-1">Concept-antwoord</h1>
      <p className="utrecht-paragraph qd-lead">{data.subject}</p>
      {data.changesRequested ? <ChangesRequested id={data.id} /> : null}
      {editable ? <Editor set={data} /> : <Notice tone="info">U kunt het concept-antwoord van deze vragenset nu niet wijzigen.</Notice>}
      <Preview id={data.id} version={data.version} />
    </>
  );
}
