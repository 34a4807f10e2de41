import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import type { Viewer } from './viewer';

/** At most this many sessions are remembered; the oldest go first. */
const MAX_ENTRIES = 10_000;

/** What a token is known by in Redis and in this cache: a hash, never the token itself. */
export function sessionKeyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The viewer of each recently checked session, in this process, for VIEWER_CACHE_MS (1 s by default;
 * 0: off), never past the token's expiry: under load most requests then need no token check, Redis
 * look-up or database query. What this process changes (a sign-out, a deactivation, new roles or a
 * new password) is forgotten here at once; what another API process changes counts here within
 * VIEWER_CACHE_MS.
 */
@Injectable()
export class ViewerCache {
  private readonly entries = new Map<string, { viewer: Viewer; until: number }>();
  private readonly ttlMs: number;

  constructor(config: DeskConfigService) {
    this.ttlMs = config.values.viewerCacheMs;
  }

  get(key: string): Viewer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.viewer;
    this.entries.delete(key);
    return undefined;
  }

  /** Remembers `viewer` for the session `key`, whose token expires at `expiresAtMs`. */
  remember(key: string, viewer: Viewer, expiresAtMs: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.delete(key);
    this.entries.set(key, { viewer, until: Math.min(Date.now() + this.ttlMs, expiresAtMs) });
  }

  forgetSession(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every session of an account (after a change to it). */
  forgetAccount(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.viewer.id === userId) this.entries.delete(key);
  }
}
