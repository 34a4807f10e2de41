export { ConfigurationError, configPart, duration, json, readConfig, shownValue, url, wholeNumber } from './configuration';
export type { ConfigPart, DeskConfig, DeskConfigPart, DeskConfigParts, DeskEnvironment, DeskSettings } from './configuration';
export { DeskConfigModule } from './config.module';
export { DeskConfigService } from './desk-config.service';
export { exitOnConfigurationError } from './exit-on-configuration-error';
export { StartupFailure } from './startup-failure';
