import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { IntakeService } from '@question-desk/intake';
import { DESK_SCHEMA } from '@question-desk/schema';
import { DataSource } from 'typeorm';
import { CliModule } from '../../apps/cli/src/cli.module';
import { DemoSeed } from '../../apps/cli/src/demo-seed';
import { startDesk, type TestDesk } from '../desk';
import type { FakeTk } from './fake-tk';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A desk over a database of its own (the intake fills an empty desk), reading the fake sources. */
export interface IntakeDesk extends TestDesk {
  url: string;
  intake: IntakeService;
  db: DataSource;
  admin: string;
  drop: () => Promise<void>;
}

/** Settings every intake test shares: short waits, so faults are tried again quickly. */
export function intakeEnvironment(fake: FakeTk, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    TK_ODATA_URL: fake.odataUrl,
    OFFICIELE_PUBLICATIES_URL: fake.publicationsUrl,
    TK_INTAKE_RETRY_DELAY: '20ms',
    TK_INTAKE_TIMEOUT: '800ms',
    TK_INTAKE_ATTEMPTS: '3',
    ...extra,
  });
}

/** `seeds`: 'accounts' (an empty desk with the demo accounts) or 'all' (the sample documents imported by hand too). */
export async function startIntakeDesk(seeds: 'accounts' | 'all', now: Date, url?: string): Promise<IntakeDesk> {
  const previous = process.env.DATABASE_URL;
  const ownDatabase = !url;
  url ??= await createTestDatabase(SERVER, DESK_SCHEMA, 'intake');
  process.env.DATABASE_URL = url;
  try {
    if (ownDatabase) {
      const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
      try {
        let directory = 'seeds';
        if (seeds === 'accounts') {
          directory = mkdtempSync(join(tmpdir(), 'intake-seeds-'));
          copyFileSync(join('seeds', 'demo-accounts.json'), join(directory, 'demo-accounts.json'));
        }
        await context.get(DemoSeed).run(directory, () => undefined);
      } finally {
        await context.close();
      }
    }
    const desk = await startDesk(now);
    return {
      ...desk,
      url,
      intake: desk.app.get(IntakeService),
      db: desk.app.get(DataSource),
      admin: await desk.tokenOf('admin@example.org'),
      drop: async () => {
        await desk.close();
        if (ownDatabase) await dropTestDatabase(url);
      },
    };
  } finally {
    process.env.DATABASE_URL = previous;
  }
}
