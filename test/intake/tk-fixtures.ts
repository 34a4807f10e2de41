import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type ParsedDocument } from '@question-desk/documents';
import type { TkDocument, TkZaak } from '@question-desk/intake';

/**
 * Records in the shape the Gegevensmagazijn and Officiële publicaties serve them (docs/tk-open-data.md),
 * written for the tests and the bench. Ids are UUIDs numbered from `n`.
 */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface ZaakSpec {
  id: number;
  nummer: string;
  onderwerp: string;
  gestartOp: string;
  changed: string;
  indieners: { naam: string; fractie: string }[];
  gerichtAan: string[];
  verwijderd?: boolean;
}

export function zaak(spec: ZaakSpec): TkZaak {
  return {
    Id: uuid(spec.id),
    Nummer: spec.nummer,
    Soort: 'Schriftelijke vragen',
    Onderwerp: spec.onderwerp,
    Titel: null,
    GestartOp: spec.gestartOp,
    Afgedaan: false,
    Vergaderjaar: null,
    GewijzigdOp: spec.changed,
    ApiGewijzigdOp: spec.changed,
    Verwijderd: spec.verwijderd ?? false,
    ZaakActor: [
      ...spec.indieners.map((m, i) => ({
        Relatie: i === 0 ? 'Indiener' : 'Medeindiener',
        ActorNaam: m.naam,
        ActorFractie: m.fractie,
        Functie: 'Tweede Kamerlid',
      })),
      ...spec.gerichtAan.map((functie) => ({ Relatie: 'Gericht aan', ActorNaam: 'Bewindspersoon', ActorFractie: null, Functie: functie })),
    ],
  };
}

export interface DocumentSpec {
  id: number;
  soort: string;
  zaak: TkZaak;
  datum: string;
  changed: string;
  nummer?: string;
  externeIdentifier?: string | null;
  aanhangselnummer?: string | null;
  vergaderjaar?: string | null;
  verwijderd?: boolean;
}

export function document(spec: DocumentSpec): TkDocument {
  return {
    Id: uuid(spec.id),
    Soort: spec.soort,
    DocumentNummer: spec.nummer ?? `2021D${String(spec.id).padStart(5, '0')}`,
    Datum: spec.datum,
    Aanhangselnummer: spec.aanhangselnummer ?? null,
    Vergaderjaar: spec.vergaderjaar ?? null,
    ApiGewijzigdOp: spec.changed,
    Verwijderd: spec.verwijderd ?? false,
    Zaak: [{ Id: spec.zaak.Id, Nummer: spec.zaak.Nummer, Soort: 'Schriftelijke vragen' }],
    DocumentVersie: spec.externeIdentifier ? [{ ExterneIdentifier: spec.externeIdentifier, Versienummer: 1 }] : [],
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface XmlItem {
  kind: 'vraag' | 'antwoord';
  nr: string;
  text: string;
  footnotes: { marker: string; text: string; position?: number }[];
}

/** A `<kamervragen>` publication: heading, optional Toelichting, questions and answers with their footnotes. */
export function kamervragenXml(heading: { nummer?: string; onderwerp?: string; omschrijving?: string; toelichting?: string | null }, items: XmlItem[]): string {
  // Each <noot> stands where its marker stood in the text (at the end of the text when that is not known).
  const paragraphs = (text: string, footnotes: XmlItem['footnotes']) => {
    const placed = footnotes.map((f) => ({ f, at: f.position ?? text.length })).sort((x, y) => x.at - y.at);
    let xml = '';
    let from = 0;
    for (const { f, at } of placed) {
      xml += `${escape(text.slice(from, at))}<noot id="n${f.marker}" type="voet"><noot.nr>${escape(f.marker)}</noot.nr><noot.al>${escape(f.text)}</noot.al></noot>`;
      from = at;
    }
    xml += escape(text.slice(from));
    return xml
      .split('\n\n')
      .map((p) => `<al>${p}</al>`)
      .join('\n');
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<kamervragen>
<kamervraagkop>
${heading.nummer ? `<kamervraagnummer>${heading.nummer}</kamervraagnummer>` : ''}
${heading.onderwerp ? `<kamervraagonderwerp>${escape(heading.onderwerp)}</kamervraagonderwerp>` : ''}
${heading.omschrijving ? `<kamervraagomschrijving>${escape(heading.omschrijving)}</kamervraagomschrijving>` : ''}
</kamervraagkop>
${heading.toelichting ? `<toelichting>${paragraphs(heading.toelichting, [])}</toelichting>` : ''}
${items.map((item) => `<${item.kind}><nr>${escape(item.nr)}</nr>${paragraphs(item.text, item.footnotes)}</${item.kind}>`).join('\n')}
</kamervragen>
</officiele-publicatie>`;
}

const SEEDS = join(__dirname, '..', '..', 'seeds');
const sample = (file: string): ParsedDocument => parseDocument(readFileSync(join(SEEDS, file), 'utf8'));

function questionItems(doc: ParsedDocument): XmlItem[] {
  return doc.questions.map((q) => ({ kind: 'vraag', nr: `Vraag ${q.number}`, text: q.text, footnotes: q.footnotes }));
}

function answerItems(doc: ParsedDocument): XmlItem[] {
  return doc.answers.map((a) => ({
    kind: 'antwoord',
    nr: `Antwoord ${a.questionNumbers.length > 1 ? `${a.questionNumbers.slice(0, -1).join(', ')} en ${a.questionNumbers.at(-1)}` : a.questionNumbers[0]}`,
    text: a.text,
    footnotes: a.footnotes,
  }));
}

const functieOf = (post: string) => post.charAt(0).toLowerCase() + post.slice(1);

/** "Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 13 april 2021)" as the sample's header says it. */
const ANSWER_HEADERS: Record<string, string> = {
  '002_3f808c9c16c17a6d.txt': 'Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 13 april 2021)',
  '003_c9300e06f95d6079.txt':
    'Antwoord van Minister Kaag (Buitenlandse Handel en Ontwikkelingssamenwerking), mede namens Minister van Justitie en Veiligheid en de Staatssecretaris van Economische Zaken en Klimaat (ontvangen 9 april 2021).',
};

export interface Feed {
  zaken: TkZaak[];
  documents: TkDocument[];
  publications: Map<string, string>;
}

/** The three demo sets of seeds/ as the open data would carry them (the January 2021 set's zaaknummer is made up: the sample has none). */
export function demoFeed(): Feed {
  const feed: Feed = { zaken: [], documents: [], publications: new Map() };
  const add = (
    questionsFile: string,
    nummer: string,
    id: number,
    initials: string[],
    answer?: { file: string; id: string; aanhangsel: string | null; datum: string },
  ) => {
    const questions = sample(questionsFile);
    const z = zaak({
      id,
      nummer,
      onderwerp: questions.subject!,
      gestartOp: `${questions.submittedOn}T09:00:00+01:00`,
      changed: `${questions.submittedOn}T12:00:00Z`,
      indieners: questions.submitters.map((m, i) => ({ naam: `${initials[i] ?? ''}${m.name.charAt(0).toLowerCase()}${m.name.slice(1)}`, fractie: m.party! })),
      gerichtAan: questions.addressees.map(functieOf),
    });
    feed.zaken.push(z);
    feed.documents.push(
      document({
        id: id + 1,
        soort: 'Schriftelijke vragen',
        zaak: z,
        datum: `${questions.submittedOn}T00:00:00`,
        changed: `${questions.submittedOn}T13:00:00Z`,
        externeIdentifier: `kv-tk-${nummer}`,
      }),
    );
    feed.publications.set(`kv-tk-${nummer}`, kamervragenXml({ nummer, toelichting: questions.explanatoryNote }, questionItems(questions)));
    if (answer) {
      const answers = sample(answer.file);
      feed.documents.push(
        document({
          id: id + 2,
          soort: 'Antwoord schriftelijke vragen',
          zaak: z,
          datum: `${answer.datum}T00:00:00`,
          changed: `${answer.datum}T15:00:00Z`,
          externeIdentifier: answer.id,
          aanhangselnummer: answer.aanhangsel,
          vergaderjaar: '2020-2021',
        }),
      );
      feed.publications.set(
        answer.id,
        kamervragenXml({ nummer, omschrijving: ANSWER_HEADERS[answer.file] }, [...questionItems(answers), ...answerItems(answers)]),
      );
    }
  };
  add('004_8ba98788180af416.txt', '2019Z15244', 100, ['M. ']);
  add('001_28edc29e100e7927.txt', '2020Z25656', 200, ['J.J. '], {
    file: '002_3f808c9c16c17a6d.txt',
    id: 'ah-tk-20202021-2268',
    aanhangsel: null,
    datum: '2021-04-13',
  });
  add('000_3fa7b0e687fc72f2.txt', '2021Z00710', 300, ['W. ', 'K.H. '], {
    file: '003_c9300e06f95d6079.txt',
    id: 'ah-tk-20202021-2290',
    aanhangsel: '202020212290',
    datum: '2021-04-09',
  });
  return feed;
}
