import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../api/client';
import { hasRole, useUnreadCount, useViewer } from '../session';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorMessage, Loading } from './Page';

function Bell() {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <NavLink to="/meldingen" className="qd-bell utrecht-link">
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      <span>Meldingen</span>
      {count > 0 ? (
        <span className="qd-count">
          <span className="qd-visually-hidden"> (</span>
          {count}
          <span className="qd-visually-hidden"> ongelezen)</span>
        </span>
      ) : null}
    </NavLink>
  );
}

/** After a navigation inside the app, keyboard and screen-reader users start at the new page's content. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('inhoud')?.focus({ preventScroll: false });
  }, [pathname]);
}

export function Layout() {
  useFocusOnNavigation();
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  // A 401 is on its way to Inloggen (see main.tsx); anything else is said in words.
  if (viewer.isPending || (viewer.error instanceof ApiError && viewer.error.status === 401)) return <Loading />;
  if (viewer.isError)
    return (
      <main id="inhoud" className="qd-main">
        <h1 className="utrecht-heading-1">Vragendesk</h1>
        <ErrorMessage error={viewer.error}>
          <p className="utrecht-paragraph">
            <a href={window.location.pathname + window.location.search}>Probeer het opnieuw</a>
          </p>
        </ErrorMessage>
      </main>
    );
  const me = viewer.data;

  const signOut = async () => {
    try {
      await api.post('/api/auth/logout', undefined, { ignoreUnauthorized: true });
    } finally {
      queryClient.clear();
      void navigate('/inloggen');
    }
  };

  return (
    <div className="qd-app">
      <a className="qd-skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="qd-header">
        <div className="qd-header__bar">
          <NavLink to="/" className="qd-appname">
            Vragendesk
          </NavLink>
          <div className="qd-user">
            <Bell />
            <span className="qd-username">
              {me.name}
              {me.ministry ? ` (${me.ministry.code})` : ''}
            </span>
            <button type="button" className="utrecht-button utrecht-button--secondary-action qd-signout" onClick={() => void signOut()}>
              Uitloggen
            </button>
          </div>
        </div>
        <nav aria-label="Hoofdmenu" className="qd-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                Werkvoorraad
              </NavLink>
            </li>
            <li>
              <NavLink to="/vragen">Alle vragen</NavLink>
            </li>
            <li>
              <NavLink to="/agenda">Agenda</NavLink>
            </li>
            {hasRole(me, 'desk') ? (
              <li>
                <NavLink to="/importeren">Importeren</NavLink>
              </li>
            ) : null}
            {hasRole(me, 'desk', 'coordinator') ? (
              <li>
                <NavLink to="/statistiek">Statistiek</NavLink>
              </li>
            ) : null}
            {hasRole(me, 'admin') ? (
              <li>
                <NavLink to="/beheer">Beheer</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="inhoud" tabIndex={-1} className="qd-main">
        <ErrorBoundary>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
