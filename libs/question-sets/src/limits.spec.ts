import { describeLimits, LIMITS, limitProblems } from './limits';

const aDocument = (overrides: Partial<Parameters<typeof limitProblems>[0]> = {}): Parameters<typeof limitProblems>[0] => ({
  subject: 'Jeugdzorg',
  submittedOn: '2021-03-01',
  answer: null,
  postponement: null,
  explanatoryNote: null,
  submitters: [{ name: 'Kuiken', party: 'PvdA' }],
  addressees: ['Minister van Volksgezondheid, Welzijn en Sport'],
  relatedReferences: [],
  questions: [{ number: 1, text: 'Waarom?' }],
  answers: [],
  ...overrides,
});

describe('limitProblems', () => {
  it('finds nothing in a document that fits', () => {
    expect(limitProblems(aDocument())).toEqual([]);
  });

  it('names each limit a document breaks, with the numbers', () => {
    const questions = Array.from({ length: LIMITS.questionsPerSet + 1 }, (_, i) => ({ number: i + 1, text: 'Waarom?' }));
    expect(limitProblems(aDocument({ questions }))).toEqual([
      `The document has 201 questions; a set holds at most 200. Split it, or register the set by hand.`,
    ]);
    expect(limitProblems(aDocument({ questions: [{ number: 1, text: 'x'.repeat(20_001) }] }))).toEqual([
      'The text of question 1 has 20,001 characters; the desk keeps at most 20,000 characters.',
    ]);
    expect(limitProblems(aDocument({ subject: 's'.repeat(1001) }))).toEqual(['The subject has 1,001 characters; the desk keeps at most 1,000 characters.']);
    expect(limitProblems(aDocument({ answers: [{ questionNumbers: [1], text: 'a'.repeat(50_001) }] }))).toEqual([
      'The answer to question 1 has 50,001 characters; the desk keeps at most 50,000 characters.',
    ]);
  });

  it("refuses question 0 and dates outside the desk's years", () => {
    expect(limitProblems(aDocument({ questions: [{ number: 0, text: 'Waarom?' }] }))).toEqual([
      'Questions are numbered from 1 to 999; the document has question 0. Correct the numbering.',
    ]);
    expect(limitProblems(aDocument({ submittedOn: '1066-10-14' }))).toEqual(['The date 1066-10-14 lies outside the years the desk accepts (1800 to 2999).']);
  });

  it('states the limits for the API description', () => {
    expect(describeLimits()).toMatch(
      /at most 200 questions per set .* of at most 20,000 characters each; at most 200 answers of at most 50,000 characters each/,
    );
  });
});
