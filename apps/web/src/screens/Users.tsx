import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { UserPage } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { MinistrySelect } from '../components/MinistrySelect';
import { ExportLinks } from '../components/ExportLinks';
import { Pager, queryFromForm } from '../components/Pager';
import { QueryStatus, useDocumentTitle } from '../components/Page';
import { ROLE_LABELS } from '../format';

export default function Users() {
  useDocumentTitle('Beheer');
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(params.entries());
  const users = useQuery({ queryKey: ['users', query], queryFn: () => api.get<UserPage>('/api/users', { pageSize: 50, ...query }), placeholderData: keepPreviousData });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams(queryFromForm(event.currentTarget));
  };
  const data = users.data;

  return (
    <>
      <h1 className="utrecht-heading-1">Beheer</h1>
      <p className="utrecht-paragraph">
        <Link to="/beheer/gebruikers/nieuw" className="utrecht-button-link utrecht-button-link--primary-action">
          Nieuwe gebruiker
        </Link>{' '}
        <Link to="/beheer/intake">Intake uit de open data van de Tweede Kamer</Link>
        <Link to="/beheer/ministeries" className="utrecht-button-link utrecht-button-link--secondary-action">
          Ministeries
        </Link>
      </p>
      <form key={params.toString()} onSubmit={submit} role="search" aria-label="Gebruikers filteren">
        <div className="qd-filters">
          <TextField label="Zoeken op naam of e-mailadres" name="q" type="search" defaultValue={params.get('q') ?? ''} />
          <SelectField label="Rol" name="role" defaultValue={params.get('role') ?? ''}>
            <option value="">Alle</option>
            {Object.entries(ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <MinistrySelect label="Ministerie" name="ministry" emptyLabel="Alle" defaultValue={params.get('ministry') ?? ''} />
          <SelectField label="Actief" name="active" defaultValue={params.get('active') ?? ''}>
            <option value="">Alle</option>
            <option value="true">Actief</option>
            <option value="false">Gedeactiveerd</option>
          </SelectField>
        </div>
        <div className="qd-actions">
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            Filteren
          </button>
          <Link to="/beheer">Filter wissen</Link>
        </div>
      </form>
      <QueryStatus query={users} />
      {data ? (
        data.items.length === 0 ? (
          <p className="utrecht-paragraph">Geen gebruikers die aan dit filter voldoen.</p>
        ) : (
          <>
            <ExportLinks path="/api/users" query={query} note="alle gebruikers van dit filter, niet alleen deze pagina" />
            <div className="qd-table-scroll" role="region" aria-label="Gebruikers" tabIndex={0}>
              <table className="utrecht-table qd-table">
                <caption className="utrecht-table__caption qd-visually-hidden">Gebruikers</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell">Naam</th>
                    <th scope="col" className="utrecht-table__header-cell">E-mailadres</th>
                    <th scope="col" className="utrecht-table__header-cell">Rollen</th>
                    <th scope="col" className="utrecht-table__header-cell">Ministerie</th>
                    <th scope="col" className="utrecht-table__header-cell">Status</th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {data.items.map((user) => (
                    <tr key={user.id} className="utrecht-table__row">
                      <td className="utrecht-table__cell">
                        <Link to={`/beheer/gebruikers/${user.id}`}>{user.name}</Link>
                      </td>
                      <td className="utrecht-table__cell">{user.email}</td>
                      <td className="utrecht-table__cell">{user.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</td>
                      <td className="utrecht-table__cell">{user.ministry?.name ?? 'Alle ministeries'}</td>
                      <td className="utrecht-table__cell">{user.active ? 'Actief' : <strong>Gedeactiveerd</strong>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={data.total} pageSize={data.pageSize} />
          </>
        )
      ) : null}
    </>
  );
}
