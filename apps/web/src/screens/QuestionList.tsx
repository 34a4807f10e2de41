import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { QuestionSetPage } from '../api/types';
import { ExportLinks } from '../components/ExportLinks';
import { SelectField, TextField } from '../components/Field';
import { MinistrySelect } from '../components/MinistrySelect';
import { Pager, queryFromForm } from '../components/Pager';
import { QueryStatus, useDocumentTitle } from '../components/Page';
import { QuestionSetTable } from '../components/QuestionSetTable';
import { STATUS_LABELS } from '../format';

/** The URL's query is the API's list query, one to one. */
const FILTERS: readonly string[] = ['q', 'status', 'ministry', 'chamber', 'submitter', 'deadlineAfter', 'deadlineBefore', 'overdue', 'postponementMissing', 'assignee', 'sort', 'pageSize'];
const OPEN = 'received,assigned,drafting,in_review,co_signing,approved';
const SORTS: Array<[string, string]> = [
  ['deadline', 'Termijn (eerste eerst)'],
  ['-deadline', 'Termijn (laatste eerst)'],
  ['-submittedOn', 'Ingezonden (nieuwste eerst)'],
  ['submittedOn', 'Ingezonden (oudste eerst)'],
  ['-daysOverdue', 'Dagen te laat (meeste eerst)'],
  ['daysOverdue', 'Dagen te laat (minste eerst)'],
];

export default function QuestionList() {
  useDocumentTitle('Alle vragen');
  const [params, setParams] = useSearchParams();
  // On a phone the filters fold away unless some are set, so the results are not a long scroll down.
  const [filtersOpen, setFiltersOpen] = useState(() => window.matchMedia('(min-width: 48rem)').matches || [...params.keys()].some((k) => k !== 'page' && k !== 'sort'));
  const query = Object.fromEntries(params.entries());
  const list = useQuery({
    queryKey: ['question-sets', query],
    queryFn: () => api.get<QuestionSetPage>('/api/question-sets', { sort: 'deadline', ...query }),
    placeholderData: keepPreviousData,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams(queryFromForm(event.currentTarget));
  };


  const status = params.get('status') ?? '';
  const statusIsCustom = status !== '' && status !== OPEN && !(status in STATUS_LABELS);
  const data = list.data;

  return (
    <>
      <h1 className="utrecht-heading-1">Alle vragen</h1>
      <details className="qd-filter-box" open={filtersOpen} onToggle={(event) => setFiltersOpen(event.currentTarget.open)}>
        <summary>Filters</summary>
      <form key={params.toString()} onSubmit={submit} role="search" aria-label="Vragensets filteren">
        <div className="qd-filters">
          <TextField label="Zoeken" title="In onderwerp, vragen en antwoorden" name="q" type="search" defaultValue={params.get('q') ?? ''} />
          <SelectField label="Status" name="status" defaultValue={status}>
            <option value="">Alle</option>
            <option value={OPEN}>Open</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            {statusIsCustom ? <option value={status}>{status.split(',').map((s) => STATUS_LABELS[s] ?? s).join(', ')}</option> : null}
          </SelectField>
          <MinistrySelect label="Ministerie" name="ministry" emptyLabel="Alle" defaultValue={params.get('ministry') ?? ''} />
          <SelectField label="Kamer" name="chamber" defaultValue={params.get('chamber') ?? ''}>
            <option value="">Beide</option>
            <option value="TK">Tweede Kamer</option>
            <option value="EK">Eerste Kamer</option>
          </SelectField>
          <TextField label="Indiener" name="submitter" defaultValue={params.get('submitter') ?? ''} />
          <TextField label="Termijn vanaf" name="deadlineAfter" type="date" defaultValue={params.get('deadlineAfter') ?? ''} />
          <TextField label="Termijn tot en met" name="deadlineBefore" type="date" defaultValue={params.get('deadlineBefore') ?? ''} />
          <SelectField label="Te laat" name="overdue" defaultValue={params.get('overdue') ?? ''}>
            <option value="">Alle</option>
            <option value="true">Ja</option>
            <option value="false">Nee</option>
          </SelectField>
          <SelectField label="Uitstelbericht ontbreekt" name="postponementMissing" defaultValue={params.get('postponementMissing') ?? ''}>
            <option value="">Alle</option>
            <option value="true">Ja</option>
            <option value="false">Nee</option>
          </SelectField>
          <SelectField label="Toegewezen aan" name="assignee" defaultValue={params.get('assignee') ?? ''}>
            <option value="">Iedereen</option>
            <option value="me">Mij</option>
          </SelectField>
          <SelectField label="Sorteren" name="sort" defaultValue={params.get('sort') ?? 'deadline'}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Per pagina" name="pageSize" defaultValue={params.get('pageSize') ?? '20'}>
            {['10', '20', '50', '100'].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        </div>
        {/* Filters the form does not show (such as those of a werkvoorraad section) stay when it is sent. */}
        {[...params.entries()]
          .filter(([name]) => !FILTERS.includes(name) && name !== 'page')
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <div className="qd-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            Filteren
          </button>
          <Link to="/vragen" className="utrecht-link qd-reset">
            Filter wissen
          </Link>
        </div>
      </form>
      </details>

      <QueryStatus query={list} />
      {data ? (
        <section aria-labelledby="resultaten" aria-busy={list.isFetching || undefined}>
          <h2 id="resultaten" className="utrecht-heading-2">
            {data.totalExact === false ? 'Meer dan 10.000 vragensets' : data.total === 1 ? '1 vragenset' : `${data.total} vragensets`}
          </h2>
          {data.items.length === 0 ? (
            <p className="utrecht-paragraph">Geen vragensets die aan dit filter voldoen.</p>
          ) : (
            <>
              <QuestionSetTable caption="Vragensets" items={data.items} />
              <Pager total={data.total} pageSize={data.pageSize} exact={data.totalExact !== false} />
              <ExportLinks path="/api/question-sets" query={{ sort: 'deadline', ...query }} note="alle vragensets van dit filter, niet alleen deze pagina" />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
