import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditTrail1732300003000 implements MigrationInterface {
  name = 'CreateAuditTrail1732300003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        question_set_id uuid REFERENCES question_set (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user (id),
        actor_name text NOT NULL,
        type varchar(64) NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query('CREATE INDEX audit_event_question_set ON audit_event (question_set_id, id)');
    // The trail is append-only: no route may change it, and neither may anyone with SQL access
    // short of dropping the trigger, which itself shows in the database's own logs.
    await db.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events are append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_event');
    await db.query('DROP FUNCTION audit_event_is_append_only()');
  }
}
