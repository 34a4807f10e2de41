import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { preparedQuery } from '@question-desk/database';
import type { EntityManager, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

/** The trail's own SQL (test/sql-boundary.e2e-spec.ts prepares it against the migrated schema). */
export const AUDIT_SQL = {
  record: 'INSERT INTO audit_event (question_set_id, actor_id, actor_name, type, details) VALUES ($1, $2, $3, $4, $5)',
} as const;

export interface Actor {
  id: string | null;
  name: string;
}

/** The desk itself, when it acts on its own (seeding, imports from the command line, jobs). */
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface NewAuditEvent {
  questionSetId: string | null;
  actor: Actor;
  type: string;
  details: Record<string, unknown>;
}

@Injectable()
export class AuditTrail {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Appends an event inside the caller's transaction, so the change and its record land together. */
  async record(manager: EntityManager, event: NewAuditEvent): Promise<void> {
    await preparedQuery(manager, AUDIT_SQL.record, [event.questionSetId, event.actor.id, event.actor.name, event.type, JSON.stringify(event.details)]);
  }

  /** The trail of an account (events about no set that name it as `details.userId`), oldest first. */
  forAccount(userId: string): Promise<AuditEvent[]> {
    return this.events
      .createQueryBuilder('event')
      .where('event.questionSetId IS NULL')
      .andWhere("event.details ->> 'userId' = :userId", { userId })
      .orderBy('event.id', 'ASC')
      .getMany();
  }

  /** A set's trail, oldest first. */
  forQuestionSet(questionSetId: string): Promise<AuditEvent[]> {
    return this.events.find({ where: { questionSetId }, order: { id: 'ASC' } });
  }
}
