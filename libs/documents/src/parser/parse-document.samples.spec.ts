/**
 * The five sample documents in seeds/ (see /work/shared/seed-documents/README.md), read field by
 * field as a desk officer would check them.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ParsedDocument } from '../parsed-document';
import { parseDocument } from './parse-document';

const SEEDS = join(__dirname, '..', '..', '..', '..', 'seeds');
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
const question = (document: ParsedDocument, number: number) => document.questions.find((q) => q.number === number)!;
const answerTo = (document: ParsedDocument, number: number) => document.answers.find((a) => a.questionNumbers.includes(number))!;

const HUAWEI_SUBJECT = 'het bericht dat Huawei in technologie investeert voor de etnische profilering van Oeigoeren';
const GROENLINKS_MEMBERS = [
  { name: 'Van den Nieuwenhuijzen', party: 'GroenLinks' },
  { name: 'Buitenweg', party: 'GroenLinks' },
];
const BHOS_JENV_EZK = [
  'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
  'Minister van Justitie en Veiligheid',
  'Staatssecretaris van Economische Zaken en Klimaat',
];
const VOLKSKRANT_URL =
  'https://www.volkskrant.nl/nieuws-achtergrond/onderzoeksbureau-chinese-techbedrijven-bezig-met-etnisch-profileren-oeigoeren-zijn-doelwit~bc8f6317/?referrer=https%3A%2F%2Fwww.google.com%2F';

describe('sample 000: questions as plain text, unnumbered', () => {
  const document = sample('000');

  it('is a questions document of the Tweede Kamer without reference or appendix number', () => {
    expect(document.kind).toBe('questions');
    expect(document.chamber).toBe('TK');
    expect(document.reference).toBeNull();
    expect(document.appendixNumber).toBeNull();
  });

  it('reads the header', () => {
    expect(document.submitters).toEqual(GROENLINKS_MEMBERS);
    expect(document.addressees).toEqual(BHOS_JENV_EZK);
    expect(document.subject).toBe(HUAWEI_SUBJECT);
    expect(document.submittedOn).toBe('2021-01-15');
  });

  it('makes every paragraph a question, numbered 1 to 9', () => {
    expect(document.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(document.answers).toEqual([]);
    expect(document.answer).toBeNull();
  });

  it('takes footnote 1) out of question 1 and joins its wrapped URL without spaces', () => {
    expect(question(document, 1).text).toMatch(/^Heeft u kennisgenomen van het bericht ‘Onderzoeksbureau: Chinese techbedrijven/);
    expect(question(document, 1).text).toMatch(/in de Volkskrant van 14 januari 2020\?$/);
    expect(question(document, 1).footnotes).toMatchObject([{ marker: '1', text: VOLKSKRANT_URL }]);
  });

  it('keeps a line-end hyphen the document writes elsewhere ("tech-bedrijven") and reads NBSP as a space', () => {
    expect(question(document, 8).text).toBe(
      'Welke acties zouden Nederland en de Europese Unie kunnen ondernemen richting Chinese tech-bedrijven die betrokken zijn bij de onderdrukking van Oeigoeren? Bent u bereid om zich voor dergelijke acties in te spannen?',
    );
    expect(question(document, 6).text).toBe(
      'In hoeverre worden gezichtsherkenningscamera’s van Chinese tech-bedrijven gebruikt in Nederland? Vindt u het gebruik daarvan wenselijk?',
    );
  });

  it('has no footnotes other than on question 1, and nothing to warn about', () => {
    expect(document.questions.slice(1).flatMap((q) => q.footnotes)).toEqual([]);
    expect(document.warnings).toEqual([]);
  });
});

describe('sample 001: questions in markdown, "Vraag N" headings, superscript footnotes', () => {
  const document = sample('001');

  it('reads the header without markdown', () => {
    expect(document.kind).toBe('questions');
    expect(document.reference).toBe('2020Z25656');
    expect(document.submitters).toEqual([{ name: 'Van Helvert', party: 'CDA' }]);
    expect(document.addressees).toEqual(['Minister van Buitenlandse Zaken']);
    expect(document.subject).toBe('Chinese surveillanceapparatuur');
    expect(document.submittedOn).toBe('2020-12-22');
  });

  it('reads questions 1 to 15', () => {
    expect(document.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(question(document, 2).text).toBe('Hoe beoordeelt u deze berichtgeving?');
  });

  it('attaches ¹ to question 1 and ² to question 10, with the URLs out of their angle brackets', () => {
    expect(question(document, 1)).toEqual({
      number: 1,
      text: 'Bent u bekend met het bericht dat Huawei software voor de herkenning van gezichten van Oeigoeren testte?',
      footnotes: [
        { marker: '1', position: 104, text: 'https://www.rtlnieuws.nl/tech/artikel/5202012/huawei-testte-software-voor-herkenning-gezichten-oeigoeren' },
      ],
    });
    expect(question(document, 10).footnotes).toMatchObject([
      {
        marker: '2',
        text: 'http://www.businessworld.in/article/Thousands-of-EU-staff-reject-Chinese-giant-Hikvision-surveillance-equipment-over-Uyghur-repression-/13-11-2020-342484/',
      },
    ]);
  });

  it('keeps the footnote definition between questions 6 and 7 out of both', () => {
    expect(question(document, 6).text).toMatch(/om Chinese minderheden te onderdrukken\?$/);
    expect(question(document, 7).text).toMatch(/^In hoeverre acht u het wenselijk/);
    expect(document.questions.some((q) => q.text.includes('rtlnieuws'))).toBe(false);
  });
});

describe('sample 002: the answers to 001, plain text from a PDF', () => {
  const document = sample('002');

  it('is an answers document with nothing of the questions header', () => {
    expect(document.kind).toBe('answers');
    expect(document.reference).toBeNull();
    expect(document.submitters).toEqual([]);
    expect(document.submittedOn).toBeNull();
  });

  it('reads the answer header wrapped over two lines', () => {
    expect(document.answer).toEqual({
      answeredBy: 'Blok',
      answeredByPost: 'Minister van Buitenlandse Zaken',
      answeredOn: '2021-04-13',
      coSigners: [],
    });
  });

  it('reads the 15 repeated questions and 13 answers, one of them for questions 3, 4 and 5', () => {
    expect(document.questions).toHaveLength(15);
    expect(document.answers).toHaveLength(13);
    expect(document.answers.map((a) => a.questionNumbers)).toEqual([[1], [2], [3, 4, 5], [6], [7], [8], [9], [10], [11], [12], [13], [14], [15]]);
    expect(answerTo(document, 1).text).toBe('Ja.');
  });

  it('reads glued digits as footnote markers where those footnotes are defined', () => {
    expect(question(document, 1).text).toMatch(/van Oeigoeren testte\?$/);
    expect(question(document, 1).footnotes.map((f) => f.marker)).toEqual(['1']);
    expect(answerTo(document, 6).footnotes).toMatchObject([
      { marker: '2', text: 'https://www.huawei.com/nl/news/nl/2020/verklaring-huawei-artikel-washington-post' },
    ]);
    expect(answerTo(document, 6).text).toMatch(
      /^Huawei heeft zijn positie in deze kwestie gecommuniceerd via een verklaring op de website van Huawei Nederland\. Het bedrijf stelt/,
    );
    expect(question(document, 10).footnotes).toMatchObject([
      {
        marker: '3',
        text: 'http://www.businessworld.in/article/Thousands-of-EU-staff-reject-Chinese-giant-Hikvision-s-surveillance-equipment-over-Uyghur-repression-/13-11-2020-342484/',
      },
    ]);
  });

  it('keeps the footnote line cut into answer 3-5 out of the answer text', () => {
    const text = answerTo(document, 3).text;
    expect(text).not.toContain('rtlnieuws');
    expect(text.split('\n\n')).toHaveLength(4);
    expect(text.split('\n\n')[1]).toMatch(/^Met betrekking tot het gebruik van gezichtsherkenningssoftware/);
    expect(answerTo(document, 3).footnotes).toEqual([]);
  });

  it('continues a paragraph after a page break when it did not end a sentence', () => {
    expect(answerTo(document, 6).text).toContain('Medewerkers van het ministerie van Buitenlandse Zaken zijn over dit onderwerp op 25 februari jl.');
    expect(answerTo(document, 9).text).toContain('een lijst van dual-use goederen die in deze EU-verordening is bijgevoegd.');
    expect(answerTo(document, 15).text).toContain('In het recent onderhandelde Comprehensive Agreement on Investment (CAI)');
  });

  it('keeps "‘zwarte lijst’-methodiek" whole and splits paragraphs with a blank line', () => {
    expect(answerTo(document, 9).text).toContain('Deze voorziet niet in een ‘zwarte lijst’-methodiek.');
    expect(answerTo(document, 15).text.split('\n\n')).toHaveLength(3);
    expect(answerTo(document, 12).text).toBe(
      'Het kabinet heeft de Europese Commissie, de Europese Dienst voor Extern Optreden en het Europese Parlement gewezen op de kwetsbaarheden.\n\nUiteindelijk ligt de verantwoordelijkheid voor het beheer van de temperatuurcamera’s bij de EU-instellingen.',
    );
  });

  it('takes "Antwoord " with a trailing space for a heading', () => {
    expect(answerTo(document, 13).text).toBe('Er bestaat geen compleet overzicht van de gebruikte surveillanceapparatuur binnen alle overheidsinstellingen.');
    expect(question(document, 13).text).toMatch(/van ‘schone’ bedrijven\?$/);
  });

  it('has nothing to warn about', () => {
    expect(document.warnings).toEqual([]);
  });
});

describe('sample 003: questions and answers as published in the Aanhangsel', () => {
  const document = sample('003');

  it('reads the appendix number and not the Aanhangsel title as the subject', () => {
    expect(document.kind).toBe('questions-and-answers');
    expect(document.appendixNumber).toBe('2290');
    expect(document.reference).toBeNull();
    expect(document.subject).toBe(HUAWEI_SUBJECT);
  });

  it('reads members, addressees and date as in 000', () => {
    expect(document.submitters).toEqual(GROENLINKS_MEMBERS);
    expect(document.addressees).toEqual(BHOS_JENV_EZK);
    expect(document.submittedOn).toBe('2021-01-15');
  });

  it('reads who answered, on whose behalf and when', () => {
    expect(document.answer).toEqual({
      answeredBy: 'Kaag',
      answeredByPost: 'Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
      answeredOn: '2021-04-09',
      coSigners: ['Minister van Justitie en Veiligheid', 'Staatssecretaris van Economische Zaken en Klimaat'],
    });
  });

  it('reads 9 questions and 9 answers under headings in varying markdown', () => {
    expect(document.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(document.answers.map((a) => a.questionNumbers)).toEqual([[1], [2], [3], [4], [5], [6], [7], [8], [9]]);
    expect(answerTo(document, 9).text).toContain('als onderdeel van due diligence, na te gaan');
  });

  it('gives each <sup> footnote to the question or answer carrying its marker', () => {
    expect(question(document, 1).footnotes).toMatchObject([{ marker: '1', text: VOLKSKRANT_URL }]);
    expect(answerTo(document, 3).footnotes.map((f) => f.marker)).toMatchObject(['2']);
    expect(answerTo(document, 3).footnotes[0].text).toMatch(/^Waarbij het gebruik van de term „ras» niet impliceert/);
    expect(answerTo(document, 3).text).toContain('op basis van bijvoorbeeld, ras, afkomst of etniciteit.');
    expect(answerTo(document, 5).footnotes.map((f) => f.marker)).toEqual(['3']);
    expect(answerTo(document, 6).footnotes.map((f) => f.marker)).toEqual(['4', '5']);
    expect(answerTo(document, 6).footnotes[1].text).toBe('Stand van zaken uitvoering Agenda horizontale privacy | Tweede Kamer der Staten-Generaal');
  });

  it('keeps footnote definitions out of the text around them', () => {
    expect(answerTo(document, 2).text).toMatch(/voor militaire of surveillancetoepassingen\.$/);
    expect(question(document, 6).text).toBe(
      "In hoeverre worden gezichtsherkenningcamera's van Chinese tech-bedrijven gebruikt in Nederland? Vindt u het gebruik daarvan wenselijk?",
    );
    expect(document.warnings).toEqual([]);
  });
});

describe('sample 004: questions with a Toelichting', () => {
  const document = sample('004');

  it('reads the header', () => {
    expect(document.kind).toBe('questions');
    expect(document.reference).toBe('2019Z15244');
    expect(document.appendixNumber).toBeNull();
    expect(document.submitters).toEqual([{ name: 'Sjoerdsma', party: 'D66' }]);
    expect(document.addressees).toEqual(['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking']);
    expect(document.subject).toBe('het bericht «Berucht Chinees veiligheidsministerie gebruikt Nederlandse software die emoties leest»');
    expect(document.submittedOn).toBe('2019-07-18');
  });

  it('reads 10 questions under mixed "### Vraag N" and "Vraag N" headings', () => {
    expect(document.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(question(document, 10).text).toMatch(/^Bent u het eens dat Nederlandse cybersurveillance technologie/);
    expect(question(document, 10).text).toMatch(/op Europees niveau zou moeten gelden\?$/);
  });

  it('reads the Toelichting up to the separator and the reference it names', () => {
    expect(document.explanatoryNote).toBe(
      'Deze vragen dienen ter aanvulling op eerdere vragen terzake van de leden Van Ojik en Diks (beiden GroenLinks), ingezonden 18 juli 2019 (vraagnummer 2019Z15131)',
    );
    expect(document.relatedReferences).toEqual(['2019Z15131']);
  });

  it('attaches footnote 1 to question 1 and footnotes 2 and 3 to question 5', () => {
    expect(question(document, 1).footnotes.map((f) => f.marker)).toMatchObject(['1']);
    expect(question(document, 5).footnotes).toMatchObject([
      { marker: '2', text: 'https://www.hrw.org/news/2017/11/19/china-police-big-data-systems-violate-privacy-target-dissent' },
      { marker: '3', text: 'https://www.nytimes.com/2019/04/14/technology/china-surveillance-artificial-intelligence-racial-profiling.html' },
    ]);
    expect(question(document, 5).text).toBe(
      'Bent u op de hoogte van de berichtgeving van mensenrechtenorganisaties die waarschuwen dat China surveillance-technologie inzet tegen iedereen die uit de pas loopt, zoals activisten, dissidenten en minderheden (één miljoen Oeigoeren)?',
    );
    expect(document.warnings).toEqual([]);
  });
});
