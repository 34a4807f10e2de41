import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeskConfigService } from '@question-desk/config';
import { dataSourceOptions } from '@question-desk/database';
import { DESK_SCHEMA } from './desk-schema';
import { LostConnections } from './lost-connections';

/** The desk's PostgreSQL connection for a Nest process; `name` shows in pg_stat_activity. */
@Module({})
export class DeskDatabaseModule {
  static forProcess(name: string) {
    return {
      module: DeskDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [DeskConfigService],
          useFactory: (config: DeskConfigService) => dataSourceOptions(config.values.databaseUrl, DESK_SCHEMA, name),
        }),
      ],
      providers: [LostConnections],
    };
  }
}
