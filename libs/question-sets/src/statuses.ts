/** Where a question set is in its life, from arrival to answer. */
export const STATUSES = ['received', 'assigned', 'drafting', 'in_review', 'co_signing', 'approved', 'answered', 'withdrawn'] as const;
export type QuestionSetStatus = (typeof STATUSES)[number];

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
