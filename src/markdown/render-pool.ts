import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { SourceFile } from '../content/source-file';
import type { RenderedPart } from './render-part';
import type { RenderTask } from './render-worker';

/**
 * Young generation of each worker: rendering makes short-lived objects by the million, and a young
 * generation larger than V8's default spends less time collecting them (GitHub's REST API, 19 MB
 * rendered on one thread: 47 s with four times the default, 40 s with eight). On two workers, though,
 * the young generations are most of the build's peak memory: GitHub's API peaked at 1,650 MB with
 * 384 MB each and 1,320 MB with 96, built in the same time within noise (four pairs: 96/384 = 1.04 ×
 * median, 0.90–1.13; 48 MB was 9 % slower).
 */
const YOUNG_GENERATION_MB = 96;

/** Where the workers' script is bundled: beside the packages it imports. */
const WORKER_DIR = fileURLToPath(new URL('../../node_modules/.cache/shale/', import.meta.url));

/**
 * Renders files on every core: a pool of worker threads, each with its own highlighter. Starting a
 * worker costs a few hundred milliseconds, so the pool is only used for a large amount of work
 * (render-page.ts decides) and its workers end as soon as they are idle.
 */
export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: RenderTask[] = [];
  private readonly waiting = new Map<number, { resolve: (part: RenderedPart) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  private constructor(script: string, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', ({ id, result, error }: { id: number; result?: RenderedPart; error?: string }) => {
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
   * A pool with one worker per core, its script bundled from the sources (named by `version`, the
   * rendering code's). The script imports its packages, so it lives where Node finds them: in the
   * project's `node_modules/.cache/`, whatever the work folder.
   */
  static async start(version: string): Promise<RenderPool> {
    const script = path.join(WORKER_DIR, `render-worker-${version.slice(0, 12)}.mjs`);
    if (!fs.existsSync(script)) {
      fs.mkdirSync(WORKER_DIR, { recursive: true });
      const temporary = `${script}.${process.pid}.tmp.mjs`;
      await build({
        entryPoints: [fileURLToPath(new URL('./render-worker.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        outfile: temporary,
        logLevel: 'silent',
      });
      fs.renameSync(temporary, script);
    }
    return new RenderPool(script, Math.max(1, os.availableParallelism()));
  }

  render(part: SourceFile, context: RenderTask['context']): Promise<RenderedPart> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, part, context });
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
