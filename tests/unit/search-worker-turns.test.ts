import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import type { WorkerAnswer, WorkerRequest } from '../../src/search/browser/search-worker';

/**
 * The search worker against a fake Pagefind that behaves as the real one does where it matters:
 * each section has one data object, and loading it rewrites that object with the excerpt of the
 * search that loads it. A warm-up for "bearer t" that is loading a section while the search for
 * "bearer tok" is answered could give that answer its excerpt. The worker makes loading take turns:
 * the search's loading starts only once the warm-up's has ended. Each loading here waits until the
 * test lets it go, so the order is the test's, not the machine's.
 */

interface Loading {
  query: string;
  finish: () => void;
}

const loadings: Loading[] = [];
const shared = { url: '/#bearer', excerpt: '', meta: { title: 'Bearer tokens' } };
const answers: WorkerAnswer[] = [];
let listener: (event: { data: WorkerRequest }) => void = () => undefined;

const fakePagefind = {
  search: async (query: string) => ({
    results: [
      {
        id: 'bearer',
        data: () =>
          new Promise((resolve) => {
            loadings.push({
              query,
              finish: () => {
                shared.excerpt = `<mark>${query}</mark>`;
                resolve(shared);
              },
            });
          }),
      },
    ],
  }),
};

/** Lets every pending promise and timer of the worker run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Pagefind's script as the worker imports it (a module beside the index): here one that hands over to the fake. */
const bundle = `${pathToFileURL(path.resolve('tests/support/fake-pagefind')).href}/`;

beforeAll(async () => {
  Object.assign(globalThis, {
    fakePagefind,
    self: {
      postMessage: (message: WorkerAnswer) => answers.push(structuredClone(message)),
      addEventListener: (_type: string, handler: typeof listener) => (listener = handler),
    },
    fetch: async () => ({ ok: true, json: async () => ({ shards: [] }) }),
  });
  await import('../../src/search/browser/search-worker');
});

test("a search waits for the warm-up that is loading a section, and answers with its own query's excerpt", async () => {
  listener({ data: { type: 'load', id: 1, bundle, baseUrl: '/', language: 'en' } });
  await expect.poll(() => answers.at(-1)).toEqual({ type: 'loaded', id: 1 });

  listener({ data: { type: 'preload', id: 2, query: 'bearer t', count: 1 } });
  await expect.poll(() => loadings.map((loading) => loading.query)).toEqual(['bearer t']);

  listener({ data: { type: 'search', id: 3, query: 'bearer tok', count: 1 } });
  await settle();
  // The warm-up is still loading: the search has searched, but loads nothing yet.
  expect(loadings.map((loading) => loading.query)).toEqual(['bearer t']);

  loadings[0]!.finish();
  await expect.poll(() => loadings.map((loading) => loading.query)).toEqual(['bearer t', 'bearer tok']);
  loadings[1]!.finish();
  await expect
    .poll(() => answers.find((answer) => answer.id === 3))
    .toMatchObject({
      type: 'results',
      total: 1,
      shown: [{ excerpt: '<mark>bearer tok</mark>' }],
    });
});
