import { DeskConfigService, exitOnConfigurationError } from '@question-desk/config';
import { Logger } from 'nestjs-pino';
import { createApi } from './bootstrap';

void exitOnConfigurationError(async () => {
  const app = await createApi();
  const { port, publicUrl } = app.get(DeskConfigService).values;
  await app.listen(port);
  app.get(Logger).log(`Question Desk API listening on ${publicUrl}/api (docs: ${publicUrl}/api/docs)`);
});
