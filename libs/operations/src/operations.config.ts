import { configPart, wholeNumber } from '@question-desk/config';

declare module '@question-desk/config' {
  interface DeskConfigParts {
    /** How often the worker reports that it is alive. */
    heartbeatSeconds: number;
    /** How many API processes `npm start` runs behind the one PORT (node:cluster). */
    apiProcesses: number;
    /** How many worker processes `npm start` runs. */
    workerProcesses: number;
  }
}

/** The operations' settings. */
export const operationsConfig = configPart({
  variables: {
    HEARTBEAT_SECONDS: wholeNumber(1, 3600, 'a number of seconds from 1 to 3600').default(30),
    // Two API processes: one crashed (or busy with a long export) leaves the other answering; one
    // worker: its jobs wait in Redis while the supervisor restarts it, and nobody waits on them.
    API_PROCESSES: wholeNumber(1, 16, 'a number of processes from 1 to 16').default(2),
    WORKER_PROCESSES: wholeNumber(1, 16, 'a number of processes from 1 to 16').default(1),
  },
  read: (e) => ({ heartbeatSeconds: e.HEARTBEAT_SECONDS, apiProcesses: e.API_PROCESSES, workerProcesses: e.WORKER_PROCESSES }),
});
