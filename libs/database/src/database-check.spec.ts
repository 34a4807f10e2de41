import { StartupFailure } from '@question-desk/config';
import { assertDatabaseReady, databaseProblem } from './database-check';

describe('assertDatabaseReady', () => {
  it('gives up on a refused port at once, with the one line setup gives', async () => {
    const started = Date.now();
    const failure = await assertDatabaseReady('postgres://postgres@127.0.0.1:1/question_desk').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupFailure);
    expect((failure as Error).message).toBe('Cannot reach PostgreSQL at DATABASE_URL (127.0.0.1:1: ECONNREFUSED). Start PostgreSQL or set DATABASE_URL.');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives the same line for a host name that does not exist (ENOTFOUND) as for a refused connection', async () => {
    const failure = await assertDatabaseReady('postgres://postgres@no-such-host.invalid/question_desk').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupFailure);
    // EAI_AGAIN where no name server answers at all.
    expect((failure as Error).message).toMatch(
      /^Cannot reach PostgreSQL at DATABASE_URL \(no-such-host\.invalid:5432: (ENOTFOUND|EAI_AGAIN)\)\. Start PostgreSQL or set DATABASE_URL\.$/,
    );
  });
});

describe('databaseProblem', () => {
  const url = 'postgres://postgres:secret@db.example.org/question_desk';

  it('names a missing database, a refused user and an unreachable server without the password', () => {
    expect(databaseProblem({ code: '3D000' }, url)).toBe(
      'The database "question_desk" does not exist on db.example.org:5432. Run "npm run setup" (it creates the database and its tables), or set DATABASE_URL.',
    );
    expect(databaseProblem({ code: '28P01', message: 'password authentication failed' }, url)).toMatch(/^PostgreSQL at db.example.org:5432 refused the user/);
    expect(databaseProblem({ message: 'Connection terminated due to connection timeout' }, url)).toMatch(/^Cannot reach PostgreSQL/);
    expect(databaseProblem({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND db.example.org' }, url)).toBe(
      'Cannot reach PostgreSQL at DATABASE_URL (db.example.org:5432: ENOTFOUND). Start PostgreSQL or set DATABASE_URL.',
    );
    expect(databaseProblem({ code: '42P01' }, url)).toBeNull();
  });
});
