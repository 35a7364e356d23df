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

  it('after an edit to one include, keeps the unchanged sections’ search files and builds what a cold build builds', async () => {
    const content = tempDir('rebuild-content');
    fs.cpSync(path.join(ROOT, 'tests/fixtures/split'), content, { recursive: true });
    const outDir = tempDir('rebuild-out');
    expect((await astroBuild({ content, outDir })).status).toBe(0);
    const fragments = path.join(outDir, 'pagefind', 'fragment');
    const inodes = new Map(fs.readdirSync(fragments).map((file) => [file, fs.statSync(path.join(fragments, file)).ino]));

    fs.appendFileSync(path.join(content, 'includes', '_dogs.md'), '\nDogs answer to their name.\n');
    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    const kept = fs.readdirSync(fragments).filter((file) => inodes.get(file) === fs.statSync(path.join(fragments, file)).ino);
    const fresh = fs.readdirSync(fragments).filter((file) => !inodes.has(file));
    // The edit changed the last section of the dogs include, nothing else.
    expect(fresh).toHaveLength(1);
    expect(kept).toHaveLength(inodes.size - 1);

    const cold = await astroBuild({ content, outDir: tempDir('rebuild-cold') });
    expect(cold.status).toBe(0);
    expect(snapshot(outDir)).toEqual(snapshot(cold.outDir));
  }, 240_000);

  it('with searchReuse off, reads nothing of the published index: every search file is written afresh', async () => {
    const content = 'tests/fixtures/split';
    const outDir = tempDir('rebuild-no-reuse');
    expect((await astroBuild({ content, outDir })).status).toBe(0);
    const fragments = path.join(outDir, 'pagefind', 'fragment');
    const inodes = new Map(fs.readdirSync(fragments).map((file) => [file, fs.statSync(path.join(fragments, file)).ino]));
    const rebuilt = await astroBuild({ content, outDir, searchReuse: false });
    expect(rebuilt.status).toBe(0);
    const files = fs.readdirSync(fragments);
    expect(files.sort()).toEqual([...inodes.keys()].sort());
    expect(files.filter((file) => inodes.get(file) === fs.statSync(path.join(fragments, file)).ino)).toEqual([]);
  }, 240_000);
});
