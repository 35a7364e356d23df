import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from '../../content/site';
import { pageUrl } from './records';
import { buildSearchIndex, SEARCH_FOLDER } from './search-index';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

export interface DevSearchOptions {
  base: string;
  /** The site's pages as they are now (the dev server's ShaleBuild loads them again after a change). */
  pages: () => readonly Page[];
  log: (message: string) => void;
}

/**
 * Search in `npm run dev`: the index is built from the pages as the dev server renders them, the
 * first time the box asks for it, and again after the content changes (`invalidate`), so the box
 * always searches what the preview shows and never depends on an earlier `npm run build`. The files
 * are kept in memory and served under `<base>pagefind/`.
 */
export function devSearch({ base, pages: sitePages, log }: DevSearchOptions) {
  const prefix = `${base}${SEARCH_FOLDER}/`;
  let built: Promise<Map<string, Uint8Array>> | undefined;

  const build = async (origin: string): Promise<Map<string, Uint8Array>> => {
    const started = Date.now();
    const pages = [];
    for (const page of sitePages().filter((candidate) => candidate.frontMatter.search)) {
      const url = new URL(`${base}${pageUrl(page.outputPath).slice(1)}`, origin);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname} answered ${response.status} while building the search index.`);
      pages.push({ outputPath: page.outputPath, html: await response.text() });
    }
    const result = await buildSearchIndex(pages);
    if (!result) return new Map();
    log(`search index: ${result.summary.records} sections of ${result.summary.pages} page(s) in ${Date.now() - started} ms`);
    return result.files;
  };

  const middleware = (request: IncomingMessage & { originalUrl?: string }, response: ServerResponse, next: () => void): void => {
    // Vite strips the base path from `url` before later middleware; `originalUrl` keeps it.
    const pathname = new URL(request.originalUrl ?? request.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(prefix)) return next();
    built ??= build(`http://${request.headers.host ?? 'localhost'}`);
    const current = built;
    current.then(
      (files) => {
        const file = files.get(decodeURIComponent(pathname.slice(prefix.length)));
        if (!file) {
          response.writeHead(404, { 'content-type': 'text/plain' }).end(files.size ? 'Not found' : 'No page of the site has `search: true`.');
          return;
        }
        response.writeHead(200, { 'content-type': TYPES[path.extname(pathname)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        response.end(file);
      },
      (error: unknown) => {
        if (built === current) built = undefined;
        const message = error instanceof Error ? error.message : String(error);
        log(`search index failed: ${message}`);
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`The search index could not be built: ${message}`);
      },
    );
  };

  return {
    middleware,
    /** The content changed: the next request for the index builds it again. */
    changed: () => {
      built = undefined;
    },
  };
}
