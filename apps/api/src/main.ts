import { DeskConfigService, exitOnConfigurationError } from '@question-desk/config';
import { loadConfig } from '@question-desk/schema';
import { assertDatabaseReady } from '@question-desk/database';
import { Logger } from 'nestjs-pino';
import { createApi } from './bootstrap';

void exitOnConfigurationError(async () => {
  // Before the modules start: a missing or unreachable database is one line and an exit, not retries and a hang.
  await assertDatabaseReady(loadConfig().databaseUrl);
  const app = await createApi();
  const { port, publicUrl } = app.get(DeskConfigService).values;
  await app.listen(port);
  // `event: 'listening'` lets `npm start` show this line as a banner in development (LOG_FORMAT=pretty).
  app.get(Logger).log({
    msg: `Question Desk API listening on ${publicUrl}/api (app: ${publicUrl}/, docs: ${publicUrl}/api/docs)`,
    event: 'listening',
    app: `${publicUrl}/`,
    docs: `${publicUrl}/api/docs`,
  });
});
