import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * In `npm run dev`, `v3/index.html` and `v3/` reach the page built from `v3/index.html.md`, as they
 * do on any static host. Astro's dev server drops a trailing `index.html` and then finds no page at
 * `v3/` (the page's route is `v3/index`, so the build writes `v3/index.html`), so such requests are
 * sent to `v3/index`. The site root is left to Astro.
 */
export function devIndexPages() {
  return (request: IncomingMessage, _response: ServerResponse, next: () => void): void => {
    const url = request.url ?? '';
    const cut = url.search(/[?#]/);
    const pathname = cut < 0 ? url : url.slice(0, cut);
    const folder = /^(\/[^_@.][^?#]*?)\/(?:index\.html)?$/.exec(pathname)?.[1];
    if (folder) request.url = `${folder}/index${cut < 0 ? '' : url.slice(cut)}`;
    next();
  };
}
