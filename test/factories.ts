import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runFile = (name: string) => join(tmpdir(), `${process.env.QD_TEST_RUN ?? 'qd-test'}.${name}`);

/** 1, 2, 3, … over the whole test run (its files run one after another, in one process). */
function nextInRun(name: string): number {
  const file = runFile(name);
  const next = (existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0) + 1;
  writeFileSync(file, String(next));
  return next;
}

/** Removes the run's counters (global-teardown.ts). */
export function forgetRunCounters(): void {
  rmSync(runFile('references'), { force: true });
}

/**
 * A zaaknummer no other test of this run has used. Test files share the run's database but not
 * their modules, so the count lives in a file named after the run (QD_TEST_RUN, set by
 * global-setup.ts, removed by global-teardown.ts). Numbers start at 90001, away from the samples'
 * and the tests' fixed references.
 */
export function aReference(year = 2021): string {
  return `${year}Z${String(90_000 + nextInRun('references')).padStart(5, '0')}`;
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
export function aQuestionsDocument(
  options: { reference?: string; member?: string; party?: string; submitted?: string; subject?: string; questions?: string[] } = {},
): string {
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
