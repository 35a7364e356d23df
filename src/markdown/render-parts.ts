import os from 'node:os';
import type { SourceFile } from '../content/source-file';
import type { PartContext } from './context';
import type { PartCache } from './part-cache';
import { renderPart, type RenderedPart } from './render-part';
import { WorkerPool } from '../workers/pool';
import type { RenderTask, RenderWorkerTask } from './render-worker';
import { PrestartedWorker } from '../workers/prestarted';

/** Below this much Markdown to render, worker threads cost more to start than they save. */
const POOL_THRESHOLD_BYTES = 400_000;

/**
 * Young generation of each render worker: rendering makes short-lived objects by the million, and a
 * young generation larger than V8's default spends less time collecting them (GitHub's REST API,
 * 19 MB rendered on one thread: 47 s with four times the default, 40 s with eight). On two workers,
 * though, the young generations are most of the build's peak memory: GitHub's API peaked at
 * 1,650 MB with 384 MB each and 1,320 MB with 96, built in the same time within noise (four pairs:
 * 96/384 = 1.04 × median, 0.90–1.13; 48 MB was 9 % slower).
 */
const YOUNG_GENERATION_MB = 96;

/**
 * Old generation of each render worker when most of what it renders is a compiled spec. Under a
 * 2 GB limit V8 lets a heap grow to at most twice what survived its last collection, not four
 * times, and a spec's units leave little alive: GitHub's spec peaked at 969 instead of 1,186 MiB
 * (its largest process; all its processes together about 1,010 MB) at 1.005 × the time (three
 * pairs). Slate sources keep more alive between collections (GitHub's API through Widdershins:
 * 1.22 × the time with the same limit), so they keep V8's default.
 */
const SPEC_OLD_GENERATION_MB = 2000;

/**
 * Renders the files of a page: each comes from the cache when its input did not change; the rest
 * render in this thread, or on every core when there is a lot of them (a cold build of big docs),
 * or in the worker started ahead of a quick rebuild when there is one (renderEarly).
 */
export async function renderParts(parts: readonly SourceFile[], context: PartContext, cache: PartCache): Promise<RenderedPart[]> {
  const keys = parts.map((part) => cache.key(part, context));
  const early = renderEarly(parts, keys, context, cache);
  const results: Array<RenderedPart | undefined> = keys.map((key, index) => (early.has(index) ? undefined : cache.read(key)));
  // All at once: one awaited at a time would leave the others' failures unhandled meanwhile.
  const renderedEarly = await Promise.all(early.values());
  [...early.keys()].forEach((index, at) => (results[index] = renderedEarly[at]));
  const missing = results.flatMap((result, index) => (result ? [] : [index]));
  const bytes = missing.reduce((sum, index) => sum + parts[index]!.body.length, 0);
  if (bytes >= POOL_THRESHOLD_BYTES && missing.length > 1) {
    const specBytes = missing.reduce((sum, index) => sum + (parts[index]!.generated ? parts[index]!.body.length : 0), 0);
    const pool = await WorkerPool.start<RenderWorkerTask, RenderedPart>(new URL('./render-worker.ts', import.meta.url), cache.version, {
      youngGenerationMb: YOUNG_GENERATION_MB,
      ...(specBytes * 2 > bytes ? { oldGenerationMb: SPEC_OLD_GENERATION_MB } : {}),
    });
    try {
      await Promise.all(missing.map(async (index) => (results[index] = await pool.run({ part: parts[index]!, context }))));
    } finally {
      await pool.close();
    }
  } else {
    for (const index of missing) results[index] = await renderPart(parts[index]!, context);
  }
  for (const index of [...early.keys(), ...missing]) cache.write(keys[index]!, results[index]!);
  return results as RenderedPart[];
}

/**
 * With a render worker started ahead (a quick rebuild's), sends it the files the cache lacks, when
 * they are few (under POOL_THRESHOLD_BYTES): it renders them while this thread reads the others
 * from the cache (GitHub's spec: about 0.2 s of reading beside the edited operation's 0.3 s of
 * rendering). Returns their renders to come, by index.
 */
function renderEarly(parts: readonly SourceFile[], keys: readonly string[], context: PartContext, cache: PartCache): Map<number, Promise<RenderedPart>> {
  const early = new Map<number, Promise<RenderedPart>>();
  const pool = prestarted.get(cache.version);
  if (!pool) return early;
  const uncached = keys.flatMap((key, index) => (cache.has(key) ? [] : [index]));
  if (uncached.reduce((sum, index) => sum + parts[index]!.body.length, 0) >= POOL_THRESHOLD_BYTES) return early;
  for (const index of uncached)
    early.set(
      index,
      pool.then((worker) => worker.run({ part: parts[index]!, context }) as Promise<RenderedPart>),
    );
  return early;
}

/** The render worker started ahead of a quick rebuild's files (prestartRenderWorker), until dropped. */
const prestarted = new PrestartedWorker<RenderTask, RenderedPart>(new URL('./render-worker.ts', import.meta.url), {
  youngGenerationMb: YOUNG_GENERATION_MB,
});

/**
 * Starts one render worker now and gets its highlighter ready (highlight/warm-up.ts), on the second
 * core, for the few files a quick rebuild renders later in this process: the worker's start, the
 * highlighter's engine, grammars and first rules (about 0.4 s for GitHub's spec's edited operation)
 * then pass while this thread checks the content, and the files render there instead of here.
 * It must be let go (`dropPrestartedRenderWorker`): a live worker keeps Node running.
 */
export function prestartRenderWorker(version: string): void {
  // On one core the worker would only take turns with this thread.
  if (os.availableParallelism() >= 2) prestarted.start(version);
}

/** Ends the worker prestartRenderWorker started. */
export const dropPrestartedRenderWorker = (): Promise<void> => prestarted.drop();
