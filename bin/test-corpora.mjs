#!/usr/bin/env node
// The corpus check: `npm run test:corpora -- <folder of Slate sources>`, e.g. ../shared/corpora.
// Builds every source in the folder with the real build and checks what it renders
// (tests/corpora/). The sources are not the project's, so `npm test` does not need them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = process.argv[2];
if (!folder || process.argv.length > 3) {
  console.error('usage: npm run test:corpora -- <folder holding Slate sources, one per subfolder>');
  process.exit(2);
}
const corpora = path.resolve(folder);
if (!fs.existsSync(corpora) || !fs.statSync(corpora).isDirectory()) {
  console.error(`test:corpora: ${corpora} is not a folder.`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/corpora/vitest.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SHALE_CORPORA: corpora },
});
process.exit(result.status ?? 1);
