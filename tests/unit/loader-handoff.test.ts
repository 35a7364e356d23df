import { afterEach, describe, expect, test } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { handedOverLoader, handOverLoader, LOADER_NAME } from '../../src/integration/loader-handoff';

const KEY = Symbol.for('shale.loader');
const context = {} as LoaderContext;

describe('the loader the integration hands to the content config', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[KEY];
  });

  test('runs the loader the integration handed over, the one at load time', async () => {
    const calls: string[] = [];
    const loader = (name: string): Loader => ({ name, load: async () => void calls.push(name) });
    const configLoader = handedOverLoader();
    handOverLoader(loader('first'));
    await configLoader.load(context);
    // A dev server restart loads the config again: the new integration's loader takes over.
    handOverLoader(loader('second'));
    await configLoader.load(context);
    expect(calls).toEqual(['first', 'second']);
    expect(configLoader.name).toBe(LOADER_NAME);
  });

  test('says what to do when Shale’s integration is not in astro.config', () => {
    expect(() => handedOverLoader().load(context)).toThrow(/add Shale's integration .* to astro\.config's integrations/);
  });
});
