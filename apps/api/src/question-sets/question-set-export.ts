import type { Table } from '@question-desk/exports';
import { STATUS_NAMES, type QuestionSetRow } from '@question-desk/question-sets';

/** The list of question sets as a download: one row per set, the list's columns and more, in Dutch. */
export const QUESTION_SET_EXPORT: Table<QuestionSetRow> = {
  filename: 'vragensets',
  sheet: 'Vragensets',
  columns: [
    { header: 'Zaaknummer', value: (r) => r.reference, width: 12 },
    { header: 'Aanhangselnummer', value: (r) => r.appendixNumber, width: 10 },
    { header: 'Kamer', value: (r) => r.chamber, width: 6 },
    { header: 'Onderwerp', value: (r) => r.subject, width: 60 },
    { header: 'Ingezonden op', value: (r) => r.submittedOn, type: 'date', width: 12 },
    { header: 'Indieners', value: (r) => r.submitters, width: 30 },
    { header: 'Gericht aan', value: (r) => r.addressees, width: 30 },
    { header: 'Eerstverantwoordelijk ministerie', value: (r) => r.leadMinistryCode, width: 10 },
    { header: 'Naam ministerie', value: (r) => r.leadMinistryName, width: 30 },
    { header: 'Medeondertekenende ministeries', value: (r) => r.coSigningMinistries, width: 14 },
    { header: 'Status', value: (r) => STATUS_NAMES[r.status] ?? r.status, width: 16 },
    { header: 'Behandelaar', value: (r) => r.assigneeName, width: 20 },
    { header: 'Wettelijke termijn', value: (r) => r.statutoryDeadline, type: 'date', width: 12 },
    { header: 'Termijn', value: (r) => r.deadline, type: 'date', width: 12 },
    { header: 'Uitstelberichten', value: (r) => r.postponements, type: 'integer', width: 8 },
    { header: 'Te laat', value: (r) => r.overdue, type: 'boolean', width: 8 },
    { header: 'Dagen te laat', value: (r) => r.daysOverdue, type: 'integer', width: 8 },
    { header: 'Uitstelbericht ontbreekt', value: (r) => r.postponementMissing, type: 'boolean', width: 8 },
    { header: 'Concept klaar op', value: (r) => r.draftDeadline, type: 'date', width: 12 },
    { header: 'Beoordeling klaar op', value: (r) => r.reviewDeadline, type: 'date', width: 12 },
    { header: 'Medeondertekening klaar op', value: (r) => r.coSigningDeadline, type: 'date', width: 12 },
    { header: 'Beantwoord op', value: (r) => r.answeredOn, type: 'date', width: 12 },
    { header: 'Beantwoord door', value: (r) => r.answeredBy, width: 16 },
  ],
};
