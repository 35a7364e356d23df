import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/** Runs the real `npm run build` on a content folder into a fresh (or given) output folder. */
export function buildSite(content: string, options: { base?: string; outDir?: string } = {}): BuildResult {
  const outDir = options.outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shale-out-'));
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    encoding: 'utf8',
    env: { ...cleanEnvironment(), SHALE_CONTENT: content, SHALE_BASE: options.base ?? '/', SHALE_OUT_DIR: outDir },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/**
 * The environment without what Vitest adds to it: Astro reads `import.meta.env.*` values from
 * process.env, so Vitest's BASE_URL=/ would override the base path of the build under test.
 */
export function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) || key.startsWith('VITEST') || key === 'TEST') delete env[key];
  }
  return env;
}
