import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, astroBuild, snapshot, tempDir } from './support/build';

/**
 * A second build reuses what the first one stored (Astro's content store, .shale/cache,
 * .shale/rendered). Deleting one of them by hand must not break the next build.
 */
describe('a rebuild', () => {
  it('builds the same site after .shale/rendered was deleted while Astro kept its store', async () => {
    const content = 'tests/fixtures/split';
    const first = await astroBuild({ content, outDir: tempDir('rebuild-first') });
    expect(first.status).toBe(0);
    fs.rmSync(path.join(ROOT, '.shale', 'rendered'), { recursive: true, force: true });
    const second = await astroBuild({ content, outDir: tempDir('rebuild-second') });
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(snapshot(second.outDir)).toEqual(snapshot(first.outDir));
  }, 240_000);
});
