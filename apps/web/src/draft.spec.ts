import { combine, initialBlocks, sameDraft, split, textFor, toSave } from './draft';

describe('a draft', () => {
  it('starts from the saved answers and gives every uncovered question an empty answer, in question order', () => {
    expect(initialBlocks([1, 2, 3, 4], [{ questionNumbers: [3, 2], text: 'Twee en drie.' }])).toEqual([
      { questionNumbers: [1], text: '' },
      { questionNumbers: [2, 3], text: 'Twee en drie.' },
      { questionNumbers: [4], text: '' },
    ]);
  });

  it('combines an answer with the next one, keeping both texts', () => {
    const blocks = [
      { questionNumbers: [1], text: 'Een.' },
      { questionNumbers: [2], text: 'Twee.' },
      { questionNumbers: [3], text: '' },
    ];
    expect(combine(blocks, 0)).toEqual([
      { questionNumbers: [1, 2], text: 'Een.\n\nTwee.' },
      { questionNumbers: [3], text: '' },
    ]);
    expect(combine(blocks, 2)).toBe(blocks);
  });

  it('splits an answer into one per question; the text stays with the first', () => {
    expect(split([{ questionNumbers: [3, 4], text: 'Drie en vier.' }], 0)).toEqual([
      { questionNumbers: [3], text: 'Drie en vier.' },
      { questionNumbers: [4], text: '' },
    ]);
  });

  it('saves only answers with text', () => {
    expect(toSave([{ questionNumbers: [1], text: '  ' }, { questionNumbers: [2], text: 'Ja.' }])).toEqual([{ questionNumbers: [2], text: 'Ja.' }]);
  });

  it('finds the saved text for the same questions, and notices a changed draft', () => {
    const saved = [{ questionNumbers: [1, 2], text: 'Een en twee.' }];
    expect(textFor(saved, [2])).toBe('Een en twee.');
    expect(textFor(saved, [3])).toBe('');
    expect(sameDraft([{ questionNumbers: [1, 2], text: 'Een en twee.' }], saved)).toBe(true);
    expect(sameDraft([{ questionNumbers: [1, 2], text: 'Anders.' }], saved)).toBe(false);
  });
});
