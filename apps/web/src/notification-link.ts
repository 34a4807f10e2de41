import type { Notification } from './api/types';

/** A reminder about one set opens that set; the weekly overview opens the overdue sets. */
export function linkOf(n: Pick<Notification, 'questionSetId' | 'kind'>): string | null {
  if (n.questionSetId) return `/vragensets/${n.questionSetId}`;
  if (n.kind === 'overdue-digest') return '/vragen?overdue=true&sort=-daysOverdue';
  return null;
}
