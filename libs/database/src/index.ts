export { dataSourceOptions } from './data-source-options';
export { directQuery, preparedQuery } from './prepared';
export type { Schema } from './data-source-options';
export { assertDatabaseReady, CONNECT_TIMEOUT_MS, databaseProblem } from './database-check';
export { databaseNameOf, dropDatabase, ensureDatabase, withDatabaseName } from './database-admin';
export {
  CONNECTION_LOSS_BLAME_MS,
  databaseUnavailable,
  noteConnectionLost,
  PG_CHECK_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  postgresConstraint,
  postgresErrorCode,
} from './postgres-errors';
export { createTestDatabase, dropTestDatabase } from './test-database';
