import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

/** Builds into a folder holding a previous site, and expects the build to stop with `message`, leaving that site as it was. */
function expectStoppedBuild(env: Record<string, string>, message: string): void {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-search-build-'));
  fs.writeFileSync(path.join(out, 'previous.html'), 'the previous site');
  try {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8', env: { ...process.env, ...env, SHALE_OUT_DIR: out } });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain(message);
    expect(fs.readdirSync(out)).toEqual(['previous.html']);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

test('stops the build and keeps the previous site when a page with search: true has nothing to index', () => {
  expectStoppedBuild(
    { SHALE_CONTENT: 'tests/fixtures/search-empty' },
    '✗ The search index could not be built: index.html has `search: true` but nothing to index: add a heading with some text, or set `search: false`.',
  );
});

test('stops the build and keeps the previous site when SHALE_SEARCH_SHARD_SECTIONS is not a number of sections', () => {
  expectStoppedBuild(
    { SHALE_CONTENT: 'tests/fixtures/search', SHALE_SEARCH_SHARD_SECTIONS: 'lots' },
    '✗ SHALE_SEARCH_SHARD_SECTIONS is "lots": set it to a whole number of sections from 1 up, or leave it unset.',
  );
});
