import fs from 'node:fs';
import path from 'node:path';
import type { SectionRecord } from '../search/build/records';
import { indexSite, SEARCH_FOLDER, startSearchIndex, type PendingIndex } from '../search/build/search-index';
import { writeLlmsFiles } from '../llms/llms-files';
import type { ListedPage } from '../llms/page-order';
import type { ShaleBuild } from '../engine/shale-build';
import { fail, type ShaleLogger } from '../engine/fail';
import { releaseCacheWrites } from '../openapi/memo-files';

/**
 * The files made from the built pages, the same in a full build (index.ts, after Astro) and a quick
 * rebuild (quick-rebuild.ts): the search index and the files for AI assistants.
 */

/**
 * Starts the search index while the pages are built. Pagefind indexes the sections of Markdown pages
 * (their records are known from the check); when no MDX page wants search (its sections are known
 * only once built), it also writes the index beside the staged site, from a worker thread when
 * `inWorker` (see search-index.ts).
 */
export function startSiteIndex(build: ShaleBuild, records: ReadonlyMap<string, SectionRecord[]>, staging: string, inWorker: boolean): PendingIndex {
  const pages = build.content().site.pages;
  const everySectionKnown = pages.every((page) => page.dialect !== 'mdx' || !page.frontMatter.search);
  // The published site's index lends its unchanged shards and fragment files (search/build/reuse.ts).
  const reuse = build.options.searchReuse ? { previous: path.join(build.paths.outDir, SEARCH_FOLDER), manifests: build.paths.searchManifests } : undefined;
  return startSearchIndex(records, {
    writeTo: everySectionKnown ? `${staging}-search` : undefined,
    reuse,
    sectionsPerShard: build.options.searchShardSections,
    workerVersion: inWorker ? build.codeVersion : undefined,
  });
}

/**
 * Finishes the staged site: its search index (MDX pages read back from their built HTML) and each
 * page's Markdown with llms-full.txt. A failure removes the staged site and fails the build.
 */
export async function completeSite(
  build: ShaleBuild,
  staging: string,
  searchIndex: PendingIndex,
  pages: readonly ListedPage[],
  logger: ShaleLogger,
  /** Pages whose Markdown file the staged site holds already, linked from the published one (a quick rebuild). */
  kept?: ReadonlySet<string>,
): Promise<void> {
  try {
    // The pages' Markdown first: this thread converts it while Pagefind, in its own process, still indexes.
    const markdown = writeLlmsFiles(staging, pages, {
      base: build.options.base,
      site: build.options.site ? new URL(build.options.site) : undefined,
      cacheDir: build.paths.markdownCache,
      ...(kept ? { kept } : {}),
    });
    // Then the caches a quick rebuild held back for the next build (memo-files.ts), while Pagefind indexes.
    releaseCacheWrites();
    const builtOnly = new Set(
      build
        .content()
        .site.pages.filter((page) => page.dialect === 'mdx' && page.frontMatter.search)
        .map((page) => page.outputPath),
    );
    const indexed = await indexSite(staging, searchIndex, builtOnly);
    if (indexed) logger.info(`search index: ${indexed.records} sections of ${indexed.pages} page(s)`);
    logger.info(`Markdown of ${markdown.pages} page(s) (${markdown.converted} converted) and llms-full.txt (${Math.round(markdown.bytes / 1024)} KB)`);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    fail(logger, { message: `The search index could not be built: ${error instanceof Error ? error.message : String(error)}` });
  }
}
