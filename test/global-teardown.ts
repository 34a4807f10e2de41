import './resolve-desk-libraries';
import { dropTestDatabase } from '@question-desk/database';
import Redis from 'ioredis';
import { forgetRunCounters } from './factories';

export default async function globalTeardown(): Promise<void> {
  forgetRunCounters();
  if (process.env.KEEP_TEST_DATABASE !== 'true' && process.env.DATABASE_URL) await dropTestDatabase(process.env.DATABASE_URL);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
