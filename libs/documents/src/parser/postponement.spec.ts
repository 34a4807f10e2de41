import { findPostponementStatement, readPostponement, readReason, splitSentences } from './postponement';

const NOTICE =
  'De vragen van het lid Van Helvert (CDA) over Chinese surveillanceapparatuur (2020Z25656, ingezonden 22 december 2020) kunnen niet binnen de gebruikelijke termijn worden beantwoord. De reden van het uitstel is dat voor de beantwoording afstemming met andere departementen nodig is. Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.';

describe('findPostponementStatement', () => {
  it('finds the fixed phrase, also in its "drie weken" form and wrapped', () => {
    expect(findPostponementStatement(NOTICE)).toBeGreaterThan(0);
    expect(findPostponementStatement('De vragen kunnen niet binnen de termijn van drie\nweken worden beantwoord.')).toBeGreaterThan(0);
  });

  it('does not take a question about late answers for a notice', () => {
    expect(findPostponementStatement('Waarom zijn eerdere vragen niet binnen de gebruikelijke termijn beantwoord?')).toBe(-1);
  });
});

describe('readPostponement', () => {
  it('reads the date of the notice, no new deadline, and the reason sentence', () => {
    expect(readPostponement([NOTICE], `Mededeling van de Minister van Buitenlandse Zaken (ontvangen 12 januari 2021)\n${NOTICE}`)).toEqual({
      sentOn: '2021-01-12',
      newDeadline: null,
      reason: 'De reden van het uitstel is dat voor de beantwoording afstemming met andere departementen nodig is.',
    });
  });

  it('reads a new deadline named with "uiterlijk" or "voor"', () => {
    const uiterlijk =
      'De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord. Ik streef ernaar de vragen uiterlijk 2 februari 2021 te beantwoorden.';
    expect(readPostponement([uiterlijk], uiterlijk).newDeadline).toBe('2021-02-02');
    const voor = 'De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord. U ontvangt de antwoorden voor 2 februari 2021.';
    expect(readPostponement([voor], voor).newDeadline).toBe('2021-02-02');
  });

  it('takes a date standing with a place name when there is no "ontvangen" date', () => {
    const notice = 'De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.';
    expect(readPostponement([notice], `Den Haag, 12 januari 2021\n${notice}`).sentOn).toBe('2021-01-12');
  });

  it('gives the whole notice as the reason when it names none', () => {
    const notice = ['De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.', 'Ik streef ernaar ze spoedig te beantwoorden.'];
    expect(readPostponement(notice, notice.join('\n')).reason).toBe(notice.join('\n\n'));
  });
});

describe('readReason', () => {
  it('takes the clause after "omdat" or "aangezien"', () => {
    expect(
      readReason('De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord, omdat de inbreng van de NVWA nodig is. Ik streef naar spoed.'),
    ).toBe('omdat de inbreng van de NVWA nodig is');
    expect(readReason('Aangezien afstemming met het ministerie van Financiën nodig is, lukt beantwoording niet binnen de termijn.')).toBe(
      'Aangezien afstemming met het ministerie van Financiën nodig is, lukt beantwoording niet binnen de termijn',
    );
  });

  it('returns null when no reason is given', () => {
    expect(readReason('De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord.')).toBeNull();
  });
});

describe('splitSentences', () => {
  it('splits at a full stop followed by a capital', () => {
    expect(splitSentences('Eerste zin. Tweede zin? Derde, met 2 februari 2021. Vierde')).toEqual([
      'Eerste zin.',
      'Tweede zin?',
      'Derde, met 2 februari 2021.',
      'Vierde',
    ]);
  });
});
