import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * Nest's Express adapter, with the server making each request and response on Express's own
 * prototypes from the start.
 *
 * Express gives every request and response its prototypes as it comes in (`app.handle` calls
 * `Object.setPrototypeOf` on both), and what each request allocated then outlived the next
 * young-generation collection: Express's own hello promoted ~9 kB per request to the old generation
 * and stopped for 10–12 ms per scavenge, where Fastify's promotes nothing and stops for about a
 * millisecond (bench:throughput's floors and their GC column). Made on `app.request` and
 * `app.response` by the server (Node's `IncomingMessage` and `ServerResponse` options), the
 * objects already have those prototypes, and Express's `setPrototypeOf` changes nothing.
 */
export class DeskExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // TLS and Nest's own connection tracking are not used by the desk (a proxy terminates TLS); Nest's way then.
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    const app = this.getInstance<Express>();
    class DeskRequest extends IncomingMessage {}
    class DeskResponse extends ServerResponse {}
    Object.setPrototypeOf(DeskRequest.prototype, app.request);
    Object.setPrototypeOf(DeskResponse.prototype, app.response);
    // What Express sets per request is now the prototype each request already has.
    app.request = DeskRequest.prototype as Express['request'];
    app.response = DeskResponse.prototype as unknown as Express['response'];
    this.httpServer = createServer({ IncomingMessage: DeskRequest, ServerResponse: DeskResponse }, app);
  }
}
