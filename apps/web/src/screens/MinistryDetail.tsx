import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../api/client';
import type { MinistryDetails, MinistryPost, MinistryWithPosts } from '../api/types';
import { FormDialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { ErrorMessage, Notice, QueryStatus, useDocumentTitle } from '../components/Page';
import { fieldText } from '../form-fields';
import { EditProblem, periodText, StatusText } from './ministry-admin';

/** Beheer › Ministeries › one ministry: rename or end it, and keep the posts that fall under it. */
export default function MinistryDetail() {
  const { code = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const key = ['ministry', code];
  const ministry = useQuery({ queryKey: key, queryFn: () => api.get<MinistryWithPosts>(`/api/ministries/${encodeURIComponent(code)}`) });
  const allMinistries = useQuery({ queryKey: ['ministries', { all: true }], queryFn: () => api.get<MinistryDetails[]>('/api/ministries', { all: true }) });
  const [message, setMessage] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? 'Het ministerie is toegevoegd.' : null);
  const [editing, setEditing] = useState<MinistryPost | null>(null);
  useDocumentTitle(ministry.data ? `Ministerie ${ministry.data.name}` : 'Ministerie');

  const refreshed = (text: string) => {
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: ['ministries'] });
  };
  const change = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<MinistryWithPosts>(`/api/ministries/${encodeURIComponent(code)}`, { version: ministry.data!.version, ...body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(key, updated);
      refreshed('De gegevens van het ministerie zijn opgeslagen.');
    },
    onError: () => setMessage(null),
  });
  const addPost = useMutation({
    mutationFn: (form: FormData) =>
      api.post<MinistryPost>(`/api/ministries/${encodeURIComponent(code)}/posts`, {
        title: fieldText(form, 'title').trim(),
        validFrom: fieldText(form, 'validFrom') || null,
        validUntil: fieldText(form, 'validUntil') || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      setMessage('De post is toegevoegd.');
    },
    onError: () => setMessage(null),
  });
  const changePost = useMutation({
    mutationFn: ({ post, form }: { post: MinistryPost; form: FormData }) =>
      api.patch<MinistryPost>(`/api/ministries/${encodeURIComponent(code)}/posts/${post.id}`, {
        version: post.version,
        title: fieldText(form, 'title').trim(),
        ministry: fieldText(form, 'ministry'),
        validFrom: fieldText(form, 'validFrom') || null,
        validUntil: fieldText(form, 'validUntil') || null,
      }),
    onSuccess: () => {
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: key });
      setMessage('De post is opgeslagen.');
    },
  });
  const reload = () => {
    change.reset();
    changePost.reset();
    setEditing(null);
    void queryClient.invalidateQueries({ queryKey: key });
  };

  const back = (
    <p className="utrecht-paragraph">
      <Link to="/beheer/ministeries">Terug naar ministeries</Link>
    </p>
  );
  if (ministry.isPending) return <QueryStatus query={ministry} />;
  if (ministry.isError)
    return (
      <>
        {back}
        <h1 className="utrecht-heading-1">Ministerie</h1>
        <QueryStatus query={ministry} />
      </>
    );
  const data = ministry.data;
  return (
    <>
      {back}
      <h1 className="utrecht-heading-1">
        {data.name} ({data.code})
      </h1>
      <p className="utrecht-paragraph">
        <StatusText current={data.current} validUntil={data.validUntil} /> · {periodText(data.validFrom, data.validUntil)}
      </p>
      {message ? <Notice>{message}</Notice> : null}

      <h2 className="utrecht-heading-2">Naam wijzigen of beëindigen</h2>
      {change.isError ? <EditProblem error={change.error} what="dit ministerie" onReload={reload} /> : null}
      <form
        key={data.version}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const name = fieldText(form, 'name').trim();
          const validUntil = fieldText(form, 'validUntil') || null;
          change.mutate({ ...(name !== data.name && { name }), ...(validUntil !== data.validUntil && { validUntil }) });
        }}
        aria-busy={change.isPending || undefined}
      >
        <TextField
          label="Naam"
          name="name"
          required
          maxLength={200}
          defaultValue={data.name}
          autoComplete="off"
          description="Een nieuwe naam geldt vanaf vandaag; de oude naam blijft als post bewaard tot en met gisteren."
        />
        <TextField
          label="Laatste dag"
          name="validUntil"
          type="date"
          defaultValue={data.validUntil ?? ''}
          description="Beëindigt het ministerie en zijn posten op die dag. Leeg: het bestaat nog."
        />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={change.isPending}>
          Opslaan
        </button>
      </form>

      <h2 className="utrecht-heading-2">Posten</h2>
      {data.posts.length === 0 ? (
        <p className="utrecht-paragraph">Er vallen (nog) geen posten onder dit ministerie.</p>
      ) : (
        <div className="qd-table-scroll" role="region" aria-label="Posten" tabIndex={0}>
          <table className="utrecht-table qd-table">
            <caption className="utrecht-table__caption qd-visually-hidden">Posten van {data.name}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Post
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Geldig
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Status
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  <span className="qd-visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {data.posts.map((post) => (
                <tr key={post.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{post.title}</td>
                  <td className="utrecht-table__cell">{periodText(post.validFrom, post.validUntil)}</td>
                  <td className="utrecht-table__cell">
                    <StatusText current={post.current} validUntil={post.validUntil} />
                  </td>
                  <td className="utrecht-table__cell">
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      onClick={() => {
                        changePost.reset();
                        setEditing(post);
                      }}
                    >
                      Wijzigen<span className="qd-visually-hidden">: {post.title}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormDialog
        title="Post wijzigen"
        open={editing !== null}
        onClose={() => setEditing(null)}
        busy={changePost.isPending}
        submitLabel="Opslaan"
        onSubmit={(event) => editing && changePost.mutate({ post: editing, form: new FormData(event.currentTarget) })}
      >
        {changePost.isError ? <EditProblem error={changePost.error} what="deze post" onReload={reload} /> : null}
        {editing ? (
          <>
            <TextField label="Post" name="title" required maxLength={300} defaultValue={editing.title} autoComplete="off" />
            <SelectField label="Valt onder" name="ministry" defaultValue={editing.ministry}>
              {(allMinistries.data ?? [data]).map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name} ({m.code})
                </option>
              ))}
            </SelectField>
            <TextField label="Eerste dag" name="validFrom" type="date" defaultValue={editing.validFrom ?? ''} description="Leeg: al voor de gegevens van de desk" />
            <TextField label="Laatste dag" name="validUntil" type="date" defaultValue={editing.validUntil ?? ''} description="Leeg: de post bestaat nog" />
          </>
        ) : null}
      </FormDialog>

      <h2 className="utrecht-heading-2">Post toevoegen</h2>
      {addPost.isError ? <ErrorMessage error={addPost.error} /> : null}
      <form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          const form = event.currentTarget;
          addPost.mutate(new FormData(form), { onSuccess: () => form.reset() });
        }}
        aria-busy={addPost.isPending || undefined}
      >
        <TextField
          label="Post"
          name="title"
          required
          maxLength={300}
          autoComplete="off"
          description="Zoals documenten haar schrijven, bijvoorbeeld Minister voor Buitenlandse Handel en Ontwikkelingshulp"
        />
        <TextField label="Eerste dag" name="validFrom" type="date" description="Leeg: al voor de gegevens van de desk" />
        <TextField label="Laatste dag" name="validUntil" type="date" description="Leeg: de post bestaat nog" />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={addPost.isPending}>
          Post toevoegen
        </button>
      </form>
    </>
  );
}
