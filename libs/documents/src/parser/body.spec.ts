import { BodyUnit, numberingOf, readBody, splitAtQuestionMarks } from './body';
import { BreakBefore } from './blocks';

const text = (value: string, breakBefore: BreakBefore = 'paragraph'): BodyUnit => ({ kind: 'text', text: value, breakBefore });
const vraag = (...numbers: number[]): BodyUnit => ({ kind: 'question-heading', numbers });
const antwoord = (...numbers: number[]): BodyUnit => ({ kind: 'answer-heading', numbers });
const footnote = (breakBefore: BreakBefore = 'paragraph'): BodyUnit => ({ kind: 'footnote', breakBefore });
const marker = (n: string) => `\uE000${n}\uE001`;
const read = (...units: BodyUnit[]) => readBody(units, new Set());

describe('numberingOf', () => {
  it('prefers headings, then a numbered list, else paragraphs', () => {
    expect(numberingOf([vraag(1), { kind: 'list-item', number: 1 }])).toBe('headings');
    expect(numberingOf([{ kind: 'list-item', number: 1 }])).toBe('list');
    expect(numberingOf([text('Heeft u?')])).toBe('paragraphs');
  });
});

describe('readBody with headings', () => {
  it('gives each heading its text and each answer its questions', () => {
    const body = read(vraag(1), text('Bent u bekend met het bericht?'), antwoord(), text('Ja.'), vraag(2), text('Klopt dit?'), antwoord(2), text('Nee.'));
    expect(body.questions).toMatchObject([
      { number: 1, text: 'Bent u bekend met het bericht?', markers: [] },
      { number: 2, text: 'Klopt dit?', markers: [] },
    ]);
    expect(body.answers).toMatchObject([
      { questionNumbers: [1], text: 'Ja.', markers: [] },
      { questionNumbers: [2], text: 'Nee.', markers: [] },
    ]);
    expect(body.warnings).toEqual([]);
  });

  it('lets a plain "Antwoord" answer all questions since the previous answer', () => {
    const body = read(vraag(3), text('A?'), vraag(4), text('B?'), vraag(5), text('C?'), antwoord(), text('Het antwoord.'));
    expect(body.answers.map((answer) => answer.questionNumbers)).toEqual([[3, 4, 5]]);
  });

  it('numbers unnumbered "Vraag:" labels in order', () => {
    const body = read(vraag(), text('Eerste?'), antwoord(), text('Ja.'), vraag(), text('Tweede?'), antwoord(), text('Nee.'));
    expect(body.questions.map((question) => question.number)).toEqual([1, 2]);
    expect(body.answers.map((answer) => answer.questionNumbers)).toEqual([[1], [2]]);
  });

  it('separates the paragraphs of one answer with a blank line', () => {
    expect(read(vraag(1), text('A?'), antwoord(1), text('Eerste alinea.'), text('Tweede alinea.')).answers[0].text).toBe('Eerste alinea.\n\nTweede alinea.');
  });

  it('continues a paragraph cut by a page break when it did not end a sentence', () => {
    const body = read(
      vraag(1),
      text('A?'),
      antwoord(1),
      text('Medewerkers van het ministerie van Buitenlandse'),
      footnote(),
      text('Zaken zijn over dit onderwerp in gesprek gegaan.', 'page'),
    );
    expect(body.answers[0].text).toBe('Medewerkers van het ministerie van Buitenlandse Zaken zijn over dit onderwerp in gesprek gegaan.');
  });

  it('keeps paragraphs apart across a page break when the first ended a sentence', () => {
    const body = read(vraag(1), text('A?'), antwoord(1), text('Het recht op privacy.'), text('Met betrekking tot het gebruik.', 'page'));
    expect(body.answers[0].text).toBe('Het recht op privacy.\n\nMet betrekking tot het gebruik.');
  });

  it('continues across a footnote printed mid-sentence when the text goes on in lower case', () => {
    const body = read(
      vraag(1),
      text('A?'),
      antwoord(1),
      text('een lijst van dual-use goederen'),
      footnote(),
      text('die in deze EU-verordening is bijgevoegd.'),
    );
    expect(body.answers[0].text).toBe('een lijst van dual-use goederen die in deze EU-verordening is bijgevoegd.');
  });

  it('collects the markers of each question and answer', () => {
    const body = read(vraag(1), text(`Bent u bekend met het bericht?${marker('1')}`), antwoord(1), text(`Zie de verklaring.${marker('2')} Verder niets.`));
    expect(body.questions[0]).toMatchObject({ number: 1, text: 'Bent u bekend met het bericht?', markers: ['1'] });
    expect(body.answers[0]).toMatchObject({ questionNumbers: [1], text: 'Zie de verklaring. Verder niets.', markers: ['2'] });
  });

  it('reads the Toelichting up to a separator', () => {
    const body = read(
      vraag(1),
      text('A?'),
      { kind: 'note-heading' },
      text('Deze vragen dienen ter aanvulling (2019Z15131)'),
      { kind: 'separator' },
      footnote(),
    );
    expect(body.explanatoryNote).toEqual({ text: 'Deze vragen dienen ter aanvulling (2019Z15131)', markers: [] });
    expect(body.questions[0].text).toBe('A?');
  });

  it('warns about text before the first heading', () => {
    expect(read(text('Geachte voorzitter,'), vraag(1), text('A?')).warnings).toEqual([
      "Text outside any question or answer was not read: 'Geachte voorzitter,'",
    ]);
  });

  it('warns about missing numbers, unanswered questions and answers to unknown questions', () => {
    const body = read(vraag(1), text('A?'), antwoord(1), text('Ja.'), vraag(3), text('C?'), antwoord(4), text('Nee.'));
    expect(body.warnings).toEqual(['Question 2 is missing', 'No answer found to question 3', 'Answers refer to question 4, not in the document']);
  });

  it('reads answers without question texts', () => {
    const body = read(antwoord(1), text('Ja.'), antwoord(2), text('Nee.'));
    expect(body.questions).toEqual([]);
    expect(body.answers.map((answer) => [answer.questionNumbers, answer.text])).toEqual([
      [[1], 'Ja.'],
      [[2], 'Nee.'],
    ]);
  });
});

describe('readBody with one heading for several questions', () => {
  it('gives each number its own paragraph when the counts match', () => {
    const body = read(vraag(1, 2), text('Klopt het dat X?'), text('Wat gaat u doen?'));
    expect(body.questions.map((question) => [question.number, question.text])).toEqual([
      [1, 'Klopt het dat X?'],
      [2, 'Wat gaat u doen?'],
    ]);
  });

  it('splits at question marks when that gives the right count', () => {
    const body = read(vraag(1, 2), text(`Klopt het dat X?${marker('1')} Zo ja, wat gaat u doen? Graag een toelichting.`));
    expect(body.questions).toMatchObject([
      { number: 1, text: 'Klopt het dat X?', markers: ['1'] },
      { number: 2, text: 'Zo ja, wat gaat u doen? Graag een toelichting.', markers: [] },
    ]);
    expect(body.warnings).toEqual([]);
  });

  it('else gives every number the whole text, with a warning', () => {
    const body = read(vraag(1, 2), text('Klopt het dat X? Waarom? Wat gaat u doen?'));
    expect(body.questions.map((question) => question.text)).toEqual(['Klopt het dat X? Waarom? Wat gaat u doen?', 'Klopt het dat X? Waarom? Wat gaat u doen?']);
    expect(body.warnings).toEqual(['Questions 1 and 2 share one text that could not be divided; each got the whole text']);
  });
});

describe('readBody without numbering', () => {
  it('makes every paragraph with a "?" a question, numbered in order', () => {
    const body = read(text('Heeft u het bericht gelezen?'), text('Klopt het dat X? Zo ja, waarom?'));
    expect(body.questions.map((question) => [question.number, question.text])).toEqual([
      [1, 'Heeft u het bericht gelezen?'],
      [2, 'Klopt het dat X? Zo ja, waarom?'],
    ]);
  });

  it('puts a paragraph without "?" in front of the question that follows it', () => {
    const body = read(text('Het bericht meldt dat X.'), text('Deelt u die zorg?'));
    expect(body.questions).toMatchObject([{ number: 1, text: 'Het bericht meldt dat X.\n\nDeelt u die zorg?', markers: [] }]);
  });

  it('reads alternating questions and answers', () => {
    const body = read(text('Heeft u het bericht gelezen?'), antwoord(), text('Ja.'), text('Dat was het.'), text('Klopt het?'), antwoord(), text('Nee.'));
    expect(body.questions.map((question) => question.number)).toEqual([1, 2]);
    expect(body.answers.map((answer) => [answer.questionNumbers, answer.text])).toEqual([
      [[1], 'Ja.\n\nDat was het.'],
      [[2], 'Nee.'],
    ]);
  });

  it('does not make a trailing statement a question', () => {
    const body = read(text('Heeft u het bericht gelezen?'), text('Graag ontvang ik de antwoorden binnen drie weken.'));
    expect(body.questions).toHaveLength(1);
    expect(body.warnings).toEqual(["Text after the last question was not read: 'Graag ontvang ik de antwoorden binnen drie weken.'"]);
  });
});

describe('splitAtQuestionMarks', () => {
  it('keeps trailing statements with the last question', () => {
    expect(splitAtQuestionMarks('Waarom? Wanneer? Toelichting.')).toEqual(['Waarom?', 'Wanneer? Toelichting.']);
  });

  it('does not take question marks without words for a question', () => {
    expect(splitAtQuestionMarks('Waarom gebeurt dit? ???')).toEqual(['Waarom gebeurt dit? ???']);
  });
});
