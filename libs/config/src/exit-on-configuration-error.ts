import { ConfigurationError } from './configuration';

/**
 * Runs a process entry point; a bad setting stops it with one line per setting that names the
 * variable and what it expects, instead of a stack trace.
 */
export async function exitOnConfigurationError(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
