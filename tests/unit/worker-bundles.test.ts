import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from '../../src/workers/pool';
import { removeStaleBundles } from '../../src/workers/bundle-files.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-bundles-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DAY = 24 * 3600 * 1000;
const file = (name: string, ageMs: number) => {
  const full = path.join(dir, name);
  fs.writeFileSync(full, '');
  const time = new Date(Date.now() - ageMs);
  fs.utimesSync(full, time, time);
};

describe("the bundles of the workers' scripts", () => {
  it("are removed when no build used them for a day, that script's only, half-written ones too", () => {
    file('render-worker-0123456789ab.mjs', 2 * DAY);
    file('render-worker-0123456789ab.mjs.4242.3.tmp.mjs', 2 * DAY);
    file('render-worker-ba9876543210.mjs', DAY / 2);
    file('spec-worker-0123456789ab.mjs', 2 * DAY);
    file('render-worker-notes.txt', 2 * DAY);

    removeStaleBundles(dir, 'render-worker', Date.now());

    expect(fs.readdirSync(dir).sort()).toEqual(['render-worker-ba9876543210.mjs', 'render-worker-notes.txt', 'spec-worker-0123456789ab.mjs']);
  });

  it('is made once when pools of one script start together (a large spec starts two)', async () => {
    // A version no build has bundled: both pools find no bundle.
    const version = randomBytes(6).toString('hex');
    const entry = new URL('../../src/openapi/spec-worker.ts', import.meta.url);
    const pools = await Promise.all(Array.from({ length: 4 }, () => WorkerPool.start(entry, version, { size: 1 })));
    await Promise.all(pools.map((pool) => pool.close()));
    const bundle = fileURLToPath(new URL(`../../node_modules/.cache/shale/spec-worker-${version}.mjs`, import.meta.url));
    expect(fs.existsSync(bundle)).toBe(true);
    fs.rmSync(bundle);
  }, 60_000);
});
