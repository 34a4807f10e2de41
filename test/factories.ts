import { randomInt } from 'node:crypto';

let counter = 0;

/** A zaaknummer no other test uses. */
export function aReference(year = 2021): string {
  counter += 1;
  return `${year}Z${String((randomInt(0, 900) * 100 + counter) % 100000).padStart(5, '0')}`;
}

/** A manual intake as a desk officer would type it; override what the test is about. */
export function anIntake(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reference: aReference(),
    subject: 'Het bericht dat gemeenten gezichtsherkenning gebruiken',
    submittedOn: '2021-03-01',
    submitters: [{ name: 'Van der Graaf', party: 'ChristenUnie' }],
    addressees: ['Minister van Justitie en Veiligheid'],
    questions: [
      { number: 1, text: 'Bent u bekend met het bericht dat gemeenten gezichtsherkenning gebruiken?' },
      { number: 2, text: 'Welke wettelijke grondslag hebben gemeenten daarvoor?' },
    ],
    ...overrides,
  };
}

/** A questions document in the layout of the Tweede Kamer's markdown publications. */
export function aQuestionsDocument(options: { reference?: string; member?: string; party?: string; submitted?: string; subject?: string; questions?: string[] } = {}): string {
  const {
    reference = aReference(),
    member = 'Kuiken',
    party = 'PvdA',
    submitted = '3 maart 2021',
    subject = 'het tekort aan jeugdzorgplekken',
    questions = ['Bent u bekend met het bericht over wachtlijsten in de jeugdzorg?', 'Hoeveel kinderen wachten langer dan drie maanden?'],
  } = options;
  return [
    reference,
    '',
    `Vragen van het lid **${member}** (${party}) aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport over *${subject}* (ingezonden ${submitted}).`,
    '',
    ...questions.flatMap((text, i) => [`Vraag ${i + 1}`, '', text, '']),
  ].join('\n');
}
