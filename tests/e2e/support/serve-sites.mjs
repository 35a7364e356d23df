// Builds every browser-test site with `npm run build` (one after another: Astro builds of one
// project must not overlap), then serves each with the plain static server, as a host would.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const sites = JSON.parse(fs.readFileSync(new URL('./sites.json', import.meta.url), 'utf8'));

for (const site of sites) {
  const out = path.join('.shale', 'e2e', site.name);
  execFileSync('npm', ['run', 'build', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SHALE_CONTENT: site.content, SHALE_BASE: site.base, SHALE_OUT_DIR: out },
  });
  spawn(process.execPath, ['bin/serve.mjs', out, String(site.port), site.base], { stdio: 'inherit' });
}
