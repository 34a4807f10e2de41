import { Controller, Get, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { useBodyParsers } from '../apps/api/src/http/body-parsers';
import { webAppCompression, WebAppModule } from '../apps/api/src/web/web-app';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return [];
  }

  @Get('many')
  many() {
    return Array.from({ length: 200 }, (_, i) => ({ name: `thing ${i}` }));
  }

  @Post()
  add() {
    return {};
  }
}

describe('the web app served by the API', () => {
  let app: NestExpressApplication;
  let root: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'qd-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="nl"><title>Question Desk</title></html>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("desk");\n'.repeat(200));
    @Module({ imports: [WebAppModule.register(root)], controllers: [ThingsController] })
    class WebTestModule {}
    // NestFactory, as main.ts does: a testing module compiles its providers before the HTTP adapter exists, and serve-static then serves nothing.
    app = await NestFactory.create<NestExpressApplication>(WebTestModule, { bodyParser: false, logger: false });
    app.use(webAppCompression());
    useBodyParsers(app, 100);
    app.setGlobalPrefix('api');
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['/', '/vragen?status=received', '/vragensets/8a6e0804-2bd0-4672-b79f-d97027f9071d/concept', '/inloggen?naar=%2Fmeldingen'])(
    'answers %s with the app (index.html, not cached)',
    async (path) => {
      const response = await http().get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<html lang="nl">');
    },
  );

  it('serves hashed bundles with a long cache', async () => {
    const response = await http().get('/assets/index-abc123.js').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("sends the app's bundles gzipped to a browser that accepts it, and the API's answers as they are", async () => {
    const bundle = await http().get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(bundle.headers['content-encoding']).toBe('gzip');
    expect(bundle.text).toContain('console.log("desk")');
    const api = await http().get('/api/things/many').set('Accept-Encoding', 'gzip').expect(200);
    expect(api.body).toHaveLength(200);
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('leaves /api and /admin to the API: unknown API paths are JSON 404, not the app', async () => {
    await http().get('/api/things').expect(200, []);
    const unknown = await http().get('/api/nothing-here').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404 });
    const admin = await http().get('/admin/queues/unknown').expect(404);
    expect(admin.text).not.toContain('<html');
  });

  it("keeps the API's body errors (413 stays 413)", async () => {
    await http().post('/api/things').set('Content-Type', 'text/plain').send('x'.repeat(1000)).expect(413);
  });
});
