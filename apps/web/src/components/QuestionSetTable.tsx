import { Link } from 'react-router';
import type { QuestionSet } from '../api/types';
import { daysUntil, submittersText } from '../format';
import { DeadlineText, StatusBadge } from './StatusBadge';

const CLOSED = new Set(['answered', 'withdrawn']);

/** The table of sets used by Werkvoorraad and Alle vragen; scrolls inside a labelled region on a phone. */
export function QuestionSetTable({ caption, items, showInternal = false }: { caption: string; items: QuestionSet[]; showInternal?: boolean }) {
  return (
    <div className="qd-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="utrecht-table qd-table">
        <caption className="utrecht-table__caption qd-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">Kenmerk</th>
            <th scope="col" className="utrecht-table__header-cell">Onderwerp</th>
            <th scope="col" className="utrecht-table__header-cell">Indieners</th>
            <th scope="col" className="utrecht-table__header-cell">Ministerie</th>
            <th scope="col" className="utrecht-table__header-cell">Termijn</th>
            {showInternal ? <th scope="col" className="utrecht-table__header-cell">Interne termijn concept</th> : null}
            <th scope="col" className="utrecht-table__header-cell">Status</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((set) => (
            <tr key={set.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                <Link to={`/vragensets/${set.id}`}>{set.reference ?? 'zonder kenmerk'}</Link>
              </td>
              <td className="utrecht-table__cell">
                {set.subject ?? '—'}
                <span className="qd-note"> · {set.questionCount === 1 ? '1 vraag' : `${set.questionCount} vragen`}</span>
                {set.changesRequested ? <span className="qd-flag"> · wijzigingen gevraagd</span> : null}
                {set.lastRejection ? <span className="qd-note"> · geweigerd: {set.lastRejection.reason}</span> : null}
              </td>
              <td className="utrecht-table__cell">{submittersText(set.submitters)}</td>
              <td className="utrecht-table__cell">
                {set.leadMinistry ? <abbr title={set.leadMinistry.name}>{set.leadMinistry.code}</abbr> : '—'}
              </td>
              <td className="utrecht-table__cell">
                <DeadlineText deadline={set.deadline} daysLeft={set.daysLeft ?? (set.overdue ? -set.daysOverdue : undefined)} overdue={set.overdue} closed={CLOSED.has(set.status)} />
                {set.postponementMissing ? <span className="qd-overdue qd-block">zonder uitstelbericht</span> : null}
                {set.lateRisk && set.lateRisk.chance >= 0.5 && !set.overdue && !CLOSED.has(set.status) ? (
                  <span className="qd-risk qd-block" title={set.lateRisk.reason}>
                    Waarschijnlijk te laat ({Math.round(set.lateRisk.chance * 100)} %)
                  </span>
                ) : null}
              </td>
              {showInternal ? (
                <td className="utrecht-table__cell">
                  {set.internalDeadlines.draft ? (
                    <DeadlineText deadline={set.internalDeadlines.draft} daysLeft={daysUntil(set.internalDeadlines.draft)} closed={CLOSED.has(set.status)} />
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
              <td className="utrecht-table__cell">
                <StatusBadge status={set.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
