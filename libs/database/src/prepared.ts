import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';

const names = new Map<string, string>();

/** A statement's name: the same text gets the same name in every process, another text another name. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `qd_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named prepared statement: each connection parses and plans it once and reuses the
 * plan (PostgreSQL keeps a generic plan once it costs no more than a custom one), instead of planning
 * it again on every call. For statements whose text is fixed and whose best plan does not depend on
 * the values (a load by primary keys); not for lists, whose filters decide the plan. Inside a
 * transaction (`manager.queryRunner`) on the transaction's connection, else on one from the pool.
 */
export function preparedQuery<T extends QueryResultRow>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  return rowsOf<T>(manager, { name: nameOf(text), text, values });
}

/**
 * Runs `text` once (unnamed, planned for these values) on pg directly, as `preparedQuery` does: for the
 * SQL a query builder made (a list's page, its count, its estimate).
 *
 * Both read by pg and not through TypeORM's query runner (`manager.query`, `getRawMany`, `find`): that
 * kept a part of every request's objects alive until V8's next full collection, so each scavenge had
 * more to copy (bench:scale, an overdue list at 1M sets: 7–9 ms scavenges and a p99 of 10–14 ms
 * through the runner, 3–4 ms and 7.5–9.9 ms without it).
 */
export function directQuery<T extends QueryResultRow>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  return rowsOf<T>(manager, { text, values });
}

/** Inside a transaction (`manager.queryRunner`) on the transaction's connection, else on one from the pool. */
async function rowsOf<T extends QueryResultRow>(manager: EntityManager, config: { name?: string; text: string; values: unknown[] }): Promise<T[]> {
  const runner = manager.queryRunner;
  if (runner && !runner.isReleased) {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query<T>(config)).rows;
  }
  const pool = (manager.connection.driver as unknown as { master: Pool }).master;
  return (await pool.query<T>(config)).rows;
}
