import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { devIndexPages } from '../../src/integration/dev-index-pages';

const rewrite = (url: string): string => {
  const request = { url } as IncomingMessage;
  let passed = false;
  devIndexPages()(request, {} as ServerResponse, () => (passed = true));
  expect(passed).toBe(true);
  return request.url!;
};

describe('devIndexPages (npm run dev)', () => {
  it('sends a folder page asked for as v3/index.html or v3/ to its route', () => {
    expect(rewrite('/v3/index.html')).toBe('/v3/index');
    expect(rewrite('/v3/')).toBe('/v3/index');
    expect(rewrite('/a/b/index.html?ruby#get-all-kittens')).toBe('/a/b/index?ruby#get-all-kittens');
  });

  it('leaves the site root, other pages, files and Astro and Vite internals alone', () => {
    for (const url of ['/', '/index.html', '/v2.html', '/images/logo.png', '/_astro/page.js', '/@vite/client', '/@id/x/', '/v3/index']) {
      expect(rewrite(url)).toBe(url);
    }
  });
});
