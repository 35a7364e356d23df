import type { SourceFile } from '../content/source-file';
import type { PartContext } from './context';
import type { PartCache } from './part-cache';
import { renderPart, type RenderedPart } from './render-part';
import { WorkerPool } from '../workers/pool';
import type { RenderTask } from './render-worker';

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
 * Renders the files of a page: each comes from the cache when its input did not change; the rest
 * render in this thread, or on every core when there is a lot of them (a cold build of big docs).
 */
export async function renderParts(parts: readonly SourceFile[], context: PartContext, cache: PartCache): Promise<RenderedPart[]> {
  const keys = parts.map((part) => cache.key(part, context));
  const results: Array<RenderedPart | undefined> = keys.map((key) => cache.read(key));
  const missing = results.flatMap((result, index) => (result ? [] : [index]));
  const bytes = missing.reduce((sum, index) => sum + parts[index]!.body.length, 0);
  if (bytes >= POOL_THRESHOLD_BYTES && missing.length > 1) {
    const pool = await WorkerPool.start<RenderTask, RenderedPart>(new URL('./render-worker.ts', import.meta.url), cache.version, {
      youngGenerationMb: YOUNG_GENERATION_MB,
    });
    try {
      await Promise.all(missing.map(async (index) => (results[index] = await pool.run({ part: parts[index]!, context }))));
    } finally {
      await pool.close();
    }
  } else {
    for (const index of missing) results[index] = await renderPart(parts[index]!, context);
  }
  for (const index of missing) cache.write(keys[index]!, results[index]!);
  return results as RenderedPart[];
}
