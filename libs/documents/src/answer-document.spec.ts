/**
 * The answer document in the Aanhangsel's layout, and its round trip: what writeAnswerDocument
 * writes, parseDocument reads back into the same members, posts, dates, questions and answers.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { writeAnswerDocument, type AnswerDocumentInput } from './answer-document';
import type { ParsedDocument } from './parsed-document';
import { parseDocument } from './parser/parse-document';

const SEEDS = join(__dirname, '..', '..', '..', 'seeds');
const sample = (prefix: string): ParsedDocument => {
  const file = [
    '000_3fa7b0e687fc72f2.txt',
    '001_28edc29e100e7927.txt',
    '002_3f808c9c16c17a6d.txt',
    '003_c9300e06f95d6079.txt',
    '004_8ba98788180af416.txt',
  ].find((name) => name.startsWith(prefix));
  return parseDocument(readFileSync(join(SEEDS, file!), 'utf8'));
};

/**
 * A set as the desk holds it after importing a questions document and then its answers: the
 * header and questions of the first, the answers and who answered of the second.
 */
function asImported(questions: ParsedDocument, answers?: ParsedDocument): AnswerDocumentInput {
  return {
    chamber: questions.chamber,
    reference: questions.reference ?? answers?.reference ?? null,
    appendixNumber: questions.appendixNumber ?? answers?.appendixNumber ?? null,
    subject: questions.subject,
    submittedOn: questions.submittedOn,
    submitters: questions.submitters,
    addressees: questions.addressees,
    answeredBy: answers?.answer ? { name: answers.answer.answeredBy, post: answers.answer.answeredByPost, coSigners: answers.answer.coSigners } : null,
    answeredOn: answers?.answer?.answeredOn ?? null,
    draft: !answers,
    questions: questions.questions,
    answers: answers?.answers ?? [],
    explanatoryNote: questions.explanatoryNote,
  };
}

/** A small answered set; override what the test is about. */
function aSet(overrides: Partial<AnswerDocumentInput> = {}): AnswerDocumentInput {
  return {
    chamber: 'TK',
    reference: '2021Z04321',
    appendixNumber: '2512',
    subject: 'het bericht dat gemeenten gezichtsherkenning gebruiken',
    submittedOn: '2021-03-01',
    submitters: [{ name: 'Van der Graaf', party: 'ChristenUnie' }],
    addressees: ['Minister van Justitie en Veiligheid'],
    answeredBy: { name: 'Grapperhaus', post: 'Minister van Justitie en Veiligheid', coSigners: [] },
    answeredOn: '2021-04-06',
    draft: false,
    questions: [
      { number: 1, text: 'Bent u bekend met het bericht dat gemeenten gezichtsherkenning gebruiken?', footnotes: [] },
      { number: 2, text: 'Welke wettelijke grondslag hebben gemeenten daarvoor?', footnotes: [] },
    ],
    answers: [
      { questionNumbers: [1], text: 'Ja.', footnotes: [] },
      { questionNumbers: [2], text: 'Die grondslag is er niet.', footnotes: [] },
    ],
    explanatoryNote: null,
    ...overrides,
  };
}

const footnoteTexts = (items: readonly { footnotes: readonly { text: string }[] }[]) => items.map((item) => item.footnotes.map((f) => f.text));

/** Everything the importer takes from a document, compared field by field. */
function expectSameSet(read: ParsedDocument, set: AnswerDocumentInput): void {
  expect(read.chamber).toBe(set.chamber);
  expect(read.reference).toBe(set.reference);
  expect(read.appendixNumber).toBe(set.appendixNumber);
  expect(read.subject).toBe(set.subject);
  expect(read.submittedOn).toBe(set.submittedOn);
  expect(read.submitters).toEqual(set.submitters);
  expect(read.addressees).toEqual(set.addressees);
  expect(read.explanatoryNote).toBe(set.explanatoryNote);
  expect(read.questions.map(({ number, text }) => ({ number, text }))).toEqual(set.questions.map(({ number, text }) => ({ number, text })));
  expect(footnoteTexts(read.questions)).toEqual(footnoteTexts(set.questions));
  expect(read.answers.map(({ questionNumbers, text }) => ({ questionNumbers, text }))).toEqual(
    set.answers.map(({ questionNumbers, text }) => ({ questionNumbers, text })),
  );
  expect(footnoteTexts(read.answers)).toEqual(footnoteTexts(set.answers));
  if (set.answers.length > 0) {
    expect(read.answer).toEqual({
      answeredBy: set.answeredBy?.name ?? null,
      answeredByPost: set.answeredBy?.post ?? null,
      answeredOn: set.answeredOn,
      coSigners: set.answeredBy?.coSigners ?? [],
    });
  } else {
    expect(read.answer).toBeNull();
  }
  expect(read.warnings).toEqual([]);
}

const roundTrip = (set: AnswerDocumentInput) => parseDocument(writeAnswerDocument(set));

describe('writeAnswerDocument: the three demo sets', () => {
  const chineseSurveillance = asImported(sample('001'), sample('002'));
  const huaweiProfiling = asImported(sample('000'), sample('003'));
  const emotionSoftware = asImported(sample('004'));

  it('writes 2020Z25656 in the published layout, questions 3, 4 and 5 before their combined answer', () => {
    const document = writeAnswerDocument(chineseSurveillance);
    expect(document).toMatch(
      /^\*\*Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\*\*\n\n2020Z25656\n\nVragen van het lid \*\*Van Helvert\*\* \(CDA\) aan de Minister van Buitenlandse Zaken over \*Chinese surveillanceapparatuur\* \(ingezonden 22 december 2020\)\.\n\nAntwoord van Minister \*\*Blok\*\* \(Buitenlandse Zaken\) \(ontvangen 13 april 2021\)\.\n\n\*\*Vraag 1\*\*\n\nBent u bekend met het bericht dat Huawei software voor de herkenning van gezichten van Oeigoeren testte\?<sup>1<\/sup>\n\n\*\*Antwoord 1\*\*\n\nJa\.\n\n/,
    );
    expect(document).toMatch(
      /\*\*Vraag 3\*\*\n\nIs dergelijke[^\n]*\n\n\*\*Vraag 4\*\*\n\n[^\n]*\n\n\*\*Vraag 5\*\*\n\n[^\n]*\n\n\*\*Antwoord op vraag 3, 4 en 5\*\*\n\nHet gebruik van/,
    );
    expect(document).not.toMatch(/Concept/);
    expect(document).toMatch(/\n---\n\n<sup>1<\/sup> https:\/\/www\.rtlnieuws\.nl\/[^\n]*\n\n<sup>2<\/sup> /);
  });

  it('writes appendix 2290 with both members of one party, three addressees and two co-signers', () => {
    const document = writeAnswerDocument(huaweiProfiling);
    expect(document).toContain(
      '## 2290\n\nVragen van de leden **Van den Nieuwenhuijzen** en **Buitenweg** (beiden GroenLinks) aan de Ministers voor Buitenlandse Handel en Ontwikkelingssamenwerking en van Justitie en Veiligheid en de Staatssecretaris van Economische Zaken en Klimaat over *het bericht dat Huawei in technologie investeert voor de etnische profilering van Oeigoeren* (ingezonden 15 januari 2021).',
    );
    expect(document).toContain(
      '\n\nAntwoord van Minister **Kaag** (Buitenlandse Handel en Ontwikkelingssamenwerking), mede namens de Minister van Justitie en Veiligheid en de Staatssecretaris van Economische Zaken en Klimaat (ontvangen 9 april 2021).\n\n',
    );
  });

  it('writes the open set 2019Z15244 as a concept with its Toelichting, and no answer line', () => {
    const document = writeAnswerDocument(emotionSoftware);
    expect(document).toContain(
      '2019Z15244\n\n**Concept — deze antwoorden zijn nog niet verzonden**\n\nVragen van het lid **Sjoerdsma** (D66) aan de Minister voor',
    );
    expect(document).not.toContain('Antwoord van');
    expect(document).toContain('**Toelichting:**\n\nDeze vragen dienen ter aanvulling op eerdere vragen');
  });

  it.each([
    ['2020Z25656', chineseSurveillance],
    ['appendix 2290', huaweiProfiling],
    ['2019Z15244', emotionSoftware],
  ])('reads %s back as the same set', (_name, set) => {
    const read = roundTrip(set);
    expect(read.kind).toBe(set.answers.length > 0 ? 'questions-and-answers' : 'questions');
    expectSameSet(read, set);
  });

  it('reads the Toelichting back with the earlier set it names', () => {
    expect(roundTrip(emotionSoftware).relatedReferences).toEqual(['2019Z15131']);
  });
});

describe('writeAnswerDocument: members, posts and answers in every form', () => {
  it.each<[string, AnswerDocumentInput['submitters'], string]>([
    ['one member', [{ name: 'Kuiken', party: 'PvdA' }], 'Vragen van het lid **Kuiken** (PvdA) aan'],
    [
      'two of one party',
      [
        { name: 'Van Ojik', party: 'GroenLinks' },
        { name: 'Diks', party: 'GroenLinks' },
      ],
      'Vragen van de leden **Van Ojik** en **Diks** (beiden GroenLinks) aan',
    ],
    [
      'three of one party',
      [
        { name: 'Omtzigt', party: 'CDA' },
        { name: 'Van Helvert', party: 'CDA' },
        { name: 'Amhaouch', party: 'CDA' },
      ],
      'Vragen van de leden **Omtzigt**, **Van Helvert** en **Amhaouch** (allen CDA) aan',
    ],
    [
      'several parties',
      [
        { name: 'Sjoerdsma', party: 'D66' },
        { name: 'Van Ojik', party: 'GroenLinks' },
        { name: 'Diks', party: 'GroenLinks' },
        { name: 'Omtzigt', party: 'CDA' },
      ],
      'Vragen van de leden **Sjoerdsma** (D66), **Van Ojik** en **Diks** (beiden GroenLinks) en **Omtzigt** (CDA) aan',
    ],
    [
      'a member without a party, last',
      [
        { name: 'Kuiken', party: 'PvdA' },
        { name: 'Van Haga', party: null },
      ],
      'Vragen van de leden **Kuiken** (PvdA) en **Van Haga** aan',
    ],
  ])('writes %s so that the parser reads the same members', (_case, submitters, expected) => {
    const set = aSet({ submitters });
    expect(writeAnswerDocument(set)).toContain(expected);
    expectSameSet(roundTrip(set), set);
  });

  it.each<[string, string[], string]>([
    ['a Minister-President', ['Minister-President'], 'aan de Minister-President over'],
    [
      'two state secretaries and a minister',
      ['Staatssecretaris van Financiën', 'Staatssecretaris van Justitie en Veiligheid', 'Minister van Onderwijs, Cultuur en Wetenschap'],
      'aan de Staatssecretarissen van Financiën en van Justitie en Veiligheid en de Minister van Onderwijs, Cultuur en Wetenschap over',
    ],
    [
      'three ministers',
      ['Minister van Volksgezondheid, Welzijn en Sport', 'Minister voor Medische Zorg en Sport', 'Minister van Sociale Zaken en Werkgelegenheid'],
      'aan de Ministers van Volksgezondheid, Welzijn en Sport, voor Medische Zorg en Sport en van Sociale Zaken en Werkgelegenheid over',
    ],
  ])('writes %s as the parser reads addressees', (_case, addressees, expected) => {
    const set = aSet({ addressees, answeredBy: { name: 'Rutte', post: addressees[0], coSigners: addressees.slice(1) } });
    expect(writeAnswerDocument(set)).toContain(expected);
    expectSameSet(roundTrip(set), set);
  });

  it('writes "voor" for the answering minister when no other post in the document tells it', () => {
    const set = aSet({
      addressees: ['Minister van Buitenlandse Zaken'],
      answeredBy: { name: 'Kaag', post: 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', coSigners: [] },
    });
    expect(writeAnswerDocument(set)).toContain(
      'Antwoord van Minister **Kaag** (voor Buitenlandse Handel en Ontwikkelingssamenwerking) (ontvangen 6 april 2021).',
    );
    expectSameSet(roundTrip(set), set);
  });

  it('writes a state secretary whose name starts with "Van" and a Minister-President who answers', () => {
    const vanHuffelen = aSet({
      addressees: ['Staatssecretaris van Financiën'],
      answeredBy: { name: 'Van Huffelen', post: 'Staatssecretaris van Financiën', coSigners: [] },
    });
    expect(writeAnswerDocument(vanHuffelen)).toContain('Antwoord van Staatssecretaris **Van Huffelen** (Financiën) (ontvangen 6 april 2021).');
    expectSameSet(roundTrip(vanHuffelen), vanHuffelen);
    const rutte = aSet({ addressees: ['Minister-President'], answeredBy: { name: 'Rutte', post: 'Minister-President', coSigners: [] } });
    expect(writeAnswerDocument(rutte)).toContain('Antwoord van Minister-President **Rutte** (ontvangen 6 april 2021).');
    expectSameSet(roundTrip(rutte), rutte);
  });

  it('prints all three questions before an answer that covers them, and keeps an answer to questions apart (2 and 4)', () => {
    const set = aSet({
      questions: [1, 2, 3, 4, 5].map((number) => ({ number, text: `Wat is het antwoord op vraag ${number}?`, footnotes: [] })),
      answers: [
        { questionNumbers: [1, 3, 5], text: 'Eén antwoord op drie vragen.\n\nIn twee alinea’s.', footnotes: [] },
        { questionNumbers: [2, 4], text: 'Eén antwoord op twee vragen.', footnotes: [] },
      ],
    });
    const headings = writeAnswerDocument(set).match(/^\*\*(?:Vraag|Antwoord)[^*]*\*\*$/gm);
    expect(headings).toEqual([
      '**Vraag 1**',
      '**Vraag 2**',
      '**Vraag 3**',
      '**Vraag 4**',
      '**Antwoord op vraag 2 en 4**',
      '**Vraag 5**',
      '**Antwoord op vraag 1, 3 en 5**',
    ]);
    const read = roundTrip(set);
    expect(read.answers).toEqual(
      expect.arrayContaining([
        { questionNumbers: [1, 3, 5], text: 'Eén antwoord op drie vragen.\n\nIn twee alinea’s.', footnotes: [] },
        { questionNumbers: [2, 4], text: 'Eén antwoord op twee vragen.', footnotes: [] },
      ]),
    );
  });

  it('marks footnotes <sup>N</sup>, numbered through the document, one number per footnote text', () => {
    const set = aSet({
      questions: [
        { number: 1, text: 'Kent u het bericht?', footnotes: [{ text: 'https://example.org/bericht' }] },
        { number: 2, text: 'En het rapport?', footnotes: [{ text: 'Rapport van de commissie, blz. 4.' }, { text: 'https://example.org/bericht' }] },
      ],
      answers: [
        { questionNumbers: [1], text: 'Ja.', footnotes: [] },
        { questionNumbers: [2], text: 'Ja, zie ook de brief van 1 maart.\n\nDie brief staat online.', footnotes: [{ text: 'Kamerstuk 35 570 V, nr. 43' }] },
      ],
    });
    const document = writeAnswerDocument(set);
    expect(document).toContain('Kent u het bericht?<sup>1</sup>');
    expect(document).toContain('En het rapport?<sup>2</sup><sup>1</sup>');
    expect(document).toContain('Die brief staat online.<sup>3</sup>');
    expect(document).toMatch(
      /\n---\n\n<sup>1<\/sup> https:\/\/example\.org\/bericht\n\n<sup>2<\/sup> Rapport van de commissie, blz\. 4\.\n\n<sup>3<\/sup> Kamerstuk 35 570 V, nr\. 43\n$/,
    );
    expectSameSet(roundTrip(set), set);
  });

  it('writes an Eerste Kamer set so that it is read as one', () => {
    const set = aSet({ chamber: 'EK', reference: null, appendixNumber: '31' });
    expect(writeAnswerDocument(set)).toMatch(/^\*\*Vragen gesteld door de leden der Eerste Kamer, /);
    expectSameSet(roundTrip(set), set);
  });

  it('labels draft answers "Concept" and gives no "ontvangen" date, so no importer takes them for the answer', () => {
    const set = aSet({
      draft: true,
      answeredOn: null,
      answeredBy: { name: null, post: 'Minister van Justitie en Veiligheid', coSigners: ['Minister van Binnenlandse Zaken en Koninkrijksrelaties'] },
    });
    const document = writeAnswerDocument(set);
    expect(document).toContain('**Concept — deze antwoorden zijn nog niet verzonden**');
    expect(document).toContain('Antwoord van de Minister van Justitie en Veiligheid, mede namens de Minister van Binnenlandse Zaken en Koninkrijksrelaties.\n');
    const read = parseDocument(document);
    expect(read.answers.map((a) => a.text)).toEqual(['Ja.', 'Die grondslag is er niet.']);
    expect(read.answer).toEqual({
      answeredBy: null,
      answeredByPost: 'Minister van Justitie en Veiligheid',
      answeredOn: null,
      coSigners: ['Minister van Binnenlandse Zaken en Koninkrijksrelaties'],
    });
  });

  it('still gives the "ontvangen" date of an answer when nobody is known to have sent it', () => {
    const set = aSet({ answeredBy: null });
    expect(writeAnswerDocument(set)).toContain('\n\nAntwoord van de regering (ontvangen 6 april 2021).\n\n');
    expect(roundTrip(set).answer).toEqual({ answeredBy: null, answeredByPost: null, answeredOn: '2021-04-06', coSigners: [] });
  });

  it('leaves out what the set does not know: reference, appendix number, addressees, subject', () => {
    const set = aSet({ reference: null, appendixNumber: null, addressees: [], subject: null, answeredBy: { name: 'Grapperhaus', post: null, coSigners: [] } });
    const document = writeAnswerDocument(set);
    expect(document).toContain(
      '\n\nVragen van het lid **Van der Graaf** (ChristenUnie) (ingezonden 1 maart 2021).\n\nAntwoord van Minister **Grapperhaus** (ontvangen 6 april 2021).\n\n',
    );
    const read = parseDocument(document);
    expect(read).toMatchObject({ reference: null, appendixNumber: null, addressees: [], subject: null, submittedOn: '2021-03-01' });
    expect(read.answer).toMatchObject({ answeredBy: 'Grapperhaus', answeredOn: '2021-04-06' });
  });
});
