import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Notification } from '../api/types';
import { ExportLinks } from '../components/ExportLinks';
import { ErrorMessage, QueryStatus, useDocumentTitle } from '../components/Page';
import { formatMoment } from '../format';
import { linkOf } from '../notification-link';
import NotificationSettings from './NotificationSettings';

export default function Notifications() {
  useDocumentTitle('Meldingen');
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['notifications', 'all'], queryFn: () => api.get<Notification[]>('/api/notifications', { limit: 200 }) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    void queryClient.invalidateQueries({ queryKey: ['worklist'] });
  };
  const markRead = useMutation({ mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => api.post('/api/notifications/read-all'), onSuccess: refresh });
  const unread = list.data?.filter((n) => !n.readAt).length ?? 0;

  return (
    <>
      <h1 className="utrecht-heading-1">Meldingen</h1>
      <QueryStatus query={list} />
      {markRead.isError ? <ErrorMessage error={markRead.error} /> : null}
      {markAll.isError ? <ErrorMessage error={markAll.error} /> : null}
      {list.data ? (
        <>
          <p className="utrecht-paragraph">{unread === 0 ? 'U hebt geen ongelezen meldingen.' : unread === 1 ? 'U hebt 1 ongelezen melding.' : `U hebt ${unread} ongelezen meldingen.`}</p>
          {unread > 0 ? (
            <button style={{ marginBlockEnd: '1rem' }} type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
              Alles gelezen
            </button>
          ) : null}
          {list.data.length > 0 ? <ExportLinks path="/api/notifications" note="al uw meldingen, niet alleen de nieuwste 200" /> : null}
          {list.data.length === 0 ? (
            <p className="utrecht-paragraph">Er zijn geen meldingen.</p>
          ) : (
            <ul className="qd-notifications">
              {list.data.map((n) => (
                <li key={n.id} className={n.readAt ? undefined : 'qd-unread'}>
                  <div>
                    <p className="utrecht-paragraph">
                      {n.readAt ? null : <span className="qd-visually-hidden">Ongelezen: </span>}
                      {linkOf(n) ? (
                        <Link to={linkOf(n)!} onClick={() => (n.readAt ? undefined : markRead.mutate(n.id))}>
                          {n.message}
                        </Link>
                      ) : (
                        n.message
                      )}
                    </p>
                    <p className="utrecht-paragraph qd-muted">
                      <time dateTime={n.createdAt}>{formatMoment(n.createdAt)}</time>
                    </p>
                  </div>
                  {n.readAt ? null : (
                    <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => markRead.mutate(n.id)} disabled={markRead.isPending}>
                      Gelezen<span className="qd-visually-hidden">: {n.message}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <NotificationSettings />
    </>
  );
}
