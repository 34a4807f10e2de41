import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { REDIS } from '@question-desk/redis';
import type Redis from 'ioredis';

const WARN_EVERY_MS = 60_000;

/**
 * Sessions ended by signing out, kept in Redis (shared by every API process) until the token would
 * have expired anyway; only a hash of the token is stored. While Redis is away a signed-out token
 * is not recognised as such (it still expires with TOKEN_TTL): the desk keeps serving, and says so
 * once a minute in the log.
 */
@Injectable()
export class EndedSessions {
  private readonly logger = new Logger(EndedSessions.name);
  private readonly prefix: string;
  private lastWarning = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: DeskConfigService,
  ) {
    this.prefix = `${config.values.redis.prefix}:ended-session:`;
  }

  /** Ends the session `key` (`sessionKeyOf` its token), which would expire at `expiresAtMs`. */
  async end(key: string, expiresAtMs: number): Promise<void> {
    const ttl = Math.ceil(expiresAtMs - Date.now());
    if (ttl <= 0) return;
    try {
      await this.redis.set(this.prefix + key, '1', 'PX', ttl);
    } catch (error) {
      this.warn(`Could not record a sign-out (${(error as Error).message}); the session ends when its token expires`);
    }
  }

  /** Whether the session `key` (`sessionKeyOf` its token) was ended. */
  async isEnded(key: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.prefix + key)) === 1;
    } catch (error) {
      this.warn(`Could not check for signed-out sessions (${(error as Error).message}); accepting tokens until Redis answers`);
      return false;
    }
  }

  private warn(message: string): void {
    if (Date.now() - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}
