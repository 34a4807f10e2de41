import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type Schema } from './data-source-options';
import { dropDatabase, ensureDatabase, withDatabaseName } from './database-admin';

/**
 * A throwaway database on the same server as `serverUrl`, with every migration applied: one per
 * test run, so runs never see each other's data. Returns its URL.
 */
export async function createTestDatabase(serverUrl: string, schema: Schema, label = 'test'): Promise<string> {
  const url = withDatabaseName(serverUrl, `qd_${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`);
  await ensureDatabase(url);
  const dataSource = new DataSource({ ...dataSourceOptions(url, schema, 'question-desk-tests'), logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return url;
}

export async function dropTestDatabase(url: string): Promise<void> {
  await dropDatabase(url);
}
