import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = join(ROOT, 'dist', 'web', '.vite', 'manifest.json');
const SOURCES = [join(ROOT, 'apps', 'web'), join(ROOT, 'package-lock.json')];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** True when dist/web is missing or older than anything in apps/web (or the lock file). */
export function webBuildIsStale(): boolean {
  if (!existsSync(MANIFEST)) return true;
  const built = statSync(MANIFEST).mtimeMs;
  return SOURCES.some((source) => existsSync(source) && newestChange(source) > built);
}

/** Runs `npm run web:build` when the build is stale. */
export async function ensureWebBuild(): Promise<void> {
  if (!webBuildIsStale()) return;
  process.stderr.write('[browser tests] building the web app (npm run web:build) …\n');
  execFileSync('npm', ['run', '--silent', 'web:build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
