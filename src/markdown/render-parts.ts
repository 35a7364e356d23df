import type { SourceFile } from '../content/source-file';
import type { PageContext } from './context';
import { partKey, poolSetup, readCachedPart, writeCachedPart } from './part-cache';
import { renderPart, type RenderedPart } from './render-part';
import { RenderPool } from './render-pool';

/** Below this much Markdown to render, worker threads cost more to start than they save. */
const POOL_THRESHOLD_BYTES = 400_000;

/**
 * Renders the files of a page: each comes from the cache when its input did not change; the rest
 * render in this thread, or on every core when there is a lot of them (a cold build of big docs).
 */
export async function renderParts(parts: readonly SourceFile[], context: Omit<PageContext, 'segments' | 'partMode'>): Promise<RenderedPart[]> {
  const keys = parts.map((part) => partKey(part, context));
  const results: Array<RenderedPart | undefined> = keys.map(readCachedPart);
  const missing = parts.flatMap((part, index) => (results[index] ? [] : [index]));
  const bytes = missing.reduce((sum, index) => sum + parts[index]!.body.length, 0);
  if (bytes >= POOL_THRESHOLD_BYTES && missing.length > 1) {
    const { cacheDir, version } = poolSetup();
    const pool = await RenderPool.start(cacheDir, version);
    try {
      await Promise.all(missing.map(async (index) => (results[index] = await pool.render(parts[index]!, context))));
    } finally {
      await pool.close();
    }
  } else {
    for (const index of missing) results[index] = await renderPart(parts[index]!, context);
  }
  for (const index of missing) writeCachedPart(keys[index]!, results[index]!);
  return results as RenderedPart[];
}
