import { parentPort } from 'node:worker_threads';

/** In a worker script of a WorkerPool (pool.ts): answers each task it is sent with `handle`'s result, one at a time. */
export function serveTasks<Task, Result>(handle: (task: Task) => Result | Promise<Result>): void {
  parentPort?.on('message', async ({ id, task }: { id: number; task: Task }) => {
    try {
      parentPort!.postMessage({ id, result: await handle(task) });
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
    }
  });
}
