/** Which source a request went to, in the words the run's error uses. */
export type SourceName = 'the Gegevensmagazijn (OData)' | 'Officiële publicaties';

/** A source did not give a usable answer after every try; the message says what happened, for the run's record. */
export class SourceFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceFault';
  }
}

export interface RequestPolicy {
  timeoutMs: number;
  attempts: number;
  retryDelayMs: number;
  /** Waits between tries; tests and the bench may shorten it. */
  sleep?: (ms: number) => Promise<void>;
}

// A 429's Retry-After is honoured up to this long; a source asking for more ends the run (the next catches up).
const LONGEST_RETRY_AFTER_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * GETs `url` and reads the body with `read`, trying again after a network error, a time-out, a 5xx,
 * a 429 (after its Retry-After) or a body `read` cannot make sense of; the wait doubles each time.
 * A 404 is an answer (`null`): the document is not published (yet). Another 4xx is not retried.
 */
export async function getWithRetries<T>(source: SourceName, url: string, accept: string, policy: RequestPolicy, read: (body: string) => T): Promise<T | null> {
  const wait = policy.sleep ?? sleep;
  const problems: string[] = [];
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let delay = policy.retryDelayMs * 2 ** (attempt - 1);
    try {
      const response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(policy.timeoutMs) });
      const body = await response.text();
      if (response.status === 404) return null;
      if (response.status === 429) {
        const asked = retryAfterMs(response.headers.get('retry-after'));
        if (asked !== null && asked > LONGEST_RETRY_AFTER_MS) {
          throw new SourceFault(`${source} asked to wait ${Math.round(asked / 1000)} s (429 Too Many Requests) at ${url}; the next run tries again.`);
        }
        if (asked !== null) delay = asked;
        problems.push(`429 Too Many Requests${asked !== null ? ` (Retry-After ${Math.round(asked / 1000)} s)` : ''}`);
      } else if (response.status >= 500) {
        problems.push(`${response.status} ${response.statusText || 'server error'}`);
      } else if (response.status >= 400) {
        throw new SourceFault(
          `${source} refused ${url} with ${response.status} ${response.statusText}; check the address (TK_ODATA_URL, OFFICIELE_PUBLICATIES_URL).`,
        );
      } else {
        try {
          return read(body);
        } catch (error) {
          problems.push(`an answer that could not be read (${(error as Error).message})`);
        }
      }
    } catch (error) {
      if (error instanceof SourceFault) throw error;
      const e = error as Error & { cause?: { code?: string } };
      problems.push(
        e.name === 'TimeoutError' || e.name === 'AbortError'
          ? `no answer within ${policy.timeoutMs / 1000} s`
          : `no connection (${e.cause?.code ?? e.message})`,
      );
    }
    if (attempt < policy.attempts) await wait(delay);
  }
  throw new SourceFault(`${source} gave no usable answer for ${url} after ${policy.attempts} tries: ${summarise(problems)}.`);
}

/** "500 Internal Server Error (2×), no answer within 30 s" */
function summarise(problems: string[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].map(([p, n]) => (n > 1 ? `${p} (${n}×)` : p)).join(', ');
}
