/** A processor as the start-up check sees it. */
export interface ProcessorRoutes {
  processor: string;
  queue: string;
  /** Undefined: the processor does not say which jobs it handles. */
  jobNames: readonly string[] | undefined;
}

/**
 * Everything wrong with how jobs reach handlers: each job name of each queue must have exactly one
 * handler, in the one processor of its queue (with two, BullMQ would hand a job to either).
 */
export function jobHandlerProblems(queues: Readonly<Record<string, readonly string[]>>, processors: readonly ProcessorRoutes[]): string[] {
  const problems: string[] = [];
  for (const p of processors) {
    if (!(p.queue in queues)) problems.push(`${p.processor} serves queue "${p.queue}", which no library declares`);
    if (!p.jobNames) problems.push(`${p.processor} (queue "${p.queue}") does not say which jobs it handles (jobNames)`);
  }
  for (const [queue, jobs] of Object.entries(queues)) {
    const serving = processors.filter((p) => p.queue === queue);
    if (serving.length > 1)
      problems.push(`Queue "${queue}" has ${serving.length} processors (${serving.map((p) => p.processor).join(', ')}); a job would go to either`);
    for (const job of jobs) {
      const handlers = serving.filter((p) => p.jobNames?.includes(job));
      if (handlers.length === 0) problems.push(`Job "${job}" of queue "${queue}" has no handler`);
      if (handlers.length > 1) problems.push(`Job "${job}" of queue "${queue}" has ${handlers.length} handlers`);
    }
    for (const p of serving) {
      for (const name of p.jobNames ?? []) {
        if (!jobs.includes(name)) problems.push(`${p.processor} handles "${name}", which queue "${queue}" does not carry`);
      }
    }
  }
  return problems;
}
