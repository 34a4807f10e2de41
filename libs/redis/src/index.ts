export { createRedis, REDIS, RedisModule } from './redis.module';
export { redisConnectionOptions } from './connection-options';
export { reportErrors } from './report-errors';
export { forgetRedisPrefix } from './forget-prefix';
