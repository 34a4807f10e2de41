/**
 * What hostile bodies cost everyone else (issue 10): how long a signed-in user's request waits while
 * five clients post 1 MB of nested brackets to the sign-in route, against the same request with
 * nothing else going on (the baseline, in the same run) and against five clients posting 1 MB of
 * flat JSON (a long password, refused by validation).
 *
 *   npm run bench:hostile [-- --times 300]
 */
import { option, withBenchDesk } from './bench-desk';
import { row, summarise, timeEach } from './stats';

const ATTACKERS = 5;
const NESTED = '['.repeat(512 * 1024) + ']'.repeat(512 * 1024);
const FLAT = JSON.stringify({ email: 'desk@example.org', password: 'p'.repeat(1024 * 1024 - 64) });

async function main(): Promise<void> {
  const times = Number(option('times', '300'));
  await withBenchDesk(
    0,
    async () => undefined,
    async (desk) => {
      const user = await desk.client('desk@example.org');
      const victim = () =>
        user.get('/ministries').then((reply) => {
          if (reply.status !== 200) throw new Error(`GET /api/ministries answered ${reply.status}`);
        });

      /** Five clients posting `body` to the sign-in route, one after another each, until stopped. */
      const attack = (body: string) => {
        let running = true;
        const attempts: number[] = [];
        const statuses = new Map<number, number>();
        const loginUrl = `${desk.base}/auth/login`;
        const clients = Array.from({ length: ATTACKERS }, async () => {
          while (running) {
            const started = performance.now();
            const response = await fetch(loginUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
            await response.arrayBuffer();
            attempts.push(performance.now() - started);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          }
        });
        return {
          stop: async () => {
            running = false;
            await Promise.all(clients);
            return { attempts: summarise(attempts), statuses };
          },
        };
      };

      console.log(
        `Hostile bodies — node ${process.version}; ${times} requests of GET /api/ministries (a signed-in user) in each scenario; ${ATTACKERS} attackers, each posting one body after another`,
      );
      await timeEach(100, victim); // warm up
      const baseline = summarise(await timeEach(times, victim));
      console.log(row('GET /api/ministries, nothing else (baseline)', baseline));
      for (const [label, body] of [
        [`while ${ATTACKERS} post 1 MB nested [[[…]]] to login`, NESTED],
        [`while ${ATTACKERS} post 1 MB flat JSON to login`, FLAT],
      ] as const) {
        const attackers = attack(body);
        const during = summarise(await timeEach(times, victim));
        const { attempts, statuses } = await attackers.stop();
        console.log(row(`GET /api/ministries ${label}`, during, baseline));
        console.log(row(`  the attackers' requests (${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')})`, attempts));
      }
    },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
