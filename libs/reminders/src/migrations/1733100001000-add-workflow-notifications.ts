import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow notifications in the reminders' ledger (issue 11.1), per-person email settings, and what
 * the bounded sweep and the per-person delivery read (issue 12.4).
 */
export class AddWorkflowNotifications1733100001000 implements MigrationInterface {
  name = 'AddWorkflowNotifications1733100001000';

  async up(db: QueryRunner): Promise<void> {
    // A workflow event is one step: two "changes requested" on one set on one day are two events.
    // Reminders have no event (NULL), so their key stays what it was.
    await db.query('ALTER TABLE reminder ADD COLUMN event_id uuid');
    // The delivery that holds a person's reminders together (one folded email): set when claimed.
    await db.query('ALTER TABLE reminder ADD COLUMN batch_id uuid');
    await db.query('ALTER TABLE reminder DROP CONSTRAINT reminder_key');
    await db.query('ALTER TABLE reminder ADD CONSTRAINT reminder_key UNIQUE NULLS NOT DISTINCT (question_set_id, kind, refers_to, recipient_id, event_id)');
    // The sweep offers deliveries per person, and a folded delivery claims a person's pending ones.
    await db.query(`CREATE INDEX reminder_pending_recipient ON reminder (recipient_id, created_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX reminder_batch ON reminder (batch_id) WHERE batch_id IS NOT NULL`);
    // Per person and kind: email on or off (no row: on). In-app is always on.
    await db.query(`
      CREATE TABLE notification_setting (
        person_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, kind)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification_setting');
    await db.query('DROP INDEX reminder_batch');
    await db.query('DROP INDEX reminder_pending_recipient');
    await db.query('ALTER TABLE reminder DROP CONSTRAINT reminder_key');
    await db.query('ALTER TABLE reminder ADD CONSTRAINT reminder_key UNIQUE NULLS NOT DISTINCT (question_set_id, kind, refers_to, recipient_id)');
    await db.query('ALTER TABLE reminder DROP COLUMN batch_id');
    await db.query('ALTER TABLE reminder DROP COLUMN event_id');
  }
}
