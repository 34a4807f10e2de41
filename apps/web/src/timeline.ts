import type { AuditEvent } from './api/types';
import { CHAMBER_LABELS, STATUS_LABELS, formatDate } from './format';

const SENTENCES: Record<string, string> = {
  registered: 'registreerde de vragenset',
  'answers-imported': 'importeerde de antwoorden',
  'document-imported': 'importeerde een document',
  assign: 'wees de vragenset toe',
  accept: 'accepteerde de toewijzing',
  reject: 'weigerde de toewijzing',
  transfer: 'droeg de vragenset over',
  'save-draft': 'sloeg het concept-antwoord op',
  'submit-for-review': 'bood het concept-antwoord ter beoordeling aan',
  'request-changes': 'vroeg om wijzigingen',
  approve: 'keurde het concept-antwoord goed',
  'co-sign': 'ondertekende mede',
  'mark-answered': 'meldde de vragenset als beantwoord',
  withdraw: 'trok de vragenset in',
  postpone: 'registreerde een uitstelbericht',
  postponed: 'registreerde een uitstelbericht',
  // The Tweede Kamer open-data intake (actor "de intake").
  'intake-postpone': 'registreerde een uitstelbericht uit de open data',
  'intake-withdraw': 'trok de vragenset in (intrekking in de open data)',
  'open-data-updated': 'nam een wijziging uit de open data over',
  'open-data-questions': 'vulde de vragen aan uit de gepubliceerde tekst',
  'open-data-conflict': 'zag een verschil met de open data en liet de wijziging van de desk staan',
  'open-data-deleted': 'zag dat de open data dit als verwijderd markeert; er is niets verwijderd',
  // Reminders (actor: the desk itself, or the admin who sent one again).
  'reminder-sent': 'stuurde een herinnering',
  'reminder-failed': 'kon een herinnering niet versturen',
  'reminder-cancelled': 'stuurde een herinnering toch niet',
  'reminder-retried': 'liet een herinnering opnieuw versturen',
};

/** The name the trail gives the desk's own background work (libs/audit's SYSTEM_ACTOR). */
const SYSTEM_ACTOR_NAME = 'system';

/** Why a reminder did not go out after all (libs/reminders' CancelReason). */
const CANCEL_REASONS: Record<string, string> = {
  'switched-off': 'deze soort herinnering staat uit',
  'set-closed': 'de vragenset is afgehandeld',
  'condition-gone': 'de aanleiding is er niet meer',
  'date-moved': 'de datum is verschoven',
  expired: 'de datum is al voorbij',
  superseded: 'er is een nieuwere herinnering',
  'not-a-recipient': 'de ontvanger hoort er niet meer bij',
  'nothing-overdue': 'er is niets meer te laat',
};

const FIELDS: Record<string, string> = {
  reference: 'kenmerk',
  appendixNumber: 'aanhangselnummer',
  chamber: 'kamer',
  subject: 'onderwerp',
  submittedOn: 'ingezonden',
  leadMinistry: 'ministerie',
  status: 'status',
  statutoryDeadline: 'wettelijke termijn',
  deadline: 'termijn',
  answeredOn: 'beantwoord op',
  answeredBy: 'beantwoord door',
};

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'leeg';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (field === 'status') return STATUS_LABELS[text] ?? text;
  if (field === 'chamber') return CHAMBER_LABELS[text] ?? text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return text;
}

export interface TimelineEntry {
  sentence: string;
  changes: string[];
  notes: string[];
}

/** One audit event as Dutch text: who did what, which fields changed, and the reason or comment given. */
export function describeEvent(event: AuditEvent): TimelineEntry {
  const details = (event.details ?? {}) as Record<string, unknown>;
  const actor = event.actor === SYSTEM_ACTOR_NAME ? 'De Vragendesk' : event.actor;
  const sentence = `${actor} ${SENTENCES[event.type] ?? `deed: ${event.type}`}`;
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = (details.after ?? {}) as Record<string, unknown>;
  const changes: string[] = [];
  for (const field of Object.keys(FIELDS)) {
    if (!details.before || !(field in after)) continue;
    if (JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
    changes.push(field in before ? `${FIELDS[field]}: ${valueText(field, before[field])} → ${valueText(field, after[field])}` : `${FIELDS[field]}: ${valueText(field, after[field])}`);
  }
  const notes: string[] = [];
  const assignee = details.assignee as { name?: string } | undefined;
  if (assignee?.name) notes.push(`Behandelaar: ${assignee.name}`);
  if (Array.isArray(details.coSigningMinistries) && details.coSigningMinistries.length) notes.push(`Medeondertekening: ${details.coSigningMinistries.join(', ')}`);
  if (typeof details.to === 'string') notes.push(`Naar: ${details.to}`);
  if (typeof details.ministry === 'string') notes.push(`Namens: ${details.ministry}`);
  if (typeof details.newDeadline === 'string') notes.push(`Nieuwe termijn: ${formatDate(details.newDeadline)}`);
  if (typeof details.revision === 'number') notes.push(`Versie ${details.revision}`);
  const recipient = details.recipient as { name?: string } | undefined;
  if (recipient?.name) notes.push(`Aan: ${recipient.name}`);
  if (typeof details.reason === 'string' && details.reason) notes.push(`Reden: ${(event.type === 'reminder-cancelled' && CANCEL_REASONS[details.reason]) || details.reason}`);
  if (typeof details.comment === 'string' && details.comment) notes.push(`Opmerking: ${details.comment}`);
  return { sentence, changes, notes };
}
