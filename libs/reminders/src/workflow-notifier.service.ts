import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { amsterdamDateOf } from '@question-desk/deadlines';
import type { WorkflowObserver, WorkflowStepTaken } from '@question-desk/question-sets';
import type { EntityManager } from 'typeorm';
import { NotificationMailStore } from './notification-mail.store';
import { nameOf } from './reminder-message';
import { eventsOf, workflowLine, type Audience, type WorkflowNotificationRule } from './workflow-notifications';

/**
 * Tells people of the workflow steps that reach them (issue 11.1): for each event, one ledger entry
 * and one in-app notification per recipient, written in the step's own transaction, so they exist
 * exactly when the step committed. The email goes out later, folded per person (PersonMail).
 * The one who took the step is never told of it.
 */
@Injectable()
export class WorkflowNotifier implements WorkflowObserver {
  constructor(private readonly store: NotificationMailStore) {}

  async stepTaken(manager: EntityManager, step: WorkflowStepTaken): Promise<void> {
    const events = eventsOf(step);
    if (!events.length) return;
    const set = await this.store.setName(manager, step.questionSetId);
    const name = set ? nameOf({ ...set, statutoryDeadline: null, deadline: null, draftDeadline: null }) : 'vragen zonder kenmerk';
    const told = new Set<string>([step.actor.id]);
    for (const rule of events) {
      const recipients = (await this.recipients(manager, rule, step)).filter((id) => !told.has(id));
      if (!recipients.length) continue;
      recipients.forEach((id) => told.add(id));
      const ministries = rule.kind === 'co-signing-requested' ? step.unsignedCoSigners : step.after.leadMinistryCode ? [step.after.leadMinistryCode] : [];
      await this.store.recordEvent(manager, {
        questionSetId: step.questionSetId,
        kind: rule.kind,
        on: amsterdamDateOf(step.at),
        eventId: randomUUID(),
        at: step.at,
        recipients,
        message: workflowLine(rule.kind, { set: name, actor: step.actor.name, ministries }),
      });
    }
  }

  private async recipients(manager: EntityManager, rule: WorkflowNotificationRule, step: WorkflowStepTaken): Promise<string[]> {
    const ministry = rule.ministry === 'before' ? step.before.leadMinistryCode : step.after.leadMinistryCode;
    const found = new Set<string>();
    for (const audience of rule.to) for (const id of await this.audience(manager, audience, step, ministry)) found.add(id);
    return [...found];
  }

  private audience(manager: EntityManager, audience: Audience, step: WorkflowStepTaken, ministry: string | null): Promise<string[]> {
    switch (audience) {
      case 'drafter': {
        const drafter = step.after.assigneeId ?? step.before.assigneeId;
        return this.store.activeAmong(manager, drafter ? [drafter] : []);
      }
      case 'desk':
        return this.store.covering(manager, 'desk', ministry);
      case 'reviewers':
        return this.store.covering(manager, 'coordinator', ministry);
      case 'co-signers':
        return this.store.ofMinistries(manager, step.unsignedCoSigners);
    }
  }
}
