/**
 * Something a process needs at start is missing or unreachable (the database). The message is one
 * line that says what to do; the process exits with `exitCode` instead of waiting or hanging.
 */
export class StartupFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 69, // EX_UNAVAILABLE
  ) {
    super(message);
    this.name = 'StartupFailure';
  }
}
