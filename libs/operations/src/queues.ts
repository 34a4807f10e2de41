/** The desk's queues; each belongs to the library whose jobs it carries. */
export const OPERATIONS_QUEUE = 'operations';

/** Where the worker's last heartbeat is kept, under the desk's Redis prefix. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
