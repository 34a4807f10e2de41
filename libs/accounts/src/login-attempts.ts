import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { REDIS } from '@question-desk/redis';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyLoginAttempts } from './accounts.errors';

const escapeGlob = (text: string) => text.replace(/[\\*?[\]]/g, '\\$&');

/**
 * Counts failed sign-ins per account and address and blocks after too many in a row. Kept in
 * Redis so every API process shares the count; held in memory while Redis is away.
 */
@Injectable()
export class LoginAttempts {
  private readonly limiter: RateLimiterRedis;
  private readonly keyPrefix: string;
  private readonly logger = new Logger(LoginAttempts.name);

  constructor(@Inject(REDIS) private readonly redis: Redis, config: DeskConfigService) {
    const { maxFailures, blockMinutes } = config.values.login;
    const options = {
      points: maxFailures,
      duration: blockMinutes * 60,
      blockDuration: blockMinutes * 60,
    };
    this.keyPrefix = `${config.values.redis.prefix}:login-failures`;
    this.limiter = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      keyPrefix: this.keyPrefix,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }

  private key(email: string, address: string): string {
    return `${email.toLowerCase()}|${address}`;
  }

  /** Throws when this account is blocked for this address. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const state = await this.limiter.get(this.key(email, address)).catch((error: Error) => {
      this.logger.warn(`Could not read failed sign-ins (${error.message}); allowing this attempt`);
      return null;
    });
    if (state && state.remainingPoints <= 0 && state.msBeforeNext > 0) {
      throw new TooManyLoginAttempts(Math.ceil(state.msBeforeNext / 1000));
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    try {
      await this.limiter.consume(this.key(email, address));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new TooManyLoginAttempts(Math.ceil(rejection.msBeforeNext / 1000));
      this.logger.warn(`Could not count a failed sign-in (${(rejection as Error).message})`);
    }
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    await this.limiter.delete(this.key(email, address)).catch(() => undefined);
  }

  /** Lifts the blocks on an account from every address, as when an administrator resets its password. */
  async forgetAccount(email: string): Promise<void> {
    // The limiter keys are "<prefix>:<email>|<address>"; an email may hold glob characters.
    const pattern = `${escapeGlob(`${this.keyPrefix}:${this.key(email, '')}`)}*`;
    try {
      for await (const keys of this.redis.scanStream({ match: pattern, count: 500 })) {
        if ((keys as string[]).length) await this.redis.del(...(keys as string[]));
      }
    } catch (error) {
      this.logger.warn(`Could not lift the sign-in blocks of an account (${(error as Error).message})`);
    }
  }
}
