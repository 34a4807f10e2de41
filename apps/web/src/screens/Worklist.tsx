import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { Link } from 'react-router';
import { worklistQuery } from '../api/queries';
import type { MinistryCount, Notification } from '../api/types';
import { QueryStatus, useDocumentTitle } from '../components/Page';
import { QuestionSetTable } from '../components/QuestionSetTable';
import { formatMoment } from '../format';
import { linkOf } from '../notification-link';
import { useViewer } from '../session';

function MinistryCounts({ rows }: { rows: MinistryCount[] }) {
  return (
    <section aria-labelledby="per-ministerie">
      <h2 id="per-ministerie" className="utrecht-heading-2">
        Per ministerie
      </h2>
      <div className="qd-table-scroll" role="region" aria-label="Aantallen per ministerie" tabIndex={0}>
        <table className="utrecht-table qd-table">
          <caption className="utrecht-table__caption qd-visually-hidden">Open vragensets per ministerie</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">Ministerie</th>
              <th scope="col" className="utrecht-table__header-cell qd-num">Open</th>
              <th scope="col" className="utrecht-table__header-cell qd-num">Te laat</th>
              <th scope="col" className="utrecht-table__header-cell qd-num">Te laat zonder uitstelbericht</th>
              <th scope="col" className="utrecht-table__header-cell qd-num">Termijn deze week</th>
              <th scope="col" className="utrecht-table__header-cell qd-num">Ter beoordeling</th>
              <th scope="col" className="utrecht-table__header-cell qd-num">Medeondertekening</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((row) => (
              <tr key={row.ministry.code} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <Link to={`/vragen?ministry=${encodeURIComponent(row.ministry.code)}&status=received,assigned,drafting,in_review,co_signing,approved`}>{row.ministry.name}</Link>
                </th>
                <td className="utrecht-table__cell qd-num">{row.open}</td>
                <td className={`utrecht-table__cell qd-num${row.overdue > 0 ? ' qd-overdue' : ''}`}>
                  {row.overdue > 0 ? <Link className="qd-overdue" to={`/vragen?ministry=${encodeURIComponent(row.ministry.code)}&overdue=true`}>{row.overdue}</Link> : 0}
                </td>
                <td className={`utrecht-table__cell qd-num${row.overdueWithoutPostponement > 0 ? ' qd-overdue' : ''}`}>{row.overdueWithoutPostponement}</td>
                <td className="utrecht-table__cell qd-num">{row.dueThisWeek}</td>
                <td className="utrecht-table__cell qd-num">{row.inReview}</td>
                <td className="utrecht-table__cell qd-num">{row.coSigning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function UnreadNotifications() {
  const unread = useQuery({
    queryKey: ['notifications', 'unread-list'],
    queryFn: () => api.get<Notification[]>('/api/notifications', { unread: true, limit: 5 }),
  });
  if (!unread.data || unread.data.length === 0) return null;
  return (
    <section aria-labelledby="ongelezen" className="qd-section">
      <h2 id="ongelezen" className="utrecht-heading-2">
        Ongelezen meldingen
      </h2>
      <ul className="utrecht-unordered-list">
        {unread.data.map((n) => {
          const to = linkOf(n);
          return (
            <li key={n.id}>
              {to ? <Link to={to}>{n.message}</Link> : n.message} <span className="qd-muted">({formatMoment(n.createdAt)})</span>
            </li>
          );
        })}
      </ul>
      <p className="utrecht-paragraph">
        <Link to="/meldingen">Alle meldingen</Link>
      </p>
    </section>
  );
}

export default function Worklist() {
  useDocumentTitle('Werkvoorraad');
  const viewer = useViewer();
  const worklist = useQuery(worklistQuery);

  return (
    <>
      <h1 className="utrecht-heading-1">Werkvoorraad</h1>
      {viewer.data ? (
        <p className="utrecht-paragraph qd-lead">
          Welkom, {viewer.data.name}.
          {worklist.data && worklist.data.unreadNotifications > 0 ? (
            <>
              {' '}
              U hebt <Link to="/meldingen">{worklist.data.unreadNotifications === 1 ? '1 ongelezen melding' : `${worklist.data.unreadNotifications} ongelezen meldingen`}</Link>.
            </>
          ) : null}
        </p>
      ) : null}
      <QueryStatus query={worklist} />
      {worklist.data ? (
        <>
          {worklist.data.sections.length === 0 ? <p className="utrecht-paragraph">Er is voor uw rol geen werkvoorraad.</p> : null}
          {worklist.data.sections.map((section) => (
            <section key={section.key} aria-labelledby={`sectie-${section.key}`} className="qd-section">
              <h2 id={`sectie-${section.key}`} className="utrecht-heading-2">
                {section.title} <span className="qd-total">({section.total})</span>
              </h2>
              {section.items.length === 0 ? (
                <p className="utrecht-paragraph">Geen vragensets.</p>
              ) : (
                <>
                  <QuestionSetTable caption={section.title} items={section.items} showInternal={section.key === 'my-sets'} />
                  {section.listQuery && section.total > section.items.length ? (
                    <p className="utrecht-paragraph">
                      <Link to={`/vragen?${section.listQuery}`}>Alle {section.total} tonen</Link>
                    </p>
                  ) : null}
                </>
              )}
            </section>
          ))}
          {worklist.data.ministries.length > 0 ? <MinistryCounts rows={worklist.data.ministries} /> : null}
          <UnreadNotifications />
        </>
      ) : null}
    </>
  );
}
