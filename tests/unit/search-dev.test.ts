import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { devSearch } from '../../src/search/build/dev-search';
import { loadSite } from '../../src/content/site';

// tests/fixtures/search has two pages with `search: true`: index.html.md and v2.html.md.
const contentDir = path.resolve('tests/fixtures/search');

const renderedPage = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><shale-search></shale-search>` +
  `<main id="content"><section class="section section-h1"><div class="prose"><h1 id="top">${title}</h1><p>Text of ${title}.</p></div></section></main></body></html>`;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A stand-in for Astro's dev server: renders the pages, and hands `/pagefind/` to the middleware. */
async function devServer(pages: Record<string, string | number>) {
  const rendered: string[] = [];
  const logs: string[] = [];
  const search = devSearch({ base: '/', pages: () => loadSite(contentDir).pages, log: (message) => logs.push(message) });
  server = http.createServer((request, response) => {
    search.middleware(request, response, () => {
      const page = pages[request.url ?? ''];
      rendered.push(request.url ?? '');
      if (typeof page === 'string') response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      else response.writeHead(page ?? 404).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { search, rendered, logs, get: (url: string) => fetch(origin + url) };
}

describe('devSearch', () => {
  test('builds the index from the pages the dev server renders, the first time the box asks for it', async () => {
    const dev = await devServer({ '/': renderedPage('Home'), '/v2.html': renderedPage('Webhooks') });
    expect(dev.rendered).toEqual([]);
    const script = await dev.get('/pagefind/pagefind.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await dev.get('/pagefind/pagefind-entry.json')).status).toBe(200);
    // One index, no shards to merge (search-shards.ts): the worker reads the list before it searches.
    expect(await (await dev.get('/pagefind/shale-shards.json')).json()).toEqual({ shards: [] });
    expect(dev.rendered).toEqual(['/', '/v2.html']);
    expect(dev.logs.join('\n')).toMatch(/search index: 2 sections of 2 page\(s\)/);
  });

  test('builds again after the content changes, and not before', async () => {
    const dev = await devServer({ '/': renderedPage('Home'), '/v2.html': renderedPage('Webhooks') });
    await dev.get('/pagefind/pagefind.js');
    await dev.get('/pagefind/pagefind.js');
    expect(dev.rendered).toHaveLength(2);
    dev.search.changed();
    await dev.get('/pagefind/pagefind.js');
    expect(dev.rendered).toHaveLength(4);
  });

  test('answers 404 for a file the index does not have, and leaves other paths to the dev server', async () => {
    const dev = await devServer({ '/': renderedPage('Home'), '/v2.html': renderedPage('Webhooks'), '/other': renderedPage('Other') });
    expect((await dev.get('/pagefind/nope.js')).status).toBe(404);
    expect((await dev.get('/other')).status).toBe(200);
  });

  test('says why when the index cannot be built, and tries again on the next request', async () => {
    const dev = await devServer({ '/': renderedPage('Home'), '/v2.html': 500 });
    const failed = await dev.get('/pagefind/pagefind.js');
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain('/v2.html answered 500');
    await dev.get('/pagefind/pagefind.js');
    expect(dev.rendered.filter((url) => url === '/')).toHaveLength(2);
  });
});
