import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import { LoggerModule } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Structured JSON logs (pino) for every process; in the API every line carries the request id
 * (taken from `X-Request-Id` when the caller sends a sane one). Passwords, tokens and document
 * bodies are never logged.
 */
@Module({})
export class DeskLoggingModule {
  /** `service` names the process in every line (question-desk-api, -worker, -cli). */
  static forProcess(service: string): DynamicModule {
    return {
      module: DeskLoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [DeskConfigService],
          useFactory: (config: DeskConfigService) => ({
            // Express 5 wants a named wildcard; nestjs-pino 4's default '*' logs a warning at every start.
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.values.logLevel,
              // `process` (api-2, worker-1) and `pid` say which of several processes wrote a line (npm start sets DESK_PROCESS).
              base: { service, pid: process.pid, ...(process.env.DESK_PROCESS ? { process: process.env.DESK_PROCESS } : {}) },
              genReqId: (req: IncomingMessage, res) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
                res.setHeader('X-Request-Id', id);
                return id;
              },
              customProps: (req: IncomingMessage & { id?: unknown }) => ({ requestId: req.id }),
              redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body', '*.password', '*.accessToken'], remove: true },
              serializers: {
                req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              },
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
              customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            },
          }),
        }),
      ],
    };
  }
}
