import { accountsConfig } from '@question-desk/accounts';
import { type DeskConfig, type DeskConfigPart, type DeskEnvironment, readConfig } from '@question-desk/config';
import { deadlinesConfig } from '@question-desk/deadlines';
import { documentsConfig } from '@question-desk/documents';
import { intakeConfig } from '@question-desk/intake';
import { operationsConfig } from '@question-desk/operations';
import { remindersConfig } from '@question-desk/reminders';

/** Every capability's part of the configuration; libs/config adds the desk-wide settings. */
export const DESK_CONFIG_PARTS: readonly DeskConfigPart[] = [accountsConfig, deadlinesConfig, documentsConfig, operationsConfig, remindersConfig, intakeConfig];

/** The desk's whole configuration from `env` (the process's environment when not given): every bad value at once, one line each (`ConfigurationError`). */
export function loadConfig(env?: DeskEnvironment): DeskConfig {
  return readConfig(DESK_CONFIG_PARTS, env);
}
