import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { noteConnectionLost } from '@question-desk/database';
import type { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';

const WARN_EVERY_MS = 10_000;

/**
 * When PostgreSQL restarts, each pooled connection it cuts reports an error more than once (the
 * server's "terminating connection", then the socket's end). The pool and TypeORM handle the first;
 * a later one on a connection already handed back would have no listener and end the process. Every
 * connection of the pool gets a listener that notes the loss in the log (at most every 10 s); the
 * pool replaces the connection, and requests meanwhile answer 503 (DomainErrorFilter, which blames a
 * transaction's "query runner already released" on the loss noted here).
 */
@Injectable()
export class LostConnections implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');
  private lastWarning = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    const pool = (this.dataSource.driver as unknown as { master?: EventEmitter & { _clients?: EventEmitter[] } }).master;
    if (!pool) return;
    const watch = (client: EventEmitter) => client.on('error', (error: Error) => this.lost(error));
    for (const client of pool._clients ?? []) watch(client);
    pool.on('connect', watch);
  }

  private lost(error: Error): void {
    // A transaction on this connection now fails with TypeORM's "already released": the filter answers 503 for it.
    noteConnectionLost();
    if (Date.now() - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = Date.now();
    this.logger.warn(`A database connection was lost (${error.message}); the pool opens a new one`);
  }
}
