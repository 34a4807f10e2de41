import { configPart, wholeNumber } from '@question-desk/config';

declare module '@question-desk/config' {
  interface DeskConfigParts {
    /** How often the worker reports that it is alive. */
    heartbeatSeconds: number;
  }
}

/** The operations' settings. */
export const operationsConfig = configPart({
  variables: {
    HEARTBEAT_SECONDS: wholeNumber(1, 3600, 'a number of seconds from 1 to 3600').default(30),
  },
  read: (e) => ({ heartbeatSeconds: e.HEARTBEAT_SECONDS }),
});
