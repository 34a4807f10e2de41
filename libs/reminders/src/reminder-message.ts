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
  /** How the desk signs its mail (MAIL_FROM_NAME, default "Vragendesk"). */
  deskName?: string;
}

/** The desk's name in its mail when MAIL_FROM_NAME is not set. */
export const DEFAULT_DESK_NAME = 'Vragendesk';

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

/** "1 dag", "3 dagen". */
function days(count: number): string {
  return `${count} ${count === 1 ? 'dag' : 'dagen'}`;
}

/** The one line of an uitstelbericht reminder that says how to register the notice once it is sent. */
function howToRegister(link: string): string {
  return `Is het uitstelbericht verstuurd? Registreer het op de pagina van de vragenset (knop "Uitstel registreren"): ${link}`;
}

/** Reminders about the uitstelbericht: they carry the line that says how to register it. */
const ABOUT_POSTPONEMENT: readonly ReminderKind[] = ['postponement-due-soon', 'postponement-due'];

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
  'postponement-due-soon': (name, date) => ({
    subject: `Uitstelbericht nodig? ${name} moet uiterlijk ${date} beantwoord zijn`,
    lead: `De termijn voor de beantwoording van de Kamervragen ${name} verloopt op ${date}, en het antwoord is nog niet ter beoordeling. Haalt u de termijn niet, stuur de Kamer dan vóór die dag een uitstelbericht.`,
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
  const register = ABOUT_POSTPONEMENT.includes(kind) ? howToRegister(link) : null;
  const text = [
    `Beste ${input.recipientName},`,
    '',
    lead,
    ...(register ? ['', register] : []),
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    `Bekijk de vragen: ${link}`,
    '',
    signature(input),
  ].join('\n');
  const html = page(
    subject,
    [
      `<p>Beste ${escape(input.recipientName)},</p>`,
      `<p>${escape(lead)}</p>`,
      ...(register
        ? [`<p>Is het uitstelbericht verstuurd? Registreer het op <a href="${escape(link)}">de pagina van de vragenset</a> (knop "Uitstel registreren").</p>`]
        : []),
      `<table>${facts.map(([label, value]) => `<tr><th align="left">${escape(label)}</th><td>${escape(value)}</td></tr>`).join('')}</table>`,
      `<p><a href="${escape(link)}">Bekijk de vragen</a></p>`,
    ].join('\n'),
    input,
  );
  return { subject, text, html };
}

function digestMessage(input: ReminderMessageInput): ReminderMessage {
  const sets = input.overdue ?? [];
  const count = Math.max(input.overdueTotal ?? 0, sets.length);
  const subject = count === 1 ? 'Overzicht: 1 vragenset over de termijn' : `Overzicht: ${count} vragensets over de termijn`;
  const week = `week van ${inDutch(input.refersTo)}`;
  const lead =
    count === 1
      ? `Deze vragenset is nog niet beantwoord en over de termijn (${week}):`
      : `Deze ${count} vragensets zijn nog niet beantwoord en over de termijn (${week}), de oudste eerst:`;
  const shown = sets.slice(0, DIGEST_LIMIT);
  const more = count - shown.length; // not listed, but counted
  const line = (set: SetSummary) =>
    `${nameOf(set)} — ${set.subject ?? 'onbekend onderwerp'} — termijn ${set.deadline ? inDutch(set.deadline) : 'onbekend'}, ${days(daysOverdue(set, input.today))} over de termijn`;
  const text = [
    `Beste ${input.recipientName},`,
    '',
    lead,
    '',
    ...shown.map((set) => `- ${line(set)}\n  ${linkTo(input.publicUrl, set)}`),
    ...(more > 0 ? [`- … en nog ${more}: ${input.publicUrl.replace(/\/+$/, '')}/vragen?overdue=true&sort=deadline`] : []),
    '',
    signature(input),
  ].join('\n');
  const html = page(
    subject,
    [
      `<p>Beste ${escape(input.recipientName)},</p>`,
      `<p>${escape(lead)}</p>`,
      `<ol>${shown.map((set) => `<li><a href="${escape(linkTo(input.publicUrl, set))}">${escape(line(set))}</a></li>`).join('')}</ol>`,
      ...(more > 0 ? [`<p>… en nog ${more}.</p>`] : []),
    ].join('\n'),
    input,
  );
  return { subject, text, html };
}

function signature(input: ReminderMessageInput): string {
  return `Met vriendelijke groet,\n${input.deskName ?? DEFAULT_DESK_NAME}\n\n(Dit is een automatisch bericht.)`;
}

function page(title: string, body: string, input: ReminderMessageInput): string {
  return `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>\n${body}\n<p>Met vriendelijke groet,<br>${escape(input.deskName ?? DEFAULT_DESK_NAME)}</p>\n<p><small>Dit is een automatisch bericht.</small></p>\n</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
