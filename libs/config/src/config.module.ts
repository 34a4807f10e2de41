import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService, registerAs } from '@nestjs/config';
import { type DeskConfig, type DeskConfigPart, readConfig } from './configuration';
import { DeskConfigService } from './desk-config.service';

/**
 * Reads `.env` (when present) and the environment once, validates the desk-wide settings and the
 * capabilities' `parts` (each capability's `<capability>.config.ts`), and offers the typed result as
 * `DeskConfigService`. A bad value stops the process with one line per variable.
 */
@Global()
@Module({})
export class DeskConfigModule {
  static forRoot(parts: readonly DeskConfigPart[]): DynamicModule {
    const deskConfiguration = registerAs('desk', (): DeskConfig => readConfig(parts));
    return {
      module: DeskConfigModule,
      imports: [ConfigModule.forRoot({ cache: true, load: [deskConfiguration] })],
      providers: [
        {
          provide: DeskConfigService,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => new DeskConfigService(config.getOrThrow<DeskConfig>('desk')),
        },
      ],
      exports: [DeskConfigService],
    };
  }
}
