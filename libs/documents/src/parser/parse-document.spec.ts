import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { DocumentNotReadable, ParsedDocument } from '../parsed-document';
import { NOTHING_IDENTIFIES, NO_QUESTIONS, parseDocument } from './parse-document';

/** A document as the desk receives it: paragraphs separated by a blank line; an array is one hard-wrapped paragraph. */
function doc(...paragraphs: Array<string | string[]>): string {
  return paragraphs.map((paragraph) => (Array.isArray(paragraph) ? paragraph.join('\n') : paragraph)).join('\n\n');
}

/** The usual title of a set of questions. */
const TITLE =
  'Vragen van het lid Van der Graaf (ChristenUnie) aan de Minister van Landbouw, Natuur en Voedselkwaliteit over de stikstofuitstoot van de luchtvaart (ingezonden 1 maart 2021).';
const REFERENCE = '2021Z03512';

/** The problems a document is rejected with. */
function problemsOf(text: string): string[] {
  try {
    parseDocument(text);
  } catch (error) {
    if (error instanceof DocumentNotReadable) return error.problems;
    throw error;
  }
  throw new Error('the document was read');
}

const texts = (document: ParsedDocument) => document.questions.map((q) => [q.number, q.text]);

describe('numbering of questions', () => {
  it('reads every question of a very long document, however many, instead of gluing the rest into the last', () => {
    const questions = Array.from({ length: 1500 }, (_, i) => [`Vraag ${i + 1}`, `Wat is het antwoord op deelvraag ${i + 1}?`]).flat();
    const read = parseDocument(doc(REFERENCE, TITLE, ...questions));
    expect(read.questions).toHaveLength(1500);
    expect(read.questions.at(-1)).toMatchObject({ number: 1500, text: 'Wat is het antwoord op deelvraag 1500?' });
  });

  it('reads a numbered list of more than 99 items', () => {
    const items = Array.from({ length: 120 }, (_, i) => `${i + 1}. Hoe staat het met onderwerp ${i + 1}?`);
    expect(parseDocument(doc(REFERENCE, TITLE, ...items)).questions).toHaveLength(120);
  });

  it('reads unnumbered paragraphs as questions in order', () => {
    const document = parseDocument(
      doc(
        TITLE,
        ['Bent u bekend met het bericht dat de luchtvaart niet', 'meetelt in de stikstofberekeningen?'],
        'Klopt het dat Schiphol geen natuurvergunning heeft?',
      ),
    );
    expect(texts(document)).toEqual([
      [1, 'Bent u bekend met het bericht dat de luchtvaart niet meetelt in de stikstofberekeningen?'],
      [2, 'Klopt het dat Schiphol geen natuurvergunning heeft?'],
    ]);
  });

  it.each([
    ['Vraag 1', 'Vraag 2'],
    ['**Vraag 1**', '**Vraag 2**'],
    ['### Vraag 1', '#### Vraag 2'],
    ['Vraag 1:', 'Vraag 2:'],
  ])('reads headings written as %j', (first, second) => {
    const document = parseDocument(doc(REFERENCE, TITLE, first, 'Bent u bekend met het bericht?', second, 'Klopt het dat Schiphol geen vergunning heeft?'));
    expect(texts(document)).toEqual([
      [1, 'Bent u bekend met het bericht?'],
      [2, 'Klopt het dat Schiphol geen vergunning heeft?'],
    ]);
  });

  it('reads "Vraag:" labels with the question on the same line', () => {
    const document = parseDocument(doc(TITLE, ['Vraag: Bent u bekend met het bericht', 'over de luchtvaart?'], 'Vraag: Klopt het?'));
    expect(texts(document)).toEqual([
      [1, 'Bent u bekend met het bericht over de luchtvaart?'],
      [2, 'Klopt het?'],
    ]);
  });

  it('reads a numbered list "1." with hard-wrapped continuation lines', () => {
    const document = parseDocument(
      doc(TITLE, [
        '1. Bent u bekend met het bericht dat de luchtvaart',
        'niet meetelt in de stikstofberekeningen?',
        '2. Klopt het dat Schiphol sinds 2019',
        'geen natuurvergunning heeft?',
        '3. Wanneer neemt u een besluit?',
      ]),
    );
    expect(texts(document)).toEqual([
      [1, 'Bent u bekend met het bericht dat de luchtvaart niet meetelt in de stikstofberekeningen?'],
      [2, 'Klopt het dat Schiphol sinds 2019 geen natuurvergunning heeft?'],
      [3, 'Wanneer neemt u een besluit?'],
    ]);
  });

  it('reads a numbered list with blank lines between the items', () => {
    const document = parseDocument(doc(TITLE, '1. Bent u bekend met het bericht?', '2. Klopt het?'));
    expect(document.questions.map((q) => q.number)).toEqual([1, 2]);
  });

  it('divides "Vraag 4 en 5" over its paragraphs', () => {
    const document = parseDocument(doc(REFERENCE, TITLE, 'Vraag 1', 'Eerste vraag?', 'Vraag 2 en 3', 'Klopt het dat X?', 'Wat gaat u daaraan doen?'));
    expect(texts(document)).toEqual([
      [1, 'Eerste vraag?'],
      [2, 'Klopt het dat X?'],
      [3, 'Wat gaat u daaraan doen?'],
    ]);
  });

  it('divides "Vraag 2 en 3" at the question marks of one paragraph', () => {
    const document = parseDocument(doc(REFERENCE, TITLE, 'Vraag 1', 'Eerste vraag?', 'Vraag 2 en 3', 'Klopt het dat X? Zo ja, wat gaat u daaraan doen?'));
    expect(texts(document)).toEqual([
      [1, 'Eerste vraag?'],
      [2, 'Klopt het dat X?'],
      [3, 'Zo ja, wat gaat u daaraan doen?'],
    ]);
  });

  it('gives both numbers the whole text with a warning when it cannot be divided', () => {
    const document = parseDocument(doc(REFERENCE, TITLE, 'Vraag 1 en 2', 'Klopt het dat X? Waarom? Wat doet u?'));
    expect(texts(document)).toEqual([
      [1, 'Klopt het dat X? Waarom? Wat doet u?'],
      [2, 'Klopt het dat X? Waarom? Wat doet u?'],
    ]);
    expect(document.warnings).toEqual(['Questions 1 and 2 share one text that could not be divided; each got the whole text']);
  });
});

describe('answers', () => {
  const ANSWER_HEADER = 'Antwoord van minister Schouten (Landbouw, Natuur en Voedselkwaliteit) (ontvangen 22 maart 2021)';

  it.each([
    ['Antwoord', [[1], [2]]],
    ['Antwoord:', [[1], [2]]],
  ])('reads plain %j headings as the answer to the questions before them', (heading, numbers) => {
    const document = parseDocument(doc(ANSWER_HEADER, 'Vraag 1', 'Eerste?', heading, 'Ja.', 'Vraag 2', 'Tweede?', heading, 'Nee.'));
    expect(document.answers.map((a) => [a.questionNumbers, a.text])).toEqual([
      [numbers[0], 'Ja.'],
      [numbers[1], 'Nee.'],
    ]);
    expect(document.kind).toBe('answers');
  });

  it('reads "Antwoord: Ja." with the answer on the heading line', () => {
    const document = parseDocument(doc(ANSWER_HEADER, 'Vraag 1', 'Eerste?', 'Antwoord: Ja.'));
    expect(document.answers).toEqual([{ questionNumbers: [1], text: 'Ja.', footnotes: [] }]);
  });

  it.each([
    ['Antwoord 2', [2]],
    ['Antwoord op vraag 2', [2]],
    ['Antwoord vraag 2', [2]],
    ['Antwoord op vragen 2 en 3', [2, 3]],
    ['Antwoord op vraag 2, 3 en 4', [2, 3, 4]],
  ])('reads %j as the answer to %j', (heading, numbers) => {
    const document = parseDocument(
      doc(
        ANSWER_HEADER,
        'Vraag 1',
        'Eerste?',
        'Antwoord 1',
        'Ja.',
        'Vraag 2',
        'Tweede?',
        'Vraag 3',
        'Derde?',
        'Vraag 4',
        'Vierde?',
        heading,
        'Dat volgt uit de wet.',
      ),
    );
    expect(document.answers[1]).toEqual({ questionNumbers: numbers, text: 'Dat volgt uit de wet.', footnotes: [] });
  });

  it('reads an answers-only document: no question texts, kind "answers"', () => {
    const document = parseDocument(doc(ANSWER_HEADER, 'Antwoord 1', 'Ja.', 'Antwoord 2', ['Nee. De luchtvaart telt mee in de', 'berekeningen van het RIVM.']));
    expect(document.kind).toBe('answers');
    expect(document.questions).toEqual([]);
    expect(document.answers.map((a) => [a.questionNumbers, a.text])).toEqual([
      [[1], 'Ja.'],
      [[2], 'Nee. De luchtvaart telt mee in de berekeningen van het RIVM.'],
    ]);
    expect(document.answer).toEqual({
      answeredBy: 'Schouten',
      answeredByPost: 'Minister van Landbouw, Natuur en Voedselkwaliteit',
      answeredOn: '2021-03-22',
      coSigners: [],
    });
  });

  it('reads questions and answers with the title of the set as "questions-and-answers"', () => {
    const document = parseDocument(doc(TITLE, ANSWER_HEADER, 'Vraag 1', 'Eerste?', 'Antwoord 1', 'Ja.'));
    expect(document.kind).toBe('questions-and-answers');
    expect(document.answer?.answeredOn).toBe('2021-03-22');
  });

  it('reads unnumbered questions each followed by "Antwoord"', () => {
    const document = parseDocument(doc(ANSWER_HEADER, 'Bent u bekend met het bericht?', 'Antwoord', 'Ja.', 'Klopt het dat X?', 'Antwoord', 'Nee.'));
    expect(texts(document)).toEqual([
      [1, 'Bent u bekend met het bericht?'],
      [2, 'Klopt het dat X?'],
    ]);
    expect(document.answers.map((a) => a.questionNumbers)).toEqual([[1], [2]]);
  });

  it('warns when answers come without an "Antwoord van" line', () => {
    const document = parseDocument(doc(REFERENCE, 'Vraag 1', 'Eerste?', 'Antwoord', 'Ja.'));
    expect(document.answer).toEqual({ answeredBy: null, answeredByPost: null, answeredOn: null, coSigners: [] });
    expect(document.warnings).toEqual(["No 'Antwoord van … (ontvangen …)' line found: who answered and when is unknown"]);
  });
});

describe('footnotes', () => {
  const questionsWith = (first: string, ...rest: Array<string | string[]>) => parseDocument(doc(REFERENCE, TITLE, 'Vraag 1', first, ...rest));

  it('reads "1)" markers and definitions', () => {
    const document = questionsWith('Kent u het bericht «Luchtvaart buiten schot»? 1)', '1) https://nos.nl/artikel/2370000');
    expect(document.questions[0]).toMatchObject({
      number: 1,
      text: 'Kent u het bericht «Luchtvaart buiten schot»?',
      footnotes: [{ marker: '1', text: 'https://nos.nl/artikel/2370000' }],
    });
  });

  it('reads superscript markers ¹²³', () => {
    const document = questionsWith('Kent u het bericht¹ en het rapport¹²?', '¹ https://nos.nl/artikel/1', '¹² Rapport van het RIVM, maart 2021');
    expect(document.questions[0].text).toBe('Kent u het bericht en het rapport?');
    expect(document.questions[0].footnotes).toMatchObject([
      { marker: '1', text: 'https://nos.nl/artikel/1' },
      { marker: '12', text: 'Rapport van het RIVM, maart 2021' },
    ]);
  });

  it('reads <sup> markers', () => {
    const document = questionsWith('Kent u het bericht?<sup>1</sup>', '<sup>1</sup> <https://nos.nl/artikel/1>');
    expect(document.questions[0].footnotes).toMatchObject([{ marker: '1', text: 'https://nos.nl/artikel/1' }]);
  });

  it('reads bracketed "[1 ]" and "[1]" markers from PDF converters', () => {
    const document = questionsWith('Kent u het bericht [1 ] en het rapport[2]?', '[1] https://nos.nl/artikel/1', '[2 ] https://www.rivm.nl/rapport');
    expect(document.questions[0].text).toBe('Kent u het bericht en het rapport?');
    expect(document.questions[0].footnotes.map((f) => f.marker)).toEqual(['1', '2']);
  });

  it('reads glued digits as markers only when the footnote is defined', () => {
    const defined = questionsWith('Kent u het bericht?1', '1 https://nos.nl/artikel/1');
    expect(defined.questions[0]).toMatchObject({ text: 'Kent u het bericht?', footnotes: [{ marker: '1', text: 'https://nos.nl/artikel/1' }] });
    const undefinedMarker = questionsWith('Is het uitstootplafond van 2030 haalbaar?');
    expect(undefinedMarker.questions[0]).toMatchObject({ text: 'Is het uitstootplafond van 2030 haalbaar?', footnotes: [] });
  });

  it('takes a bare "1 https://…" line cut into an answer by a page break out of the answer', () => {
    const document = parseDocument(
      [
        'Antwoord van minister Schouten (Landbouw, Natuur en Voedselkwaliteit) (ontvangen 22 maart 2021)',
        '',
        'Vraag 1',
        'Kent u het bericht?1',
        '',
        'Antwoord',
        'Ja. Het ministerie heeft het bericht met',
        '',
        '1 https://nos.nl/artikel/2370000-luchtvaart-',
        'buiten-schot',
        '',
        '',
        '',
        'belangstelling gelezen.',
      ].join('\n'),
    );
    expect(document.answers[0].text).toBe('Ja. Het ministerie heeft het bericht met belangstelling gelezen.');
    expect(document.questions[0].footnotes).toMatchObject([{ marker: '1', text: 'https://nos.nl/artikel/2370000-luchtvaart-buiten-schot' }]);
  });

  it('warns about a footnote referred to but not defined, and one defined but not referred to', () => {
    const document = questionsWith('Kent u het bericht?<sup>1</sup>', '<sup>2</sup> https://nos.nl/artikel/2');
    expect(document.questions[0].footnotes).toEqual([]);
    expect(document.warnings).toEqual(['Footnote 1 is referred to but not defined', 'Footnote 2 is not referred to in any question or answer']);
  });
});

describe('PDF conversions', () => {
  const PAGE_HEAD = ['Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel'];
  const pageFoot = (page: number) => [`Aanhangsel Handelingen II 2020/21, nr. 2290 ${page}`, 'ah-tk-20202021-2290 ISSN 0921-7371 ’s-Gravenhage 2021'];

  it('drops running heads and footers, form feeds and page numbers, and rejoins a paragraph cut by the page', () => {
    const text = [
      ...PAGE_HEAD,
      'Vragen van het lid Van der Graaf (ChristenUnie) aan de Minister van Landbouw, Natuur en',
      'Voedselkwaliteit over de stikstofuitstoot van de luchtvaart (ingezonden 1 maart 2021).',
      '',
      'Vraag 1',
      'Bent u bekend met het bericht dat de luchtvaart niet meetelt in de',
      ...pageFoot(1),
      '\f',
      ...PAGE_HEAD,
      'stikstofberekeningen?',
      '',
      'Vraag 2',
      'Klopt het dat Schiphol geen natuurvergunning heeft?',
      'Pagina 2 van 2',
      ...pageFoot(2),
    ].join('\r\n');
    const document = parseDocument(text);
    expect(texts(document)).toEqual([
      [1, 'Bent u bekend met het bericht dat de luchtvaart niet meetelt in de stikstofberekeningen?'],
      [2, 'Klopt het dat Schiphol geen natuurvergunning heeft?'],
    ]);
    expect(document.appendixNumber).toBe('2290');
    expect(document.chamber).toBe('TK');
    expect(document.addressees).toEqual(['Minister van Landbouw, Natuur en Voedselkwaliteit']);
    expect(document.warnings).toEqual([]);
  });

  it('drops a lone page number between paragraphs', () => {
    const document = parseDocument(doc(TITLE, 'Vraag 1', 'Eerste?', '2', 'Vraag 2', 'Tweede?'));
    expect(texts(document)).toEqual([
      [1, 'Eerste?'],
      [2, 'Tweede?'],
    ]);
  });

  it.each(['---', '___', '* * *', '———'])('treats a %j separator line as a break, not as text', (separator) => {
    const document = parseDocument(doc(TITLE, 'Vraag 1', 'Eerste?', separator, 'Vraag 2', 'Tweede?'));
    expect(texts(document)).toEqual([
      [1, 'Eerste?'],
      [2, 'Tweede?'],
    ]);
  });
});

describe('hard wraps and hyphens', () => {
  it('joins wrapped lines and drops a printer’s hyphen but keeps real ones', () => {
    const document = parseDocument(
      doc(TITLE, [
        'Vraag 1',
        'Zijn er grootschalige mensenrechten-',
        'schendingen gemeld door EU-',
        'lidstaten in de periode 2019-',
        '2021, en door de Noord-',
        'Hollandse tech-',
        'bedrijven? Werken tech-bedrijven mee?',
      ]),
    );
    expect(document.questions[0].text).toBe(
      'Zijn er grootschalige mensenrechtenschendingen gemeld door EU-lidstaten in de periode 2019-2021, en door de Noord-Hollandse tech-bedrijven? Werken tech-bedrijven mee?',
    );
  });
});

describe('members and parties', () => {
  it.each([
    ['het lid Omtzigt (CDA)', [{ name: 'Omtzigt', party: 'CDA' }]],
    [
      'de leden Van den Berg en De Vries (beiden GroenLinks)',
      [
        { name: 'Van den Berg', party: 'GroenLinks' },
        { name: 'De Vries', party: 'GroenLinks' },
      ],
    ],
    [
      'de leden Becker, Van der Plas en Tielen (allen VVD)',
      [
        { name: 'Becker', party: 'VVD' },
        { name: 'Van der Plas', party: 'VVD' },
        { name: 'Tielen', party: 'VVD' },
      ],
    ],
    [
      'de leden Brekelmans (VVD) en Sjoerdsma (D66)',
      [
        { name: 'Brekelmans', party: 'VVD' },
        { name: 'Sjoerdsma', party: 'D66' },
      ],
    ],
    ["het lid **'t Hoen** (PvdD)", [{ name: "'t Hoen", party: 'PvdD' }]],
  ])('reads "Vragen van %s"', (members, expected) => {
    const document = parseDocument(
      doc(`Vragen van ${members} aan de Minister van Financiën over de toeslagen (ingezonden 2 april 2021).`, 'Vraag 1', 'Klopt het?'),
    );
    expect(document.submitters).toEqual(expected);
    expect(document.subject).toBe('de toeslagen');
  });
});

describe('addressees', () => {
  it.each([
    ['aan de Minister van Infrastructuur en Waterstaat', ['Minister van Infrastructuur en Waterstaat']],
    ['aan de ministers van Financiën en van Justitie en Veiligheid', ['Minister van Financiën', 'Minister van Justitie en Veiligheid']],
    [
      'aan de ministers voor Medische Zorg en van Volksgezondheid, Welzijn en Sport en de staatssecretaris van Sociale Zaken en Werkgelegenheid',
      ['Minister voor Medische Zorg', 'Minister van Volksgezondheid, Welzijn en Sport', 'Staatssecretaris van Sociale Zaken en Werkgelegenheid'],
    ],
    ['aan de Minister-President', ['Minister-President']],
    ['aan de Staatssecretaris van Financiën', ['Staatssecretaris van Financiën']],
  ])('reads "%s"', (addressees, expected) => {
    const document = parseDocument(
      doc(`Vragen van het lid Omtzigt (CDA) ${addressees} over de toeslagenaffaire (ingezonden 2 april 2021).`, 'Vraag 1', 'Klopt het?'),
    );
    expect(document.addressees).toEqual(expected);
    expect(document.subject).toBe('de toeslagenaffaire');
  });
});

describe('co-signers', () => {
  it('reads the posts after "mede namens"', () => {
    const document = parseDocument(
      doc(
        'Antwoord van minister Hoekstra (Financiën), mede namens de Minister van Justitie en Veiligheid en de Staatssecretaris van Financiën (ontvangen 3 mei 2021).',
        'Antwoord 1',
        'Ja.',
      ),
    );
    expect(document.answer).toEqual({
      answeredBy: 'Hoekstra',
      answeredByPost: 'Minister van Financiën',
      answeredOn: '2021-05-03',
      coSigners: ['Minister van Justitie en Veiligheid', 'Staatssecretaris van Financiën'],
    });
  });
});

describe('dates, references, appendix numbers and chamber', () => {
  it('reads "(ingezonden …)" wrapped over lines', () => {
    const document = parseDocument(
      doc(
        [
          'Vragen van het lid Van Helvert (CDA) aan de Minister van Buitenlandse Zaken over Chinese',
          'surveillanceapparatuur (ingezonden 22 december',
          '2020).',
        ],
        'Vraag 1',
        'Klopt het?',
      ),
    );
    expect(document.submittedOn).toBe('2020-12-22');
    expect(document.subject).toBe('Chinese surveillanceapparatuur');
  });

  it('takes the first reference of the header as its own and the others as related', () => {
    const document = parseDocument(
      doc('2021Z03512', TITLE, 'Vraag 1', 'Hoe verhoudt dit zich tot uw antwoord op vragen 2020Z11111?', 'Toelichting:', 'Zie ook de vragen 2021Z00001.'),
    );
    expect(document.reference).toBe('2021Z03512');
    expect(document.relatedReferences).toEqual(['2020Z11111', '2021Z00001']);
  });

  it.each([
    [['## 2290', TITLE], '2290'],
    [['2290', TITLE], '2290'],
    [['Aanhangsel Handelingen II 2020/21, nr. 2290', TITLE], '2290'],
    [[TITLE], null],
  ])('reads the appendix number of %j', (header, appendix) => {
    expect(parseDocument(doc(...header, 'Vraag 1', 'Klopt het?')).appendixNumber).toBe(appendix);
  });

  it('reads an Eerste Kamer document', () => {
    const document = parseDocument(
      doc(
        'Eerste Kamer der Staten-Generaal',
        'Vragen van het lid Nicolaï (PvdD) aan de Minister van Justitie en Veiligheid over de Wet politiegegevens (ingezonden 4 februari 2021).',
        'Vraag 1',
        'Klopt het?',
      ),
    );
    expect(document.chamber).toBe('EK');
  });

  it('reads an Eerste Kamer document from its running heads', () => {
    const head = 'EK vergaderjaar 2020-2021 Aanhangsel';
    const document = parseDocument([head, TITLE, '', 'Vraag 1', 'Klopt het?', '\f', head, 'Vraag 2', 'Waarom?'].join('\n'));
    expect(document.chamber).toBe('EK');
    expect(document.questions).toHaveLength(2);
  });

  it('defaults to the Tweede Kamer', () => {
    expect(parseDocument(doc(TITLE, 'Vraag 1', 'Klopt het?')).chamber).toBe('TK');
  });
});

describe('Toelichting', () => {
  it.each([
    ['Toelichting:', 'Deze vragen zijn een aanvulling op 2021Z01234.'],
    ['**Toelichting:**', 'Deze vragen zijn een aanvulling op 2021Z01234.'],
    ['### Toelichting', 'Deze vragen zijn een aanvulling op 2021Z01234.'],
  ])('reads the note after %j', (heading, note) => {
    const document = parseDocument(doc(REFERENCE, TITLE, 'Vraag 1', 'Klopt het?', heading, note));
    expect(document.explanatoryNote).toBe(note);
    expect(document.relatedReferences).toEqual(['2021Z01234']);
    expect(document.questions[0].text).toBe('Klopt het?');
  });

  it('reads "Toelichting: …" on one line and ends it at a separator', () => {
    const document = parseDocument(
      doc(REFERENCE, TITLE, 'Vraag 1', 'Klopt het?<sup>1</sup>', 'Toelichting: Deze vragen zijn een aanvulling.', '---', '<sup>1</sup> https://nos.nl/1'),
    );
    expect(document.explanatoryNote).toBe('Deze vragen zijn een aanvulling.');
    expect(document.questions[0].footnotes).toMatchObject([{ marker: '1', text: 'https://nos.nl/1' }]);
  });

  it('reads a Toelichting after unnumbered questions', () => {
    const document = parseDocument(doc(TITLE, 'Klopt het?', 'Waarom?', 'Toelichting:', 'Deze vragen zijn een aanvulling.'));
    expect(document.questions).toHaveLength(2);
    expect(document.explanatoryNote).toBe('Deze vragen zijn een aanvulling.');
  });
});

describe('postponement notices', () => {
  const NOTICE =
    'De vragen van het lid Van Helvert (CDA) over Chinese surveillanceapparatuur (2020Z25656, ingezonden 22 december 2020) kunnen niet binnen de gebruikelijke termijn worden beantwoord. De reden van het uitstel is dat voor de beantwoording afstemming met andere departementen nodig is. Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.';

  it('reads a "Mededeling van de Minister" notice', () => {
    const document = parseDocument(doc('Mededeling van de Minister van Buitenlandse Zaken (ontvangen 12 januari 2021)', NOTICE));
    expect(document.kind).toBe('postponement');
    expect(document.postponement).toEqual({
      sentOn: '2021-01-12',
      newDeadline: null,
      reason: 'De reden van het uitstel is dat voor de beantwoording afstemming met andere departementen nodig is.',
    });
    expect(document.reference).toBe('2020Z25656');
    expect(document.submitters).toEqual([{ name: 'Van Helvert', party: 'CDA' }]);
    expect(document.subject).toBe('Chinese surveillanceapparatuur');
    expect(document.submittedOn).toBe('2020-12-22');
    expect(document.questions).toEqual([]);
    expect(document.answer).toBeNull();
  });

  it('reads a "Mededeling uitstel" notice under the title of the set, with a new date and an "omdat" reason', () => {
    const document = parseDocument(
      doc(
        'Mededeling uitstel',
        'Vragen van het lid Van der Graaf (ChristenUnie) aan de Minister van Landbouw, Natuur en Voedselkwaliteit over de stikstofuitstoot van de luchtvaart (ingezonden 1 maart 2021).',
        'Mededeling van de Minister van Landbouw, Natuur en Voedselkwaliteit (ontvangen 19 maart 2021)',
        [
          'De vragen kunnen niet binnen de termijn van drie weken worden beantwoord, omdat de',
          'gegevens van het RIVM nog niet beschikbaar zijn. Ik streef ernaar de vragen uiterlijk',
          '2 april 2021 te beantwoorden.',
        ],
      ),
    );
    expect(document.kind).toBe('postponement');
    expect(document.postponement).toEqual({
      sentOn: '2021-03-19',
      newDeadline: '2021-04-02',
      reason: 'omdat de gegevens van het RIVM nog niet beschikbaar zijn',
    });
    expect(document.addressees).toEqual(['Minister van Landbouw, Natuur en Voedselkwaliteit']);
    expect(document.submittedOn).toBe('2021-03-01');
  });

  it('reads an "Uitstelbericht" without a reason as the whole notice', () => {
    const document = parseDocument(
      doc(
        'Uitstelbericht',
        '2021Z03512 (ontvangen 19 maart 2021)',
        'De vragen van het lid Van der Graaf (ChristenUnie) over de stikstofuitstoot van de luchtvaart kunnen niet binnen de gebruikelijke termijn worden beantwoord. U ontvangt de antwoorden voor 2 april 2021.',
      ),
    );
    expect(document.postponement).toEqual({
      sentOn: '2021-03-19',
      newDeadline: '2021-04-02',
      reason:
        'De vragen van het lid Van der Graaf (ChristenUnie) over de stikstofuitstoot van de luchtvaart kunnen niet binnen de gebruikelijke termijn worden beantwoord. U ontvangt de antwoorden voor 2 april 2021.',
    });
    expect(document.reference).toBe('2021Z03512');
  });

  it('does not take a question about a late answer for a notice', () => {
    const document = parseDocument(doc(TITLE, 'Vraag 1', 'Waarom zijn eerdere vragen niet binnen de gebruikelijke termijn beantwoord?'));
    expect(document.kind).toBe('questions');
  });

  it('rejects a notice that does not say which questions it postpones', () => {
    expect(problemsOf(doc('Mededeling uitstel', 'De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.'))).toEqual([
      "Nothing identifies the questions this notice postpones: expected their reference (such as '2020Z25656'), members, subject or submission date",
    ]);
  });
});

describe('documents that cannot be read', () => {
  it.each(['', '   \n\t\n', '\u00A0\n\u00A0'])('rejects empty text %j', (text) => {
    expect(problemsOf(text)).toEqual(['The document is empty']);
  });

  it.each(['asdf qwerty', 'asdf qwerty zxcv\n\n!!! ### ???', '#$%^&* !!! ~~~ ||| ...', 'lorem ipsum dolor sit amet\n\nconsectetur adipiscing elit'])(
    'rejects noise %j',
    (text) => {
      expect(problemsOf(text)).toEqual([NO_QUESTIONS, NOTHING_IDENTIFIES]);
    },
  );

  it('rejects a page of separators only', () => {
    expect(problemsOf('---\n\n* * *')).toEqual(['The document has no readable text']);
  });

  it('rejects a title without questions', () => {
    expect(problemsOf('Vragen van het lid X (CDA) aan de Minister van Y over Z (ingezonden 1 maart 2021)')).toEqual([NO_QUESTIONS]);
    expect(NO_QUESTIONS).toBe("No questions found: expected 'Vraag 1' headings, a numbered list '1.' or paragraphs ending in '?'");
  });

  it('rejects an impossible date, naming it', () => {
    expect(problemsOf(doc('Vragen van het lid X (CDA) aan de Minister van Y over Z (ingezonden 31 februari 2021)', 'Vraag 1', 'Klopt het?'))).toEqual([
      "'31 februari 2021' is not a date",
    ]);
    expect(problemsOf(doc('Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 31 april 2021)', 'Antwoord 1', 'Ja.'))).toEqual([
      "'31 april 2021' is not a date",
    ]);
  });

  it('rejects questions that nothing identifies', () => {
    expect(problemsOf(doc('Vraag 1', 'Bent u bekend met het bericht?', 'Vraag 2', 'Klopt het?'))).toEqual([NOTHING_IDENTIFIES]);
  });

  it('accepts questions identified by their reference only', () => {
    expect(parseDocument(doc(REFERENCE, 'Vraag 1', 'Klopt het?')).reference).toBe(REFERENCE);
  });

  it('throws DocumentNotReadable and nothing else for slices of the samples and random text', () => {
    const seeds = join(__dirname, '..', '..', '..', '..', 'seeds');
    const samples = readdirSync(seeds).map((file) => readFileSync(join(seeds, file), 'utf8'));
    let seed = 20210115;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const alphabet = 'Vraag Antwoord 1234567890 ?.,;:()[]<>*#-_\n\n\n\f\r ¹²³ <sup>1</sup> ingezonden ontvangen 31 februari 2021 https://x.nl/a-';
    const inputs: string[] = [];
    for (let i = 0; i < 300; i++) {
      const text = samples[random(samples.length)];
      const from = random(text.length);
      inputs.push(text.slice(from, from + random(text.length - from + 1)));
    }
    for (let i = 0; i < 100; i++) {
      inputs.push(Array.from({ length: random(400) }, () => alphabet[random(alphabet.length)]).join(''));
    }
    for (const input of inputs) {
      try {
        const document = parseDocument(input);
        expect(document.questions.length + document.answers.length + (document.postponement ? 1 : 0)).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(DocumentNotReadable);
        expect((error as DocumentNotReadable).problems.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('performance', () => {
  const timed = (text: string) => {
    const started = performance.now();
    try {
      parseDocument(text);
    } catch (error) {
      if (!(error instanceof DocumentNotReadable)) throw error;
    }
    return performance.now() - started;
  };

  it('reads a 1 MB document in well under a second', () => {
    const answer = Array.from(
      { length: 8 },
      () => 'Het kabinet heeft het bericht gelezen en betrekt het bij de besluit-\nvorming over de vergunningverlening in de Natura 2000-gebieden.',
    ).join('\n');
    const questions = Array.from(
      { length: 900 },
      (_, i) =>
        `Vraag ${i + 1}\nBent u bekend met het bericht dat de luchtvaart niet meetelt in de stikstof-\nberekeningen van het RIVM, zoals gemeld in de media?${i % 7 === 0 ? '<sup>1</sup>' : ''}\n\nAntwoord\n${answer}\n`,
    );
    const text = doc(REFERENCE, TITLE, ...questions, '<sup>1</sup> https://nos.nl/artikel/1');
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(timed(text)).toBeLessThan(1000);
    expect(parseDocument(text).questions).toHaveLength(900);
  });

  it.each([
    ['one long line without breaks', 'a'.repeat(1_000_000)],
    ['spaces', `a${' '.repeat(1_000_000)}b?`],
    ['asterisks', '**a '.repeat(250_000)],
    ['hyphens at line ends', 'woord-\n'.repeat(150_000)],
    ['hyphens at page ends', `Vraag 1\n${'woord-\n\n\n\n'.repeat(100_000)}`],
    ['a URL footnote over many lines', `1 https://x.nl/a-\n${'b-\n'.repeat(300_000)}`],
    ['glued footnote markers', `Vraag 1\n${'Klopt het?1 '.repeat(80_000)}\n\n1 https://x.nl`],
    ['question marks', '?'.repeat(1_000_000)],
    ['digits', '1'.repeat(1_000_000)],
    ['opening parentheses', `Vragen van het lid ${'('.repeat(1_000_000)}`],
    ['hashes', `## ${'#'.repeat(1_000_000)}`],
    ['blank lines', '\n'.repeat(1_000_000)],
    ['dots', `Klopt het${'.'.repeat(1_000_000)}?`],
  ])('has no catastrophic backtracking on %s', (_name, text) => {
    // Each takes well under a second; quadratic or exponential behaviour would take minutes.
    expect(timed(text)).toBeLessThan(2000);
  });
});
