import type { Readable } from 'node:stream';

/**
 * Reads what `question-desk supervise` prints: every line into `lines`, and the supervisor's own
 * JSON reports (`[supervisor] {...}`: a process started, exited, restarting) into `events`.
 */
export function readSupervisorOutput<Event>(stdout: Readable, lines: string[], events: Event[]): void {
  let rest = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      const own = /^\[supervisor\]\s+(\{.*\})$/.exec(line);
      if (own) events.push(JSON.parse(own[1]) as Event);
    }
  });
}
