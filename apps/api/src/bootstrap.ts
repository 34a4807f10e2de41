import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { DeskConfigService } from '@question-desk/config';
import { requestLogOf } from '@question-desk/operations';
import { describeLimits } from '@question-desk/question-sets';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { useBodyParsers } from './http/body-parsers';
import { DeskExpressAdapter } from './http/desk-express-adapter';
import { webAppCompression } from './web/web-app';
import { declareErrorResponses } from './http/openapi-errors';
import { SESSION_COOKIE } from './http/browser-session';
import { serverTiming } from './http/server-timing';

export const API_PREFIX = 'api';

/** The API, configured but not yet listening: `main.ts` starts it, the tests drive it. */
export async function createApi(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, new DeskExpressAdapter(), { bodyParser: false, bufferLogs: true });
  configureApi(app);
  return app;
}

/** Everything the API needs around its modules: logs, body parsers, prefix, OpenAPI. */
export function configureApi(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  const config = app.get(DeskConfigService).values;
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names (none by default): the sign-in
  // limit counts per address, and a client must not pick its own.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestLogOf(app));
  app.use(serverTiming());
  app.use(webAppCompression());
  app.use(cookieParser());
  useBodyParsers(app, config.documentMaxBytes);
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  const document = openApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}

/** The OpenAPI document of every route (served at /api/docs-json; the web app generates its types from it). */
export function openApiDocument(app: NestExpressApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Question Desk')
      .setDescription(
        'Answer tracking for a ministry\'s parliamentary question desk (Kamervragen). Sign in with POST /api/auth/login and send the token as "Authorization: Bearer …" (browsers use the session cookie qd_session it sets, and send "X-Requested-With: question-desk" on requests that change something). Dates are YYYY-MM-DD in the Europe/Amsterdam calendar.\n\n' +
          describeLimits(),
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  return declareErrorResponses(document);
}
