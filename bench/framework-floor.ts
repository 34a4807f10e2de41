/**
 * One route that answers `{"hello":"world"}` and nothing else, in a process of its own: what a
 * framework itself costs per request on this machine, below anything the desk adds. bench:throughput
 * starts one of each beside the API, so that its ratios can be read against what is possible at all.
 *
 *   node -r ts-node/register/transpile-only bench/framework-floor.ts <fastify|express|nest-express|nest-desk-express|nest-fastify> <port>
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import express from 'express';
import fastify from 'fastify';
import { DeskExpressAdapter } from '../apps/api/src/http/desk-express-adapter';

export const FRAMEWORKS = ['fastify', 'express', 'nest-express', 'nest-desk-express', 'nest-fastify'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

const HELLO = { hello: 'world' };

@Controller()
class HelloController {
  @Get('hello')
  hello() {
    return HELLO;
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

async function serve(framework: Framework, port: number): Promise<void> {
  const host = '127.0.0.1';
  switch (framework) {
    case 'fastify': {
      const app = fastify();
      app.get('/hello', async () => HELLO);
      await app.listen({ port, host });
      return;
    }
    case 'express': {
      const app = express();
      app.get('/hello', (_request, response) => void response.json(HELLO));
      await new Promise<void>((resolve) => app.listen(port, host, () => resolve()));
      return;
    }
    case 'nest-express':
      await (await NestFactory.create(HelloModule, { logger: false })).listen(port, host);
      return;
    case 'nest-desk-express':
      await (await NestFactory.create(HelloModule, new DeskExpressAdapter(), { logger: false })).listen(port, host);
      return;
    case 'nest-fastify':
      await (await NestFactory.create(HelloModule, new FastifyAdapter(), { logger: false })).listen(port, host);
      return;
  }
}

if (require.main === module) {
  const [framework, port] = process.argv.slice(2);
  if (!FRAMEWORKS.includes(framework as Framework) || !Number(port)) {
    console.error(`Usage: framework-floor.ts <${FRAMEWORKS.join('|')}> <port>`);
    process.exit(2);
  }
  void serve(framework as Framework, Number(port));
}
