import { configPart, duration, json, shownValue, wholeNumber } from '@question-desk/config';
import { z } from 'zod';
import { REMINDER_KINDS, type ReminderKind } from './reminder-policy';

declare module '@question-desk/config' {
  interface DeskConfigParts {
    /**
     * Outgoing mail. `smtpProblem` is set (and `smtpUrl` unusable) when SMTP_URL is not a valid smtp:// URL.
     * `from` is the sender as one header value; `fromName` (MAIL_FROM_NAME) is also how the mail is signed.
     */
    mail: { smtpUrl: string | null; smtpProblem: string | null; from: string; fromName: string; fromAddress: string };
    reminders: {
      /** Changes to the reminder policy's defaults, by reminder kind: a day, or false for off. */
      policy: Partial<Record<ReminderKind, number | false>>;
      sweepEveryMs: number;
      /** How long a delivery may hold a reminder before another worker may take it over. */
      leaseMs: number;
      attempts: number;
      /** Wait before the first retry; it doubles with every further attempt. */
      retryDelayMs: number;
      concurrency: number;
    };
    /** Workflow notifications and how deliveries fold (issues 11.1 and 12.4). */
    notifications: {
      /** Workflow events for one person within this window go out as one email. */
      windowMs: number;
      /** Above this many reminders waiting for one person, they go out as one digest email. */
      digestAbove: number;
      /** The most rows a sweep or a delivery holds in memory at once. */
      batch: number;
    };
  }
}

/**
 * REMINDER_POLICY: JSON that changes the reminder policy's defaults. `false` switches a reminder off;
 * a number moves its day. One entry per reminder kind of the policy table (the type says so).
 */
const reminderOffset = (min: number, max: number, what: string) => {
  const message = `must be false or ${what}`;
  return z.union([z.literal(false), z.number().int(message).min(min, message).max(max, message)], { errorMap: () => ({ message }) });
};
const onTheDayOnly = z.literal(false, { errorMap: () => ({ message: 'can only be false (it is sent on the day itself)' }) });
const reminderChanges: Record<ReminderKind, z.ZodTypeAny> = {
  'draft-due-soon': reminderOffset(1, 20, 'working days before the internal draft deadline, 1 to 20'),
  'draft-due-today': onTheDayOnly,
  'deadline-due-soon': reminderOffset(1, 20, 'working days before the deadline, 1 to 20'),
  'deadline-due-today': onTheDayOnly,
  'postponement-due-soon': reminderOffset(1, 20, 'working days before the deadline in force, 1 to 20'),
  'postponement-due': reminderOffset(1, 60, 'days after the statutory deadline, 1 to 60'),
  'overdue-digest': reminderOffset(1, 7, 'the day of the week, 1 (Monday) to 7 (Sunday)'),
};
const reminderPolicyChanges = json(
  z
    .object(Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, reminderChanges[kind].optional()])), {
      invalid_type_error: 'must be a JSON object such as {"deadline-due-soon":5}',
    })
    .strict(`names an unknown reminder: use ${REMINDER_KINDS.slice(0, -1).join(', ')} or ${REMINDER_KINDS.at(-1)}`),
  '{"deadline-due-soon":5,"draft-due-today":false}',
);

/** The reminders' and their mail's settings. */
export const remindersConfig = configPart({
  variables: {
    // Checked where it is used: a bad SMTP_URL must not stop the worker (see `smtpProblem`).
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z
      .string()
      .regex(/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/, 'must be an address such as vragen@example.org or "Vragendesk <vragen@example.org>"')
      .optional(),
    MAIL_FROM_NAME: z
      .string()
      .trim()
      .min(1, 'must be a name such as Vragendesk')
      .max(100, 'must be a name of at most 100 characters, such as Vragendesk')
      .regex(/^[^<>"\r\n]+$/, 'must be a name such as Vragendesk, without <, > or "')
      .optional(),
    REMINDER_POLICY: reminderPolicyChanges.optional(),
    REMINDER_SWEEP_EVERY: duration(1000, 24 * 3_600_000, '60s or 5m (from 1s to 24h)').default('60s'),
    REMINDER_LEASE: duration(1000, 24 * 3_600_000, '5m (from 1s to 24h)').default('5m'),
    REMINDER_ATTEMPTS: wholeNumber(1, 50, 'a whole number from 1 to 50').default(10),
    REMINDER_RETRY_DELAY: duration(10, 24 * 3_600_000, '30s (from 10ms to 24h)').default('30s'),
    REMINDER_CONCURRENCY: wholeNumber(1, 100, 'a whole number from 1 to 100').default(5),
    NOTIFICATION_WINDOW: duration(0, 24 * 3_600_000, '10m (from 0s to 24h)').default('10m'),
    REMINDER_DIGEST_ABOVE: wholeNumber(1, 100_000, 'a whole number from 1 to 100000').default(100),
    REMINDER_SWEEP_BATCH: wholeNumber(10, 100_000, 'a whole number from 10 to 100000').default(1000),
  },
  read: (e, desk) => ({
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      smtpProblem: e.SMTP_URL === undefined ? null : smtpProblem(e.SMTP_URL),
      ...sender(e.MAIL_FROM ?? `vragendesk@${new URL(desk.publicUrl).hostname}`, e.MAIL_FROM_NAME),
    },
    reminders: {
      policy: e.REMINDER_POLICY ?? {},
      sweepEveryMs: e.REMINDER_SWEEP_EVERY,
      leaseMs: e.REMINDER_LEASE,
      attempts: e.REMINDER_ATTEMPTS,
      retryDelayMs: e.REMINDER_RETRY_DELAY,
      concurrency: e.REMINDER_CONCURRENCY,
    },
    notifications: { windowMs: e.NOTIFICATION_WINDOW, digestAbove: e.REMINDER_DIGEST_ABOVE, batch: e.REMINDER_SWEEP_BATCH },
  }),
});

/** The desk's name as sender when neither MAIL_FROM_NAME nor MAIL_FROM names one. */
export const DEFAULT_MAIL_FROM_NAME = 'Vragendesk';

/** The sender: MAIL_FROM's address, named by MAIL_FROM_NAME, else by the name in MAIL_FROM, else "Vragendesk". */
function sender(mailFrom: string, mailFromName: string | undefined): { from: string; fromName: string; fromAddress: string } {
  const named = /^\s*"?([^<>"]*?)"?\s*<([^<>]+)>\s*$/.exec(mailFrom);
  const fromAddress = named ? named[2] : mailFrom.trim();
  const fromName = mailFromName ?? (named?.[1] || DEFAULT_MAIL_FROM_NAME);
  const shown = /[(),.:;@[\]\\]/.test(fromName) ? `"${fromName}"` : fromName;
  return { from: `${shown} <${fromAddress}>`, fromName, fromAddress };
}

/** What is wrong with an SMTP_URL, in the words of a configuration problem; null when it is usable. */
function smtpProblem(value: string): string | null {
  try {
    const url = new URL(value);
    if (['smtp:', 'smtps:'].includes(url.protocol) && url.hostname) return null;
  } catch {
    // described below
  }
  return `Configuration: SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org (got ${shownValue('SMTP_URL', value.replace(/\/\/[^@/]*@/, '//…@'))})`;
}
