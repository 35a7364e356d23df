import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { themeCss } from '../highlight/highlighter';
import { formatReport } from '../validation/report';
import { hasErrors } from '../validation/problem';
import { checkContent } from './check-content';
import { publish, stagingDirectory } from './output-swap';
import { basePath, contentDirectory } from './settings';

const THEME_MODULE = 'virtual:shale/code-theme.css';

/**
 * Shale's Astro integration.
 * - Before a build: checks the whole content folder, prints one report, and stops on errors.
 * - During the build: serves the code-colour stylesheet made from the shiki theme (classes, not
 *   inline styles, so a strict CSP holds).
 * - After the build: moves the site into place only when everything succeeded.
 */
export default function shale(): AstroIntegration {
  let staging: string | undefined;
  let target: string | undefined;
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
        const { problems } = await checkContent(contentDirectory(root), basePath());
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
      'astro:build:done': async ({ logger }) => {
        if (!staging || !target) return;
        publish(staging, target);
        logger.info(`site written to ${target}`);
      },
    },
  };
}
