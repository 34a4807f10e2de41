import { randomBytes } from 'node:crypto';
import './resolve-desk-libraries';
import { createTestDatabase } from '@question-desk/database';
import { DESK_SCHEMA } from '@question-desk/schema';

/**
 * One throwaway PostgreSQL database (migrations applied, as `npm start` applies them) and one Redis
 * key prefix per test run; global-teardown.ts removes both.
 */
export default async function globalSetup(): Promise<void> {
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.DATABASE_URL = await createTestDatabase(server, DESK_SCHEMA, 'e2e');
  process.env.QD_TEST_RUN = `qd-test-${randomBytes(4).toString('hex')}`;
  process.env.REDIS_PREFIX = process.env.QD_TEST_RUN;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  // Every test signs in from 127.0.0.1: the per-address limit is tested on its own (hostile-input).
  process.env.LOGIN_MAX_FAILURES_PER_ADDRESS ??= '100000';
  // The open-data intake never reaches the internet from a test: a closed local port, answered at once (test/intake/ has a fake).
  process.env.TK_ODATA_URL ??= 'http://127.0.0.1:9/odata';
  process.env.OFFICIELE_PUBLICATIES_URL ??= 'http://127.0.0.1:9/op';
  process.env.TK_INTAKE_RETRY_DELAY ??= '10ms';
}
