import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { themeCss } from '../highlight/highlighter';
import { hasErrors } from '../validation/problem';
import { fail, warn } from '../engine/fail';
import { resolveOptions, ShaleOptionsError, type ShaleOptions, type ShaleOptionsInput } from '../engine/options';
import { ShaleBuild } from '../engine/shale-build';
import { tabRulesCss } from '../styles/tab-rules';
import { isAssetFile } from '../content/assets';
import { publish, scratchDirectory, stagingBase, stagingDirectory } from './output-swap';
import { contentAssetMiddleware, copyContentAssets } from './content-assets';
import { devIndexPages } from './dev-index-pages';
import type { PendingIndex } from '../search/build/search-index';
import { devSearch } from '../search/build/dev-search';
import { loadPages } from './loader';
import { completeSite, startSiteIndex } from './complete-site';
import { nothingToBuild, planQuickRebuild, startQuickRebuild } from './quick-rebuild';
import { forgetPublished, hasPublished, recordBuild } from './published-site';
import { devPageMarkdown } from './dev-page-markdown';
import { ignoredByDevWatcher } from './dev-watch';
import { withBreakpoints } from '../theme/brand-css';
import { registerBuild } from './pages-loader';
import { takePrepared } from './prepared-build';
import { NO_SITE_ADDRESS } from './build-without-astro';

/** Stylesheets made by the build: the code colours of the shiki theme, and a rule per language tab. */
const VIRTUAL_CSS: Record<string, (build: ShaleBuild) => string | Promise<string>> = {
  // Token colours readable on the code background: Slate's, or the brand's own.
  'virtual:shale/code-theme.css': (build) => themeCss(build.content().brand().codeBackground),
  'virtual:shale/tabs.css': (build) => tabRulesCss(build.content().maxTabs),
  // The site's own look (theme/): its design tokens, after Shale's.
  'virtual:shale/brand.css': (build) => build.content().brand().tokensCss,
};

/** Shale's own stylesheets, whose media queries take the site's breakpoints (theme/brand-css.ts). */
const isShaleStylesheet = (id: string) => /[\\/]src[\\/](styles|search[\\/]browser)[\\/][^\\/]+\.css$/.test(id.split('?')[0]!);

/** Where `shale()` takes what it does not get as options: the variables and the folder of the run. */
export interface ShaleEnvironment {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

/**
 * Shale's Astro integration, `shale(options)` (options: engine/options.ts, defaults from the
 * `SHALE_*` variables). In astro:config:setup it makes the one ShaleBuild of this run and hands it
 * to everything else:
 * - Before a build: checks the whole content folder, prints one report, and stops on errors.
 * - During the build: the content loader stores the pages the check rendered; the stylesheets
 *   made from the shiki theme and the tabs (classes, not inline styles, so a strict CSP holds).
 * - After the build: copies the content folder's images into the site, indexes it for search
 *   (src/search/build/), then moves the site into place only when everything succeeded.
 * - In `npm run dev`: serves the content folder's images at the paths the build gives them, pages in
 *   folders at `v3/index.html` and `v3/` as a static host does, and a search index built from the
 *   pages as they render; a change in the content folder makes the build load it again.
 * Every failure goes through fail(): one report, then one error; the previous site stays as it was.
 */
export default function shale(input: ShaleOptionsInput = {}, { env = process.env, cwd = process.cwd() }: ShaleEnvironment = {}): AstroIntegration {
  let build: ShaleBuild | undefined;
  let staging: string | undefined;
  let searchIndex: PendingIndex | undefined;
  /** A quick rebuild (quick-rebuild.ts): what finishes it, and where Astro's empty build writes (removed). */
  let finishQuick: ((logger: AstroIntegrationLogger) => Promise<void>) | undefined;
  let quickScratch: string | undefined;
  let restoreTypes: (() => void) | undefined;
  return {
    name: 'shale',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        let options: ShaleOptions;
        try {
          options = resolveOptions(input, env);
        } catch (error) {
          if (error instanceof ShaleOptionsError) fail(logger, { message: error.message });
          throw error;
        }
        const root = fileURLToPath(config.root);
        // `npm run build` may have checked the content already, before it started Astro (build-without-astro.ts).
        const prepared = command === 'build' ? takePrepared(path.resolve(root), options) : undefined;
        const current = prepared?.build ?? new ShaleBuild({ options, root, cwd, loadPages });
        build = current;
        registerBuild(root, current);
        updateConfig({
          base: options.base,
          // Canonical links, sitemap.xml and robots.txt need the address the site is published at.
          ...(options.site ? { site: options.site } : {}),
          outDir: pathToFileURL(`${current.paths.outDir}/`),
          // Astro's content store and caches go with Shale's: builds of other checkouts or work folders never share them.
          cacheDir: pathToFileURL(`${path.join(current.paths.work, 'astro')}/`),
          vite: {
            server: { watch: { ignored: [ignoredByDevWatcher(current.paths)] } },
            plugins: [
              {
                name: 'shale:stylesheets',
                resolveId: (id: string) => (id in VIRTUAL_CSS ? `\0${id}` : undefined),
                load: async (id: string) => (id.startsWith('\0') && id.slice(1) in VIRTUAL_CSS ? await VIRTUAL_CSS[id.slice(1)]!(current) : undefined),
                transform: (code: string, id: string) => (isShaleStylesheet(id) ? withBreakpoints(code, current.content().brand().breakpoints) : undefined),
              },
            ],
          },
        });
        if (command !== 'build') return;
        if (!options.site && !prepared) logger.info(NO_SITE_ADDRESS);
        const { problems, records } = prepared?.checked ?? (await current.content().check());
        if (hasErrors(problems)) fail(logger, { problems, cwd: current.paths.cwd });
        warn(logger, problems, current.paths.cwd);
        staging = prepared?.staging ?? stagingDirectory(stagingBase(current.paths.work));
        // Pagefind indexes the Markdown pages' sections from now on, in its own process, however the site is built:
        // fed from a worker thread when Astro is about to build every page (this thread is then busy for seconds at a
        // time), and from this one when the build may be a quick rebuild, where the worker's start costs more than it
        // saves (5,000 endpoints: 1.04 × the time, 9 % more CPU, five pairs).
        searchIndex = prepared?.searchIndex ?? startSiteIndex(current, records, staging, !(options.quickRebuild && hasPublished(current)));
        if (prepared?.reason) logger.info(`a full build: ${prepared.reason}.`);
        if (options.quickRebuild && !prepared) {
          const plan = await planQuickRebuild(current);
          if ('rewrites' in plan) {
            finishQuick = startQuickRebuild(current, plan, staging, searchIndex);
            // Astro's build is left nothing to do (about a second, where a full build takes ten at 5,000 endpoints).
            quickScratch = scratchDirectory(stagingBase(current.paths.work));
            const nothing = nothingToBuild(current.paths.root, current.paths.work, quickScratch);
            restoreTypes = nothing.restore;
            updateConfig(nothing.config);
            return;
          }
          if (plan.reason) logger.info(`a full build: ${plan.reason}.`);
        }
        // The site in the output folder is about to be replaced: what is recorded of it goes first.
        forgetPublished(current);
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        if (!build) return;
        const current = build;
        // The loader reloads through Astro's content sync: the page reloads without Astro's 500 ms wait.
        current.contentRefresh = refreshContent;
        const contentDir = current.paths.content;
        // Astro's dev server takes the base path off a request before other middleware sees it
        // (`/docs/images/x.png` arrives as `/images/x.png`), so the assets are matched from `/`.
        server.middlewares.use(contentAssetMiddleware(contentDir, '/'));
        server.middlewares.use(devIndexPages());
        server.middlewares.use(devPageMarkdown(current.options.base));
        const search = devSearch({ base: current.options.base, pages: () => current.content().site.pages, log: (message) => logger.info(message) });
        server.middlewares.use(search.middleware);
        server.watcher.on('all', (_event, file) => {
          if (file !== contentDir && !file.startsWith(contentDir + path.sep)) return;
          search.changed();
          // The tab rules follow the pages' tabs; the brand's stylesheet its variables and theme maps, and code's colours its code background.
          for (const id of ['tabs.css', 'brand.css', 'code-theme.css']) {
            const module = server.moduleGraph.getModuleById(`\0virtual:shale/${id}`);
            if (module) server.moduleGraph.invalidateModule(module);
          }
          // An image is no module of the page: show the new one (the content loader reloads the pages' data).
          if (isAssetFile(file)) setTimeout(() => server.hot.send({ type: 'full-reload', path: '*' }), 50);
        });
      },
      'astro:build:done': async ({ logger }) => {
        if (finishQuick) {
          fs.rmSync(quickScratch!, { recursive: true, force: true });
          restoreTypes?.();
          return finishQuick(logger);
        }
        if (!build || !staging) return;
        const current = build;
        copyContentAssets(current.paths.content, staging);
        // The page's no-JavaScript stylesheet is a file of public/: it gets the site's breakpoints here.
        const noscript = path.join(staging, 'shale-noscript.css');
        const breakpoints = current.content().brand().breakpoints;
        if (breakpoints && fs.existsSync(noscript)) fs.writeFileSync(noscript, withBreakpoints(fs.readFileSync(noscript, 'utf8'), breakpoints));
        await completeSite(current, staging, searchIndex!, current.storedPages, logger);
        publish(staging, current.paths.outDir);
        try {
          recordBuild(current, current.storedPages);
        } catch (error) {
          // The site is published; without a record the next build is a full one, nothing worse.
          forgetPublished(current);
          logger.warn(
            `the next build will be a full one: what was published could not be recorded (${error instanceof Error ? error.message : String(error)}).`,
          );
        }
        logger.info(`site written to ${current.paths.outDir}`);
      },
    },
  };
}
