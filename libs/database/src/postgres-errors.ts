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
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Connection is not established|terminating connection|not queryable/i;

/**
 * TypeORM's errors for a query runner used after it was handed back. When PostgreSQL cuts a connection
 * between two queries of a transaction, TypeORM hands it back at once, and the transaction's next query
 * (or its ROLLBACK) throws one of these; at any other time they are a fault of ours.
 */
const RELEASED_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError', 'TransactionNotStartedError']);
/** How long after a lost connection a released query runner is still blamed on the loss. */
export const CONNECTION_LOSS_BLAME_MS = 60_000;

let lastConnectionLoss = Number.NEGATIVE_INFINITY;

/** Notes that PostgreSQL cut one of this process's connections (the pool's client reported an error). */
export function noteConnectionLost(at = Date.now()): void {
  lastConnectionLoss = Math.max(lastConnectionLoss, at);
}

/**
 * Whether `error` says PostgreSQL cannot be reached just now (restarting, down, connection lost), not
 * that a query was wrong or that our code misused a connection.
 */
export function databaseUnavailable(error: unknown, now = Date.now()): boolean {
  if (error instanceof Error && RELEASED_ERRORS.has(error.name)) return now - lastConnectionLoss <= CONNECTION_LOSS_BLAME_MS;
  const code = postgresErrorCode(error);
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const candidate = error as { message?: unknown; driverError?: { message?: unknown } };
  const message = candidate?.driverError?.message ?? candidate?.message;
  // An error with another SQLSTATE is the query's own, whatever its text says.
  return (code === undefined || !/^[0-9A-Z]{5}$/.test(code)) && typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}
