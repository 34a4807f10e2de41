import { NestFactory } from '@nestjs/core';
import { exitOnConfigurationError } from '@question-desk/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * The background worker: BullMQ processors over Redis. On SIGTERM or SIGINT it stops taking jobs,
 * lets the ones in flight finish, and closes its connections.
 */
void exitOnConfigurationError(async () => {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  app.get(Logger).log('Question Desk worker started');
});
