import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ShaleBuild } from '../../src/engine/shale-build';
import { resolveOptions } from '../../src/engine/options';
import { handOver, takePrepared } from '../../src/integration/prepared-build';

const ROOT = path.resolve('.');
const checked = { problems: [], records: new Map() };

describe('a build checked before Astro started (prepared-build.ts)', () => {
  test('goes to the Astro build of the same root and options, once', () => {
    const build = ShaleBuild.forScript({ content: 'content' }, ROOT);
    handOver({ build, checked });
    expect(takePrepared(ROOT, resolveOptions({ content: 'content' }))?.build).toBe(build);
    expect(takePrepared(ROOT, resolveOptions({ content: 'content' }))).toBeUndefined();
  });

  test('not to a build of other options or another root (a test building in the same process), which checks its own', () => {
    handOver({ build: ShaleBuild.forScript({ content: 'content' }, ROOT), checked });
    expect(takePrepared(ROOT, resolveOptions({ content: 'docs' }))).toBeUndefined();
    handOver({ build: ShaleBuild.forScript({ content: 'content' }, ROOT), checked });
    expect(takePrepared(path.join(ROOT, 'elsewhere'), resolveOptions({ content: 'content' }))).toBeUndefined();
  });
});
