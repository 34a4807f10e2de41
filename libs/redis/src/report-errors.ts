import type { Logger } from '@nestjs/common';

const EVERY_MS = 60_000;

/**
 * Reports a BullMQ queue's or worker's errors (Redis away, mostly) as one structured warning a
 * minute. Without a listener BullMQ writes every one of them to stderr, some unhandled.
 */
export function reportErrors(emitter: { on(event: 'error', listener: (error: Error) => void): unknown }, logger: Logger, what: string): void {
  let last = 0;
  emitter.on('error', (error) => {
    if (Date.now() - last < EVERY_MS) return;
    last = Date.now();
    logger.warn(`${what}: ${error.message}; it reconnects by itself`);
  });
}
