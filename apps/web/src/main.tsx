import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import '@rijkshuisstijl-community/components-css/dist/index.css';
import './styles.css';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError, whenUnauthorized } from './api/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Layout } from './components/Layout';
import { Loading } from './components/Page';

const SignIn = lazy(() => import('./screens/SignIn'));
const Worklist = lazy(() => import('./screens/Worklist'));
const QuestionList = lazy(() => import('./screens/QuestionList'));
const QuestionSetDetail = lazy(() => import('./screens/QuestionSetDetail'));
const Draft = lazy(() => import('./screens/Draft'));
const Import = lazy(() => import('./screens/Import'));
const Notifications = lazy(() => import('./screens/Notifications'));
const Calendar = lazy(() => import('./screens/Calendar'));
const Users = lazy(() => import('./screens/Users'));
const UserForm = lazy(() => import('./screens/UserForm'));
const Intake = lazy(() => import('./screens/Intake'));
const Statistics = lazy(() => import('./screens/Statistics'));
const Ministries = lazy(() => import('./screens/Ministries'));
const MinistryDetail = lazy(() => import('./screens/MinistryDetail'));
const NotFound = lazy(() => import('./screens/NotFound'));

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  {
    path: '/inloggen',
    element: (
      <ErrorBoundary>
        <Suspense fallback={<Loading />}>
          <main id="inhoud" className="qd-main qd-main--narrow">
            <SignIn />
          </main>
        </Suspense>
      </ErrorBoundary>
    ),
  },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Worklist /> },
      { path: 'vragen', element: <QuestionList /> },
      { path: 'vragensets/:id', element: <QuestionSetDetail /> },
      { path: 'vragensets/:id/concept', element: <Draft /> },
      { path: 'importeren', element: <Import /> },
      { path: 'meldingen', element: <Notifications /> },
      { path: 'agenda', element: <Calendar /> },
      { path: 'statistiek', element: <Statistics /> },
      { path: 'beheer', element: <Users /> },
      { path: 'beheer/gebruikers/nieuw', element: <UserForm /> },
      { path: 'beheer/gebruikers/:id', element: <UserForm /> },
      { path: 'beheer/intake', element: <Intake /> },
      { path: 'beheer/ministeries', element: <Ministries /> },
      { path: 'beheer/ministeries/:code', element: <MinistryDetail /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

whenUnauthorized(() => {
  const { pathname, search } = window.location;
  if (pathname === '/inloggen') return;
  queryClient.clear();
  void router.navigate(`/inloggen?naar=${encodeURIComponent(pathname + search)}`, { replace: true });
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
