import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService, registerAs } from '@nestjs/config';
import { loadConfig, type DeskConfig } from './configuration';
import { DeskConfigService } from './desk-config.service';

/** The desk's settings as a @nestjs/config namespace, validated by the schema in configuration.ts. */
export const deskConfiguration = registerAs('desk', (): DeskConfig => loadConfig(process.env));

/**
 * Reads `.env` (when present) and the environment once, validates them, and offers the typed result
 * as `DeskConfigService`. A bad value stops the process with one line per variable.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ cache: true, load: [deskConfiguration] })],
  providers: [
    {
      provide: DeskConfigService,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => new DeskConfigService(config.getOrThrow<DeskConfig>('desk')),
    },
  ],
  exports: [DeskConfigService],
})
export class DeskConfigModule {}
