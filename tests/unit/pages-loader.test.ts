import { describe, expect, test } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { LOADER_NAME, pagesLoader, registerBuild } from '../../src/integration/pages-loader';

const contextFor = (root: string) => ({ config: { root: new URL(`file://${root}/`) } }) as unknown as LoaderContext;

describe("the content config's loader", () => {
  test('loads the pages of the build registered for its project root, the latest one', async () => {
    const calls: string[] = [];
    const build = (name: string) => ({ loadPages: async () => void calls.push(name) });
    const loader = pagesLoader();
    registerBuild('/projects/a', build('first'));
    registerBuild('/projects/b', build('other project'));
    await loader.load(contextFor('/projects/a'));
    // A dev server restart makes a new build: it takes over.
    registerBuild('/projects/a', build('second'));
    await loader.load(contextFor('/projects/a'));
    expect(calls).toEqual(['first', 'second']);
    expect(loader.name).toBe(LOADER_NAME);
  });

  test('says what to do when no build of Shale is registered for the project', () => {
    expect(() => pagesLoader().load(contextFor('/projects/none'))).toThrow(/add Shale's integration .* to astro\.config's integrations/);
  });
});
