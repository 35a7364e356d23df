import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { themeCss } from '../highlight/highlighter';
import { formatReport } from '../validation/report';
import { hasErrors } from '../validation/problem';
import { checkContent } from './check-content';
import { publish, stagingDirectory } from './output-swap';
import { contentAssetMiddleware, copyContentAssets } from './content-assets';
import { basePath, contentDirectory } from './settings';

const THEME_MODULE = 'virtual:shale/code-theme.css';

/**
 * Shale's Astro integration.
 * - Before a build: checks the whole content folder, prints one report, and stops on errors.
 * - During the build: serves the code-colour stylesheet made from the shiki theme (classes, not
 *   inline styles, so a strict CSP holds).
 * - In `npm run dev`: serves the content folder's images at the paths the build gives them.
 * - After the build: copies those images into the site, then moves the site into place only when
 *   everything succeeded.
 */
export default function shale(): AstroIntegration {
  let staging: string | undefined;
  let target: string | undefined;
  let contentDir: string | undefined;
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
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        contentDir = contentDirectory(root);
        const { problems } = await checkContent(contentDir, basePath());
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
        updateConfig({ outDir: new URL(`file://${staging}/`) });
      },
      'astro:server:setup': ({ server }) => {
        // Astro's dev server takes the base path off a request before other middleware sees it
        // (`/docs/images/x.png` arrives as `/images/x.png`), so the assets are matched from `/`.
        server.middlewares.use(contentAssetMiddleware(contentDirectory(server.config.root), '/'));
      },
      'astro:build:done': async ({ logger }) => {
        if (!staging || !target || !contentDir) return;
        copyContentAssets(contentDir, staging);
        publish(staging, target);
        logger.info(`site written to ${target}`);
      },
    },
  };
}
