// Builds every browser-test site with `npm run build` (one after another: Astro builds of one
// project must not overlap), then serves them all from this one process, so stopping it (as
// Playwright does after the run) stops every server.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../../bin/static-server.mjs';

const sites = JSON.parse(fs.readFileSync(new URL('./sites.json', import.meta.url), 'utf8'));

for (const site of sites) {
  const out = path.join('.shale', 'e2e', site.name);
  execFileSync('npm', ['run', 'build', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...site.env, SHALE_CONTENT: site.content, SHALE_BASE: site.base, SHALE_OUT_DIR: out },
  });
}
for (const site of sites) await startStaticServer({ dir: path.join('.shale', 'e2e', site.name), port: site.port, base: site.base });
console.log('test sites ready');
