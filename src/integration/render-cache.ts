import type { Page } from '../content/site';
import { renderMarkdownPage, type RenderedPage } from '../markdown/render-page';

/**
 * Rendered Markdown pages of this process, by page content. Astro loads the config (which checks
 * content before the build) and the content loader (which stores the pages) through separate
 * module graphs, so the cache lives on globalThis: each page is rendered once per build.
 */
const cache: Map<string, Promise<RenderedPage>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('shale.render-cache')] ??= new Map()) as Map<
  string,
  Promise<RenderedPage>
>;

/** The cache key: everything rendering depends on. */
export const renderKey = (page: Page, base: string, takenPaths: ReadonlySet<string>): string =>
  JSON.stringify({ base, file: page.file, parts: page.parts, tabs: page.tabs, frontMatter: page.frontMatter, footers: page.footers, taken: [...takenPaths] });

/**
 * Renders a Markdown page, or returns the result of rendering the same content before.
 * `takenPaths`: the output paths of the site's pages, which the groups of a split page avoid.
 */
export function renderCached(page: Page, base: string, takenPaths: ReadonlySet<string>): Promise<RenderedPage> {
  const key = renderKey(page, base, takenPaths);
  let rendered = cache.get(key);
  if (!rendered) {
    rendered = renderMarkdownPage(page, base, takenPaths);
    cache.set(key, rendered);
    rendered.catch(() => cache.delete(key));
  }
  return rendered;
}

/**
 * Drops a page from the cache once the content loader has stored it: nothing reads it again in this
 * process, and a big doc's rendering (its HTML and search records) would otherwise stay in memory
 * while Astro builds the pages and Pagefind indexes them.
 */
export function releaseRendered(page: Page, base: string, takenPaths: ReadonlySet<string>): void {
  cache.delete(renderKey(page, base, takenPaths));
}
