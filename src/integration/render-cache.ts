import { createHash } from 'node:crypto';
import type { Page } from '../content/site';
import { renderMarkdownPage, type RenderedPage } from '../markdown/render-page';

/**
 * Rendered Markdown pages of this process, by page content: the check before the build renders
 * every page, and the content loader stores them from here, so each page is rendered once per build.
 */
const cache = new Map<string, Promise<RenderedPage>>();

/** The cache key: everything rendering depends on. */
export const renderKey = (page: Page, base: string, takenPaths: ReadonlySet<string>): string =>
  JSON.stringify({ base, file: page.file, parts: digestOf(page.parts), tabs: page.tabs, frontMatter: page.frontMatter, footers: page.footers, taken: digestOf(takenPaths) });

/**
 * Digests of a page's files and of the site's page paths, made once per object: the key is asked
 * for several times per page and build, and a 5,000-endpoint page's files are 8 MB of text.
 */
const digests = new WeakMap<object, string>();
function digestOf(value: Page['parts'] | ReadonlySet<string>): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = createHash('sha1')
      .update(JSON.stringify(value instanceof Set ? [...value] : value))
      .digest('hex');
    digests.set(value, digest);
  }
  return digest;
}

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
