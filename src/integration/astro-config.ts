import type { AstroUserConfig } from 'astro';
import mdx from '@astrojs/mdx';
import shale, { type ShaleEnvironment } from './index';
import type { ShaleOptionsInput } from '../engine/options';
import { mdxRehypePlugins, remarkPlugins } from '../markdown/index';

/**
 * The whole Astro configuration of a Shale site, made from Shale's options: astro.config.mjs is
 * this with the options' defaults (the `SHALE_*` variables), and build tests make it with their own
 * options, in-process. Shale sets the base path and the output folder itself (from its options).
 */
export function shaleAstroConfig(options: ShaleOptionsInput = {}, environment: ShaleEnvironment = {}): AstroUserConfig {
  return {
    build: {
      // `v2.html.md` → `v2.html`, `v3/index.html.md` → `v3/index.html`, as Slate builds them.
      format: 'preserve',
      // External files only: a strict Content-Security-Policy allows no inline styles or scripts.
      inlineStylesheets: 'never',
      // Writing one page overlaps rendering the next (measured: 8.3 → 7.9 s for a 5,000-endpoint rebuild).
      concurrency: 4,
    },
    // The search worker (src/search/browser/search-worker.ts) is an ES module: it imports Pagefind's script.
    vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
    markdown: {
      // Shale highlights code itself (src/markdown/rehype-code-blocks.ts): shiki with a cache, Slate's
      // tab keys, and an error for an unknown language instead of Astro's warning.
      syntaxHighlight: false,
      // Slate's Markdown: no smart quotes, and GFM only for tables and strikethrough.
      smartypants: false,
      gfm: false,
      // Astro renders only MDX pages with these (Shale renders Markdown pages itself, src/markdown/render-part.ts).
      remarkPlugins,
      rehypePlugins: mdxRehypePlugins,
    },
    integrations: [mdx(), shale(options, environment)],
    devToolbar: { enabled: false },
  };
}

// `npm run build` (bin/build.mjs) loads the same bundle as astro.config.mjs, for this: the integration then takes the check it made.
export { buildWithoutAstro } from './build-without-astro';
