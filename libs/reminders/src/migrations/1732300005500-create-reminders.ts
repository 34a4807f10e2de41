import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReminders1732300005500 implements MigrationInterface {
  name = 'CreateReminders1732300005500';

  async up(db: QueryRunner): Promise<void> {
    // The ledger: one row per reminder the policy called for. Its key makes each one exist once,
    // however many workers sweep, however often: (set, kind, the date it is about, recipient);
    // a digest has no set and is about the week's digest day.
    await db.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_set_id uuid REFERENCES question_set (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        refers_to date NOT NULL,
        recipient_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
        detail text,
        attempts integer NOT NULL DEFAULT 0,
        round integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT reminder_key UNIQUE NULLS NOT DISTINCT (question_set_id, kind, refers_to, recipient_id),
        CONSTRAINT reminder_digest_has_no_set CHECK ((kind = 'overdue-digest') = (question_set_id IS NULL)),
        CONSTRAINT reminder_lease CHECK ((status = 'sending') = (lease_until IS NOT NULL))
      )`);
    // What the sweep picks up again (lost jobs, expired leases) and what admins look at.
    await db.query(`CREATE INDEX reminder_unsettled ON reminder (updated_at) WHERE status IN ('pending', 'sending')`);
    await db.query(`CREATE INDEX reminder_failed ON reminder (updated_at) WHERE status = 'failed'`);
    await db.query('CREATE INDEX reminder_recipient ON reminder (recipient_id)');
    // The sweep for "uitstelbericht due" reads open sets by statutory deadline; the deadline and
    // draft-deadline sweeps use question_set_open_deadline and question_set_open_draft_deadline.
    await db.query(`CREATE INDEX question_set_open_statutory_deadline ON question_set (statutory_deadline) WHERE status NOT IN ('answered', 'withdrawn')`);
    // In-app notifications: one per reminder, kept when the email fails.
    await db.query(`
      CREATE TABLE notification (
        reminder_id uuid PRIMARY KEY REFERENCES reminder (id) ON DELETE CASCADE,
        position bigint GENERATED ALWAYS AS IDENTITY,
        recipient_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        question_set_id uuid REFERENCES question_set (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        message text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await db.query('CREATE INDEX notification_recipient ON notification (recipient_id, created_at DESC, position DESC)');
    await db.query('CREATE INDEX notification_unread ON notification (recipient_id) WHERE read_at IS NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification');
    await db.query('DROP INDEX question_set_open_statutory_deadline');
    await db.query('DROP TABLE reminder');
  }
}
