import type { Client } from 'pg';

/** The rows a refused request must not have touched: sets, questions, audit events, users. */
export async function deskCounts(db: Client): Promise<Record<string, number>> {
  const [row] = (
    await db.query(`SELECT (SELECT count(*) FROM question_set) AS sets, (SELECT count(*) FROM question) AS questions,
                           (SELECT count(*) FROM audit_event) AS events, (SELECT count(*) FROM app_user) AS users`)
  ).rows;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
