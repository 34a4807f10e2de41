export { loadConfig, ConfigurationError, REMINDER_KINDS_CONFIGURABLE } from './configuration';
export type { DeskConfig, DeskEnvironment } from './configuration';
export { DeskConfigModule } from './config.module';
export { DeskConfigService } from './desk-config.service';
export { exitOnConfigurationError } from './exit-on-configuration-error';
export { StartupFailure } from './startup-failure';
