import '../resolve-desk-libraries';
import { ensureWebBuild } from './web-build';

/** The browser tests drive the built web app: build it first when it is missing or older than its sources. */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  await ensureWebBuild();
}
