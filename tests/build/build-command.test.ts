import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, astroBuild, cliBuild, hasStackTrace, snapshot, tempDir } from './support/build';
import { buildWithoutAstro } from '../../src/integration/build-without-astro';
import { takePrepared } from '../../src/integration/prepared-build';
import { resolveOptions } from '../../src/engine/options';

/**
 * `npm run build` (bin/build.mjs) rebuilds a site whose Markdown bodies alone changed without
 * starting Astro (src/integration/build-without-astro.ts); anything else goes to `astro build`,
 * which takes the check already made. Either way the site and the report are a full build's.
 */

const QUICK = /quick rebuild: (\d+) of (\d+) page\(s\) rewritten/;
/** A line of Astro's own build: printed only when Astro ran. */
const ASTRO_RAN = /\[build\] Complete!/;
const NO_SITE = 'no site address: canonical links';

const count = (text: string, part: string) => text.split(part).length - 1;

/** The split fixture copied where it can be edited, published once by `npm run build` into a fresh output folder. */
async function publishedSite(): Promise<{ content: string; outDir: string; workDir: string }> {
  const content = tempDir('command-content');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/split'), content, { recursive: true });
  const outDir = tempDir('command-out');
  const workDir = tempDir('command-work');
  const first = await cliBuild({ content, outDir, env: { SHALE_WORK_DIR: workDir } });
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  expect(first.stdout).toMatch(ASTRO_RAN);
  return { content, outDir, workDir };
}

describe('npm run build', () => {
  it('rebuilds after an edit of a page’s text without starting Astro, publishing what a full build does', async () => {
    const { content, outDir, workDir } = await publishedSite();
    fs.appendFileSync(path.join(content, 'includes', '_dogs.md'), '\nA dog answers to its name.\n');

    const rebuilt = await cliBuild({ content, outDir, env: { SHALE_WORK_DIR: workDir } });
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(QUICK);
    expect(rebuilt.stdout).not.toMatch(ASTRO_RAN);
    expect(count(rebuilt.stdout, NO_SITE)).toBe(1);
    expect(fs.readFileSync(path.join(outDir, 'dogs.html'), 'utf8')).toContain('<p>A dog answers to its name.</p>');

    const full = await astroBuild({ content, outDir: tempDir('command-full'), quickRebuild: false });
    expect(full.status).toBe(0);
    expect(snapshot(outDir)).toEqual(snapshot(full.outDir));
  }, 300_000);

  it('rebuilds after an edit of a spec without starting Astro (the spec is not taken for a file of the look)', async () => {
    const content = tempDir('command-spec');
    fs.cpSync(path.join(ROOT, 'tests/fixtures/openapi'), content, { recursive: true });
    const outDir = tempDir('command-spec-out');
    const workDir = tempDir('command-spec-work');
    const first = await cliBuild({ content, outDir, env: { SHALE_WORK_DIR: workDir } });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(ASTRO_RAN);
    const spec = path.join(content, 'specs', 'kennel.yaml');
    fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace('Only dogs of this breed.', 'Only dogs of this one breed.'));

    const rebuilt = await cliBuild({ content, outDir, env: { SHALE_WORK_DIR: workDir } });
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(QUICK);
    expect(rebuilt.stdout).not.toMatch(ASTRO_RAN);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('Only dogs of this one breed.');
  }, 300_000);

  it('hands a change that needs a full build to Astro, with the check made once: one report of its warnings', async () => {
    const { content, outDir, workDir } = await publishedSite();
    const index = path.join(content, 'index.html.md');
    // A key Slate's layout read and Shale ignores (a warning), in the front matter (a full build).
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('title: Split Fixture', 'title: Split Fixture, renamed\nhome_link: /'));

    const rebuilt = await cliBuild({ content, outDir, env: { SHALE_WORK_DIR: workDir } });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(/a full build: .* changed\./);
    expect(rebuilt.stdout).toMatch(ASTRO_RAN);
    expect(count(rebuilt.stdout, NO_SITE)).toBe(1);
    expect(count(rebuilt.stdout, 'front-matter key "home_link" is not one Shale knows')).toBe(1);
    expect(fs.readFileSync(path.join(outDir, 'dogs.html'), 'utf8')).toContain('Split Fixture, renamed');
  }, 300_000);

  it('leaves a build whose options changed to Astro without checking anything first (astro.config.mjs may pass options only that build knows)', async () => {
    const { content, outDir, workDir } = await publishedSite();
    fs.appendFileSync(path.join(content, 'includes', '_dogs.md'), '\nDogs fetch.\n');
    const published = { SHALE_CONTENT: content, SHALE_OUT_DIR: outDir, SHALE_WORK_DIR: workDir, SHALE_BASE: '/' };
    const moved = { ...published, SHALE_BASE: '/docs/' };

    expect(await buildWithoutAstro(moved, ROOT)).toBe(false);
    // Nothing was checked: nothing is handed over.
    expect(takePrepared(ROOT, resolveOptions({}, moved))).toBeUndefined();
    // With the options the site was published with, the same edit is a quick rebuild.
    const rebuilt = await cliBuild({ content, outDir, env: { SHALE_WORK_DIR: workDir } });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(QUICK);
  }, 300_000);

  it('stops a rebuild with errors with one report, leaving the published site as it was', async () => {
    const { content, outDir, workDir } = await publishedSite();
    const before = snapshot(outDir);
    const index = path.join(content, 'index.html.md');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('includes:\n', 'includes:\n  - nosuchfile\n'));

    const rebuilt = await cliBuild({ content, outDir, env: { SHALE_WORK_DIR: workDir } });
    expect(rebuilt.status).toBe(1);
    expect(count(rebuilt.stderr, '✗ Found 1 error in 1 file')).toBe(1);
    expect(rebuilt.stderr).toContain('index.html.md:13  include "nosuchfile" does not exist.');
    expect(rebuilt.stderr).toContain('[ShaleBuildError] The content has 1 error, listed above.');
    expect(hasStackTrace(rebuilt.stdout + rebuilt.stderr)).toBe(false);
    expect(snapshot(outDir)).toEqual(before);
  }, 300_000);
});
