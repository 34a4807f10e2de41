export { DESK_SCHEMA } from './desk-schema';
export { DeskDatabaseModule } from './desk-database.module';
