import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { MinistryDetails, MinistryWithPosts } from '../api/types';
import { TextField } from '../components/Field';
import { ErrorMessage, QueryStatus, useDocumentTitle } from '../components/Page';
import { fieldText } from '../form-fields';
import { periodText, StatusText } from './ministry-admin';

/** Beheer › Ministeries: the departments, current or all, and a form to add one. */
export default function Ministries() {
  useDocumentTitle('Ministeries');
  const [params] = useSearchParams();
  const all = params.get('alle') === 'ja';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ministries = useQuery({ queryKey: ['ministries', { all }], queryFn: () => api.get<MinistryDetails[]>('/api/ministries', { all: all || undefined }) });
  const create = useMutation({
    mutationFn: (form: FormData) =>
      api.post<MinistryWithPosts>('/api/ministries', {
        code: fieldText(form, 'code').trim(),
        name: fieldText(form, 'name').trim(),
        validFrom: fieldText(form, 'validFrom') || undefined,
      }),
    onSuccess: (ministry) => {
      void queryClient.invalidateQueries({ queryKey: ['ministries'] });
      void navigate(`/beheer/ministeries/${encodeURIComponent(ministry.code)}`, { state: { created: true } });
    },
  });

  return (
    <>
      <p className="utrecht-paragraph">
        <Link to="/beheer">Terug naar beheer</Link>
      </p>
      <h1 className="utrecht-heading-1">Ministeries</h1>
      <p className="utrecht-paragraph">
        Ministeries veranderen met elk kabinet. Een beëindigd ministerie houdt zijn vragensets en geschiedenis, maar krijgt geen nieuw werk. Het voorstel voor het eerstverantwoordelijke
        ministerie volgt de posten die golden op de dag dat de vragen werden ingezonden.
      </p>
      <p className="utrecht-paragraph">
        {all ? <Link to="/beheer/ministeries">Alleen huidige ministeries tonen</Link> : <Link to="/beheer/ministeries?alle=ja">Ook beëindigde ministeries tonen</Link>}
      </p>
      <QueryStatus query={ministries} />
      {ministries.data ? (
        ministries.data.length === 0 ? (
          <p className="utrecht-paragraph">Er zijn nog geen ministeries. Voeg hieronder het eerste toe.</p>
        ) : (
          <div className="qd-table-scroll" role="region" aria-label="Ministeries" tabIndex={0}>
            <table className="utrecht-table qd-table">
              <caption className="utrecht-table__caption qd-visually-hidden">{all ? 'Alle ministeries' : 'Huidige ministeries'}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    Naam
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Code
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Geldig
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {ministries.data.map((m) => (
                  <tr key={m.code} className="utrecht-table__row">
                    <td className="utrecht-table__cell">
                      <Link to={`/beheer/ministeries/${encodeURIComponent(m.code)}`}>{m.name}</Link>
                    </td>
                    <td className="utrecht-table__cell">{m.code}</td>
                    <td className="utrecht-table__cell">{periodText(m.validFrom, m.validUntil)}</td>
                    <td className="utrecht-table__cell">
                      <StatusText current={m.current} validUntil={m.validUntil} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}

      <h2 className="utrecht-heading-2">Nieuw ministerie</h2>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          create.mutate(new FormData(event.currentTarget));
        }}
        aria-busy={create.isPending || undefined}
      >
        <TextField label="Code" name="code" required maxLength={8} pattern="[A-Za-z]{1,8}" autoComplete="off" description="1 tot 8 letters, zoals KGG of AenM. Een code wordt nooit hergebruikt." />
        <TextField label="Naam" name="name" required maxLength={200} autoComplete="off" description="Zoals na “Minister van …”, bijvoorbeeld Klimaat en Groene Groei" />
        <TextField label="Eerste dag" name="validFrom" type="date" description="Leeg: vandaag" />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={create.isPending}>
          Ministerie toevoegen
        </button>
      </form>
    </>
  );
}
