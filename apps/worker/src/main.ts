import { NestFactory } from '@nestjs/core';
import { exitOnConfigurationError } from '@question-desk/config';
import { loadConfig } from '@question-desk/schema';
import { assertDatabaseReady } from '@question-desk/database';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * The background worker: BullMQ processors over Redis. On SIGTERM or SIGINT it stops taking jobs,
 * lets the ones in flight finish, and closes its connections.
 */
void exitOnConfigurationError(async () => {
  // Before the modules start: a missing or unreachable database is one line and an exit, not retries and a hang.
  await assertDatabaseReady(loadConfig().databaseUrl);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  app.get(Logger).log('Question Desk worker started');
});
