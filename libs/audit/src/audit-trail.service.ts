import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from './audit-event.entity';

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
    await manager.insert(AuditEvent, {
      questionSetId: event.questionSetId,
      actorId: event.actor.id,
      actorName: event.actor.name,
      type: event.type,
      details: event.details as QueryDeepPartialEntity<AuditEvent['details']>,
    });
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
