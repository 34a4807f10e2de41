import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TkDocument, TkZaak } from '@question-desk/intake';

/** A fault the fake answers with, `times` times, for requests whose path and query match. */
export interface Fault {
  match: RegExp;
  times: number;
  status?: number;
  retryAfter?: string;
  /** A body in place of the real one (malformed JSON or XML). */
  body?: string;
  /** Answer this late (a time-out when longer than TK_INTAKE_TIMEOUT). */
  delayMs?: number;
}

/**
 * A local stand-in for both sources, speaking their formats as docs/tk-open-data.md records them:
 * the Gegevensmagazijn's OData v4 (`/odata/Zaak`, `/odata/Document`: `$filter` on `ApiGewijzigdOp ge`
 * and `Id eq`, `$orderby=ApiGewijzigdOp`, pages of `pageSize` with `@odata.nextLink`, expanded
 * ZaakActor, Zaak and DocumentVersie) and Officiële publicaties (`/op/{id}/{id}.xml`).
 */
export class FakeTk {
  zaken: TkZaak[] = [];
  documents: TkDocument[] = [];
  readonly publications = new Map<string, string>();
  faults: Fault[] = [];
  readonly requests: string[] = [];
  pageSize = 2;
  private server: Server | undefined;
  private base = '';

  get odataUrl(): string {
    return `${this.base}/odata`;
  }

  get publicationsUrl(): string {
    return `${this.base}/op`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Changes a record the way the source does: a new ApiGewijzigdOp. */
  touch<T extends { ApiGewijzigdOp: string }>(record: T, at: string, changes: Partial<T> = {}): T {
    Object.assign(record, changes, { ApiGewijzigdOp: at });
    return record;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const target = decodeURIComponent(url.pathname + url.search);
    this.requests.push(target);
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(target));
    if (fault) {
      fault.times--;
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status || fault.body !== undefined) {
        res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
        res.end(fault.body ?? JSON.stringify({ error: { message: 'fault' } }));
        return;
      }
    }
    if (res.destroyed) return;
    const odata = /^\/odata\/(Zaak|Document)$/.exec(url.pathname);
    if (odata) return this.page(url, odata[1] === 'Zaak' ? this.zaken : this.documents, res);
    const publication = /^\/op\/([^/]+)\/([^/]+)\.xml$/.exec(url.pathname);
    if (publication && publication[1] === publication[2] && this.publications.has(publication[1])) {
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      res.end(this.publications.get(publication[1]));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  }

  private page(url: URL, records: { Id: string; ApiGewijzigdOp: string; Soort?: string }[], res: ServerResponse): void {
    const filter = url.searchParams.get('$filter') ?? '';
    const since = /ApiGewijzigdOp ge (\S+)/.exec(filter)?.[1];
    const id = /Id eq ([0-9a-f-]{36})/.exec(filter)?.[1];
    const soorten = [...filter.matchAll(/Soort eq '((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const matching = records
      .filter((r) => !since || Date.parse(r.ApiGewijzigdOp) >= Date.parse(since))
      .filter((r) => !id || r.Id === id)
      .filter((r) => id || soorten.length === 0 || soorten.includes(r.Soort ?? ''))
      .sort((a, b) => Date.parse(a.ApiGewijzigdOp) - Date.parse(b.ApiGewijzigdOp));
    const value = matching.slice(skip, skip + this.pageSize);
    const body: Record<string, unknown> = { '@odata.context': `${this.odataUrl}/$metadata#${url.pathname.split('/').pop()}`, value };
    if (skip + this.pageSize < matching.length) {
      const next = new URL(url);
      next.searchParams.set('$skip', String(skip + this.pageSize));
      body['@odata.nextLink'] = next.toString();
    }
    res.writeHead(200, { 'content-type': 'application/json; odata.metadata=minimal' });
    res.end(JSON.stringify(body));
  }
}
