#!/usr/bin/env node
// `npm run build`: a quick rebuild without starting Astro when only Markdown bodies changed since the
// last build into the output folder (src/integration/build-without-astro.ts), else `astro build`,
// which then takes the check made here instead of making it again. Arguments go to Astro.
import { fileURLToPath } from 'node:url';
import { importBundled } from '../src/integration/config-bundle.mjs';

const astro = fileURLToPath(new URL('../node_modules/astro/astro.js', import.meta.url));
const args = process.argv.slice(2);
const { buildWithoutAstro } = await importBundled(new URL('../src/integration/astro-config.ts', import.meta.url));

let rebuilt = false;
try {
  // With arguments (--verbose, --root …), Astro builds as they ask.
  rebuilt = args.length === 0 && (await buildWithoutAstro());
} catch (error) {
  // As Astro prints a failed build: the report was printed already; the error's message and hint, no stack trace.
  const hint = error && typeof error === 'object' && 'hint' in error ? `\n  Hint:\n    ${error.hint}` : '';
  process.stderr.write(`[${error?.name ?? 'Error'}] ${error?.message ?? String(error)}${hint}\n`);
  process.exit(1);
}
if (!rebuilt) {
  process.argv = [process.argv[0], astro, 'build', ...args];
  await import(astro);
}
