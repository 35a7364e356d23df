import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cliBuild, hasStackTrace, tempDir } from './support/build';

/** Runs `npm run build` into a folder holding a previous site, and expects it to stop with `message`, leaving that site as it was. */
async function expectStoppedBuild(env: { content: string; shardSections?: string }, message: string): Promise<void> {
  const out = tempDir('search-build');
  fs.writeFileSync(path.join(out, 'previous.html'), 'the previous site');
  try {
    const build = await cliBuild({ content: env.content, outDir: out, env: env.shardSections ? { SHALE_SEARCH_SHARD_SECTIONS: env.shardSections } : {} });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`[ShaleBuildError] ${message}\n  Hint:\n    The build stopped; the previous site was left as it was.`);
    expect(hasStackTrace(build.stdout + build.stderr)).toBe(false);
    expect(fs.readdirSync(out)).toEqual(['previous.html']);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

// A Markdown page with nothing to index is reported before Astro runs (checks.test.ts); an MDX page's sections are known only once built.
test('stops the build and keeps the previous site when an MDX page with search: true has nothing to index', async () => {
  await expectStoppedBuild(
    { content: 'tests/fixtures/search-empty' },
    'The search index could not be built: index.html has `search: true` but nothing to index: add a heading with some text, or set `search: false`.',
  );
});

test('stops the build and keeps the previous site when SHALE_SEARCH_SHARD_SECTIONS is not a number of sections', async () => {
  await expectStoppedBuild(
    { content: 'tests/fixtures/search', shardSections: 'lots' },
    'SHALE_SEARCH_SHARD_SECTIONS is "lots": set it to a whole number of sections from 1 up, or leave it unset.',
  );
});
