import { textProblems } from './well-formed-text.pipe';

describe('textProblems', () => {
  it('accepts ordinary text, emoji (a surrogate pair) included', () => {
    expect(textProblems({ answers: [{ text: 'Ja. 👍 Zie ook “Kamerstuk”.' }] }, '')).toEqual([]);
  });

  it('names each field with a NUL character or a lone surrogate by its path', () => {
    expect(textProblems({ answers: [{ text: 'a\u0000b' }], reason: 'x\ud800' }, '')).toEqual([
      'answers[0].text contains a NUL character (\\u0000), which text cannot hold; remove it',
      'reason contains a lone surrogate (half of a UTF-16 pair, such as \\ud800); send valid Unicode text',
    ]);
  });

  it('checks a document body and field names too', () => {
    expect(textProblems('Vraag 1\u0000', 'the body')).toHaveLength(1);
    expect(textProblems({ ['bad\u0000']: 1 }, '')).toEqual([expect.stringMatching(/^the field name/)]);
  });
});
