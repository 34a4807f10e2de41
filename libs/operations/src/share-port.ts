import type { ChildProcess } from 'node:child_process';
import cluster from 'node:cluster';

/** One Node program to start as a process sharing the listening port of the others like it. */
export interface PortSharingProgram {
  /** Node itself (`process.execPath`): only Node programs can share a port through node:cluster. */
  command: string;
  /** Node's flags, then the script: `[...execArgv, script]`. */
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Starts `program` as a node:cluster worker of this process. Every such process calls `listen(PORT)`
 * as it would alone; this process (the cluster's primary) holds the one listening socket and hands
 * each new connection to the next of them in turn (round-robin), skipping one that has stopped. The
 * result is an ordinary child process: its output is piped (`silent`), its exit reported as usual.
 */
export function forkSharingPort(program: PortSharingProgram): ChildProcess {
  if (program.command !== process.execPath) throw new Error(`Only Node programs can share a port; ${program.command} is not Node`);
  // Round-robin in this process: the kernel's own choice (SCHED_NONE) piles connections onto one process on Linux.
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const script = program.args.at(-1)!;
  cluster.setupPrimary({ exec: script, execArgv: program.args.slice(0, -1), args: [], silent: true });
  return cluster.fork(program.env).process;
}
