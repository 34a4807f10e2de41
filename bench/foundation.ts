/**
 * Foundation benchmark (issue: domain, import, login and the read API).
 *
 *   npm run bench:foundation [-- --runs 10 --sets 10000 --requests 500]
 *
 * 1. Importing the five sample documents into an empty desk (a fresh database per run), against a
 *    baseline of only parsing them in the same process.
 * 2. GET /api/question-sets?overdue=true over HTTP with `--sets` generated sets in the database,
 *    against a baseline of GET /api/ministries (an authenticated route with a trivial query) in the
 *    same run.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { SYSTEM_ACTOR } from '@question-desk/audit';
import { createTestDatabase, dropTestDatabase, withDatabaseName } from '@question-desk/database';
import { parseDocument } from '@question-desk/documents';
import { DocumentImportService } from '@question-desk/question-sets';
import { DESK_SCHEMA } from '@question-desk/schema';
import { expectStatus, option, SEEDS, withBenchDesk, type DeskClient } from './bench-desk';
import { sql } from './generate-sets';
import { row, summarise, timeEach } from './stats';

const RUNS = Number(option('runs', '10'));
const SETS = Number(option('sets', '10000'));
const REQUESTS = Number(option('requests', '500'));
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function benchImport(documents: { file: string; text: string }[]): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  process.env.REDIS_PREFIX = `qd-bench-${randomBytes(3).toString('hex')}`;
  const { CliModule } = await import('../apps/cli/src/cli.module');
  const parseOnly = await timeEach(RUNS * 5, async () => {
    for (const { text } of documents) parseDocument(text);
  });
  // Each run imports into an empty database, copied from a migrated template.
  const template = await createTestDatabase(SERVER, DESK_SCHEMA, 'bench');
  const full: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const url = withDatabaseName(template, `qd_bench_import_${randomBytes(3).toString('hex')}`);
      await sql(
        withDatabaseName(template, 'postgres'),
        `CREATE DATABASE "${new URL(url).pathname.slice(1)}" TEMPLATE "${new URL(template).pathname.slice(1)}"`,
      );
      process.env.DATABASE_URL = url;
      const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
      const importer = app.get(DocumentImportService);
      const [sample] = await timeEach(1, async () => {
        for (const { text } of documents) await importer.importDocument(text, SYSTEM_ACTOR);
      });
      full.push(sample);
      process.stdout.write(`  import run ${run + 1}/${RUNS}: ${sample.toFixed(1)} ms\n`);
      await app.close();
      await dropTestDatabase(url);
    }
  } finally {
    await dropTestDatabase(template);
  }
  const baseline = summarise(parseOnly);
  console.log(row('parse the 5 documents only (baseline)', baseline));
  console.log(row('import the 5 documents into an empty desk', summarise(full), baseline));
}

async function benchList(desk: DeskClient): Promise<void> {
  const get = async (path: string) => expectStatus(path, await desk.get(path)).body;
  const overdue = await get('/question-sets?overdue=true');
  console.log(`  ${SETS} generated sets + the 3 demo sets; ${overdue.total} overdue today`);
  await timeEach(50, () => get('/question-sets?overdue=true'));
  const baseline = summarise(await timeEach(REQUESTS, () => get('/ministries')));
  const measure = (path: string) => timeEach(REQUESTS, () => get(path)).then(summarise);
  console.log(row('GET /api/ministries (baseline)', baseline));
  console.log(row('GET /api/question-sets?overdue=true', await measure('/question-sets?overdue=true'), baseline));
  console.log(row('  …&sort=-daysOverdue&pageSize=100', await measure('/question-sets?overdue=true&sort=-daysOverdue&pageSize=100'), baseline));
  console.log(row('GET /api/question-sets?q=stikstofuitstoot', await measure('/question-sets?q=stikstofuitstoot'), baseline));
  const [{ id }] = (await get('/question-sets?reference=2020Z25656')).items;
  console.log(row('GET /api/question-sets/:id', await measure(`/question-sets/${id}`), baseline));
}

async function main(): Promise<void> {
  const files = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort();
  const documents = await Promise.all(files.map(async (file) => ({ file, text: await readFile(join(SEEDS, file), 'utf8') })));
  console.log(`Question Desk foundation benchmark — node ${process.version}, ${RUNS} import runs, ${SETS} sets, ${REQUESTS} requests per row`);
  await benchImport(documents);
  await withBenchDesk(
    SETS,
    async (url) => void (await sql(url, 'ANALYZE')),
    async (desk) => benchList(await desk.client('desk@example.org')),
  );
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
