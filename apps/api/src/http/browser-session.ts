import type { Request } from 'express';

/** The browser session: the same access token as a bearer token, in an HttpOnly cookie the web app cannot read. */
export const SESSION_COOKIE = 'qd_session';

/** The header every state-changing request of the web app carries (CSRF defence beside SameSite=Strict). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'question-desk';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Credentials = { kind: 'bearer' | 'cookie'; token: string } | null;

/** The token a request signs in with: the Authorization header if it has one, else the session cookie. */
export function credentialsOf(request: Request): Credentials {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() === 'bearer' && token) return { kind: 'bearer', token };
  const cookie = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? { kind: 'cookie', token: cookie } : null;
}

/**
 * A request that authenticates by cookie and changes something must carry the web app's header: a
 * cross-site form cannot set it, and a cross-site script cannot send it without a CORS preflight
 * the API never grants.
 */
export function lacksCsrfHeader(request: Request): boolean {
  return !SAFE_METHODS.has(request.method.toUpperCase()) && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE;
}
