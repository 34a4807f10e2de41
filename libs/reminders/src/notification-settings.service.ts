import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { RuleViolation } from '@question-desk/errors';
import type { DataSource } from 'typeorm';
import { NotificationMailStore } from './notification-mail.store';
import { REMINDER_KINDS } from './reminder-policy';
import { NOTIFICATION_KIND_LABELS, WORKFLOW_NOTIFICATION_KINDS } from './workflow-notifications';

/** Every kind a person can be told of: the workflow's events, then the reminders. */
export const NOTIFICATION_KINDS: readonly string[] = [...WORKFLOW_NOTIFICATION_KINDS, ...REMINDER_KINDS];

export interface NotificationSettingView {
  kind: string;
  /** In Dutch, for the settings screen. */
  label: string;
  /** Email on (the default) or off. */
  email: boolean;
  /** Always true: every notification appears in the app. */
  inApp: true;
}

/**
 * Each person's choice per kind: email and in-app, or in-app only. A personal preference, like
 * marking notifications read, so it is not written to the desk's audit trail.
 */
@Injectable()
export class NotificationSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: NotificationMailStore,
  ) {}

  async get(viewer: Viewer): Promise<NotificationSettingView[]> {
    const saved = new Map((await this.store.settings(this.dataSource.manager, viewer.id)).map((row) => [row.kind, row.email]));
    return NOTIFICATION_KINDS.map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind] ?? kind, email: saved.get(kind) ?? true, inApp: true }));
  }

  /** Changes the kinds named; the others stay as they were. Returns all of them. */
  async update(viewer: Viewer, changes: { kind: string; email: boolean }[]): Promise<NotificationSettingView[]> {
    const unknown = changes.filter((c) => !NOTIFICATION_KINDS.includes(c.kind)).map((c) => c.kind);
    if (unknown.length) {
      throw new RuleViolation([`There is no notification kind ${unknown.map((k) => `"${k}"`).join(', ')}; the kinds are ${NOTIFICATION_KINDS.join(', ')}.`]);
    }
    await this.dataSource.transaction(async (manager) => {
      for (const change of changes) await this.store.saveSetting(manager, viewer.id, change.kind, change.email);
    });
    return this.get(viewer);
  }
}
