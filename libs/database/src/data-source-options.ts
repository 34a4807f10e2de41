import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { CONNECT_TIMEOUT_MS } from './database-check';

export interface Schema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * How every process of the desk talks to PostgreSQL: snake_case names, checked-in migrations,
 * never `synchronize`.
 */
export function dataSourceOptions(databaseUrl: string, schema: Schema, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Failed queries surface as errors where they are handled; the log would only repeat them.
    logging: ['migration'],
    applicationName,
    // A connection that cannot be made within the timeout fails instead of waiting for ever.
    extra: { max: 20, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
  };
}
