import type { CalendarDate } from '@question-desk/deadlines';
import { readPosts, readQuestionsTitle } from '@question-desk/documents';
import { ministryForPost, type MinistryDirectory } from '@question-desk/ministries';

/**
 * The Gegevensmagazijn's records as the intake reads them (docs/tk-open-data.md says which fields
 * are confirmed). Only the fields the desk uses are named; the source sends more.
 */
export interface TkZaakActor {
  Id?: string;
  /** "Indiener", "Medeindiener", "Gericht aan", … */
  Relatie: string | null;
  ActorNaam: string | null;
  ActorFractie: string | null;
  /** "minister van Justitie en Veiligheid" for an addressee. */
  Functie: string | null;
}

export interface TkZaak {
  Id: string;
  /** The zaaknummer: "2019Z15244". */
  Nummer: string;
  Soort: string;
  Onderwerp: string | null;
  Titel: string | null;
  GestartOp: string | null;
  Afgedaan: boolean | null;
  Vergaderjaar: string | null;
  GewijzigdOp: string | null;
  /** When the record last changed in the API (UTC): the incremental read's watermark. */
  ApiGewijzigdOp: string;
  Verwijderd: boolean;
  ZaakActor?: TkZaakActor[];
}

export interface TkDocumentVersie {
  Id?: string;
  /** "kv-tk-2019Z15244", "ah-tk-20232024-387": the publication's id at Officiële publicaties. */
  ExterneIdentifier: string | null;
  Versienummer?: number | null;
}

export interface TkDocument {
  Id: string;
  Soort: string;
  DocumentNummer: string | null;
  Datum: string | null;
  Aanhangselnummer: string | null;
  Vergaderjaar: string | null;
  Onderwerp?: string | null;
  ApiGewijzigdOp: string;
  Verwijderd: boolean;
  Zaak?: Pick<TkZaak, 'Id' | 'Nummer' | 'Soort'>[];
  DocumentVersie?: TkDocumentVersie[];
}

export const WRITTEN_QUESTIONS = 'Schriftelijke vragen';

/** What a document of a written-questions case does to its set. */
export type FeedDocumentKind = 'questions' | 'answers' | 'further-answers' | 'postponement' | 'withdrawal';

export const DOCUMENT_KINDS: Readonly<Record<string, FeedDocumentKind>> = {
  'Schriftelijke vragen': 'questions',
  'Antwoord schriftelijke vragen': 'answers',
  'Antwoord schriftelijke vragen (nader)': 'further-answers',
  'Mededeling (uitstel antwoord)': 'postponement',
  Mededeling: 'withdrawal',
};

/** One page of an OData collection. */
export interface ODataPage<T> {
  items: T[];
  nextLink: string | null;
}

/** Reads an OData JSON page; throws, in words, when it is not one (the request is then tried again). */
export function readPage<T>(body: string, check: (item: unknown) => T): ODataPage<T> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error(`not JSON (${body.length} bytes starting ${JSON.stringify(body.slice(0, 40))})`);
  }
  const page = json as { value?: unknown; '@odata.nextLink'?: unknown };
  if (!page || typeof page !== 'object' || !Array.isArray(page.value)) throw new Error('JSON without a "value" list, not an OData page');
  const next = page['@odata.nextLink'];
  if (next !== undefined && next !== null && typeof next !== 'string') throw new Error('an "@odata.nextLink" that is not a link');
  return { items: page.value.map(check), nextLink: (next as string | undefined) ?? null };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function checkZaak(item: unknown): TkZaak {
  const zaak = item as Partial<TkZaak>;
  if (!zaak || !isText(zaak.Id) || !isText(zaak.Nummer) || !isText(zaak.ApiGewijzigdOp)) {
    throw new Error(`a Zaak without Id, Nummer or ApiGewijzigdOp (${JSON.stringify(item).slice(0, 80)})`);
  }
  return { ...zaak, Verwijderd: zaak.Verwijderd === true, ZaakActor: Array.isArray(zaak.ZaakActor) ? zaak.ZaakActor : [] } as TkZaak;
}

export function checkDocument(item: unknown): TkDocument {
  const document = item as Partial<TkDocument>;
  if (!document || !isText(document.Id) || !isText(document.Soort) || !isText(document.ApiGewijzigdOp)) {
    throw new Error(`a Document without Id, Soort or ApiGewijzigdOp (${JSON.stringify(item).slice(0, 80)})`);
  }
  return {
    ...document,
    Verwijderd: document.Verwijderd === true,
    Zaak: Array.isArray(document.Zaak) ? document.Zaak : [],
    DocumentVersie: Array.isArray(document.DocumentVersie) ? document.DocumentVersie : [],
  } as TkDocument;
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** An OData date or date-time as the calendar date in Amsterdam; null when absent or unreadable. */
export function amsterdamDate(value: string | null | undefined): CalendarDate | null {
  if (!value) return null;
  // A date, or a date-time without offset: the calendar date as written (the Kamer writes Dutch dates).
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(value)) return value.slice(0, 10);
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : AMSTERDAM_DATE.format(at);
}

/** "J.J. van Helvert" → "Van Helvert"; "Sjoerdsma" stays: the surname as the desk writes it. */
export function surnameOf(actorName: string): string {
  const name = actorName
    .trim()
    .replace(/^(?:(?:[A-Z][a-z]{0,2}\.)\s*)+/, '')
    .trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** What a Zaak says of its set, in the desk's terms. */
export interface CaseFields {
  reference: string;
  subject: string | null;
  submittedOn: CalendarDate | null;
  submitters: { name: string; party: string | null }[];
  addressees: string[];
}

export function caseFieldsOf(zaak: TkZaak): CaseFields {
  const actors = zaak.ZaakActor ?? [];
  const named = (relation: string) => actors.filter((a) => a.Relatie?.toLowerCase() === relation && isText(a.ActorNaam));
  const submitters = [...named('indiener'), ...named('medeindiener')].map((a) => ({ name: surnameOf(a.ActorNaam!), party: a.ActorFractie?.trim() || null }));
  const addressees = [
    ...new Set(
      named('gericht aan')
        .map((a) => readPosts(a.Functie ?? '')[0])
        .filter(isText),
    ),
  ];
  const onderwerp = zaak.Onderwerp?.trim() || zaak.Titel?.trim() || null;
  // The Onderwerp may be the whole title ("Vragen van het lid … over X (ingezonden …)"): the subject is X.
  const subject = onderwerp ? (readQuestionsTitle(onderwerp)?.subject ?? onderwerp) : null;
  return { reference: zaak.Nummer, subject, submittedOn: amsterdamDate(zaak.GestartOp), submitters, addressees };
}

/** Whether the case concerns one of the ministries this desk serves (`null`: all of them). */
export function forThisDesk(directory: MinistryDirectory, addressees: readonly string[], deskMinistries: readonly string[] | null, on: string): boolean {
  if (!deskMinistries) return true;
  return addressees.some((post) => {
    const code = ministryForPost(directory, post, on);
    return code !== null && deskMinistries.includes(code);
  });
}

/** The publication id of a document: its DocumentVersie's ExterneIdentifier, else what the Kamer's own tools derive. */
export function publicationIdOf(document: TkDocument, zaakNummer: string | null): string | null {
  const versions = [...(document.DocumentVersie ?? [])].filter((v) => isText(v.ExterneIdentifier));
  versions.sort((a, b) => (b.Versienummer ?? 0) - (a.Versienummer ?? 0));
  if (versions.length) return versions[0].ExterneIdentifier;
  const kind = DOCUMENT_KINDS[document.Soort];
  if (kind === 'questions' && zaakNummer) return `kv-tk-${zaakNummer}`;
  const appendix = appendixNumberOf(document);
  if ((kind === 'answers' || kind === 'further-answers') && document.Vergaderjaar && appendix)
    return `ah-tk-${document.Vergaderjaar.replace('-', '')}-${appendix}`;
  return null;
}

/** "202020212290" or "2290" → "2290": the Aanhangsel number within its year. */
export function appendixNumberOf(document: Pick<TkDocument, 'Aanhangselnummer'>): string | null {
  const digits = document.Aanhangselnummer?.replace(/\D/g, '');
  if (!digits) return null;
  return digits.slice(-4).replace(/^0+/, '') || null;
}
