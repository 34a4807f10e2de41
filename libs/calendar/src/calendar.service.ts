import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasRole, isRole, type Viewer } from '@question-desk/accounts';
import { DeskConfigService } from '@question-desk/config';
import { addDays, Clock } from '@question-desk/deadlines';
import { OPEN_STATUSES, QuestionSetRows, type QuestionSetRowFilter } from '@question-desk/question-sets';
import { DataSource } from 'typeorm';
import { CalendarFeedNotFound } from './calendar.errors';
import { deadlineCalendar, deadlineEvents, type DeadlineEvent, type DeadlineKind } from './deadline-events';

/**
 * Every SQL statement of the calendar, by name. A person is read from `desk_person`, the view the
 * accounts library offers for this; the feed table is this library's own.
 */
export const CALENDAR_SQL = {
  feedOf: 'SELECT created_at AS "createdAt" FROM calendar_feed WHERE user_id = $1',
  renew: `INSERT INTO calendar_feed (user_id, token_hash, created_at) VALUES ($1, $2, $3)
          ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
  revoke: 'DELETE FROM calendar_feed WHERE user_id = $1',
  personOfToken: `SELECT p.id, p.email, p.name, p.roles, p.ministry_code AS "ministryCode"
                    FROM calendar_feed f JOIN desk_person p ON p.id = f.user_id
                   WHERE f.token_hash = $1 AND p.active`,
} as const;

/** The feed's address is shown once, when it is made; afterwards only whether there is one. */
export interface CalendarFeed {
  active: boolean;
  createdAt: string | null;
  /** Only in the answer that made it: the secret address to subscribe to. */
  url?: string;
}

/** At most this many sets per part of a feed (a drafter's own, a ministry's), the earliest deadlines first. */
export const CALENDAR_MAX_SETS = 2000;
/** Sets whose deadline passed longer ago than this drop out of the feed (the werkvoorraad still lists them). */
export const CALENDAR_PAST_DAYS = 60;

/** A secret of 256 random bits, URL-safe (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest();

interface PersonRow {
  id: string;
  email: string;
  name: string;
  roles: string[];
  ministryCode: string | null;
}

/**
 * The deadline calendar: a person's secret iCalendar feed of the deadlines of the sets they work on
 * — a drafter the internal deadlines of the open sets assigned to them; desk officers and
 * coordinators the deadline in force of their ministry's open sets (every ministry's without one).
 */
@Injectable()
export class CalendarService {
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: QuestionSetRows,
    private readonly clock: Clock,
    config: DeskConfigService,
  ) {
    this.publicUrl = config.values.publicUrl.replace(/\/$/, '');
  }

  async feedOf(viewer: Viewer): Promise<CalendarFeed> {
    const [row] = await this.dataSource.query<{ createdAt: Date }[]>(CALENDAR_SQL.feedOf, [viewer.id]);
    return { active: !!row, createdAt: row ? row.createdAt.toISOString() : null };
  }

  /** Makes the feed, or gives it a new secret: the old address stops working at once. */
  async renew(viewer: Viewer): Promise<Required<CalendarFeed>> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.clock.now();
    await this.dataSource.query(CALENDAR_SQL.renew, [viewer.id, hashOf(token), createdAt]);
    return { active: true, createdAt: createdAt.toISOString(), url: `${this.publicUrl}/api/calendar/${token}.ics` };
  }

  async revoke(viewer: Viewer): Promise<void> {
    await this.dataSource.query(CALENDAR_SQL.revoke, [viewer.id]);
  }

  /** The iCalendar text behind a secret; unknown, renewed, revoked or of a deactivated account: not found. */
  async calendar(token: string): Promise<string> {
    if (!TOKEN_PATTERN.test(token)) throw new CalendarFeedNotFound();
    const [person] = await this.dataSource.query<PersonRow[]>(CALENDAR_SQL.personOfToken, [hashOf(token)]);
    if (!person) throw new CalendarFeedNotFound();
    const viewer: Viewer = {
      id: person.id,
      email: person.email,
      name: person.name,
      roles: person.roles.filter(isRole),
      ministry: person.ministryCode ? { code: person.ministryCode, name: person.ministryCode } : null,
    };
    const events = new Map<string, DeadlineEvent>();
    const collect = async (filter: QuestionSetRowFilter, kinds: DeadlineKind[]) => {
      for await (const set of this.rows.rows(viewer, filter, CALENDAR_MAX_SETS)) {
        for (const event of deadlineEvents(set, kinds, this.publicUrl)) events.set(event.uid, event);
      }
    };
    const since = addDays(this.clock.today(), -CALENDAR_PAST_DAYS - 1);
    if (hasRole(viewer, 'drafter')) {
      await collect({ status: [...OPEN_STATUSES], assigneeId: viewer.id, deadlineAfter: since, sort: 'deadline' }, ['draft', 'review', 'co-signing']);
    }
    if (hasRole(viewer, 'desk', 'coordinator')) {
      await collect({ status: [...OPEN_STATUSES], deadlineAfter: since, sort: 'deadline' }, ['deadline']);
    }
    return deadlineCalendar(`Vragendesk: termijnen van ${viewer.name}`, [...events.values()], this.clock.now());
  }
}
