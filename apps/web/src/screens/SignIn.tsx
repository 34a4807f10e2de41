import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client';
import { worklistQuery } from '../api/queries';
import type { SignedIn } from '../api/types';
import { TextField } from '../components/Field';
import { errorText, useDocumentTitle } from '../components/Page';
import { clockTimeIn, retryAfterSeconds } from '../format';
import { safeReturnPath } from '../session';

function signInError(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const seconds = retryAfterSeconds(error.retryAfter);
    return seconds === null
      ? 'Te veel mislukte pogingen. Probeer het later opnieuw.'
      : `Te veel mislukte pogingen. Probeer het opnieuw om ${clockTimeIn(seconds)}.`;
  }
  return errorText(error);
}

export default function SignIn() {
  useDocumentTitle('Inloggen');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Most people land on the werkvoorraad: fetch its code while they type.
  useEffect(() => {
    void import('./Worklist');
  }, []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => api.post<SignedIn>('/api/auth/login', { email, password }, { ignoreUnauthorized: true }),
    onSuccess: (result) => {
      queryClient.clear();
      queryClient.setQueryData(['me'], result.user);
      const target = safeReturnPath(params.get('naar'));
      // The werkvoorraad's data is on its way while its screen renders.
      if (target === '/') void queryClient.prefetchQuery(worklistQuery);
      void navigate(target, { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <div className="qd-signin">
      <p className="qd-appname qd-appname--signin">Vragendesk</p>
      <h1 className="utrecht-heading-1">Inloggen</h1>
      {params.get('naar') ? <p className="utrecht-paragraph">Log in om verder te gaan.</p> : null}
      {signIn.isError ? (
        <div role="alert" className="utrecht-alert utrecht-alert--error qd-alert">
          <p className="utrecht-paragraph">{signInError(signIn.error)}</p>
        </div>
      ) : null}
      <form onSubmit={submit} aria-busy={signIn.isPending || undefined}>
        <TextField label="E-mailadres" type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label="Wachtwoord" type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={signIn.isPending}>
          Inloggen
        </button>
      </form>
    </div>
  );
}
