import { StartupFailure } from '@question-desk/config';
import { Client } from 'pg';
import { databaseNameOf } from './database-admin';

/** How long a process waits for PostgreSQL to accept a connection before it gives up. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** Where DATABASE_URL points, without a password. */
function where(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 5432}`;
}

/** One line that says what is wrong with the database a process needs, and what to do; null when it is usable. */
export function databaseProblem(error: unknown, databaseUrl: string): string | null {
  const { code, message } = error as { code?: string; message?: string };
  if (code === '3D000') {
    return `The database "${databaseNameOf(databaseUrl)}" does not exist on ${where(databaseUrl)}. Run "npm run setup" (it creates the database and its tables), or set DATABASE_URL.`;
  }
  if (code === '28P01' || code === '28000')
    return `PostgreSQL at ${where(databaseUrl)} refused the user in DATABASE_URL (${message}). Check the user and password in DATABASE_URL.`;
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN'].includes(code ?? '') ||
    /timeout|Connection terminated/i.test(message ?? '')
  ) {
    return `Cannot reach PostgreSQL at DATABASE_URL (${where(databaseUrl)}: ${code ?? message}). Start PostgreSQL or set DATABASE_URL.`;
  }
  return null;
}

/**
 * Checks, before a process starts its modules, that the database answers within CONNECT_TIMEOUT_MS
 * and has the desk's tables; throws a StartupFailure with one line otherwise.
 */
export async function assertDatabaseReady(databaseUrl: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [{ migrated }] = (await client.query<{ migrated: boolean }>(`SELECT to_regclass('schema_migration') IS NOT NULL AS migrated`)).rows;
    if (!migrated) {
      throw new StartupFailure(
        `The database "${databaseNameOf(databaseUrl)}" on ${where(databaseUrl)} has no tables of the desk yet. Run "npm run setup" (it runs the migrations).`,
      );
    }
  } catch (error) {
    if (error instanceof StartupFailure) throw error;
    const problem = databaseProblem(error, databaseUrl);
    if (problem) throw new StartupFailure(problem);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
