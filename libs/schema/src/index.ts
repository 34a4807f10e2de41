export { DESK_CONFIG_PARTS, loadConfig } from './desk-config';
export { DESK_SCHEMA } from './desk-schema';
export { DeskDatabaseModule } from './desk-database.module';
