import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isStaleVersion } from '../api/client';
import type { User } from '../api/types';
import { FormDialog } from '../components/Dialog';
import { CheckboxField, TextField } from '../components/Field';
import { MinistrySelect } from '../components/MinistrySelect';
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../components/Page';
import { ROLE_LABELS } from '../format';
import { fieldText, fieldTexts } from '../form-fields';

function Problem({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (isStaleVersion(error))
    return (
      <div role="alert" className="utrecht-alert utrecht-alert--error qd-alert">
        <p className="utrecht-paragraph">Iemand anders heeft deze gebruiker intussen gewijzigd. Laad de gegevens opnieuw en breng uw wijziging opnieuw aan.</p>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onReload}>
          Opnieuw laden
        </button>
      </div>
    );
  return <ErrorMessage error={error} />;
}

function Fields({ user, isNew }: { user?: User; isNew: boolean }) {
  const roles = new Set(user?.roles ?? []);
  return (
    <>
      <TextField label="Naam" name="name" required defaultValue={user?.name ?? ''} autoComplete="off" />
      {isNew ? <TextField label="E-mailadres" name="email" type="email" required autoComplete="off" /> : null}
      {isNew ? <TextField label="Wachtwoord" name="password" type="password" required autoComplete="new-password" description="Ten minste 12 tekens" /> : null}
      <fieldset className="qd-fieldset">
        <legend>Rollen</legend>
        {Object.entries(ROLE_LABELS).map(([value, label]) => (
          <CheckboxField key={value} label={label} name="roles" value={value} defaultChecked={roles.has(value as User['roles'][number])} />
        ))}
      </fieldset>
      <MinistrySelect label="Ministerie" name="ministry" emptyLabel="Geen: alle ministeries" defaultValue={user?.ministry?.code ?? ''} />
    </>
  );
}

function NewUser() {
  useDocumentTitle('Nieuwe gebruiker');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (form: FormData) =>
      api.post<User>('/api/users', {
        name: fieldText(form, 'name').trim(),
        email: fieldText(form, 'email').trim(),
        password: fieldText(form, 'password'),
        roles: fieldTexts(form, 'roles'),
        ministry: fieldText(form, 'ministry') || null,
      }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void navigate(`/beheer/gebruikers/${user.id}`, { state: { created: true } });
    },
  });
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/beheer">Terug naar gebruikers</Link>
      </p>
      <h1 className="utrecht-heading-1">Nieuwe gebruiker</h1>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          create.mutate(new FormData(event.currentTarget));
        }}
        aria-busy={create.isPending || undefined}
      >
        <Fields isNew />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={create.isPending}>
          Opslaan
        </button>
      </form>
    </>
  );
}

function EditUser({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const user = useQuery({ queryKey: ['user', id], queryFn: () => api.get<User>(`/api/users/${id}`) });
  const [message, setMessage] = useState<string | null>(null);
  const [resetOpen, setResetOpen] = useState(false);
  useDocumentTitle(user.data ? `Gebruiker ${user.data.name}` : 'Gebruiker');
  const change = useMutation({
    mutationFn: ({ body }: { body: Record<string, unknown>; done: string }) => api.patch<User>(`/api/users/${id}`, { version: user.data!.version, ...body }),
    onSuccess: (updated, { done }) => {
      queryClient.setQueryData(['user', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      setMessage(done);
      setResetOpen(false);
    },
    onError: () => setMessage(null),
  });
  const reload = () => {
    change.reset();
    setResetOpen(false);
    void queryClient.invalidateQueries({ queryKey: ['user', id] });
  };

  if (user.isPending) return <Loading />;
  if (user.isError)
    return (
      <>
        <h1 className="utrecht-heading-1">Gebruiker</h1>
        <ErrorMessage error={user.error} />
      </>
    );
  const data = user.data;
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/beheer">Terug naar gebruikers</Link>
      </p>
      <h1 className="utrecht-heading-1">{data.name}</h1>
      <p className="utrecht-paragraph">
        {data.email} · {data.active ? 'Actief' : <strong>Gedeactiveerd</strong>}
      </p>
      {message ? <Notice>{message}</Notice> : null}
      {change.isError && !resetOpen ? <Problem error={change.error} onReload={reload} /> : null}
      <form
        key={data.version}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          change.mutate({
            body: { name: fieldText(form, 'name').trim(), roles: fieldTexts(form, 'roles'), ministry: fieldText(form, 'ministry') || null },
            done: 'De gegevens zijn opgeslagen.',
          });
        }}
        aria-busy={change.isPending || undefined}
      >
        <Fields user={data} isNew={false} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={change.isPending}>
          Opslaan
        </button>
      </form>
      <h2 className="utrecht-heading-2">Toegang</h2>
      <div className="qd-actions">
        {data.active ? (
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => change.mutate({ body: { active: false }, done: 'De gebruiker is gedeactiveerd; lopende sessies zijn beëindigd.' })}>
            Deactiveren
          </button>
        ) : (
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => change.mutate({ body: { active: true }, done: 'De gebruiker is weer actief.' })}>
            Activeren
          </button>
        )}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => {
            change.reset();
            setResetOpen(true);
          }}
        >
          Wachtwoord opnieuw instellen
        </button>
      </div>
      <FormDialog
        title="Wachtwoord opnieuw instellen"
        open={resetOpen}
        onClose={() => setResetOpen(false)}
        busy={change.isPending}
        onSubmit={(event) => change.mutate({ body: { password: fieldText(new FormData(event.currentTarget), 'password') }, done: 'Het wachtwoord is opnieuw ingesteld; lopende sessies zijn beëindigd.' })}
      >
        {change.isError ? <Problem error={change.error} onReload={reload} /> : null}
        <TextField label="Nieuw wachtwoord" name="password" type="password" required autoComplete="new-password" description="Ten minste 12 tekens. Geef het wachtwoord persoonlijk door." />
      </FormDialog>
    </>
  );
}

export default function UserForm() {
  const { id } = useParams();
  return id ? <EditUser key={id} id={id} /> : <NewUser />;
}
