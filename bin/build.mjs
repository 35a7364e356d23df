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
  // As Astro prints a failed build: Shale's error (its report was printed already) as its message and hint; anything else, a bug, with its stack.
  if (error?.name === 'ShaleBuildError') process.stderr.write(`[${error.name}] ${error.message}\n  Hint:\n    ${error.hint}\n`);
  else console.error(error);
  process.exit(1);
}
if (!rebuilt) {
  process.argv = [process.argv[0], astro, 'build', ...args];
  await import(astro);
}
