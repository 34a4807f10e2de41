import { DUTCH_WORKING_DAYS } from '@question-desk/deadlines';
import { DEFAULT_REMINDER_POLICY, ReminderSweep } from '@question-desk/reminders';
import { Client } from 'pg';
import { AUDIT_SQL } from '../libs/audit/src/audit-trail.service';
import { CALENDAR_SQL } from '../libs/calendar/src/calendar.service';
import { INTAKE_SQL } from '../libs/intake/src/intake.store';
import { QUESTION_SET_READ_SQL } from '../libs/question-sets/src/question-set.queries';
import { QUESTION_SET_SQL } from '../libs/question-sets/src/question-set.store';
import { SUGGESTION_SQL } from '../libs/question-sets/src/suggestions.queries';
import { NOTIFICATION_SQL } from '../libs/reminders/src/notifications.service';
import { REMINDER_SQL } from '../libs/reminders/src/reminder-ledger.store';
import { FORECAST_SQL } from '../libs/statistics/src/forecast.queries';
import { STATISTICS_SQL } from '../libs/statistics/src/statistics.queries';
import { NOTIFICATION_MAIL_SQL } from '../libs/reminders/src/notification-mail.store';
import { MINISTRY_SQL } from '../libs/ministries/src/ministries.service';

/**
 * Every SQL string the data-access modules run, prepared (parsed, planned and checked against the
 * tables, views and columns, not run) on the run's migrated database: a renamed column fails here.
 */
const named = (library: string, statements: Record<string, string>) =>
  Object.entries(statements).map(([name, sql]): [string, string] => [`${library} ${name}`, sql]);

// The sweep builds one statement per rule of the policy; only its calendar matters for the SQL.
const sweep = new ReminderSweep(undefined as never, undefined as never, undefined as never, DEFAULT_REMINDER_POLICY, DUTCH_WORKING_DAYS, undefined as never);
// A rule about a set's date records in keyset batches: the first batch, and one after a cursor.
const sweepStatements = DEFAULT_REMINDER_POLICY.flatMap((rule): [string, string][] => [
  [`reminders sweep ${rule.kind}`, sweep.statementFor(rule, '2025-05-05', new Date('2025-05-05T08:00:00Z')).sql],
  [
    `reminders sweep ${rule.kind}, a later batch`,
    sweep.statementFor(rule, '2025-05-05', new Date('2025-05-05T08:00:00Z'), {
      size: 10,
      after: { on: '2025-05-01', id: '00000000-0000-0000-0000-000000000001' },
    }).sql,
  ],
]);

const STATEMENTS = [
  ...named('question-sets', QUESTION_SET_SQL),
  ...named('ministries', MINISTRY_SQL),
  ...named('audit', AUDIT_SQL),
  ...named('question-sets reads', QUESTION_SET_READ_SQL),
  ...named('question-sets suggestions', SUGGESTION_SQL),
  ...named('reminders', REMINDER_SQL),
  ...named('reminders notifications', NOTIFICATION_SQL),
  ...named('calendar', CALENDAR_SQL),
  ...named('intake', INTAKE_SQL),
  ...named('statistics', STATISTICS_SQL),
  ...named('statistics forecast', FORECAST_SQL),
  ...named('reminders notification mail', NOTIFICATION_MAIL_SQL),
  ...sweepStatements,
];

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
    await expect(client.query(`PREPARE boundary_check AS ${QUESTION_SET_SQL.coSigningCodes.replace('ministry_code', 'ministry')}`)).rejects.toThrow(
      /column "ministry" does not exist/,
    );
  });
});
