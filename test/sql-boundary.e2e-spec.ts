import { Client } from 'pg';
import { QUESTION_SET_SQL } from '../libs/question-sets/src/question-set.store';

/**
 * Every SQL string the data-access modules run, prepared (parsed, planned, checked against the
 * tables and columns, not run) on the run's migrated database: a renamed column or table fails here.
 */
const STATEMENTS: [string, string][] = [...Object.entries(QUESTION_SET_SQL).map(([name, sql]): [string, string] => [`question-sets ${name}`, sql])];

describe('the SQL of the data-access modules against the migrated schema', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  it.each(STATEMENTS)('%s', async (_name, sql) => {
    await client.query(`PREPARE boundary_check AS ${sql}`);
    await client.query('DEALLOCATE boundary_check');
  });

  it('finds a renamed column', async () => {
    await expect(client.query(`PREPARE boundary_check AS ${QUESTION_SET_SQL.coSigners.replace('ministry_code', 'ministry')}`)).rejects.toThrow(
      /column "ministry" does not exist/,
    );
  });
});
