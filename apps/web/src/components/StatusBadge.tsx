import { STATUS_LABELS, daysText, formatDate } from '../format';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`qd-badge qd-badge--${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

/** Termijn with "nog N dagen" / "N dagen te laat"; overdue in red text (with words, not colour alone). */
export function DeadlineText({ deadline, daysLeft, overdue, closed }: { deadline: string | null; daysLeft?: number | null; overdue?: boolean; closed?: boolean }) {
  if (!deadline) return <>—</>;
  const days = closed ? null : daysLeft;
  const words = daysText(days);
  return (
    <span className={overdue || (days !== null && days !== undefined && days < 0) ? 'qd-overdue' : undefined}>
      <Dutch iso={deadline} />
      {words ? <span className="qd-days"> ({words})</span> : null}
    </span>
  );
}

export function Dutch({ iso }: { iso: string | null | undefined }) {
  return iso ? <time dateTime={iso.slice(0, 10)}>{formatDate(iso)}</time> : <>—</>;
}
