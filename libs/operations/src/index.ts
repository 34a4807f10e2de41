export { DeskLoggingModule, requestLogOf } from './logging.module';
export { OPERATIONS_QUEUE, WORKER_HEARTBEAT_KEY } from './queues';
export { HEARTBEAT_JOB } from './heartbeat.job';
export type { HeartbeatJobData } from './heartbeat.job';
export { RedisHealthIndicator } from './redis.health';
export { withTimeout } from './with-timeout';
export { DEFAULT_RESTART_POLICY, EXIT_UNAVAILABLE, Supervisor, describeExit, restartDelay } from './supervisor';
export type { Program, RestartPolicy } from './supervisor';
export { operationsConfig } from './operations.config';
