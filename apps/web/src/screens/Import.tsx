import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { request } from '../api/client';
import type { ImportResult } from '../api/types';
import { TextareaField } from '../components/Field';
import { ErrorMessage, useDocumentTitle } from '../components/Page';

const ACCEPT = '.txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function setName(result: ImportResult): string {
  const set = result.questionSet;
  return [set.reference, set.subject].filter(Boolean).join(' — ') || 'de vragenset';
}

function resultText(result: ImportResult): string {
  if (result.created) return `Nieuwe vragenset: ${setName(result)}.`;
  if (!result.changed) return `Dit document was al geïmporteerd: ${setName(result)}. Er is niets gewijzigd.`;
  if (result.kind === 'postponement') return `Uitstelbericht geregistreerd bij ${setName(result)}.`;
  return `Antwoorden toegevoegd aan ${setName(result)}.`;
}

export default function Import() {
  useDocumentTitle('Importeren');
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const upload = useMutation({
    mutationFn: () => {
      if (file) {
        const body = new FormData();
        body.append('file', file, file.name);
        return request<ImportResult>('POST', '/api/question-sets/import', { body });
      }
      return request<ImportResult>('POST', '/api/question-sets/import', { body: text, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      void queryClient.invalidateQueries({ queryKey: ['question-sets'] });
    },
  });

  const choose = (chosen: File | null) => {
    upload.reset();
    setFile(chosen);
    if (chosen) setText('');
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate();
  };
  const nothing = !file && text.trim() === '';

  return (
    <>
      <h1 className="utrecht-heading-1">Importeren</h1>
      <p className="utrecht-paragraph">
        Importeer Kamervragen, antwoorden of een uitstelbericht zoals ze zijn verzonden of gepubliceerd. Vragen maken een nieuwe vragenset; antwoorden komen bij de vragenset die ze beantwoorden.
      </p>
      <form onSubmit={submit} aria-busy={upload.isPending || undefined}>
        <div
          className={`qd-drop${dragging ? ' qd-drop--active' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <div className="utrecht-form-field qd-field">
            <label className="utrecht-form-label" htmlFor="bestand">
              Bestand (Word, PDF, .txt of .md)
            </label>
            <p className="utrecht-paragraph qd-muted" id="bestand-uitleg">
              Kies een bestand of sleep het hierheen.
            </p>
            <input id="bestand" ref={fileInput} type="file" accept={ACCEPT} aria-describedby="bestand-uitleg" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
          </div>
          {file ? (
            <p className="utrecht-paragraph">
              Gekozen: <strong>{file.name}</strong>{' '}
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle"
                onClick={() => {
                  choose(null);
                  if (fileInput.current) fileInput.current.value = '';
                }}
              >
                Ander bestand kiezen
              </button>
            </p>
          ) : null}
        </div>
        <TextareaField label="Of plak de tekst" rows={10} value={text} disabled={!!file} onChange={(e) => { upload.reset(); setText(e.target.value); }} description={file ? 'Er is al een bestand gekozen.' : undefined} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={upload.isPending || nothing}>
          Importeren
        </button>
      </form>
      <div aria-live="polite">
        {upload.isPending ? <p role="status">Bezig met importeren…</p> : null}
        {upload.data ? (
          <div role="status" className="utrecht-alert utrecht-alert--ok qd-alert">
            <p className="utrecht-paragraph">{resultText(upload.data)}</p>
            {upload.data.warnings.length ? (
              <ul className="utrecht-unordered-list">
                {upload.data.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
            <p className="utrecht-paragraph">
              <Link to={`/vragensets/${upload.data.questionSet.id}`}>Naar de vragenset</Link>
            </p>
          </div>
        ) : null}
      </div>
      {upload.isError ? (
        <ErrorMessage error={upload.error}>
          <p className="utrecht-paragraph">Het document is niet geïmporteerd.</p>
        </ErrorMessage>
      ) : null}
    </>
  );
}
