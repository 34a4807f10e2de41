import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Viewer } from '@question-desk/accounts';
import { Clock } from '@question-desk/deadlines';
import type { DataSource } from 'typeorm';
import type { ReminderKind } from './reminder-policy';
import { NotificationNotFound } from './reminders.errors';

/** A reminder as its recipient sees it in the app. */
export interface NotificationView {
  id: string;
  questionSetId: string | null;
  kind: ReminderKind;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = `reminder_id AS id, question_set_id AS "questionSetId", kind, message, created_at AS "createdAt", read_at AS "readAt"`;

/** The statements over the notifications, by name; test/sql-boundary.e2e-spec.ts prepares each against the migrated schema. */
export const NOTIFICATION_SQL = {
  list: `SELECT ${COLUMNS} FROM notification WHERE recipient_id = $1 ORDER BY created_at DESC, position DESC LIMIT $2`,
  listUnread: `SELECT ${COLUMNS} FROM notification WHERE recipient_id = $1 AND read_at IS NULL ORDER BY created_at DESC, position DESC LIMIT $2`,
  markRead: `UPDATE notification SET read_at = coalesce(read_at, $3) WHERE reminder_id = $1 AND recipient_id = $2 RETURNING ${COLUMNS}`,
  markAllRead: 'UPDATE notification SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL',
} as const;

/**
 * The signed-in person's in-app notifications. Marking them read changes only the reader's own
 * inbox, not the desk's records, so it is not written to the audit trail.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Newest first. */
  list(viewer: Viewer, options: { unreadOnly?: boolean; limit: number }): Promise<NotificationView[]> {
    return this.dataSource.query<NotificationView[]>(options.unreadOnly ? NOTIFICATION_SQL.listUnread : NOTIFICATION_SQL.list, [viewer.id, options.limit]);
  }

  /** How many the viewer has not read yet (the bell in the web app's header). */
  async unreadCount(viewer: Viewer): Promise<number> {
    const [{ count }]: [{ count: string }] = await this.dataSource.query(
      'SELECT count(*) AS count FROM notification WHERE recipient_id = $1 AND read_at IS NULL',
      [viewer.id],
    );
    return Number(count);
  }

  /** Marks one read; reading it again keeps the first time. */
  async markRead(viewer: Viewer, id: string): Promise<NotificationView> {
    // UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const [[row]] = await this.dataSource.query<[(NotificationView | undefined)[], number]>(NOTIFICATION_SQL.markRead, [id, viewer.id, this.clock.now()]);
    if (!row) throw new NotificationNotFound(id);
    return row;
  }

  /** Marks every unread one read; returns how many. */
  async markAllRead(viewer: Viewer): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(NOTIFICATION_SQL.markAllRead, [viewer.id, this.clock.now()]);
    return count;
  }
}
