import { dataSourceOptions, dropDatabase, ensureDatabase, withDatabaseName } from '@question-desk/database';
import { DESK_SCHEMA } from '@question-desk/schema';
import { DataSource } from 'typeorm';
import { loadDemoData, SERVER } from './bench-desk';
import { FILLED_TABLES, GENERATED_SETS, generateSets, sql } from './generate-sets';

/** Every migration applied to the database at `url` (those it already has are skipped). */
export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, DESK_SCHEMA, 'question-desk-bench'), logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A named database with the demo data and `sets` generated sets, made once and kept for later runs
 * (a million sets take minutes to make): reused when it already holds them, with any newer
 * migrations applied. Returns its URL and, when it was made now, how long the generator took.
 */
export async function scaleDatabase(name: string, sets: number, progress: (line: string) => void): Promise<{ url: string; generatedSeconds?: number }> {
  const url = withDatabaseName(SERVER, name);
  if (!(await ensureDatabase(url))) {
    const [held] = await sql<{ n: string } | undefined>(url, `SELECT count(*) AS n FROM question_set WHERE ${GENERATED_SETS}`).catch(() => [undefined]);
    if (held && Number(held.n) === sets) {
      progress(`Reusing ${name} (${sets.toLocaleString('en')} generated sets); applying any newer migrations`);
      await migrate(url);
      // A migration may have filled a table in bulk (question_set_statistic): the visibility map lets counts read only its indexes.
      await sql(url, 'VACUUM (ANALYZE) question_set_statistic');
      return { url };
    }
    progress(`${name} holds ${held?.n ?? 'no'} generated sets, not ${sets}: making it again`);
    await dropDatabase(url);
    await ensureDatabase(url);
  }
  await migrate(url);
  await loadDemoData(url);
  const started = performance.now();
  await generateSets(url, sets, progress);
  const generatedSeconds = (performance.now() - started) / 1000;
  progress(`Generated ${sets.toLocaleString('en')} sets in ${generatedSeconds.toFixed(1)} s`);
  // As autovacuum would soon after such a load (where it runs): the visibility map lets counts, and
  // the question counts of a page, read only indexes.
  await sql(url, `VACUUM (ANALYZE) ${FILLED_TABLES.join(', ')}`);
  return { url, generatedSeconds };
}
