import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError, TransactionNotStartedError, TypeORMError } from 'typeorm';
import { CONNECTION_LOSS_BLAME_MS, databaseUnavailable, noteConnectionLost } from './postgres-errors';

/** A driver error as pg reports it: a message and, from the server, a SQLSTATE. */
const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
const failedQuery = (driverError: Error) => new QueryFailedError('INSERT INTO question_set …', [], driverError);

describe('databaseUnavailable', () => {
  it('recognises a server that shuts down, starts up or cannot be reached', () => {
    expect(databaseUnavailable({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(databaseUnavailable({ driverError: { code: '57P03', message: 'the database system is starting up' } })).toBe(true);
    expect(databaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(databaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('sees through the QueryFailedError TypeORM wraps a lost connection in', () => {
    expect(databaseUnavailable(failedQuery(pgError('terminating connection due to administrator command', '57P01')))).toBe(true);
    expect(databaseUnavailable(failedQuery(pgError('the database system is shutting down', '57P03')))).toBe(true);
    expect(databaseUnavailable(failedQuery(pgError('Connection terminated unexpectedly')))).toBe(true);
    expect(databaseUnavailable(failedQuery(pgError('Client has encountered a connection error and is not queryable')))).toBe(true);
    expect(databaseUnavailable(failedQuery(Object.assign(pgError('read ECONNRESET'), { code: 'ECONNRESET' })))).toBe(true);
  });

  it('leaves a query of ours that went wrong alone', () => {
    expect(databaseUnavailable({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBe(false);
    expect(databaseUnavailable({ code: '42P01', message: 'relation "x" does not exist (connection error in text)' })).toBe(false);
    expect(databaseUnavailable(failedQuery(pgError('column "nope" does not exist', '42703')))).toBe(false);
    expect(databaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(databaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(databaseUnavailable(new TypeORMError('No metadata for "Nope" was found.'))).toBe(false);
    expect(databaseUnavailable(undefined)).toBe(false);
  });

  describe('a transaction whose connection was handed back ("already released")', () => {
    const released = [new QueryRunnerProviderAlreadyReleasedError(), new QueryRunnerAlreadyReleasedError(), new TransactionNotStartedError()];

    it('is a fault of ours while no connection was lost', () => {
      jest.isolateModules(() => {
        // A fresh copy of the module: no loss noted in it yet.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('./postgres-errors') as typeof import('./postgres-errors');
        for (const error of released) expect(fresh.databaseUnavailable(error)).toBe(false);
      });
    });

    it('is the database being away just after PostgreSQL cut a connection, and a fault of ours again later', () => {
      const lost = 1_000_000_000;
      noteConnectionLost(lost);
      for (const error of released) {
        expect(databaseUnavailable(error, lost + 20)).toBe(true);
        expect(databaseUnavailable(error, lost + CONNECTION_LOSS_BLAME_MS)).toBe(true);
        expect(databaseUnavailable(error, lost + CONNECTION_LOSS_BLAME_MS + 1)).toBe(false);
      }
      // A genuine fault right after a loss stays a fault.
      expect(databaseUnavailable(new TypeError('x is not a function'), lost + 20)).toBe(false);
      expect(databaseUnavailable(failedQuery(pgError('syntax error at or near "FORM"', '42601')), lost + 20)).toBe(false);
    });
  });
});
