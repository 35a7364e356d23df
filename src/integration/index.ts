import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { themeCss } from '../highlight/highlighter';
import { formatReport } from '../validation/report';
import { hasErrors } from '../validation/problem';
import { checkContent } from './check-content';
import { publish, stagingDirectory } from './output-swap';
import { contentAssetMiddleware, copyContentAssets } from './content-assets';
import { devIndexPages } from './dev-index-pages';
import { indexSite, SEARCH_FOLDER, startSearchIndex, type PendingIndex } from './search-index';
import { devSearch } from './search-dev';
import { basePath, contentDirectory, searchManifestsDirectory, sectionsPerShard } from './settings';
import { setContentRefresh, shaleLoader } from './loader';
import { handOverLoader } from './loader-handoff';

const THEME_MODULE = 'virtual:shale/code-theme.css';

/**
 * Shale's Astro integration.
 * - Before a build: checks the whole content folder, prints one report, and stops on errors.
 * - During the build: serves the code-colour stylesheet made from the shiki theme (classes, not
 *   inline styles, so a strict CSP holds).
 * - After the build: copies the content folder's images into the site, indexes the built pages for
 *   search (search-index.ts), then moves the site into place only when everything succeeded.
 * - In `npm run dev`: serves the content folder's images at the paths the build gives them, pages in
 *   folders at `v3/index.html` and `v3/` as a static host does, and a
 *   search index built from the pages as they render (search-dev.ts).
 */
export default function shale(): AstroIntegration {
  handOverLoader(shaleLoader());
  let staging: string | undefined;
  let target: string | undefined;
  let projectRoot = process.cwd();
  let searchIndex: PendingIndex | undefined;
  return {
    name: 'shale',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'shale:code-theme',
                resolveId: (id: string) => (id === THEME_MODULE ? `\0${THEME_MODULE}` : undefined),
                load: async (id: string) => (id === `\0${THEME_MODULE}` ? await themeCss() : undefined),
              },
            ],
          },
        });
        const root = fileURLToPath(config.root);
        projectRoot = root;
        if (command !== 'build') return;
        let perShard: number | undefined;
        try {
          perShard = sectionsPerShard();
        } catch (error) {
          console.error(`\n✗ ${(error as Error).message}\n\nThe build stopped; the previous site was left as it was.\n`);
          process.exit(1);
        }
        const { site, problems, records } = await checkContent(contentDirectory(root), basePath());
        if (problems.length > 0) {
          const report = formatReport(problems);
          if (hasErrors(problems)) {
            console.error(`\n${report}\n\nThe build stopped; the previous site was left as it was.\n`);
            process.exit(1);
          }
          logger.warn(`\n${report}\n`);
        }
        target = fileURLToPath(config.outDir);
        staging = stagingDirectory(root);
        // Pagefind indexes the sections of Markdown pages while Astro builds (finished in build:done);
        // when no MDX page wants search (its sections are known only once built), it also writes the index.
        const everySectionKnown = site.pages.every((page) => page.dialect !== 'mdx' || !page.frontMatter.search);
        // The published site's index lends its unchanged shards and fragment files (search-reuse.ts).
        const reuse = { previous: path.join(target, SEARCH_FOLDER), manifests: searchManifestsDirectory(root) };
        searchIndex = startSearchIndex(records, everySectionKnown ? `${staging}-search` : undefined, reuse, perShard);
        updateConfig({ outDir: new URL(`file://${staging}/`) });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // The loader reloads through Astro's content sync: the page reloads without Astro's 500 ms wait.
        setContentRefresh(refreshContent);
        const contentDir = contentDirectory(projectRoot);
        // Astro's dev server takes the base path off a request before other middleware sees it
        // (`/docs/images/x.png` arrives as `/images/x.png`), so the assets are matched from `/`.
        server.middlewares.use(contentAssetMiddleware(contentDir, '/'));
        server.middlewares.use(devIndexPages());
        const search = devSearch({ base: basePath(), contentDir, log: (message) => logger.info(message) });
        server.middlewares.use(search.middleware);
        server.watcher.on('all', (_event, file) => search.changed(file));
      },
      'astro:build:done': async ({ logger }) => {
        if (!staging || !target) return;
        copyContentAssets(contentDirectory(projectRoot), staging);
        try {
          const indexed = await indexSite(staging, searchIndex);
          if (indexed) logger.info(`search index: ${indexed.records} sections of ${indexed.pages} page(s)`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          console.error(`\n✗ The search index could not be built: ${message}\n\nThe build stopped; the previous site was left as it was.\n`);
          fs.rmSync(staging, { recursive: true, force: true });
          process.exit(1);
        }
        publish(staging, target, projectRoot);
        logger.info(`site written to ${target}`);
      },
    },
  };
}
