/**
 * Exports of the list at scale:
 *   npm run bench:exports [-- --sets 100000] [-- --database postgres://…/qd_x]
 * A throwaway database with the demo data and `--sets` generated sets, the API in a process of its
 * own (as deployed); the desk officer (who sees every set) downloads the whole list as CSV and as
 * .xlsx. Prints the time to the last byte, the size, and the API process's resident memory: before,
 * and its peak during each download (Linux: the peak is reset before each download through
 * /proc/<pid>/clear_refs, and sampled every 20 ms besides). Baseline in the same run: the JSON list,
 * one page of 100, per row.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { accessTokenOf, option, startApi, withBenchDesk, type BenchDesk } from './bench-desk';
import { summarise, timeEach } from './stats';

const SETS = Number(option('sets', '100000'));
/** An existing desk database (e.g. kept with KEEP_BENCH_DATABASE=true) instead of a new one: no generating, for repeated profiling. */
const DATABASE = option('database', '');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The API's process: our child running apps/api/src/main.ts. */
function apiPid(): number {
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('apps/api/src/main.ts')) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error('The API process was not found');
}

const kB = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const MB = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function download(pid: number, url: string, headers: Record<string, string>) {
  let resetWorked = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    resetWorked = false;
  }
  const before = kB(pid, 'VmRSS');
  let sampled = before;
  const sampler = setInterval(() => (sampled = Math.max(sampled, kB(pid, 'VmRSS'))), 20);
  const started = performance.now();
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const peak = Math.max(sampled, resetWorked ? kB(pid, 'VmHWM') : 0);
  return { seconds, bytes, lines, before, peak, resetWorked };
}

/** The desk to measure: a new throwaway one with `--sets` generated sets, or the API on `--database`. */
async function withDesk(work: (desk: Pick<BenchDesk, 'base'>) => Promise<void>): Promise<void> {
  if (!DATABASE) return withBenchDesk(SETS, async () => undefined, work);
  process.env.LOG_LEVEL = 'silent';
  const api = await startApi(DATABASE);
  try {
    await work({ base: api.base });
  } finally {
    await api.stop();
  }
}

async function main(): Promise<void> {
  await withDesk(async (desk) => {
    const auth = { Authorization: `Bearer ${await accessTokenOf(desk.base, 'desk@example.org')}` };
    const pid = apiPid();

    const page = summarise(await timeEach(10, () => fetch(`${desk.base}/question-sets?pageSize=100&sort=deadline`, { headers: auth }).then((r) => r.json())));
    const csv = await download(pid, `${desk.base}/question-sets?sort=deadline`, { ...auth, Accept: 'text/csv' });
    const xlsx = await download(pid, `${desk.base}/question-sets?sort=deadline`, { ...auth, Accept: XLSX });
    const rows = csv.lines - 1;
    const perRow = (ms: number, n: number) => `${((ms / n) * 1000).toFixed(1)} µs/row`;

    console.log(
      `Exports of the whole list, ${rows.toLocaleString('en')} rows (${DATABASE ? DATABASE.replace(/.*\//, '') : `${SETS.toLocaleString('en')} generated sets + the demo data`}), desk officer, sort=deadline`,
    );
    console.log(`  baseline: JSON list, one page of 100        p50 ${page.p50.toFixed(1)} ms  (${perRow(page.p50, 100)})`);
    for (const [name, run] of [
      ['CSV ', csv],
      ['XLSX', xlsx],
    ] as const) {
      console.log(
        `  ${name}: ${run.seconds.toFixed(2)} s to the last byte, ${(run.bytes / 1024 / 1024).toFixed(1)} MB  (${perRow(run.seconds * 1000, rows)}, ×${(
          (run.seconds * 1000) /
          rows /
          (page.p50 / 100)
        ).toPrecision(2)} per row vs the JSON page)` +
          `  API RSS before ${MB(run.before)}, peak during ${MB(run.peak)} (+${MB(run.peak - run.before)})${run.resetWorked ? '' : ' [sampled only]'}`,
      );
    }
  });
}

void main();
