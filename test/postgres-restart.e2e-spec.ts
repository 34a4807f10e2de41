/**
 * Issue 12.7: PostgreSQL restarted while 20 clients write. The API runs against a PostgreSQL server
 * of the test's own (another port, its own data directory; never the shared one), which the test
 * restarts in the middle of the writes.
 */
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { DESK_SCHEMA } from '@question-desk/schema';
import { Client } from 'pg';
import { ensureDemoData, startDesk, type TestDesk } from './desk';
import { anIntake } from './factories';
import { startOwnPostgres, type OwnPostgres } from './own-postgres';

const CLIENTS = 20;
/**
 * No request may take longer than this: a request that waits for a database that is not there must
 * fail, not hang (a pool slot is waited for at most 5 s, a connection at most 5 s: CONNECT_TIMEOUT_MS).
 */
const HANG_MS = 20_000;

describe('PostgreSQL restarted while 20 clients write', () => {
  let postgres: OwnPostgres;
  let url: string;
  let desk: TestDesk;
  const sharedDatabase = process.env.DATABASE_URL;

  beforeAll(async () => {
    postgres = await startOwnPostgres();
    url = await createTestDatabase(postgres.url, DESK_SCHEMA, 'restart');
    process.env.DATABASE_URL = url;
    await ensureDemoData();
    desk = await startDesk();
  }, 120_000);

  afterAll(async () => {
    await desk?.close();
    process.env.DATABASE_URL = sharedDatabase;
    await dropTestDatabase(url).catch(() => undefined);
    postgres?.stop();
  }, 60_000);

  it('answers 503 with a message (never hangs) while it is away, health goes 503 then 200, and every write that got a 2xx is kept', async () => {
    const token = await desk.tokenOf('desk@example.org');
    const saved: string[] = [];
    const failures: { status: number; message: unknown; retryAfter?: string; ms: number }[] = [];
    const health: number[] = [];
    let slowest = 0;
    let writing = true;

    const write = async () => {
      while (writing) {
        const started = Date.now();
        const response = await desk
          .http()
          .post('/api/question-sets')
          .set('Authorization', `Bearer ${token}`)
          .send(anIntake())
          .timeout(HANG_MS)
          .catch((error: Error) => ({ status: 0, body: { message: `no answer: ${error.message}` } }));
        const ms = Date.now() - started;
        slowest = Math.max(slowest, ms);
        if (response.status === 201) saved.push((response.body as { id: string }).id);
        else
          failures.push({
            status: response.status,
            message: (response.body as { message?: unknown }).message,
            retryAfter: 'headers' in response ? (response.headers as Record<string, string | undefined>)['retry-after'] : undefined,
            ms,
          });
      }
    };
    const watchHealth = async () => {
      while (writing) {
        const response = await desk
          .http()
          .get('/api/health')
          .timeout(HANG_MS)
          .catch(() => ({ status: 0 }));
        if (health[health.length - 1] !== response.status) health.push(response.status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    const clients = [...Array.from({ length: CLIENTS }, write), watchHealth()];
    // Some writes first (the machine may be slow), then the restart.
    for (const started = Date.now(); saved.length < CLIENTS && Date.now() - started < 30_000;) await new Promise((resolve) => setTimeout(resolve, 100));
    const savedBefore = saved.length;
    await postgres.restart(2000);
    // Writes go on until the desk has answered healthy again.
    const back = Date.now();
    while (Date.now() - back < 30_000 && !(health[health.length - 1] === 200 && health.includes(503))) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const savedWhenBack = saved.length;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    writing = false;
    await Promise.all(clients);

    const seen = failures.reduce<Record<string, number>>(
      (counts, f) => ({ ...counts, [`${f.status} ${String(f.message).slice(0, 60)}`]: (counts[`${f.status} ${String(f.message).slice(0, 60)}`] ?? 0) + 1 }),
      {},
    );
    console.log(`restart: ${saved.length} saved, failures ${JSON.stringify(seen)}, slowest ${slowest} ms, health ${health.join(' → ')}`);
    expect(savedBefore).toBeGreaterThan(0);
    // Failed requests failed as 503 with a message saying what is wrong; none hung.
    expect(failures.filter((f) => f.status === 503 && /database is not reachable/.test(String(f.message))).length).toBeGreaterThan(0);
    // No request went unanswered, and none failed otherwise: a write cut mid-transaction is a 503 too, not a 500.
    expect(failures.filter((f) => f.status !== 503)).toEqual([]);
    // Each 503 says when to try again.
    expect(failures.filter((f) => f.retryAfter !== '5')).toEqual([]);
    expect(slowest).toBeLessThan(HANG_MS);
    expect(health).toEqual([200, 503, 200]);
    // Writing works again once the database is back.
    expect(saved.length).toBeGreaterThan(savedWhenBack);
    // Every write that was answered 2xx is there.
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM question_set WHERE id = ANY ($1)', [saved]);
      expect(Number(rows[0].n)).toBe(saved.length);
    } finally {
      await client.end();
    }
  }, 120_000);
});
