import './resolve-desk-libraries';
import { dropTestDatabase } from '@question-desk/database';
import { forgetRedisPrefix } from '@question-desk/redis';
import { forgetRunCounters } from './factories';

export default async function globalTeardown(): Promise<void> {
  forgetRunCounters();
  if (process.env.KEEP_TEST_DATABASE !== 'true' && process.env.DATABASE_URL) await dropTestDatabase(process.env.DATABASE_URL);
  await forgetRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', process.env.REDIS_PREFIX!);
}
