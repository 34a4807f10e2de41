export { createRedis, REDIS, RedisModule } from './redis.module';
export { redisConnectionOptions } from './connection-options';
