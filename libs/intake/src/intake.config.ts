import { configPart, duration, url, wholeNumber } from '@question-desk/config';
import { MINISTRY_CODE_PATTERN } from '@question-desk/ministries';
import { z } from 'zod';

declare module '@question-desk/config' {
  interface DeskConfigParts {
    intake: {
      /** Whether the worker schedules the intake (TK_INTAKE; on in production, off elsewhere unless `on`). */
      enabled: boolean;
      everyMs: number;
      /** The Gegevensmagazijn's OData v4 base, without a trailing slash. */
      odataUrl: string;
      /** The Officiële publicaties repository base, without a trailing slash. */
      publicationsUrl: string;
      /** The ministries this desk serves (codes); null: all. */
      deskMinistries: string[] | null;
      /** How long one request to a source may take. */
      timeoutMs: number;
      /** Tries per request before a run gives up and records the error. */
      attempts: number;
      /** The wait before the second try; it doubles with every further one (a 429's Retry-After wins). */
      retryDelayMs: number;
    };
  }
}

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

const deskMinistries = z.string().transform((text, ctx) => {
  const codes = text
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (codes.length === 1 && codes[0].toLowerCase() === 'all') return null;
  const unknown = codes.filter((code) => !MINISTRY_CODE_PATTERN.test(code));
  if (codes.length === 0 || unknown.length) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be all, or ministry codes separated by commas such as BZ,JenV (GET /api/ministries?all=true lists them)${unknown.length ? `; not a code: ${unknown.join(', ')}` : ''}`,
    });
    return z.NEVER;
  }
  return [...new Set(codes)];
});

/** The Tweede Kamer open-data intake's settings (libs/intake). */
export const intakeConfig = configPart({
  variables: {
    TK_INTAKE: z.enum(['on', 'off'], { errorMap: () => ({ message: 'must be on or off' }) }).optional(),
    TK_INTAKE_EVERY: duration(60_000, 24 * 3_600_000, '15m or 1h (from 1m to 24h)').default('15m'),
    TK_ODATA_URL: url(['http:', 'https:'], 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0').default(
      'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0',
    ),
    OFFICIELE_PUBLICATIES_URL: url(['http:', 'https:'], 'https://repository.officiele-overheidspublicaties.nl/officielepublicaties').default(
      'https://repository.officiele-overheidspublicaties.nl/officielepublicaties',
    ),
    DESK_MINISTRIES: deskMinistries.optional(),
    TK_INTAKE_TIMEOUT: duration(100, 10 * 60_000, '30s (from 100ms to 10m)').default('30s'),
    TK_INTAKE_ATTEMPTS: wholeNumber(1, 10, 'a whole number from 1 to 10').default(4),
    TK_INTAKE_RETRY_DELAY: duration(1, 10 * 60_000, '2s (from 1ms to 10m)').default('2s'),
  },
  read: (e, desk) => ({
    intake: {
      enabled: e.TK_INTAKE ? e.TK_INTAKE === 'on' : desk.environment === 'production',
      everyMs: e.TK_INTAKE_EVERY,
      odataUrl: withoutTrailingSlash(e.TK_ODATA_URL),
      publicationsUrl: withoutTrailingSlash(e.OFFICIELE_PUBLICATIES_URL),
      deskMinistries: e.DESK_MINISTRIES ?? null,
      timeoutMs: e.TK_INTAKE_TIMEOUT,
      attempts: e.TK_INTAKE_ATTEMPTS,
      retryDelayMs: e.TK_INTAKE_RETRY_DELAY,
    },
  }),
});
