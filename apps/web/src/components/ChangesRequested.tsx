import { useEvents } from '../api/queries';
import { formatMoment } from '../format';

/** When the reviewer sent the draft back, the drafter sees what they asked for before anything else. */
export function ChangesRequested({ id }: { id: string }) {
  const events = useEvents(id);
  const last = [...(events.data ?? [])].reverse().find((e) => e.type === 'request-changes');
  if (!last) return null;
  const comment = typeof last.details?.comment === 'string' ? last.details.comment : null;
  return (
    <div role="note" aria-label="Wijzigingen gevraagd" className="utrecht-alert utrecht-alert--warning qd-alert">
      <p className="utrecht-paragraph">
        <strong>Wijzigingen gevraagd</strong> door {last.actor} op {formatMoment(last.at)}
        {comment ? `: ${comment}` : '.'}
      </p>
    </div>
  );
}
