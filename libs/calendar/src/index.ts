export { CalendarModule } from './calendar.module';
export { CALENDAR_MAX_SETS, CALENDAR_PAST_DAYS, CALENDAR_SQL, CalendarService, TOKEN_PATTERN } from './calendar.service';
export type { CalendarFeed } from './calendar.service';
export { CalendarFeedNotFound } from './calendar.errors';
export { deadlineCalendar, deadlineEvents } from './deadline-events';
export type { CalendarSet, DeadlineEvent, DeadlineKind } from './deadline-events';
export { CreateCalendarFeeds1733700001000 } from './migrations/1733700001000-create-calendar-feeds';
