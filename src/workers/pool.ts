import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { removeStaleBundles, touched } from './bundle-files.mjs';

/** Where the workers' scripts are bundled: beside the packages they import. */
const WORKER_DIR = fileURLToPath(new URL('../../node_modules/.cache/shale/', import.meta.url));

/** The bundlings under way in this thread, by script. */
const bundling = new Map<string, Promise<void>>();

/** Bundles a worker's script of the sources into `script`, written whole, then renamed; then removes its stale bundles. */
async function bundle(entry: URL, script: string, name: string): Promise<void> {
  fs.mkdirSync(WORKER_DIR, { recursive: true });
  // One name per thread: two threads of one process (test files run side by side) may bundle the same script at once.
  const temporary = `${script}.${process.pid}.${threadId}.tmp.mjs`;
  await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: temporary,
    logLevel: 'silent',
  });
  fs.renameSync(temporary, script);
  removeStaleBundles(WORKER_DIR, name, Date.now());
}

/**
 * Runs tasks on every core: a pool of worker threads running one script, bundled from the sources
 * (a script serves its tasks with serveTasks, serve-tasks.ts). Starting a worker costs a few
 * hundred milliseconds, so callers use a pool only for a large amount of work, and close it as soon
 * as it is done.
 */
/** The sizes of each worker's heap generations, in MB, where V8's defaults do not suit (render-parts.ts says why). */
export interface HeapLimits {
  youngGenerationMb?: number;
  oldGenerationMb?: number;
}

export class WorkerPool<Task, Result> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; task: Task }> = [];
  private readonly waiting = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  private constructor(script: string, size: number, limits: HeapLimits) {
    const resourceLimits = {
      ...(limits.youngGenerationMb ? { maxYoungGenerationSizeMb: limits.youngGenerationMb } : {}),
      ...(limits.oldGenerationMb ? { maxOldGenerationSizeMb: limits.oldGenerationMb } : {}),
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { resourceLimits });
      worker.on('message', ({ id, result, error }: { id: number; result?: Result; error?: string }) => {
        const task = this.waiting.get(id);
        this.waiting.delete(id);
        if (error) task?.reject(new Error(error));
        else task?.resolve(result!);
        this.idle.push(worker);
        this.pump();
      });
      worker.on('error', (error) => {
        for (const task of this.waiting.values()) task.reject(error);
        this.waiting.clear();
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /**
   * A pool with one worker per core (or `size` workers). `entry` (a worker script of the sources) is bundled once per
   * `version` of the code it runs, into the project's `node_modules/.cache/`, where Node finds the
   * packages it imports whatever the work folder.
   */
  static async start<Task, Result>(entry: URL, version: string, options: HeapLimits & { size?: number } = {}): Promise<WorkerPool<Task, Result>> {
    const name = path.basename(fileURLToPath(entry)).replace(/\.ts$/, '');
    const script = path.join(WORKER_DIR, `${name}-${version.slice(0, 12)}.mjs`);
    // A bundle in use is touched, so removeStaleBundles keeps it another day. Pools started together
    // (a large spec's two workers) wait for one bundling of their script.
    if (!touched(script)) {
      let pending = bundling.get(script);
      if (!pending) {
        bundling.set(script, (pending = bundle(entry, script, name).finally(() => bundling.delete(script))));
      }
      await pending;
    }
    return new WorkerPool<Task, Result>(script, options.size ?? Math.max(1, os.availableParallelism()), options);
  }

  run(task: Task): Promise<Result> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, task });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) this.idle.pop()!.postMessage(this.queue.shift()!);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
