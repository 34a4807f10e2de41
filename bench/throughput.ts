/**
 * Throughput (issue 12.2): many connections at once against the API, next to a bare Fastify route.
 *
 *   npm run bench:throughput [-- --sets 10000 --seconds 10 --connections 64 --writers 50 --profile --no-floors]
 *
 * With `--sets` generated sets and the demo data, the API in a process of its own (as deployed,
 * LOG_LEVEL=info with its request log) and a bare Fastify "hello" in another, autocannon with
 * `--connections` connections for `--seconds` each: requests/s and latency of the bare route, the
 * trivial authenticated routes (/api/ministries, /api/auth/me), a list and a detail, each as a ratio
 * to the bare route. Then `--writers` concurrent clients saving drafts (PUT …/answers) on sets of
 * their own: requests/s, and whether every save that got a 2xx is there afterwards (each set's
 * version grew by exactly its number of successful saves). `--profile` runs the API under
 * `node --cpu-prof` and prints where its time went (self time per function, top 25); `--only reads`
 * or `--only writes` runs one half. `--api <checkout>` runs the built API of another checkout (its
 * `npm run build:api` done), to compare two builds run after run (bench:compare does so for reads).
 *
 * Beside bare Fastify it measures the floors (bench/framework-floor.ts): the same hello on Express,
 * on Nest with Express, on Nest with the API's DeskExpressAdapter (what the API runs on) and on Nest
 * with Fastify, each alone in its process. A route of the desk cannot be cheaper than the floor of
 * its framework, so they show which ratio a change to the desk can still win and which needs
 * another framework (`--no-floors` skips them).
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { aFreePort } from '../test/free-port';
import type { Framework } from './framework-floor';
import { accessTokenOf, cpuTimeOf, expectStatus, option, scavengesBetween, scavengesOf, startApi, withDemoDatabase, type Scavenges } from './bench-desk';
import { GENERATED_SETS, generateSets, sql } from './generate-sets';
import { quantile } from './stats';

const SETS = Number(option('sets', '10000'));
const SECONDS = Number(option('seconds', '10'));
const CONNECTIONS = Number(option('connections', '64'));
const WRITERS = Number(option('writers', '50'));
const PROFILE = process.argv.includes('--profile');
/** `--only reads` or `--only writes`: one half of the bench, e.g. to profile it alone. */
const ONLY = option('only', 'both');
const API_ROOT = option('api', '') || undefined;

/** The frameworks whose floor is measured beside bare Fastify (`--no-floors` leaves them out). */
const FLOORS: [Framework, string][] = process.argv.includes('--no-floors')
  ? []
  : [
      ['express', 'floor: Express, GET /hello'],
      ['nest-express', 'floor: Nest on Express, GET /hello'],
      ['nest-desk-express', 'floor: Nest, DeskExpressAdapter, GET /hello'],
      ['nest-fastify', 'floor: Nest on Fastify, GET /hello'],
    ];

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time (user + system) the serving process spent per answered request, in µs: unlike req/s, barely moved by the other load on the machine. */
  cpuPerRequest: number;
  /** The serving process's scavenges meanwhile (it runs with --trace-gc-nvp). */
  scavenges?: Scavenges & { requests: number };
}

/** CPU time (user + system) of each PostgreSQL process on this machine so far, in µs by pid (Linux /proc; none elsewhere). */
function cpuTimesOfPostgres(): Map<number, number> {
  const times = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${entry}/stat`, 'utf8').includes(' (postgres) ')) times.set(Number(entry), cpuTimeOf(Number(entry)));
    } catch {
      // the process ended meanwhile
    }
  }
  return times;
}

/** The CPU time PostgreSQL's processes used since `before` (a backend that ended meanwhile is not counted). */
function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, time] of cpuTimesOfPostgres()) total += time - (before.get(pid) ?? 0);
  return total;
}

async function load(url: string, pid: number, headers: Record<string, string> = {}, connections = CONNECTIONS, scavenges?: () => Scavenges): Promise<Load> {
  const cpuBefore = cpuTimeOf(pid);
  const scavengesBefore = scavenges?.();
  const result = await autocannon({ url, connections, duration: SECONDS, headers });
  const answered = result.requests.total || 1;
  const scavengesAfter = scavenges?.();
  return {
    scavenges: scavengesBefore && scavengesAfter ? { ...scavengesBetween(scavengesBefore, scavengesAfter), requests: answered } : undefined,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuPerRequest: (cpuTimeOf(pid) - cpuBefore) / answered,
  };
}

/** A route that only says hello (bench/framework-floor.ts) in a process of its own; stops with the returned function. */
async function floorOf(framework: Framework): Promise<{ url: string; pid: number; stop: () => void; scavenges: () => Scavenges }> {
  const port = await aFreePort();
  const child = spawn(
    process.execPath,
    ['--trace-gc-nvp', '-r', 'ts-node/register/transpile-only', join(__dirname, 'framework-floor.ts'), framework, String(port)],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      cwd: join(__dirname, '..'),
    },
  );
  const scavenges = scavengesOf(child);
  const url = `http://127.0.0.1:${port}/hello`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM'), scavenges };
}

function line(label: string, result: Load, bare?: Load, goal?: number): string {
  let text = `${label.padEnd(38)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${String(result.p50).padStart(5)} ms  p99 ${String(result.p99).padStart(5)} ms  CPU ${result.cpuPerRequest.toFixed(0).padStart(5)} µs/req`;
  if (result.errors || result.non2xx) text += `  (${result.errors} errors, ${result.non2xx} non-2xx)`;
  const gc = result.scavenges;
  if (gc?.count) {
    text += `  GC: ${((1000 * gc.count) / gc.requests).toFixed(1)} scavenges per 1,000 requests, ${(gc.pauseMs / gc.count).toFixed(1)} ms each, ${(gc.promotedBytes / gc.requests / 1024).toFixed(1)} kB/request promoted`;
  }
  if (bare) {
    const ratio = result.rps / bare.rps;
    // What the ratio would be if both had the CPU to themselves: bare's CPU per request over this route's.
    const cpuRatio = bare.cpuPerRequest / result.cpuPerRequest;
    text += `  ×${ratio.toFixed(3)} of bare Fastify (by CPU per request ×${cpuRatio.toFixed(3)})`;
    if (goal) text += ` — goal ≥ ${goal}: ${ratio >= goal ? 'met' : 'NOT met'}`;
  }
  return text;
}

/** Self time per function in the .cpuprofile files of `dir`, top `n`. */
function profileSummary(dir: string, n = 25): string[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(apps|libs)\//, '$1/');
      const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
      const dt = profile.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
}

async function main(): Promise<void> {
  console.log(`Question Desk throughput — node ${process.version}, ${SETS} sets, ${CONNECTIONS} connections, ${SECONDS} s per row, ${WRITERS} writers`);
  await withDemoDatabase(async (url) => {
    await generateSets(url, SETS);
    const [{ id: drafterId }] = await sql<{ id: string }>(url, `SELECT id FROM app_user WHERE email = 'drafter@example.org'`);
    const writable = await sql<{ id: string; version: number }>(
      url,
      `UPDATE question_set SET status = 'drafting', lead_ministry_code = 'BZ', assignee_id = $1
        WHERE id IN (SELECT id FROM question_set WHERE ${GENERATED_SETS} AND status <> 'answered' ORDER BY id LIMIT $2)
        RETURNING id, version`,
      [drafterId, WRITERS * 4],
    );
    await sql(url, 'VACUUM ANALYZE');
    const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'qd-profile-')) : '';
    const api = await startApi(url, { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info' }, PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], {
      traceGc: true,
      root: API_ROOT,
    });
    const bare = await floorOf('fastify');
    try {
      const desk = { Authorization: `Bearer ${await accessTokenOf(api.base, 'desk@example.org')}` };
      const drafter = await accessTokenOf(api.base, 'drafter@example.org');
      const [{ id: someId }] = await sql<{ id: string }>(url, `SELECT id FROM question_set WHERE ${GENERATED_SETS} ORDER BY id LIMIT 1`);
      if (ONLY !== 'writes') {
        await load(bare.url, bare.pid, {}, 8); // warm-up
        await load(`${api.base}/ministries`, api.pid, desk, 8);
        const bareResult = await load(bare.url, bare.pid, {}, CONNECTIONS, bare.scavenges);
        console.log(line('bare Fastify GET /hello', bareResult));
        // The floors: the same hello on Express and on Nest, nothing of the desk in them. No route of the desk can beat
        // the floor of the framework it runs on, so these say which of the goals below this machine allows at all.
        for (const [framework, label] of FLOORS) {
          const floor = await floorOf(framework);
          try {
            await load(floor.url, floor.pid, {}, 8); // warm-up
            console.log(line(label, await load(floor.url, floor.pid, {}, CONNECTIONS, floor.scavenges), bareResult));
          } finally {
            floor.stop();
          }
        }
        console.log(line('GET /api/ministries', await load(`${api.base}/ministries`, api.pid, desk, CONNECTIONS, api.scavenges), bareResult, 0.5));
        console.log(line('GET /api/auth/me', await load(`${api.base}/auth/me`, api.pid, desk, CONNECTIONS, api.scavenges), bareResult, 0.5));
        console.log(
          line(
            'GET /api/question-sets?pageSize=25',
            await load(`${api.base}/question-sets?pageSize=25`, api.pid, desk, CONNECTIONS, api.scavenges),
            bareResult,
            0.25,
          ),
        );
        console.log(
          line('GET /api/question-sets/:id', await load(`${api.base}/question-sets/${someId}`, api.pid, desk, CONNECTIONS, api.scavenges), bareResult, 0.25),
        );
        const bareAgain = await load(bare.url, bare.pid, {}, CONNECTIONS, bare.scavenges);
        console.log(line('bare Fastify GET /hello (again, after)', bareAgain));
      }

      if (ONLY !== 'reads') {
        // Writes: each writer saves drafts on sets of its own, round after round, for SECONDS.
        const ANSWERS = [{ questionNumbers: [1], text: 'Ja, het kabinet is bekend met het bericht.' }];
        const saved = new Map<string, number>(writable.map((s) => [s.id, 0]));
        const versions = new Map<string, number>(writable.map((s) => [s.id, s.version]));
        let ok = 0;
        const refused = new Map<number, number>();
        const latencies: number[] = [];
        const deadline = Date.now() + SECONDS * 1000;
        const cpuBefore = cpuTimeOf(api.pid);
        const postgresCpuBefore = cpuTimesOfPostgres();
        const clientCpuBefore = process.cpuUsage();
        const started = performance.now();
        await Promise.all(
          Array.from({ length: WRITERS }, async (_, k) => {
            const own = writable.slice(k * 4, k * 4 + 4);
            for (let i = 0; Date.now() < deadline; i++) {
              const set = own[i % own.length];
              const sent = performance.now();
              const response = await put(`${api.base}/question-sets/${set.id}/answers`, drafter, { version: versions.get(set.id), answers: ANSWERS });
              const body = response.body as { version: number };
              latencies.push(performance.now() - sent);
              if (response.status >= 200 && response.status < 300) {
                ok++;
                saved.set(set.id, saved.get(set.id)! + 1);
                versions.set(set.id, body.version);
              } else refused.set(response.status, (refused.get(response.status) ?? 0) + 1);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const cpuPerWrite = (cpuTimeOf(api.pid) - cpuBefore) / Math.max(1, latencies.length);
        const postgresCpuPerWrite = postgresCpuSince(postgresCpuBefore) / Math.max(1, latencies.length);
        const clientCpu = process.cpuUsage(clientCpuBefore);
        const clientCpuPerWrite = (clientCpu.user + clientCpu.system) / Math.max(1, latencies.length);
        // Every save that got a 2xx is in the database: each set's version grew by exactly its number of successful saves.
        const after = await sql<{ id: string; version: number }>(url, `SELECT id, version FROM question_set WHERE id = ANY ($1)`, [writable.map((s) => s.id)]);
        const lostSaves = after.reduce((sum, s) => sum + Math.max(0, writable.find((w) => w.id === s.id)!.version + saved.get(s.id)! - s.version), 0);
        const lost = after.filter((s) => s.version !== writable.find((w) => w.id === s.id)!.version + saved.get(s.id)!).length;
        const rps = ok / seconds;
        latencies.sort((a, b) => a - b);
        const refusals = [...refused.entries()].map(([status, n]) => `${n}× ${status}`).join(', ') || 'none';
        console.log(
          `PUT …/answers, ${WRITERS} concurrent writers: ${rps.toFixed(0)} saves/s  p50 ${quantile(latencies, 0.5).toFixed(0)} ms  p99 ${quantile(latencies, 0.99).toFixed(0)} ms  CPU ${cpuPerWrite.toFixed(0)} µs/save in the API, ${postgresCpuPerWrite.toFixed(0)} in PostgreSQL, ${clientCpuPerWrite.toFixed(0)} in this bench's writers  (${ok} saved, refused: ${refusals}) — goal ≥ ${3 * 81}/s (3× 81): ${rps >= 243 ? 'met' : 'NOT met'}`,
        );
        console.log(
          `  saves that got a 2xx but are not in the database: ${lostSaves} (sets whose version does not match their successful saves: ${lost}) — goal 0: ${lost === 0 ? 'met' : 'NOT met'}`,
        );
        expectStatus('a last read', { status: lost === 0 ? 200 : 500, body: { lost } });
      }
    } finally {
      bare.stop();
      await api.stop();
    }
    if (PROFILE) {
      console.log(`\nWhere the API's CPU time went (self time, ${profileDir}):`);
      for (const l of profileSummary(profileDir)) console.log(`  ${l}`);
    }
  });
}

/**
 * The writers' client: node:http on keep-alive connections, one per writer. It shares the machine's
 * cores with the API and PostgreSQL: fetch (undici, with web streams) spent 1.5–1.7 ms of CPU per
 * save, this 0.5–0.6 ms, which left the API and PostgreSQL that much less.
 */
const writersAgent = new Agent({ keepAlive: true, maxSockets: WRITERS });

function put(url: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'PUT',
        agent: writersAgent,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
