import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Clock, FixedClock } from '@question-desk/deadlines';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { configureApi } from '../apps/api/src/bootstrap';
import { DeskExpressAdapter } from '../apps/api/src/http/desk-express-adapter';
import { DemoSeed } from '../apps/cli/src/demo-seed';
import { CliModule } from '../apps/cli/src/cli.module';
import { NestFactory } from '@nestjs/core';

export const DEMO_PASSWORD = 'demo-password';

export interface TestDesk {
  app: NestExpressApplication;
  clock: FixedClock;
  http: () => ReturnType<typeof request>;
  /** A bearer token for a demo account. */
  tokenOf: (email: string) => Promise<string>;
  /** The signed-in user of a demo account, as login returns it. */
  userOf: (email: string) => Promise<{ id: string; name: string; roles: string[] }>;
  close: () => Promise<void>;
}

/** The real API over the run's throwaway database and Redis prefix, with a clock the test can move. */
export async function startDesk(now = new Date()): Promise<TestDesk> {
  const clock = new FixedClock(now);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(new DeskExpressAdapter(), { bodyParser: false, logger: false });
  configureApi(app);
  await app.init();
  const sessions = new Map<string, { accessToken: string; user: { id: string; name: string; roles: string[] } }>();
  const http = () => request(app.getHttpServer());
  const signIn = async (email: string) => {
    if (!sessions.has(email)) {
      const response = await http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
      sessions.set(email, response.body);
    }
    return sessions.get(email)!;
  };
  return {
    app,
    clock,
    http,
    tokenOf: async (email) => (await signIn(email)).accessToken,
    userOf: async (email) => (await signIn(email)).user,
    close: () => app.close(),
  };
}

/**
 * Loads the demo accounts and the sample documents once per run (test files run one after
 * another), as `npm start` does on an empty database; later calls do nothing.
 */
export async function ensureDemoData(): Promise<void> {
  const context = await NestFactory.createApplicationContext(CliModule, { logger: false });
  try {
    const seed = context.get(DemoSeed);
    if (!(await seed.hasDemoAccounts())) await seed.run('seeds', () => undefined);
  } finally {
    await context.close();
  }
}
