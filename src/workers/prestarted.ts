import { WorkerPool, type HeapLimits } from './pool';

/** The task a worker started ahead is sent first: get ready (start a service, load what it needs) and answer nothing. */
export interface WarmUp {
  warmUp: true;
}

/**
 * One worker started ahead of the tasks that will use it, on the second core while this thread does
 * something else (a quick rebuild's check), and sent a warm-up first. Its script serves `Task`s
 * and `WarmUp`s. Whoever uses it either takes it (`take`: then closes it) or borrows it (`get`); the
 * one left must be let go (`drop`), since a live worker keeps Node running.
 */
export class PrestartedWorker<Task, Result> {
  private started: { version: string; pool: Promise<WorkerPool<Task | WarmUp, Result | undefined>> } | undefined;

  constructor(
    private readonly entry: URL,
    private readonly limits: HeapLimits = {},
  ) {}

  /** Starts the worker for Shale's code of `version` (see WorkerPool.start), unless one is started. */
  start(version: string): void {
    if (this.started) return;
    const pool = WorkerPool.start<Task | WarmUp, Result | undefined>(this.entry, version, { ...this.limits, size: 1 });
    // The warm-up's own failure is not reported: the task after it meets the same one, and reports it.
    pool.then((started) => started.run({ warmUp: true }).catch(() => undefined)).catch(() => undefined);
    this.started = { version, pool };
  }

  /** The started worker, if it runs Shale's code of `version`; it stays here, to be dropped. */
  get(version: string): Promise<WorkerPool<Task | WarmUp, Result | undefined>> | undefined {
    return this.started?.version === version ? this.started.pool : undefined;
  }

  /** The started worker, if it runs Shale's code of `version`, handed over: the caller closes it. */
  take(version: string): Promise<WorkerPool<Task | WarmUp, Result | undefined>> | undefined {
    const pool = this.get(version);
    if (pool) this.started = undefined;
    return pool;
  }

  /** Ends the started worker, if it was not taken. */
  async drop(): Promise<void> {
    const pool = this.started?.pool;
    this.started = undefined;
    if (pool) await (await pool.catch(() => undefined))?.close();
  }
}
