/**
 * A bounded fuzz over every route the API describes (issue 10). It reads /api/docs-json, makes
 * valid bodies and query strings from the declared schemas (json-schema-faker), mutates them
 * (fast-check and a list of known-hostile values: wrong types, NUL, lone surrogates, huge and deeply
 * nested values, unknown fields), sends them as every role and without a token, and checks: no 5xx;
 * every answer matches the schema declared for its status (ajv; an undeclared 4xx the error shape);
 * after every 4xx the counts of sets, questions, events and users are what they were.
 *
 * FUZZ_SEED replays a run (printed on failure and in the summary); FUZZ_BUDGET_MS bounds it
 * (default 60 s). It runs in a database and Redis prefix of its own, so its writes touch no other test.
 */
import { randomInt } from 'node:crypto';
import { DESK_SCHEMA } from '@question-desk/schema';
import { createTestDatabase, dropTestDatabase } from '@question-desk/database';
import { forgetRedisPrefix } from '@question-desk/redis';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { JSONSchemaFaker } from 'json-schema-faker';
import { Client } from 'pg';
import { DEMO_PASSWORD, ensureDemoData, startDesk, type TestDesk } from './desk';
import { anIntake, aQuestionsDocument } from './factories';
import { deskCounts } from './desk-counts';

const SEED = Number(process.env.FUZZ_SEED ?? randomInt(1, 2 ** 31));
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 60_000);
const ROLES = ['desk@example.org', 'drafter@example.org', 'coordinator@example.org', 'admin@example.org', null] as const;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Method = (typeof METHODS)[number];
type Schema = Record<string, unknown>;
interface Operation {
  method: Method;
  path: string;
  parameters?: { name: string; in: 'query' | 'path'; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/** mulberry32: a small seeded generator, so a seed replays the same run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `$ref`s inlined and OpenAPI's `nullable` written as JSON Schema, for ajv and json-schema-faker alike. */
function resolve(schema: unknown, components: Record<string, Schema>, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((item) => resolve(item, components, depth));
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = schema as Schema;
  if (typeof node.$ref === 'string') {
    if (depth > 12) return {};
    return resolve(components[node.$ref.replace('#/components/schemas/', '')] ?? {}, components, depth + 1);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') out[key] = value;
    else out[key] = resolve(value, components, depth);
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

const nested = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels));
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e300,
  2 ** 53,
  '',
  '   ',
  ' \n\t ',
  'met\u0000nul',
  'half\ud800',
  '\udc00',
  'x'.repeat(60_000),
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '2021-02-31',
  '00000000-0000-0000-0000-000000000000',
  'Vraag 0',
  '<script>',
  "'; DROP TABLE question; --",
  [],
  [[]],
  [{}],
  [null],
  {},
  { nested: { deeper: [1, [2, [3]]] } },
  nested(20),
  nested(40),
  ['x'.repeat(10_000)],
];
const HOSTILE_JSON_BODIES = ['['.repeat(5000) + ']'.repeat(5000), '{"a":'.repeat(100), 'not json', '{"version": 1,}', `{"text":"${'y'.repeat(1_100_000)}"}`];
const HUGE_DOCUMENT = 'x'.repeat(3 * 1024 * 1024);
/** Text that PostgreSQL refuses or that breaks naive code: the values a text field is most often given. */
const HOSTILE_TEXT = ['met\u0000nul', 'half\ud800', '\udc00', '   ', 'x'.repeat(60_000), 'Vraag 0', '0000-01-01'];
const HOSTILE_QUERY_VALUES = [
  '',
  ' ',
  'a\u0000b',
  'x'.repeat(5000),
  '0000-01-01',
  '-1',
  '0',
  '1e309',
  'NaN',
  'true',
  'null',
  '[]',
  '{}',
  '%',
  '2021-13-45',
  'received,,nonsense',
  '💥',
];

/** Every place in a body a mutation can go: the root, each field, each item. */
function locations(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => locations(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) locations(item, [...path, key], out);
  return out;
}

function replaceAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

describe(`fuzz over every route of /api/docs-json (FUZZ_SEED=${SEED})`, () => {
  const savedEnvironment = { DATABASE_URL: process.env.DATABASE_URL, REDIS_PREFIX: process.env.REDIS_PREFIX };
  let databaseUrl: string;
  let desk: TestDesk;
  let db: Client;
  let docs: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    databaseUrl = await createTestDatabase(process.env.DATABASE_URL!, DESK_SCHEMA, 'fuzz');
    process.env.DATABASE_URL = databaseUrl;
    process.env.REDIS_PREFIX = `${savedEnvironment.REDIS_PREFIX}-fuzz`;
    await ensureDemoData();
    desk = await startDesk(new Date('2021-03-10T10:00:00+01:00'));
    for (const email of ROLES) if (email) tokens.set(email, await desk.tokenOf(email));
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    docs = (await desk.http().get('/api/docs-json').expect(200)).body;
    await prepareSets();
  }, 120_000);

  /** Sets of BZ at each step up to review, so that every workflow route has one it can act on. */
  async function prepareSets(): Promise<void> {
    const as = (email: string, method: 'post' | 'put', path: string, body: object) =>
      desk
        .http()
        [method](`/api/question-sets${path}`)
        .auth(tokens.get(email)!, { type: 'bearer' })
        .send(body)
        .expect((r) => expect(r.status).toBeLessThan(300));
    const drafter = await desk.userOf('drafter@example.org');
    for (let steps = 0; steps < 4; steps++) {
      let set = (await as('desk@example.org', 'post', '', anIntake({ addressees: ['Minister van Buitenlandse Zaken'] }))).body;
      if (steps >= 1) set = (await as('desk@example.org', 'post', `/${set.id}/assignment`, { version: set.version, assigneeId: drafter.id })).body;
      if (steps >= 2) set = (await as('drafter@example.org', 'post', `/${set.id}/assignment/accept`, { version: set.version })).body;
      if (steps >= 3) {
        set = (await as('drafter@example.org', 'put', `/${set.id}/answers`, { version: set.version, answers: [{ questionNumbers: [1, 2], text: 'Ja.' }] }))
          .body;
        await as('drafter@example.org', 'post', `/${set.id}/transitions`, { version: set.version, action: 'submit-for-review' });
      }
    }
  }

  afterAll(async () => {
    await db?.end();
    await desk?.close();
    Object.assign(process.env, savedEnvironment);
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    await forgetRedisPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', `${savedEnvironment.REDIS_PREFIX}-fuzz`);
  });

  /** The routes Express serves under /api (the docs and Swagger UI aside), as "METHOD /api/path/{param}". */
  function servedRoutes(): string[] {
    const router = (desk.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
    return (
      router.stack
        .flatMap((layer) =>
          layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`) : [],
        )
        // Nest's catch-all for unknown paths (`/api/{*path}`, every method) answers 404 and is no route of ours.
        .filter((route) => / \/api\//.test(route) && !/ \/api\/docs/.test(route) && !route.includes('{*'))
    );
  }

  it('describes every route the API serves, and nothing more', () => {
    const described = Object.entries(docs.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((m) => (METHODS as readonly string[]).includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(described.length).toBeGreaterThan(20);
    expect([...new Set(servedRoutes())].sort()).toEqual(described.sort());
  });

  it(
    `answers every mutated request without a 5xx, as declared, and changes nothing on a 4xx (budget ${BUDGET_MS} ms)`,
    async () => {
      const random = seeded(SEED);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const chance = (p: number) => random() < p;
      const sample = <T>(arbitrary: fc.Arbitrary<T>): T => fc.sample(arbitrary, { seed: Math.floor(random() * 2 ** 31), numRuns: 1 })[0];
      JSONSchemaFaker.option({
        random,
        alwaysFakeOptionals: false,
        optionalsProbability: 0.6,
        maxItems: 4,
        maxLength: 200,
        failOnInvalidTypes: false,
        failOnInvalidFormat: false,
      });
      const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
      addFormats(ajv);
      const validators = new Map<string, ValidateFunction>();
      const validatorFor = (key: string, schema: Schema) => {
        if (!validators.has(key)) validators.set(key, ajv.compile(resolve(schema, docs.components.schemas) as Schema));
        return validators.get(key)!;
      };
      const errorValidator = validatorFor('Error', { $ref: '#/components/schemas/Error' });
      const fake = (schema: Schema | undefined): unknown => {
        if (!schema) return undefined;
        JSONSchemaFaker.option({ useExamplesValue: chance(0.5), useDefaultValue: chance(0.3) });
        try {
          return JSONSchemaFaker.generate(resolve(schema, docs.components.schemas) as Schema);
        } catch {
          return {};
        }
      };

      // Ids that exist, so mutated requests reach the services and not only the 404s.
      const deskToken = tokens.get('desk@example.org')!;
      const setIds: string[] = (await desk.http().get('/api/question-sets?pageSize=100').auth(deskToken, { type: 'bearer' }).expect(200)).body.items.map(
        (s: { id: string }) => s.id,
      );
      const userIds: string[] = (await desk.http().get('/api/users').auth(tokens.get('admin@example.org')!, { type: 'bearer' }).expect(200)).body.items.map(
        (u: { id: string }) => u.id,
      );
      const pathValue = (path: string, name: string): string => {
        const roll = random();
        if (name === 'number') return roll < 0.6 ? String(1 + Math.floor(random() * 3)) : pick(['0', '-1', '999999', 'abc', '1.5', '%00']);
        if (roll < 0.7) return pick(path.startsWith('/api/users') ? userIds : setIds);
        return roll < 0.85 ? sample(fc.uuid()) : encodeURIComponent(pick(['not-a-uuid', '1', '00000000-0000-0000-0000-000000000000', 'x'.repeat(300)]));
      };

      // Bodies that are valid as a whole, to mutate one field of: a mutation then reaches the service
      // and the database, not only the validation. Every body answered 2xx joins its route's corpus.
      const drafterId: string = (await desk.userOf('drafter@example.org')).id;
      const corpus = new Map<string, unknown[]>([
        ['POST /api/auth/login', [{ email: 'nobody@example.org', password: 'demo-password' }]],
        [
          'POST /api/question-sets',
          [anIntake(), anIntake({ reference: undefined, coSigningMinistries: ['JenV'], explanatoryNote: 'Zie ook eerdere vragen.' })],
        ],
        ['POST /api/users', [{ email: 'fuzz.person@example.org', name: 'Fuzz Person', password: 'correct horse battery', roles: ['drafter'], ministry: 'BZ' }]],
        [
          'PATCH /api/users/{id}',
          [
            { version: 1, name: 'Nieuwe Naam' },
            { version: 1, roles: ['desk'], ministry: null },
          ],
        ],
        [
          'POST /api/question-sets/{id}/assignment',
          [{ version: 1, leadMinistry: 'BZ', coSigningMinistries: ['JenV'], assigneeId: drafterId, internalDeadline: '2021-03-20' }],
        ],
        ['POST /api/question-sets/{id}/assignment/accept', [{ version: 1 }]],
        ['POST /api/question-sets/{id}/assignment/reject', [{ version: 1, reason: 'Dit hoort bij een ander ministerie.' }]],
        ['POST /api/question-sets/{id}/assignment/transfer', [{ version: 1, toMinistry: 'JenV', reason: 'Dit hoort bij JenV.' }]],
        [
          'PUT /api/question-sets/{id}/answers',
          [
            {
              version: 1,
              answers: [
                { questionNumbers: [1], text: 'Ja.' },
                { questionNumbers: [2, 3], text: 'Nee.' },
              ],
            },
          ],
        ],
        [
          'POST /api/question-sets/{id}/transitions',
          [
            { version: 1, action: 'request-changes', comment: 'Graag korter.' },
            { version: 1, action: 'mark-answered', answeredOn: '2021-03-09', answeredBy: 'Blok' },
          ],
        ],
        [
          'POST /api/question-sets/{id}/postponements',
          [{ version: 1, sentOn: '2021-03-09', newDeadline: '2021-04-01', reason: 'Afstemming met andere departementen.' }],
        ],
      ]);
      const versionOf = async (url: string): Promise<number | undefined> => {
        const id = /\/api\/(question-sets|users)\/([0-9a-f-]{36})/.exec(url);
        if (!id) return undefined;
        const token = tokens.get(id[1] === 'users' ? 'admin@example.org' : 'desk@example.org')!;
        const response = await desk.http().get(`/api/${id[1]}/${id[2]}`).auth(token, { type: 'bearer' });
        return response.status === 200 ? response.body.version : undefined;
      };

      const operations: Operation[] = Object.entries(docs.paths).flatMap(([path, item]) =>
        METHODS.filter((method) => item[method]).map((method) => ({ ...item[method], method, path })),
      );
      const requested = new Set<string>();
      const rolesThatWorked = new Map<string, (typeof ROLES)[number][]>();
      const failures: string[] = [];
      let requests = 0;
      const statuses = new Map<number, number>();
      let baseline = await deskCounts(db);
      const started = Date.now();

      for (let round = 0; Date.now() - started < BUDGET_MS || round === 0; round++) {
        for (const operation of operations) {
          if (round > 0 && Date.now() - started >= BUDGET_MS) break;
          const name = `${operation.method.toUpperCase()} ${operation.path}`;
          const worked = rolesThatWorked.get(name);
          const role = worked?.length && chance(0.7) ? pick(worked) : pick(ROLES);
          let url = operation.path.replace(/\{(\w+)\}/g, (_all, param: string) => pathValue(operation.path, param));

          // The query: valid values from the schemas, now and then one hostile value or an unknown key.
          const query: string[] = [];
          for (const parameter of operation.parameters?.filter((p) => p.in === 'query') ?? []) {
            if (!parameter.required && chance(0.5)) continue;
            const value = fake(parameter.schema);
            query.push(`${parameter.name}=${encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value))}`);
          }
          if (chance(0.5)) {
            const names = [...(operation.parameters?.filter((p) => p.in === 'query').map((p) => p.name) ?? []), 'unknown'];
            const value = chance(0.2) ? sample(fc.string({ unit: 'grapheme', maxLength: 30 })) : chance(0.3) ? 'a\u0000b' : pick(HOSTILE_QUERY_VALUES);
            query.push(`${pick(names)}=${encodeURIComponent(value)}`);
          }
          if (query.length) url += `?${query.join('&')}`;

          // The body: valid from the schema, then mutated, or a hostile body of its own.
          const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
          const known = corpus.get(name);
          let body: unknown = known && chance(0.7) ? structuredClone(pick(known)) : fake(media?.schema);
          if (typeof body === 'object' && body !== null && 'version' in body && chance(0.8)) {
            body.version = (await versionOf(url)) ?? 1;
          }
          const valid = body;
          let raw: string | undefined;
          let sendType = contentType;
          if (contentType === 'application/json') {
            const mutation = random();
            if (mutation < 0.15) {
              // Left as it is: a valid body, to move sets along and grow the corpus.
            } else if (mutation < 0.5) {
              const places = locations(body);
              const texts = places.filter(
                (place) => typeof place.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], body) === 'string',
              );
              if (texts.length && chance(0.5)) body = replaceAt(body, pick(texts), pick(HOSTILE_TEXT));
              else body = replaceAt(body, pick(places), chance(0.7) ? pick(HOSTILE_VALUES) : sample(fc.jsonValue({ maxDepth: 3 })));
            } else if (mutation < 0.55 && typeof body === 'object' && body !== null)
              body = { ...body, [sample(fc.string({ minLength: 1, maxLength: 12 }))]: pick(HOSTILE_VALUES) };
            else if (mutation < 0.6) raw = pick(HOSTILE_JSON_BODIES);
            else if (mutation < 0.63) sendType = pick(['text/plain', 'application/xml']);
          } else if (contentType) {
            raw = pick([
              aQuestionsDocument(),
              aQuestionsDocument().replace('Vraag 1', 'Vraag 0'),
              aQuestionsDocument({ questions: ['Een vraag\u0000?'] }),
              aQuestionsDocument({ subject: 'z'.repeat(5000) }),
              aQuestionsDocument({ questions: Array.from({ length: 300 }, (_, i) => `Vraag nummer ${i + 1}?`) }),
              typeof body === 'string' ? body : JSON.stringify(body ?? ''),
              sample(fc.string({ unit: 'grapheme', maxLength: 2000 })),
              HUGE_DOCUMENT,
            ]);
            if (chance(0.1)) sendType = 'application/json';
          }

          let call = desk.http()[operation.method](url);
          if (role) call = call.auth(chance(0.03) ? 'not.a.token' : tokens.get(role)!, { type: 'bearer' });
          if (sendType) call = call.set('Content-Type', sendType);
          const payload =
            raw ??
            (body === undefined || !contentType
              ? undefined
              : sendType === 'application/json'
                ? JSON.stringify(body)
                : typeof body === 'string'
                  ? body
                  : JSON.stringify(body));
          const response = payload === undefined ? await call : await call.send(payload);
          // Signing out ends the token it was sent with: sign that role in again, so the run goes on as that role.
          if (operation.path === '/api/auth/logout' && role && response.status === 204) {
            const signedIn = await desk.http().post('/api/auth/login').send({ email: role, password: DEMO_PASSWORD });
            if (signedIn.status === 200) tokens.set(role, signedIn.body.accessToken as string);
          }
          requests += 1;
          requested.add(name);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);

          if (response.status < 400 && !rolesThatWorked.get(name)?.includes(role)) rolesThatWorked.set(name, [...(rolesThatWorked.get(name) ?? []), role]);
          if (response.status < 300 && body === valid && valid !== undefined && !raw) {
            const kept = corpus.get(name) ?? [];
            if (kept.length < 20) corpus.set(name, [...kept, valid]);
          }
          const described = `${name} as ${role ?? 'anonymous'}: ${operation.method.toUpperCase()} ${url.slice(0, 200)} ${payload === undefined ? '' : `body ${payload.slice(0, 200)}`} → ${response.status}`;
          const fail = (problem: string) => failures.length < 30 && failures.push(`${described}: ${problem}`);
          if (response.status >= 500 && !(operation.path === '/api/health' && response.status === 503))
            fail(`server error ${JSON.stringify(response.body).slice(0, 300)}`);
          const declared = operation.responses[String(response.status)];
          const declaredSchema = declared?.content?.['application/json']?.schema;
          const isJson = /application\/json/.test(response.headers['content-type'] ?? '');
          if (declared && declaredSchema && isJson) {
            const validate = validatorFor(`${name} ${response.status}`, declaredSchema);
            if (!validate(response.body)) fail(`does not match its declared schema: ${ajv.errorsText(validate.errors).slice(0, 300)}`);
          } else if (!declared && response.status < 400) {
            fail('status not declared in the API description');
          } else if (!declared && response.status >= 400 && !errorValidator(response.body)) {
            fail(`error not in the error shape: ${JSON.stringify(response.body).slice(0, 300)}`);
          }
          const counts = await deskCounts(db);
          if (response.status >= 400 && response.status < 500 && JSON.stringify(counts) !== JSON.stringify(baseline)) {
            fail(`refused, yet the counts changed: ${JSON.stringify(baseline)} → ${JSON.stringify(counts)}`);
          }
          baseline = counts;
        }
      }

      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const answered = [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ');
      process.stdout.write(`fuzz: ${requests} requests over ${operations.length} routes in ${seconds} s (FUZZ_SEED=${SEED}): ${answered}\n`);
      if (failures.length) process.stderr.write(`fuzz failed; replay with FUZZ_SEED=${SEED}\n${failures.join('\n')}\n`);
      expect([...requested].sort()).toEqual(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort());
      expect(failures).toEqual([]);
    },
    BUDGET_MS + 120_000,
  );
});
