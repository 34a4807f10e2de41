import { Controller, Get, Module, Req, Res, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeskExpressAdapter } from './desk-express-adapter';

/** Whether each request and its response arrived on Express's prototypes, seen before Express had them. */
const arrivedOnExpressPrototypes = new WeakMap<object, boolean>();

@Controller()
class ProbeController {
  @Get('probe')
  probe(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const app = request.app as Express;
    response.setHeader('X-Probe', 'yes');
    return {
      arrivedOnExpressPrototypes: arrivedOnExpressPrototypes.get(request),
      onExpressPrototypes: Object.getPrototypeOf(request) === app.request && Object.getPrototypeOf(response) === app.response,
      // Express's own request and response helpers still answer.
      path: request.path,
      query: request.query,
      acceptsJson: request.accepts('json'),
    };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('DeskExpressAdapter', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(ProbeModule, new DeskExpressAdapter(), { logger: false });
    const express = app.getHttpAdapter().getInstance() as Express;
    // Before Express sees them: Express itself sets these prototypes (Object.setPrototypeOf) if they are not so yet.
    (app.getHttpServer() as Server).prependListener('request', (request: IncomingMessage, response: ServerResponse) =>
      arrivedOnExpressPrototypes.set(request, Object.getPrototypeOf(request) === express.request && Object.getPrototypeOf(response) === express.response),
    );
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it("makes each request and response on Express's prototypes, and Express works as before", async () => {
    const response = await fetch(`${base}/probe?status=open&status=drafting`, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-probe')).toBe('yes');
    expect(await response.json()).toEqual({
      arrivedOnExpressPrototypes: true,
      onExpressPrototypes: true,
      path: '/probe',
      query: { status: ['open', 'drafting'] },
      acceptsJson: 'json',
    });
  });

  it('answers an unknown path with Nest’s 404', async () => {
    const response = await fetch(`${base}/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
  });
});
