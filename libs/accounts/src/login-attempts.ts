import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { REDIS } from '@question-desk/redis';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyLoginAttempts } from './accounts.errors';

/**
 * Counts failed sign-ins twice: per account, from whatever address (so a new address, real or
 * forged, buys no new tries), and per address, over whatever accounts (so one client cannot guess
 * through the whole directory). Either count past its limit blocks. Kept in Redis so every API
 * process shares the counts; held in memory while Redis is away.
 */
@Injectable()
export class LoginAttempts {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly logger = new Logger(LoginAttempts.name);

  constructor(@Inject(REDIS) redis: Redis, config: DeskConfigService) {
    const { maxFailures, maxFailuresPerAddress, blockMinutes } = config.values.login;
    const limiter = (points: number, scope: string) => {
      const options = { points, duration: blockMinutes * 60, blockDuration: blockMinutes * 60 };
      return new RateLimiterRedis({
        ...options,
        storeClient: redis,
        keyPrefix: `${config.values.redis.prefix}:login-failures:${scope}`,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    };
    this.perAccount = limiter(maxFailures, 'account');
    this.perAddress = limiter(maxFailuresPerAddress, 'address');
  }

  /** Throws when this account, or this address, is blocked. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const read = (limiter: RateLimiterRedis, key: string) =>
      limiter.get(key).catch((error: Error) => {
        this.logger.warn(`Could not read failed sign-ins (${error.message}); allowing this attempt`);
        return null;
      });
    for (const state of [await read(this.perAccount, email.toLowerCase()), await read(this.perAddress, address)]) {
      if (state && state.remainingPoints <= 0 && state.msBeforeNext > 0) {
        throw new TooManyLoginAttempts(Math.ceil(state.msBeforeNext / 1000));
      }
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const outcomes = await Promise.allSettled([this.perAccount.consume(email.toLowerCase()), this.perAddress.consume(address)]);
    const blocked = outcomes.flatMap((outcome) => (outcome.status === 'rejected' && outcome.reason instanceof RateLimiterRes ? [outcome.reason] : []));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected' && !(outcome.reason instanceof RateLimiterRes)) {
        this.logger.warn(`Could not count a failed sign-in (${(outcome.reason as Error).message})`);
      }
    }
    if (blocked.length) throw new TooManyLoginAttempts(Math.ceil(Math.max(...blocked.map((b) => b.msBeforeNext)) / 1000));
  }

  /** A successful sign-in clears the account's count (not the address's: one good password must not buy guesses at others). */
  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email.toLowerCase()).catch(() => undefined);
  }

  /** Lifts the block on an account, as when an administrator resets its password. */
  async forgetAccount(email: string): Promise<void> {
    await this.perAccount.delete(email.toLowerCase()).catch((error: Error) => {
      this.logger.warn(`Could not lift the sign-in block of an account (${error.message})`);
    });
  }
}
