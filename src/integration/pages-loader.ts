import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';

/**
 * How the content config's loader reaches the build it belongs to.
 *
 * Astro loads astro.config (with Shale's integration, which makes the ShaleBuild) and
 * src/content.config.ts through two separate module graphs: a module imported by both is two
 * modules, and importing the loader in the content config made Vite load the whole Markdown
 * pipeline a second time in every build and dev start. So the integration registers its build
 * under the project's root, on the one thing both graphs share (globalThis), and the content
 * config's loader, this small module, looks it up by the root Astro gives it. This is the only
 * state shared that way; everything else is handed to its users as a parameter.
 */
const REGISTRY = Symbol.for('shale.builds');

/** What the loader needs of a build. */
interface PagesSource {
  loadPages(context: LoaderContext): Promise<void>;
}

const registry = (): Map<string, PagesSource> => {
  const shared = globalThis as Record<symbol, Map<string, PagesSource> | undefined>;
  return (shared[REGISTRY] ??= new Map());
};

/** The collection's loader name (a dev reload asks Astro to run this loader again). */
export const LOADER_NAME = 'shale-pages';

/** Called by the integration when it makes the build of a project (one per root at a time). */
export const registerBuild = (root: string, build: PagesSource): void => void registry().set(path.resolve(root), build);

/** The content config's loader: the pages of the build registered for Astro's root. */
export function pagesLoader(): Loader {
  return {
    name: LOADER_NAME,
    load: (context) => {
      const build = registry().get(path.resolve(fileURLToPath(context.config.root)));
      if (!build) throw new Error("Shale's build is missing: add Shale's integration (shale() from src/integration/index.ts) to astro.config's integrations.");
      return build.loadPages(context);
    },
  };
}
