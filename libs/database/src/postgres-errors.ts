/** PostgreSQL error codes the desk reacts to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';

export function postgresErrorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

export function postgresConstraint(error: unknown): string | undefined {
  const candidate = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const constraint = candidate?.driverError?.constraint ?? candidate?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/** SQLSTATEs of a server that is shutting down, starting up or gone (57P0x, class 08 connection exceptions). */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const RELEASED_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'TransactionNotStartedError']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Connection is not established|terminating connection|not queryable|Query runner already released/i;

/** Whether `error` says PostgreSQL cannot be reached just now (restarting, down, connection lost), not that a query was wrong. */
export function databaseUnavailable(error: unknown): boolean {
  // TypeORM hands a connection that failed back to the pool at once; the transaction's own ROLLBACK then finds it gone.
  if (error instanceof Error && RELEASED_ERRORS.has(error.name)) return true;
  const code = postgresErrorCode(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const candidate = error as { message?: unknown; driverError?: { message?: unknown } };
  const message = candidate?.driverError?.message ?? candidate?.message;
  // An error with another SQLSTATE is the query's own, whatever its text says.
  return (code === undefined || !/^[0-9A-Z]{5}$/.test(code)) && typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}
