/** The worker says it is alive: it writes the time into Redis, where /api/health reads it. */
export const HEARTBEAT_JOB = 'HeartbeatJob';
export type HeartbeatJobData = Record<string, never>;
