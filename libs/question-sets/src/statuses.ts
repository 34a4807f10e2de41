/** Where a question set is in its life, from arrival to answer. */
export const STATUSES = ['received', 'assigned', 'drafting', 'in_review', 'co_signing', 'approved', 'answered', 'withdrawn'] as const;
export type QuestionSetStatus = (typeof STATUSES)[number];

/**
 * The statuses by their Dutch names, as the web app shows them and downloads write them. This file
 * imports nothing, so the web app imports it too (`@question-desk/question-sets/statuses`).
 */
export const STATUS_NAMES: Readonly<Record<QuestionSetStatus, string>> = {
  received: 'Ontvangen',
  assigned: 'Toegewezen',
  drafting: 'In behandeling',
  in_review: 'Ter beoordeling',
  co_signing: 'Medeondertekening',
  approved: 'Goedgekeurd',
  answered: 'Beantwoord',
  withdrawn: 'Ingetrokken',
};

/** Closed sets can no longer be late. */
export const CLOSED_STATUSES: readonly QuestionSetStatus[] = ['answered', 'withdrawn'];

/** Every other status: the set is still being worked on (and can be late). */
export const OPEN_STATUSES: readonly QuestionSetStatus[] = STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));

export function isOpen(status: QuestionSetStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

export function isStatus(value: string): value is QuestionSetStatus {
  return (STATUSES as readonly string[]).includes(value);
}
