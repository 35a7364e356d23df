// Wiring only: what Shale does lives in src/. Options come from the SHALE_* variables (README).
import { defineConfig } from 'astro/config';
import { importBundled } from './src/integration/config-bundle.mjs';

// Node imports Shale's integration as one bundle of its TypeScript, Vite's loader being slower (config-bundle.mjs says why).
const { shaleAstroConfig } = await importBundled(new URL('./src/integration/astro-config.ts', import.meta.url));

export default defineConfig(shaleAstroConfig());
