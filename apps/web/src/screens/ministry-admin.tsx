import { isStaleVersion } from '../api/client';
import { ErrorMessage } from '../components/Page';
import { formatDate } from '../format';

/** Shared by the Ministeries screens: the period of a ministry or post in words, and the 409 message. */
export function periodText(validFrom: string | null, validUntil: string | null): string {
  if (!validFrom && !validUntil) return 'Altijd';
  if (!validUntil) return `Vanaf ${formatDate(validFrom)}`;
  if (!validFrom) return `Tot en met ${formatDate(validUntil)}`;
  return `${formatDate(validFrom)} tot en met ${formatDate(validUntil)}`;
}

export function StatusText({ current, validUntil }: { current: boolean; validUntil: string | null }) {
  if (current) return <>Huidig</>;
  return validUntil ? <strong>Beëindigd</strong> : <>Nog niet begonnen</>;
}

/** A stale version (409 with currentVersion): say so and offer to reload; any other error as it is. */
export function EditProblem({ error, what, onReload }: { error: unknown; what: string; onReload: () => void }) {
  if (isStaleVersion(error))
    return (
      <div role="alert" className="utrecht-alert utrecht-alert--error qd-alert">
        <p className="utrecht-paragraph">Iemand anders heeft {what} intussen gewijzigd. Laad de gegevens opnieuw en breng uw wijziging opnieuw aan.</p>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onReload}>
          Opnieuw laden
        </button>
      </div>
    );
  return <ErrorMessage error={error} />;
}
