import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { SYSTEM_ACTOR } from '@question-desk/audit';
import { exitOnConfigurationError } from '@question-desk/config';
import { dataSourceOptions, databaseNameOf, databaseProblem, ensureDatabase } from '@question-desk/database';
import { DocumentNotReadable } from '@question-desk/documents';
import { DocumentImportService } from '@question-desk/question-sets';
import { Supervisor, type Program } from '@question-desk/operations';
import { DESK_SCHEMA, loadConfig } from '@question-desk/schema';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';
import { DemoSeed, describeImport } from './demo-seed';

const USAGE = `Usage:
  question-desk setup              create the database if needed, run migrations, load the demo data into an empty desk
  question-desk migrate            create the database if needed and run migrations
  question-desk import <files…>    import documents of questions, answers or postponements (.txt, .md, .docx, .pdf); one line per file
  question-desk supervise          run API_PROCESSES API processes on PORT and WORKER_PROCESSES workers, restarting each when it stops (with back-off) until SIGINT/SIGTERM`;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function migrate(): Promise<void> {
  const { databaseUrl } = loadConfig();
  if (await ensureDatabase(databaseUrl)) say(`Created database ${databaseNameOf(databaseUrl)}`);
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl, DESK_SCHEMA, 'question-desk-migrate'), logging: ['error'] });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    say(applied.length ? `Applied migrations: ${applied.map((m) => m.name).join(', ')}` : 'Database schema is up to date');
  } finally {
    await dataSource.destroy();
  }
}

async function withDesk<T>(work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function setup(): Promise<void> {
  await migrate();
  if (loadConfig().environment === 'production') return;
  await withDesk(async (app) => {
    const seed = app.get(DemoSeed);
    if (!(await seed.isEmpty())) {
      say('The desk already holds data: demo data not loaded');
      return;
    }
    say('Loading the demo data');
    await seed.run(resolve(loadConfig().seedsDirectory), say);
  });
}

async function importFiles(files: string[]): Promise<boolean> {
  if (files.length === 0) throw new UsageError('import needs at least one file');
  let allImported = true;
  await withDesk(async (app) => {
    const documents = app.get(DocumentImportService);
    for (const file of files) {
      try {
        say(describeImport(file, await documents.importFile({ name: basename(file), bytes: await readFile(file) }, SYSTEM_ACTOR)));
      } catch (error) {
        allImported = false;
        const reason = error instanceof DocumentNotReadable ? error.problems.join('; ') : (error as Error).message;
        // A file the desk cannot read (.doc, a PDF named .txt, a damaged PDF) is one line like any other refusal.
        say(`${file}: not imported — ${reason}`);
      }
    }
  });
  return allImported;
}

/**
 * API_PROCESSES API processes sharing PORT (node:cluster) and WORKER_PROCESSES workers, as child
 * processes of this one, each restarted when it stops; resolves when a signal stopped them all.
 */
async function supervise(): Promise<void> {
  // Beside this file: dist/apps/{api,worker}/src/main.js when built, or the .ts sources under ts-node (whose flags execArgv carries).
  const entry = (app: string) => join(__dirname, '..', '..', app, 'src', `main${extname(__filename)}`);
  const { logLevel, logFormat, apiProcesses, workerProcesses } = loadConfig();
  // Without TOKEN_SECRET (allowed outside production) each API process would make up its own, and a
  // session signed by one would be refused by the next: make one up here for all of them instead.
  const shared: Record<string, string> = process.env.TOKEN_SECRET ? {} : { TOKEN_SECRET: randomBytes(32).toString('hex') };
  // One of a kind keeps its plain name (api, worker); more are numbered (api-1, api-2), in their log lines too.
  const programs = (app: string, count: number, sharesPort: boolean): Program[] =>
    Array.from({ length: count }, (_, i) => {
      const name = count === 1 ? app : `${app}-${i + 1}`;
      return {
        name,
        command: process.execPath,
        args: [...process.execArgv, entry(app)],
        env: { ...shared, DESK_PROCESS: name },
        sharesPort: sharesPort && count > 1,
      };
    });
  const supervisor = new Supervisor([...programs('api', apiProcesses, true), ...programs('worker', workerProcesses, false)], {
    level: logLevel,
    format: logFormat,
  });
  await supervisor.run();
}

class UsageError extends Error {}

void exitOnConfigurationError(async () => {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'setup') await setup();
    else if (command === 'migrate') await migrate();
    else if (command === 'import') process.exitCode = (await importFiles(rest)) ? 0 : 1;
    else if (command === 'supervise') await supervise();
    else throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exitCode = 64;
      return;
    }
    const problem = databaseProblem(error, loadConfig().databaseUrl);
    if (problem) {
      process.stderr.write(`${problem}\n`);
      process.exitCode = 69;
      return;
    }
    throw error;
  }
});
