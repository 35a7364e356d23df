// Wiring only: what Shale does lives in src/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import shale from './src/integration/index.ts';
import { remarkPlugins, rehypePlugins } from './src/markdown/index.ts';
import { basePath } from './src/integration/settings.ts';

export default defineConfig({
  base: basePath(),
  outDir: process.env.SHALE_OUT_DIR || './dist',
  build: {
    // `v2.html.md` → `v2.html`, `v3/index.html.md` → `v3/index.html`, as Slate builds them.
    format: 'preserve',
    // External files only: a strict Content-Security-Policy allows no inline styles or scripts.
    inlineStylesheets: 'never',
    concurrency: 4,
  },
  // The search worker (src/scripts/search-worker.ts) is an ES module: it imports Pagefind's script.
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
  markdown: {
    // Shale highlights code itself (src/markdown/rehype-code-blocks.ts): shiki with a cache, Slate's
    // tab keys, and an error for an unknown language instead of Astro's warning.
    syntaxHighlight: false,
    // Slate's Markdown: no smart quotes, and GFM only for tables and strikethrough.
    smartypants: false,
    gfm: false,
    remarkPlugins,
    rehypePlugins,
  },
  integrations: [mdx(), shale()],
  devToolbar: { enabled: false },
});
