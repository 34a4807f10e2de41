import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application, NextFunction, Request, RequestHandler, Response } from 'express';
import { DashboardAccess, deny } from './dashboard-access';
import { DeskQueues } from './desk-queues';

/** Outside /api: it is a page for people, not part of the API. */
export const DASHBOARD_PATH = '/admin/queues';
const REACHABLE_WITHIN_MS = 1000;

/**
 * Bull Board at /admin/queues, for admins. Mounted on the HTTP server directly (after the API's
 * routes are registered, before the not-found handler) so that the API's global prefix does not
 * apply; the access check runs before every request of it.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly desk: DeskQueues,
    private readonly access: DashboardAccess,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return; // an application context without HTTP
    const board = new ExpressAdapter();
    board.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: this.desk.queues.map((queue) => new BullMQAdapter(queue)),
      // @bull-board/express 9.10.1 brings its own copy of @bull-board/api 9.10.1, whose private
      // fields make TypeScript see it as another type than 9.10.2's; at run time they agree.
      serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'Question Desk' } },
    });
    http.getInstance<Application>().use(DASHBOARD_PATH, this.access.middleware, this.queuesReachable, board.getRouter() as RequestHandler);
  }

  /** The dashboard's data calls answer 503 at once while Redis is away, instead of waiting for it. */
  private readonly queuesReachable = (req: Request, res: Response, next: NextFunction): void => {
    if (!req.path.startsWith('/api/')) return next(); // the page itself; it shows the 503 of its data call
    this.desk.reachable(REACHABLE_WITHIN_MS).then(
      () => next(),
      (error: Error) =>
        deny(
          res,
          503,
          `The job queues cannot be read: Redis does not answer (${error.message}). Check that Redis runs and REDIS_URL points at it; the dashboard works again once it answers.`,
        ),
    );
  };
}
