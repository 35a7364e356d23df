import type { SourceFile } from '../content/source-file';
import type { PartContext } from './context';
import type { PartCache } from './part-cache';
import { renderPart, type RenderedPart } from './render-part';
import { RenderPool } from './render-pool';

/** Below this much Markdown to render, worker threads cost more to start than they save. */
const POOL_THRESHOLD_BYTES = 400_000;

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
    const pool = await RenderPool.start(cache.version);
    try {
      await Promise.all(missing.map(async (index) => (results[index] = await pool.render(parts[index]!, context))));
    } finally {
      await pool.close();
    }
  } else {
    for (const index of missing) results[index] = await renderPart(parts[index]!, context);
  }
  for (const index of missing) cache.write(keys[index]!, results[index]!);
  return results as RenderedPart[];
}
