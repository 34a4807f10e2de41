/**
 * Word and PDF files in every layout the parser knows, made here with docx and pdfkit
 * (test/documents/typeset.ts), read into text and parsed: each must give what the same document
 * as text gives — header, questions, answers, footnotes and where their markers stood — with the
 * PDF's running heads, page numbers (also one printed large above the appendix number) and
 * footnotes at the foot of each page out of the way.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import PDFDocument from 'pdfkit';
import { typesetFromText, typesetPdf, typesetWord, type PdfOptions } from '../../../../test/documents/typeset';
import { writeAnswerDocumentWord } from '../answer-document-word';
import type { AnswerDocumentInput } from '../answer-document';
import type { ParsedDocument } from '../parsed-document';
import { parseDocument } from '../parser/parse-document';
import { DocumentFileNotReadable, UnsupportedDocumentFile, documentFormatOf } from './document-format';
import { documentText } from './document-text';

jest.setTimeout(120_000);

const SEEDS = join(__dirname, '..', '..', '..', '..', 'seeds');
const seed = (prefix: string) =>
  readFileSync(
    join(
      SEEDS,
      ['000_3fa7b0e687fc72f2.txt', '001_28edc29e100e7927.txt', '003_c9300e06f95d6079.txt', '004_8ba98788180af416.txt'].find((f) => f.startsWith(prefix))!,
    ),
    'utf8',
  );

const TK_HEAD = 'Tweede Kamer, vergaderjaar 2020–2021, Aanhangsel';

/** Everything the importer takes from a document. */
function essence(document: ParsedDocument) {
  const { warnings: _warnings, ...rest } = document;
  return rest;
}

async function fromPdf(text: string, options: PdfOptions = {}): Promise<ParsedDocument> {
  const pdf = await typesetPdf(typesetFromText(text), options);
  const read = await documentText({ name: 'kamervragen.pdf', bytes: pdf });
  expect(read.format).toBe('pdf');
  return parseDocument(read.text);
}

async function fromWord(text: string): Promise<ParsedDocument> {
  const read = await documentText({ name: 'kamervragen.docx', bytes: await typesetWord(typesetFromText(text)) });
  expect(read.format).toBe('docx');
  return parseDocument(read.text);
}

const doc = (...paragraphs: string[]) => paragraphs.join('\n\n');
const TITLE =
  'Vragen van het lid Van der Graaf (ChristenUnie) aan de Minister van Landbouw, Natuur en Voedselkwaliteit over de stikstofuitstoot van de luchtvaart (ingezonden 1 maart 2021).';

/** Layouts beyond the five samples, as text. */
const LAYOUTS: Array<[string, string]> = [
  ['000: unnumbered questions, footnote "1)"', seed('000')],
  ['001: "Vraag N" headings, superscript footnotes', seed('001')],
  ['003: questions and answers of appendix 2290, <sup> footnotes', seed('003')],
  ['004: questions with a Toelichting', seed('004')],
  [
    'a numbered list "1."',
    doc('2021Z03512', TITLE, '1. Bent u bekend met het bericht over de luchtvaart?', '2. Klopt het dat de uitstoot stijgt?', '3. Wat gaat u doen?'),
  ],
  [
    '"Vraag:" and "Antwoord:" labels',
    doc(
      '2021Z03512',
      TITLE,
      'Antwoord van Minister Schouten (Landbouw, Natuur en Voedselkwaliteit) (ontvangen 22 maart 2021).',
      'Vraag: Klopt het?',
      'Antwoord: Ja.',
      'Vraag: Waarom stijgt de uitstoot?',
      'Antwoord: Door meer vluchten.',
    ),
  ],
  [
    'answers without question texts, one covering three',
    doc(
      'Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 13 april 2021)',
      '2020Z25656',
      'Antwoord 1',
      'Ja.',
      'Antwoord 2',
      'Het kabinet kan de berichtgeving niet bevestigen.',
      'Antwoord op vraag 3, 4 en 5',
      'Het gebruik van gezichtsherkenningssoftware is op zichzelf geen schending van mensenrechten.<sup>1</sup> Wel zijn er zorgen over biometrische data, zoals die bij gezichtsherkenning wordt verzameld, en over het effect van zulke technologie op het recht op privacy. Het kabinet blijft dit volgen en bespreekt het in de Mensenrechtenraad.',
      '<sup>1</sup> https://www.ohchr.org/en/statements/2020/facial-recognition',
    ),
  ],
  [
    'an Eerste Kamer set',
    doc(
      'Eerste Kamer der Staten-Generaal',
      'Vragen van het lid Nicolaï (PvdD) aan de Minister van Justitie en Veiligheid over de Wet politiegegevens (ingezonden 4 februari 2021).',
      'Vraag 1',
      'Klopt het?',
      'Vraag 2',
      'Waarom?',
    ),
  ],
  [
    'a "Mededeling uitstel" notice',
    doc(
      'Mededeling uitstel',
      TITLE,
      'Mededeling van de Minister van Landbouw, Natuur en Voedselkwaliteit (ontvangen 19 maart 2021)',
      'De vragen kunnen niet binnen de termijn van drie weken worden beantwoord, omdat de gegevens van het RIVM nog niet beschikbaar zijn. Ik streef ernaar de vragen uiterlijk 2 april 2021 te beantwoorden.',
    ),
  ],
];

describe('PDF files, in each layout the parser knows', () => {
  it.each(LAYOUTS)('reads %s as the text gives it, across pages with running heads, page numbers and footnotes at the foot', async (_name, text) => {
    const expected = essence(parseDocument(text));
    expect(essence(await fromPdf(text, { runningHead: TK_HEAD }))).toEqual(expected);
  });

  it('does not take a page number printed large above the appendix number for the appendix number', async () => {
    const read = await fromPdf(seed('003'), { runningHead: TK_HEAD, pageNumberAsHeading: true });
    expect(read.appendixNumber).toBe('2290');
    expect(essence(read)).toEqual(essence(parseDocument(seed('003'))));
  });

  it('reads footnotes whose number at the foot of the page is not raised', async () => {
    const read = await fromPdf(seed('004'), { footnoteMarkers: 'plain' });
    expect(read.questions.find((q) => q.number === 5)?.footnotes.map((f) => f.marker)).toEqual(['2', '3']);
    expect(essence(read)).toEqual(essence(parseDocument(seed('004'))));
  });

  it('keeps the reading order and the place of a marker inside a sentence', async () => {
    const read = await fromPdf(seed('003'));
    const answer3 = read.answers.find((a) => a.questionNumbers.includes(3))!;
    const [footnote] = answer3.footnotes;
    expect(footnote.marker).toBe('2');
    // "… op basis van bijvoorbeeld, ras², afkomst of etniciteit."
    expect(answer3.text.slice(footnote.position - 30, footnote.position + 9)).toBe('op basis van bijvoorbeeld, ras, afkomst');
  });
});

describe('Word files, in each layout the parser knows', () => {
  it.each(LAYOUTS)('reads %s as the text gives it, footnotes as Word footnotes', async (_name, text) => {
    expect(essence(await fromWord(text))).toEqual(essence(parseDocument(text)));
  });
});

describe('the answer document as Word', () => {
  const set: AnswerDocumentInput = {
    chamber: 'TK',
    reference: '2021Z04321',
    appendixNumber: '2512',
    subject: 'het bericht dat gemeenten gezichtsherkenning gebruiken',
    submittedOn: '2021-03-01',
    submitters: [
      { name: 'Van der Graaf', party: 'ChristenUnie' },
      { name: 'Bisschop', party: 'SGP' },
    ],
    addressees: ['Minister van Justitie en Veiligheid', 'Minister van Binnenlandse Zaken en Koninkrijksrelaties'],
    answeredBy: { name: 'Grapperhaus', post: 'Minister van Justitie en Veiligheid', coSigners: ['Minister van Binnenlandse Zaken en Koninkrijksrelaties'] },
    answeredOn: '2021-04-06',
    draft: false,
    questions: [
      {
        number: 1,
        text: 'Bent u bekend met het bericht dat gemeenten gezichtsherkenning gebruiken? Zo ja, wat vindt u ervan?',
        footnotes: [{ text: 'https://nos.nl/artikel/1', position: 62 }],
      },
      { number: 2, text: 'Welke wettelijke grondslag hebben gemeenten daarvoor?', footnotes: [] },
    ],
    answers: [
      { questionNumbers: [1], text: 'Ja.', footnotes: [] },
      {
        questionNumbers: [2],
        text: 'Die grondslag is er niet.\n\nDe AVG laat het niet toe, zie de uitspraak van de Raad van State.',
        footnotes: [{ text: 'ECLI:NL:RVS:2021:1', position: 88 }],
      },
    ],
    explanatoryNote: null,
  };

  it('is a Word file that imports as the same set, footnotes as real footnotes where they stood', async () => {
    const word = await writeAnswerDocumentWord(set);
    expect(word.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(word.includes('word/footnotes.xml')).toBe(true);
    const read = parseDocument((await documentText({ name: 'antwoorden.docx', bytes: word })).text);
    expect(read).toMatchObject({
      kind: 'questions-and-answers',
      reference: '2021Z04321',
      appendixNumber: '2512',
      subject: set.subject,
      submittedOn: '2021-03-01',
      submitters: set.submitters,
      addressees: set.addressees,
      answer: {
        answeredBy: 'Grapperhaus',
        answeredByPost: 'Minister van Justitie en Veiligheid',
        answeredOn: '2021-04-06',
        coSigners: ['Minister van Binnenlandse Zaken en Koninkrijksrelaties'],
      },
    });
    expect(read.questions.map(({ number, text }) => ({ number, text }))).toEqual(set.questions.map(({ number, text }) => ({ number, text })));
    expect(read.answers.map(({ questionNumbers, text }) => ({ questionNumbers, text }))).toEqual(
      set.answers.map(({ questionNumbers, text }) => ({ questionNumbers, text })),
    );
    expect(read.questions[0].footnotes).toEqual([{ marker: '1', text: 'https://nos.nl/artikel/1', position: 62 }]);
    expect(read.answers[1].footnotes).toEqual([{ marker: '2', text: 'ECLI:NL:RVS:2021:1', position: 88 }]);
  });
});

describe('files that are not what they say', () => {
  const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);

  it('tells a Word file named .pdf, a PDF named .txt and an old .doc apart from what they claim', () => {
    expect(() => documentFormatOf('vragen.pdf', Buffer.concat([zip, Buffer.from('word/document.xml')]))).toThrow(
      new DocumentFileNotReadable(
        '"vragen.pdf" is called a PDF but is a Word document (.docx). Give it the extension .docx (or export it again as a PDF) and import it again.',
      ),
    );
    expect(() => documentFormatOf('vragen.txt', pdfBytes)).toThrow(/"vragen.txt" is called a text file but is a PDF/);
    expect(() => documentFormatOf('vragen.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(UnsupportedDocumentFile);
    expect(() => documentFormatOf('vragen.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/save it as \.docx/);
    expect(() => documentFormatOf('vragen.odt', Buffer.concat([zip, Buffer.from('application/vnd.oasis.opendocument.text')]))).toThrow(UnsupportedDocumentFile);
    expect(() => documentFormatOf('vragen.docx', Buffer.from('Vraag 1'))).toThrow(/"vragen.docx" is called a Word document \(.docx\) but is a text file/);
    expect(documentFormatOf('VRAGEN.PDF', pdfBytes)).toBe('pdf');
    expect(documentFormatOf('vragen.md', Buffer.from('# Vraag 1'))).toBe('text');
  });

  it('says a damaged PDF or Word file is damaged, and a PDF without text is a scan', async () => {
    await expect(documentText({ name: 'kapot.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 7)]) })).rejects.toThrow(
      /could not be read as a PDF: it is damaged/,
    );
    await expect(documentText({ name: 'kapot.docx', bytes: Buffer.concat([zip, Buffer.from('word/document.xml'), Buffer.alloc(100)]) })).rejects.toThrow(
      /could not be read as a Word document/,
    );
    const scan = new PDFDocument({ size: 'A5' });
    const chunks: Buffer[] = [];
    scan.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => scan.on('end', () => resolve(Buffer.concat(chunks))));
    scan.rect(50, 50, 200, 300).fill('#777');
    scan.end();
    await expect(documentText({ name: 'scan.pdf', bytes: await done })).rejects.toThrow(/holds no text, only images \(a scan\?\)/);
  });

  it('refuses a PDF with more pages than the desk reads, and text that is not UTF-8', async () => {
    const pdf = await typesetPdf(typesetFromText(seed('003')));
    await expect(documentText({ name: 'lang.pdf', bytes: pdf }, { timeoutMs: 30_000, maxHeapMb: 256, maxPages: 1, maxCharacters: 1_000_000 })).rejects.toThrow(
      /has \d+ pages, more than the 1/,
    );
    await expect(documentText({ name: 'vragen.txt', bytes: Buffer.from([0x56, 0x72, 0x61, 0x61, 0x67, 0xe9]) })).rejects.toThrow(/is not UTF-8 text/);
  });
});
