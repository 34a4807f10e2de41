import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { storage } from 'nestjs-pino/storage';
import { requestLog } from './logging.module';

/** A server whose every request goes through `requestLog`, answering with `status`; the log's lines, parsed. */
async function loggedServer(): Promise<{ base: string; lines: Record<string, unknown>[]; server: Server }> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const log = requestLog(pino({ level: 'info' }, sink));
  const server = createServer((request, response) =>
    log(request as Parameters<typeof log>[0], response, () => {
      // What a service logs while it serves the request: nestjs-pino's Logger writes through this store.
      storage.getStore()?.logger.info('serving');
      response.statusCode = Number(new URL(request.url!, 'http://x').searchParams.get('status') ?? 200);
      response.end('{}');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines, server };
}

describe('the request log', () => {
  let desk: Awaited<ReturnType<typeof loggedServer>>;
  beforeEach(async () => (desk = await loggedServer()));
  afterEach(() => desk.server.close());

  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('writes one line per request, without the query, and the request id in every line written meanwhile', async () => {
    const response = await fetch(`${desk.base}/api/question-sets?q=geheim`);
    await settled();
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const completed = desk.lines.filter((line) => line.msg === 'request completed');
    expect(completed).toEqual([expect.objectContaining({ requestId: id, method: 'GET', path: '/api/question-sets', status: 200, level: 30 })]);
    expect(typeof completed[0].ms).toBe('number');
    expect(desk.lines).toContainEqual(expect.objectContaining({ msg: 'serving', requestId: id }));
    expect(JSON.stringify(desk.lines)).not.toContain('geheim');
  });

  it('keeps a sane X-Request-Id of the caller and replaces one that is not', async () => {
    const kept = await fetch(`${desk.base}/api/ministries`, { headers: { 'X-Request-Id': 'proxy-7f3a:1' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-7f3a:1');
    const replaced = await fetch(`${desk.base}/api/ministries`, { headers: { 'X-Request-Id': 'a b <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a refusal as a warning and a failure as an error; health checks not at all', async () => {
    await fetch(`${desk.base}/api/question-sets?status=404`);
    await fetch(`${desk.base}/api/question-sets?status=503`);
    await fetch(`${desk.base}/api/health`);
    await settled();
    const completed = desk.lines.filter((line) => line.msg === 'request completed');
    expect(completed.map((line) => [line.status, line.level])).toEqual([
      [404, 40],
      [503, 50],
    ]);
  });
});
