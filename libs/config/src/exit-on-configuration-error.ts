import { ConfigurationError } from './configuration';
import { StartupFailure } from './startup-failure';

/**
 * Runs a process entry point; a bad setting stops it with one line per setting that names the
 * variable and what it expects, and a dependency it cannot reach (StartupFailure) with one line
 * that says what to do, instead of a stack trace.
 */
export async function exitOnConfigurationError(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    if (error instanceof StartupFailure) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error.exitCode);
    }
    throw error;
  }
}
