// Wiring only: what Shale does lives in src/. Options come from the SHALE_* variables (README).
import { defineConfig } from 'astro/config';
import { shaleAstroConfig } from './src/integration/astro-config.ts';

export default defineConfig(shaleAstroConfig());
