import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageMarkdown } from '../llms/page-markdown';

/**
 * In `npm run dev`, a page's Markdown (`index.md`, `v2.md`: what "Copy page" and the alternate link
 * fetch) is made from the page the dev server renders, as the build makes it from the built page.
 * Astro's dev server takes the base path off a request first, so `/v2.md` asks for `/v2.html`.
 */
export function devPageMarkdown(base: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const pathname = (request.url ?? '').replace(/[?#].*$/, '');
    if (request.method !== 'GET' || !pathname.endsWith('.md')) return next();
    const page = pathname.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '.html');
    const origin = `http://${request.headers.host ?? 'localhost'}`;
    fetch(new URL(`${base.replace(/\/$/, '')}${page}`, origin))
      .then(async (answer) => {
        const markdown = answer.ok ? pageMarkdown(await answer.text()) : undefined;
        if (markdown === undefined) return next();
        response.setHeader('content-type', 'text/markdown; charset=utf-8');
        response.end(markdown);
      })
      .catch(() => next());
  };
}
