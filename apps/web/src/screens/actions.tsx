import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isStaleVersion } from '../api/client';
import { useMinistries } from '../api/queries';
import type { Drafter, QuestionSet, Viewer } from '../api/types';
import { FormDialog } from '../components/Dialog';
import { CheckboxField, SelectField, TextField, TextareaField } from '../components/Field';
import { MinistrySelect } from '../components/MinistrySelect';
import { ErrorMessage, Notice } from '../components/Page';
import { STATUS_LABELS, todayIso } from '../format';
import { fieldText, fieldTexts } from '../form-fields';

export const ACTION_LABELS: Record<string, string> = {
  assign: 'Toewijzen',
  accept: 'Accepteren',
  reject: 'Weigeren',
  transfer: 'Overdragen',
  postpone: 'Uitstel registreren',
  'submit-for-review': 'Ter beoordeling aanbieden',
  approve: 'Goedkeuren',
  'request-changes': 'Wijzigingen vragen',
  'co-sign': 'Medeondertekenen',
  'mark-answered': 'Beantwoord melden',
  withdraw: 'Intrekken',
};

const ORDER = Object.keys(ACTION_LABELS);

export const CONFLICT_MESSAGE = 'Iemand anders heeft deze vragenset intussen gewijzigd';

/** The request for an action, from the dialog's form fields. */
function requestFor(action: string, id: string, version: number, form: FormData): { path: string; body: Record<string, unknown> } {
  const text = (name: string) => {
    const value = fieldText(form, name).trim();
    return value === '' ? undefined : value;
  };
  const base = `/api/question-sets/${id}`;
  switch (action) {
    case 'assign':
      return {
        path: `${base}/assignment`,
        body: {
          version,
          leadMinistry: text('leadMinistry'),
          coSigningMinistries: fieldTexts(form, 'coSigningMinistries'),
          assigneeId: text('assigneeId'),
          internalDeadline: text('internalDeadline'),
        },
      };
    case 'accept':
      return { path: `${base}/assignment/accept`, body: { version } };
    case 'reject':
      return { path: `${base}/assignment/reject`, body: { version, reason: text('reason') } };
    case 'transfer':
      return { path: `${base}/assignment/transfer`, body: { version, toMinistry: text('toMinistry'), reason: text('reason') } };
    case 'postpone':
      return { path: `${base}/postponements`, body: { version, sentOn: text('sentOn'), newDeadline: text('newDeadline'), reason: text('reason') } };
    default:
      return {
        path: `${base}/transitions`,
        body: { version, action, comment: text('comment'), answeredOn: text('answeredOn'), answeredBy: text('answeredBy'), ministry: text('ministry'), reason: text('reason') },
      };
  }
}

function AssignFields({ set }: { set: QuestionSet }) {
  const ministries = useMinistries();
  const [lead, setLead] = useState(set.leadMinistry?.code ?? '');
  const drafters = useQuery({
    queryKey: ['drafters', lead],
    queryFn: () => api.get<Drafter[]>(`/api/ministries/${encodeURIComponent(lead)}/drafters`),
    enabled: lead !== '',
  });
  const coSigning = new Set(set.coSigningMinistries.map((m) => m.code));
  return (
    <>
      <MinistrySelect label="Eerstverantwoordelijk ministerie" name="leadMinistry" emptyLabel="Kies een ministerie" value={lead} onChange={(e) => setLead(e.target.value)} required />
      <fieldset className="qd-fieldset">
        <legend>Medeondertekenende ministeries</legend>
        {(ministries.data ?? [])
          .filter((m) => m.code !== lead)
          .map((m) => (
            <CheckboxField key={m.code} label={m.name} name="coSigningMinistries" value={m.code} defaultChecked={coSigning.has(m.code)} />
          ))}
      </fieldset>
      <SelectField label="Behandelaar" name="assigneeId" required disabled={!lead || drafters.isPending} defaultValue={set.assignee?.id ?? ''} key={`${lead}-${drafters.data?.length ?? 0}`}>
        <option value="">{lead ? (drafters.isPending ? 'Bezig met laden…' : 'Kies een behandelaar') : 'Kies eerst een ministerie'}</option>
        {(drafters.data ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      {drafters.isError ? <ErrorMessage error={drafters.error} /> : null}
      {drafters.data && drafters.data.length === 0 ? <p className="utrecht-paragraph">Dit ministerie heeft geen actieve behandelaars.</p> : null}
      <TextField label="Interne termijn concept" name="internalDeadline" type="date" description="Leeg: teruggerekend vanaf de termijn" />
    </>
  );
}

function Fields({ action, set, viewer }: { action: string; set: QuestionSet; viewer: Viewer }) {
  switch (action) {
    case 'assign':
      return <AssignFields set={set} />;
    case 'reject':
      return <TextareaField label="Reden" name="reason" required rows={3} />;
    case 'withdraw':
      return <TextareaField label="Reden" name="reason" rows={3} />;
    case 'transfer':
      return (
        <>
          <MinistrySelect label="Naar ministerie" name="toMinistry" emptyLabel="Kies een ministerie" except={set.leadMinistry?.code} required defaultValue="" />
          <TextareaField label="Reden" name="reason" required rows={3} />
        </>
      );
    case 'postpone':
      return (
        <>
          <TextField label="Verzonden op" name="sentOn" type="date" required defaultValue={todayIso()} />
          <TextField label="Nieuwe termijn" name="newDeadline" type="date" description="Leeg: de huidige termijn plus drie weken" />
          <TextareaField label="Reden" name="reason" required rows={3} />
        </>
      );
    case 'request-changes':
      return <TextareaField label="Opmerking" name="comment" required rows={4} />;
    case 'approve':
      return <TextareaField label="Opmerking" name="comment" rows={3} description="Niet verplicht" />;
    case 'mark-answered':
      return (
        <>
          <TextField label="Beantwoord op" name="answeredOn" type="date" required defaultValue={todayIso()} />
          <TextField label="Beantwoord door" name="answeredBy" description="Achternaam van de bewindspersoon (niet verplicht)" />
        </>
      );
    case 'co-sign': {
      const signed = new Set(set.coSignatures.map((s) => s.ministry));
      const open = set.coSigningMinistries.filter((m) => !signed.has(m.code));
      const own = viewer.ministry?.code;
      return (
        <SelectField label="Namens ministerie" name="ministry" defaultValue={own && open.some((m) => m.code === own) ? own : (open[0]?.code ?? '')}>
          {open.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </SelectField>
      );
    }
    default:
      return <p className="utrecht-paragraph">Weet u het zeker?</p>;
  }
}

/** One button per allowed action; each opens a short form in a dialog and sends the set's version. */
export function Actions({ set, viewer }: { set: QuestionSet; viewer: Viewer }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const allowed: readonly string[] = set.allowedActions ?? [];
  const actions = ORDER.filter((a) => allowed.includes(a));
  const perform = useMutation({
    mutationFn: ({ action, form }: { action: string; form: FormData }) => {
      const { path, body } = requestFor(action, set.id, set.version, form);
      return api.post<QuestionSet>(path, body);
    },
    onSuccess: (updated, { action }) => {
      queryClient.setQueryData(['question-set', set.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['question-set-events', set.id] });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
      void queryClient.invalidateQueries({ queryKey: ['question-sets'] });
      // An assignment says when internal deadlines had already passed and were moved (`warnings`).
      const moved = ((updated as { warnings?: string[] }).warnings ?? []).length > 0;
      setDone(
        `${ACTION_LABELS[action]}: gelukt. De status is nu ${(STATUS_LABELS[updated.status] ?? updated.status).toLowerCase()}.` +
          (moved ? ' Let op: interne termijnen die al verstreken waren, zijn verschoven naar de eerstvolgende werkdagen.' : ''),
      );
      setOpen(null);
    },
  });
  const conflict = isStaleVersion(perform.error);
  const reload = () => {
    perform.reset();
    setOpen(null);
    void queryClient.invalidateQueries({ queryKey: ['question-set', set.id] });
    void queryClient.invalidateQueries({ queryKey: ['question-set-events', set.id] });
  };

  const notice = done ? <Notice>{done}</Notice> : null;
  if (actions.length === 0)
    return (
      <>
        {notice}
        <p className="utrecht-paragraph">U kunt nu niets met deze vragenset doen.</p>
      </>
    );
  return (
    <>
      {notice}
      <div className="qd-actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`utrecht-button ${action === actions[0] ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action'}`}
            onClick={() => {
              perform.reset();
              setDone(null);
              setOpen(action);
            }}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      <FormDialog
        title={open ? ACTION_LABELS[open] : ''}
        open={open !== null}
        onClose={() => setOpen(null)}
        busy={perform.isPending}
        onSubmit={(event) => open && perform.mutate({ action: open, form: new FormData(event.currentTarget) })}
      >
        {perform.isError ? (
          conflict ? (
            <div role="alert" className="utrecht-alert utrecht-alert--error qd-alert">
              <p className="utrecht-paragraph">{CONFLICT_MESSAGE}. Laad de vragenset opnieuw en kijk of deze stap nog nodig is.</p>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={reload}>
                Opnieuw laden
              </button>
            </div>
          ) : (
            <ErrorMessage error={perform.error} />
          )
        ) : null}
        {open ? <Fields action={open} set={set} viewer={viewer} /> : null}
      </FormDialog>
    </>
  );
}
