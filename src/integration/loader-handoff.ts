import type { Loader } from 'astro/loaders';

/**
 * How the content config reaches Shale's loader without importing it.
 *
 * Astro loads astro.config (with the integration, which renders every page to check it) and
 * src/content.config.ts through two separate module graphs. Importing the loader in the content
 * config made Vite transform and run the whole Markdown pipeline a second time in every build and
 * dev start (about a second at 5,000 endpoints). The integration hands its loader over here instead,
 * on globalThis, the one thing both graphs share.
 */
const LOADER_KEY = Symbol.for('shale.loader');
/** The collection's loader name (a dev reload asks Astro to run this loader again). */
export const LOADER_NAME = 'shale-pages';

/** Called by the integration when astro.config loads it. */
export const handOverLoader = (loader: Loader): void => {
  (globalThis as Record<symbol, unknown>)[LOADER_KEY] = loader;
};

/** The loader for the content config: the integration's, once it is in astro.config. */
export function handedOverLoader(): Loader {
  return {
    name: LOADER_NAME,
    load: (context) => {
      const loader = (globalThis as Record<symbol, unknown>)[LOADER_KEY] as Loader | undefined;
      if (!loader) throw new Error("Shale's loader is missing: add Shale's integration (src/integration/index.ts) to astro.config's integrations.");
      return loader.load(context);
    },
  };
}
