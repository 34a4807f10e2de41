/**
 * The one way the web app talks to the desk: same-origin fetch with the session cookie and the CSRF
 * header the API requires. The access token from sign-in is never stored; the HttpOnly cookie is the session.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
    readonly retryAfter: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

let onUnauthorized: () => void = () => undefined;

/** Called on a 401 from any request except sign-in itself: the app sends the user to Inloggen and back. */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function messageOf(status: number, body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = body.message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string' && message) return message;
  }
  if (status === 0) return 'De vragendesk is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';
  if (status >= 500) return 'Er ging iets mis bij de vragendesk. Probeer het later opnieuw.';
  return `Het verzoek is geweigerd (${status}).`;
}

export interface RequestOptions {
  query?: Query;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Sign-in answers 401 for a wrong password: that is a message for the form, not a lost session. */
  ignoreUnauthorized?: boolean;
  as?: 'json' | 'text' | 'blob';
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'X-Requested-With': 'question-desk', Accept: 'application/json', ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, messageOf(0, null), null);
  }
  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (response.status === 401 && !options.ignoreUnauthorized) onUnauthorized();
    throw new ApiError(response.status, messageOf(response.status, parsed), parsed, response.headers.get('Retry-After'));
  }
  if (response.status === 204) return undefined as T;
  if (options.as === 'text') return (await response.text()) as T;
  if (options.as === 'blob') return (await response.blob()) as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options: RequestOptions = {}) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, json?: unknown, options: RequestOptions = {}) => request<T>('POST', path, { ...options, json }),
  put: <T>(path: string, json?: unknown) => request<T>('PUT', path, { json }),
  patch: <T>(path: string, json?: unknown) => request<T>('PATCH', path, { json }),
};

/** 409 with `currentVersion`: someone else changed it since it was loaded (a 409 without it is a step not allowed now). */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && !!error.body && typeof error.body === 'object' && 'currentVersion' in error.body;
}
