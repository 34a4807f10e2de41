import { databaseUnavailable } from './postgres-errors';

describe('databaseUnavailable', () => {
  it('recognises a server that shuts down, starts up or cannot be reached', () => {
    expect(databaseUnavailable({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(databaseUnavailable({ driverError: { code: '57P03', message: 'the database system is starting up' } })).toBe(true);
    expect(databaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(databaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('leaves a query of ours that went wrong alone', () => {
    expect(databaseUnavailable({ code: '23505', message: 'duplicate key value violates unique constraint' })).toBe(false);
    expect(databaseUnavailable({ code: '42P01', message: 'relation "x" does not exist (connection error in text)' })).toBe(false);
    expect(databaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});
