import { capitalised, counted, listed, questionsNamed } from './wording';

describe('wording of messages', () => {
  it('lists one, two and many things the way a sentence does', () => {
    expect(listed([])).toBe('');
    expect(listed([4])).toBe('4');
    expect(listed([4, 5])).toBe('4 and 5');
    expect(listed([4, 5, 6])).toBe('4, 5 and 6');
  });

  it('names one question in the singular and several in the plural', () => {
    expect(capitalised(`${questionsNamed([4])} ${counted(1, 'has', 'have')} no answer yet.`)).toBe('Question 4 has no answer yet.');
    expect(capitalised(`${questionsNamed([4, 5, 6])} ${counted(3, 'has', 'have')} no answer yet.`)).toBe('Questions 4, 5 and 6 have no answer yet.');
  });
});
