import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { NotificationSettings as Settings } from '../api/types';
import { CheckboxField } from '../components/Field';
import { ErrorMessage, QueryStatus } from '../components/Page';

const WORKFLOW = new Set(['assigned', 'changes-requested', 'assignment-rejected', 'transferred', 'review-requested', 'co-signing-requested', 'approved', 'answered', 'withdrawn']);

/**
 * Per kind of notification: also by email, or in the app only. In the app every notification
 * always appears. Saved together with one button; the answer says what was saved.
 */
export default function NotificationSettings() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['notification-settings'], queryFn: () => api.get<Settings>('/api/me/notification-settings') });
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (changes: { kind: string; email: boolean }[]) => api.put<Settings>('/api/me/notification-settings', { settings: changes }),
    onSuccess: (data) => {
      queryClient.setQueryData(['notification-settings'], data);
      const off = data.settings.filter((s) => !s.email).length;
      setSaved(off === 0 ? 'Opgeslagen: u krijgt alle meldingen ook per e-mail.' : `Opgeslagen: ${off} ${off === 1 ? 'soort melding komt' : 'soorten meldingen komen'} alleen in de app.`);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    const form = new FormData(event.currentTarget);
    const chosen = new Set(form.getAll('email').map(String));
    save.mutate((settings.data?.settings ?? []).map((s) => ({ kind: s.kind, email: chosen.has(s.kind) })));
  };

  const groups = settings.data
    ? [
        { legend: 'Werk dat bij u komt', items: settings.data.settings.filter((s) => WORKFLOW.has(s.kind)) },
        { legend: 'Herinneringen aan termijnen', items: settings.data.settings.filter((s) => !WORKFLOW.has(s.kind)) },
      ]
    : [];

  return (
    <section id="instellingen" aria-labelledby="instellingen-kop">
      <h2 id="instellingen-kop" className="utrecht-heading-2">
        E-mail bij meldingen
      </h2>
      <p className="utrecht-paragraph">
        Elke melding verschijnt altijd hier in de app. Kies per soort of u hem ook per e-mail krijgt. Over uw eigen handelingen krijgt u geen e-mail, en meldingen
        die kort na elkaar komen, bundelen we in één e-mail.
      </p>
      <QueryStatus query={settings} />
      {settings.data ? (
        <form onSubmit={submit} key={settings.dataUpdatedAt}>
          {groups.map((group) => (
            <fieldset key={group.legend} className="utrecht-form-fieldset qd-fieldset">
              <legend className="utrecht-form-fieldset__legend">{group.legend}: ook per e-mail</legend>
              {group.items.map((s) => (
                <CheckboxField key={s.kind} label={s.label} name="email" value={s.kind} defaultChecked={s.email} onChange={() => setSaved(null)} />
              ))}
            </fieldset>
          ))}
          {save.isError ? <ErrorMessage error={save.error} /> : null}
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={save.isPending}>
            {save.isPending ? 'Bezig met opslaan…' : 'Instellingen opslaan'}
          </button>
          <p className="utrecht-paragraph" role="status">
            {saved}
          </p>
        </form>
      ) : null}
    </section>
  );
}
