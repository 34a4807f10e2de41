import { daysBetween, type CalendarDate } from '@question-desk/deadlines';
import type { ReminderKind } from './reminder-policy';

/** What a message says about one question set. */
export interface SetSummary {
  id: string;
  reference: string | null;
  appendixNumber: string | null;
  subject: string | null;
  statutoryDeadline: CalendarDate | null;
  deadline: CalendarDate | null;
  draftDeadline: CalendarDate | null;
}

export interface ReminderMessageInput {
  kind: ReminderKind;
  recipientName: string;
  /** The date the reminder is about. */
  refersTo: CalendarDate;
  today: CalendarDate;
  /** Where people reach the desk (PUBLIC_URL). */
  publicUrl: string;
  /** The set of a reminder about one set. */
  set?: SetSummary;
  /** A digest's overdue sets, oldest deadline first (it lists the first 100). */
  overdue?: SetSummary[];
  /** How many sets are overdue in all, when `overdue` holds only the first of them. */
  overdueTotal?: number;
}

export interface ReminderMessage {
  /** Also the in-app notification's message. */
  subject: string;
  text: string;
  html: string;
}

/** A digest lists this many sets; its subject counts them all. */
export const DIGEST_LIMIT = 100;

const dutchDate = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "donderdag 8 augustus 2019". */
export function inDutch(date: CalendarDate): string {
  return dutchDate.format(new Date(`${date}T12:00:00Z`));
}

/** The reference, else the appendix number, else the subject: how the desk names a set. */
export function nameOf(set: SetSummary): string {
  if (set.reference) return set.reference;
  if (set.appendixNumber) return `Aanhangsel ${set.appendixNumber}`;
  return set.subject ? `"${set.subject}"` : 'vragen zonder kenmerk';
}

/** The set's page in the web app (after signing in, the person lands there). */
export function linkTo(publicUrl: string, set: { id: string }): string {
  return `${publicUrl.replace(/\/+$/, '')}/vragensets/${set.id}`;
}

function daysOverdue(set: SetSummary, today: CalendarDate): number {
  return set.deadline ? Math.max(0, daysBetween(set.deadline, today)) : 0;
}

/** Subject and opening sentence of each kind: the wording as one table. */
const WORDING: Record<Exclude<ReminderKind, 'overdue-digest'>, (name: string, date: string) => { subject: string; lead: string }> = {
  'draft-due-soon': (name, date) => ({
    subject: `Concept-antwoord ${name} uiterlijk ${date}`,
    lead: `Het concept-antwoord op de Kamervragen ${name} moet uiterlijk ${date} klaar zijn (interne termijn).`,
  }),
  'draft-due-today': (name, date) => ({
    subject: `Vandaag: concept-antwoord ${name}`,
    lead: `Vandaag, ${date}, moet het concept-antwoord op de Kamervragen ${name} klaar zijn (interne termijn).`,
  }),
  'deadline-due-soon': (name, date) => ({
    subject: `Termijn ${name} verloopt ${date}`,
    lead: `De termijn voor de beantwoording van de Kamervragen ${name} verloopt op ${date}.`,
  }),
  'deadline-due-today': (name, date) => ({
    subject: `Vandaag verloopt de termijn van ${name}`,
    lead: `Vandaag, ${date}, verloopt de termijn voor de beantwoording van de Kamervragen ${name}.`,
  }),
  'postponement-due': (name, date) => ({
    subject: `Uitstelbericht nodig: ${name} is over de termijn`,
    lead: `De termijn voor de beantwoording van de Kamervragen ${name} is op ${date} verstreken en er is geen uitstelbericht geregistreerd. Stuur de Kamer een uitstelbericht, of beantwoord de vragen.`,
  }),
};

/** The email (plain text and HTML, in Dutch) and in-app message of a reminder. */
export function reminderMessage(input: ReminderMessageInput): ReminderMessage {
  return input.kind === 'overdue-digest' ? digestMessage(input) : setMessage(input, input.kind);
}

function setMessage(input: ReminderMessageInput, kind: Exclude<ReminderKind, 'overdue-digest'>): ReminderMessage {
  const set = input.set;
  if (!set) throw new Error(`A ${kind} reminder needs its question set`);
  const { subject, lead } = WORDING[kind](nameOf(set), inDutch(input.refersTo));
  const link = linkTo(input.publicUrl, set);
  const facts: [string, string][] = [
    set.reference ? ['Kenmerk', set.reference] : ['Aanhangsel', set.appendixNumber ?? 'onbekend'],
    ['Onderwerp', set.subject ?? 'onbekend'],
    ['Termijn', set.deadline ? inDutch(set.deadline) : 'onbekend'],
    ...(set.draftDeadline && kind.startsWith('draft-') ? [['Interne termijn concept', inDutch(set.draftDeadline)] as [string, string]] : []),
    ['Dagen over de termijn', String(daysOverdue(set, input.today))],
  ];
  const text = [
    `Beste ${input.recipientName},`,
    '',
    lead,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    `Bekijk de vragen: ${link}`,
    '',
    SIGNATURE,
  ].join('\n');
  const html = page(
    subject,
    [
      `<p>Beste ${escape(input.recipientName)},</p>`,
      `<p>${escape(lead)}</p>`,
      `<table>${facts.map(([label, value]) => `<tr><th align="left">${escape(label)}</th><td>${escape(value)}</td></tr>`).join('')}</table>`,
      `<p><a href="${escape(link)}">Bekijk de vragen</a></p>`,
    ].join('\n'),
  );
  return { subject, text, html };
}

function digestMessage(input: ReminderMessageInput): ReminderMessage {
  const sets = input.overdue ?? [];
  const count = Math.max(input.overdueTotal ?? 0, sets.length);
  const subject = `Overzicht: ${count} ${count === 1 ? 'vragenset' : 'vragensets'} over de termijn`;
  const lead = `Deze ${count === 1 ? 'vragenset is' : 'vragensets zijn'} nog niet beantwoord en over de termijn (week van ${inDutch(input.refersTo)}), de oudste eerst:`;
  const shown = sets.slice(0, DIGEST_LIMIT);
  const more = count - shown.length; // not listed, but counted
  const line = (set: SetSummary) =>
    `${nameOf(set)} — ${set.subject ?? 'onbekend onderwerp'} — termijn ${set.deadline ? inDutch(set.deadline) : 'onbekend'}, ${daysOverdue(set, input.today)} dagen over de termijn`;
  const text = [
    `Beste ${input.recipientName},`,
    '',
    lead,
    '',
    ...shown.map((set) => `- ${line(set)}\n  ${linkTo(input.publicUrl, set)}`),
    ...(more > 0 ? [`- … en nog ${more}: ${input.publicUrl.replace(/\/+$/, '')}/vragen?overdue=true&sort=deadline`] : []),
    '',
    SIGNATURE,
  ].join('\n');
  const html = page(
    subject,
    [
      `<p>Beste ${escape(input.recipientName)},</p>`,
      `<p>${escape(lead)}</p>`,
      `<ol>${shown.map((set) => `<li><a href="${escape(linkTo(input.publicUrl, set))}">${escape(line(set))}</a></li>`).join('')}</ol>`,
      ...(more > 0 ? [`<p>… en nog ${more}.</p>`] : []),
    ].join('\n'),
  );
  return { subject, text, html };
}

const SIGNATURE = 'Met vriendelijke groet,\nQuestion Desk\n\n(Dit is een automatisch bericht.)';

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>\n${body}\n<p>Met vriendelijke groet,<br>Question Desk</p>\n<p><small>Dit is een automatisch bericht.</small></p>\n</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
