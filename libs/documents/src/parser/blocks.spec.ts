import { Block, hasQuestionHeadings, readBlocks, readHeading, readNumberList } from './blocks';
import { PAGE_BREAK } from './text-cleanup';

const references = { paren: new Set<string>(), glued: new Set<string>() };
const read = (lines: string[], numberedListIsQuestions = false) => readBlocks(lines, { references, numberedListIsQuestions });
const kinds = (blocks: Block[]) => blocks.map((block) => block.kind);

describe('readNumberList', () => {
  it.each([
    ['3', [3]],
    ['3, 4 en 5', [3, 4, 5]],
    ['2 en 3', [2, 3]],
    ['4 t/m 6', [4, 5, 6]],
    ['7-9', [7, 8, 9]],
    ['5 en 4', [4, 5]],
  ])('%j → %j', (text, numbers) => {
    expect(readNumberList(text)).toEqual(numbers);
  });
});

describe('readHeading', () => {
  it.each([
    ['Vraag 1', 'question-heading', [1], ''],
    ['Vraag 1:', 'question-heading', [1], ''],
    ['Vraag:', 'question-heading', [], ''],
    ['Vraag', 'question-heading', [], ''],
    ['Vraag 4 en 5', 'question-heading', [4, 5], ''],
    ['Vraag 2: Hoe beoordeelt u dit?', 'question-heading', [2], 'Hoe beoordeelt u dit?'],
    ['Antwoord', 'answer-heading', [], ''],
    ['Antwoord:', 'answer-heading', [], ''],
    ['Antwoord: Ja.', 'answer-heading', [], 'Ja.'],
    ['Antwoord 3', 'answer-heading', [3], ''],
    ['Antwoord op vraag 3, 4 en 5', 'answer-heading', [3, 4, 5], ''],
    ['Antwoord op vragen 2 en 3', 'answer-heading', [2, 3], ''],
    ['Antwoord vraag 2', 'answer-heading', [2], ''],
    ['Toelichting:', 'note-heading', [], ''],
    ['Toelichting', 'note-heading', [], ''],
    ['Toelichting: Deze vragen dienen ter aanvulling', 'note-heading', [], 'Deze vragen dienen ter aanvulling'],
  ])('%j', (line, kind, numbers, inlineText) => {
    expect(readHeading(line, true)).toEqual({ kind, numbers, inlineText });
  });

  it.each([
    'Antwoord van minister Blok (Buitenlandse Zaken)',
    'Vragen van het lid Van Helvert (CDA)',
    'Vragen',
    'Antwoorden',
    'Vraag en antwoord zijn gepubliceerd',
    'vraag 3',
  ])('%j is no heading', (line) => {
    expect(readHeading(line, true)).toBeNull();
  });

  it('reads "Vraag 3. Text" as a heading only at the start of a paragraph', () => {
    expect(readHeading('Vraag 3. Bent u bekend met het bericht?', true)?.numbers).toEqual([3]);
    expect(readHeading('Vraag 3. Dit is uitgewerkt.', false)).toBeNull();
  });
});

describe('hasQuestionHeadings', () => {
  it('sees markdown and bold headings', () => {
    expect(hasQuestionHeadings(['intro', '### Vraag 3'])).toBe(true);
    expect(hasQuestionHeadings(['**Vraag 1**'])).toBe(true);
    expect(hasQuestionHeadings(['1. Bent u bekend?', 'Heeft u een vraag?'])).toBe(false);
  });
});

describe('readBlocks', () => {
  it('reads a heading followed directly by its text on the next line', () => {
    const blocks = read(['Vraag 1', 'Bent u bekend met het bericht dat Huawei', 'software testte?', '', 'Antwoord', 'Ja.']);
    expect(kinds(blocks)).toEqual(['question-heading', 'text', 'answer-heading', 'text']);
    expect(blocks[1]).toMatchObject({ lines: ['Bent u bekend met het bericht dat Huawei', 'software testte?'] });
  });

  it('starts a text block with the inline text of a labelled heading', () => {
    const blocks = read(['Vraag 1: Bent u bekend met', 'het bericht?']);
    expect(blocks[1]).toMatchObject({ kind: 'text', lines: ['Bent u bekend met', 'het bericht?'] });
  });

  it('records a page break for three blank lines, a form feed or a dropped running head', () => {
    const blocks = read(['Medewerkers van Buitenlandse', '', '', '', 'Zaken zijn', '', 'Nieuw', PAGE_BREAK, 'Verder']);
    expect(blocks.map((block) => block.breakBefore)).toEqual(['paragraph', 'page', 'paragraph', 'page']);
  });

  it('reads footnote definitions with their continuation lines and ends a URL footnote where the URL ends', () => {
    const blocks = read(['1 https://www.rtlnieuws.nl/tech/artikel/5202012/huawei-testte-', 'gezichten-oeigoeren', 'Zaken zijn over dit']);
    expect(kinds(blocks)).toEqual(['footnote', 'text']);
    expect(blocks[0]).toMatchObject({ marker: '1', lines: ['https://www.rtlnieuws.nl/tech/artikel/5202012/huawei-testte-', 'gezichten-oeigoeren'] });
  });

  it('reads separators', () => {
    expect(kinds(read(['Toelichting:', 'Tekst.', '', '---', '', '<sup>2</sup> <https://www.hrw.org>']))).toEqual([
      'note-heading',
      'text',
      'separator',
      'footnote',
    ]);
  });

  it('reads numbered list items, with hard-wrapped continuation lines, only when asked to', () => {
    const lines = ['1. Bent u bekend met', 'het bericht?', '2. Klopt het dat', 'dit zo is?'];
    expect(kinds(read(lines, true))).toEqual(['list-item', 'text', 'list-item', 'text']);
    expect(kinds(read(lines, false))).toEqual(['text']);
  });

  it('does not start a list item mid-paragraph unless it is the next number', () => {
    expect(kinds(read(['1. Klopt het dat het kabinet in', '2021. nog niets deed?'], true))).toEqual(['list-item', 'text']);
  });

  it('marks markdown headings and bold lines as titles and removes the hashes', () => {
    const blocks = read(['## 2290', '', '**Vragen gesteld door de leden der Kamer**', '', 'Gewone tekst']);
    expect(blocks.map((block) => (block.kind === 'text' ? [block.lines, block.styledAsTitle] : null))).toEqual([
      [['2290'], true],
      [['**Vragen gesteld door de leden der Kamer**'], true],
      [['Gewone tekst'], false],
    ]);
  });
});
