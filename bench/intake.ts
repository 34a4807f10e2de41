/**
 * npm run bench:intake [-- --cases 1000]
 *
 * The time to take in `cases` recorded written-question cases from a local fake of the Tweede Kamer's
 * sources (test/intake/fake-tk.ts; pages of 250, as the Gegevensmagazijn serves them): each case with
 * two submitters and an addressee, its question text (5 questions) published, every other one answered.
 * Baselines in the same run: reading the same pages again (nothing changes) and an incremental run
 * with nothing new. Over a database with the demo data; the machine may be shared, so compare ratios.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { DeskConfigModule } from '@question-desk/config';
import { ClockModule } from '@question-desk/deadlines';
import { IntakeModule, IntakeService } from '@question-desk/intake';
import { DESK_CONFIG_PARTS, DeskDatabaseModule } from '@question-desk/schema';
import { DataSource } from 'typeorm';
import { FakeTk } from '../test/intake/fake-tk';
import { document, kamervragenXml, zaak } from '../test/intake/tk-fixtures';
import { option, withDemoDatabase } from './bench-desk';

@Module({
  imports: [DeskConfigModule.forRoot(DESK_CONFIG_PARTS), DeskDatabaseModule.forProcess('question-desk-bench'), ClockModule, IntakeModule],
})
class BenchIntakeModule {}

const MINISTERS = [
  'minister van Justitie en Veiligheid',
  'minister van Financiën',
  'minister voor Buitenlandse Handel en Ontwikkelingssamenwerking',
  'minister van Defensie',
];

function record(fake: FakeTk, n: number): void {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
  const nummer = `2024Z${String(10_000 + n).padStart(5, '0')}`;
  const z = zaak({
    id: 10_000 + n * 10,
    nummer,
    onderwerp: `Vragen van de leden Lid${n} (VVD) en Ander${n} (D66) aan de ${MINISTERS[n % 4]} over onderwerp ${n} (ingezonden ${day}-${month}-2024).`,
    gestartOp: `2024-${month}-${day}T09:00:00+01:00`,
    changed: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    indieners: [
      { naam: `A. Lid${n}`, fractie: 'VVD' },
      { naam: `B. Ander${n}`, fractie: 'D66' },
    ],
    gerichtAan: [MINISTERS[n % 4]],
  });
  fake.zaken.push(z);
  const questions = Array.from({ length: 5 }, (_, i) => ({
    kind: 'vraag' as const,
    nr: `Vraag ${i + 1}`,
    text: `Vraag ${i + 1} van zaak ${n}: hoe staat het met onderwerp ${n}, en wat gaat u daaraan doen in het komende jaar?`,
    footnotes: [],
  }));
  fake.publications.set(`kv-tk-${nummer}`, kamervragenXml({ nummer }, questions));
  if (n % 2 === 0) {
    const id = `ah-tk-20232024-${n + 1}`;
    fake.documents.push(
      document({
        id: 10_000 + n * 10 + 1,
        soort: 'Antwoord schriftelijke vragen',
        zaak: z,
        datum: `2024-${month}-${day}T00:00:00`,
        changed: new Date(Date.UTC(2024, 6, 1) + n * 60_000).toISOString(),
        externeIdentifier: id,
        vergaderjaar: '2023-2024',
      }),
    );
    fake.publications.set(
      id,
      kamervragenXml(
        { nummer, omschrijving: `Antwoord van minister Jansen (${n % 4 === 0 ? 'Justitie en Veiligheid' : 'Financiën'}) (ontvangen 1 december 2024)` },
        [{ kind: 'antwoord', nr: 'Antwoord 1, 2, 3, 4 en 5', text: `Het antwoord op de vragen van zaak ${n}.`, footnotes: [] }],
      ),
    );
  }
}

async function main(): Promise<void> {
  const cases = Number(option('cases', '1000'));
  const fake = new FakeTk();
  fake.pageSize = 250;
  await fake.start();
  for (let n = 0; n < cases; n++) record(fake, n);
  Object.assign(process.env, { TK_ODATA_URL: fake.odataUrl, OFFICIELE_PUBLICATIES_URL: fake.publicationsUrl, TK_INTAKE_RETRY_DELAY: '10ms' });
  try {
    await withDemoDatabase(async () => {
      const context = await NestFactory.createApplicationContext(BenchIntakeModule, { logger: false });
      try {
        const intake = context.get(IntakeService);
        const db = context.get(DataSource);
        const timed = async (label: string) => {
          const started = performance.now();
          const run = await intake.run('by-hand');
          const ms = performance.now() - started;
          if (run?.status !== 'succeeded') throw new Error(`${label}: ${run?.status} ${run?.error}`);
          return { ms, run };
        };
        const first = await timed('first run');
        const sets = Number((await db.query('SELECT count(*)::int AS n FROM question_set'))[0].n);
        await db.query('DELETE FROM intake_watermark');
        const again = await timed('reading again');
        const empty = await timed('nothing new');
        const perCase = first.ms / cases;
        console.log(
          `Intake of ${cases} recorded cases (${Math.ceil(cases / 250)} pages of cases, ${Math.ceil(cases / 2 / 250)} of answers; ${cases} question texts, ${cases / 2} answer texts), ${sets} sets on the desk after`,
        );
        console.log(
          `${'first run: take in every case'.padEnd(44)} ${(first.ms / 1000).toFixed(2).padStart(7)} s  (${perCase.toFixed(1)} ms a case; created ${first.run.created}, completed ${first.run.completed})`,
        );
        console.log(
          `${'read the same pages again (baseline)'.padEnd(44)} ${(again.ms / 1000).toFixed(2).padStart(7)} s  (skipped ${again.run.skipped}; ×${(first.ms / again.ms).toFixed(1)} for taking in)`,
        );
        console.log(`${'incremental run, nothing new'.padEnd(44)} ${(empty.ms / 1000).toFixed(2).padStart(7)} s`);
      } finally {
        await context.close();
      }
    });
  } finally {
    await fake.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
