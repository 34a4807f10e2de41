import Redis from 'ioredis';

/**
 * Deletes a test run's or a benchmark's throwaway keys: every key under `prefix:`, and under the
 * prefixes made from it (`prefix-label:`, as a test file's own desk uses).
 */
export async function forgetRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  try {
    await redis.connect();
    for (const match of [`${prefix}:*`, `${prefix}-*:*`]) {
      for await (const keys of redis.scanStream({ match, count: 1000 })) {
        if ((keys as string[]).length) await redis.del(...(keys as string[]));
      }
    }
  } finally {
    redis.disconnect();
  }
}
