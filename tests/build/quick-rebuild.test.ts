import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, astroBuild, snapshot, tempDir, type BuildOptions } from './support/build';

/**
 * A rebuild after an edit to the text of Markdown pages rewrites those pages' bodies in the
 * published site, without Astro's build (src/integration/quick-rebuild.ts). It must publish exactly
 * what a full build publishes, and anything beyond a body's text must take the full build.
 */

const QUICK = /quick rebuild: (\d+) of (\d+) page\(s\) rewritten/;

/** The split fixture copied where it can be edited, built once into a fresh output folder. */
async function publishedSite(): Promise<{ content: string; outDir: string }> {
  const content = tempDir('quick-content');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/split'), content, { recursive: true });
  const outDir = tempDir('quick-out');
  const first = await astroBuild({ content, outDir });
  expect(first.status).toBe(0);
  expect(first.stdout).not.toMatch(QUICK);
  return { content, outDir };
}

const inodes = (dir: string): Map<string, number> =>
  new Map(
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .map((file) => [file.split(path.sep).join('/'), fs.statSync(path.join(dir, file)).ino]),
  );

/** A full build of the same content into a folder of its own: what the quick rebuild must equal. */
async function fullBuild(options: Omit<BuildOptions, 'outDir'>): Promise<string> {
  const full = await astroBuild({ ...options, outDir: tempDir('quick-full'), quickRebuild: false });
  expect(full.status).toBe(0);
  return full.outDir;
}

describe('a quick rebuild', () => {
  it('after an edit to the text of one include, rewrites only the page that shows it, and publishes what a full build does', async () => {
    const { content, outDir } = await publishedSite();
    const before = inodes(outDir);
    const include = path.join(content, 'includes', '_dogs.md');
    fs.writeFileSync(include, fs.readFileSync(include, 'utf8').replace('need walking.', 'need walking.\n\nA dog answers to its name.'));

    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    const [, rewritten, total] = QUICK.exec(rebuilt.stdout) ?? [];
    expect([rewritten, total]).toEqual(['1', String(before.size - 1)]); // every page but the 404 page is Shale's
    const dogs = fs.readFileSync(path.join(outDir, 'dogs.html'), 'utf8');
    expect(dogs).toContain('<p>A dog answers to its name.</p>');
    // The other pages are the files published before, linked, not written again.
    const after = inodes(outDir);
    const kept = [...after].filter(([file, inode]) => before.get(file) === inode).map(([file]) => file);
    expect(kept.sort()).toEqual([...before.keys()].filter((file) => file !== 'dogs.html').sort());
    // The search index and the page's Markdown follow the edit.
    expect(fs.readFileSync(path.join(outDir, 'dogs.md'), 'utf8')).toContain('A dog answers to its name.');
    expect(fs.readFileSync(path.join(outDir, 'llms-full.txt'), 'utf8')).toContain('A dog answers to its name.');

    expect(snapshot(outDir)).toEqual(snapshot(await fullBuild({ content })));
  }, 300_000);

  it('twice in a row, each time from the site the last one published', async () => {
    const { content, outDir } = await publishedSite();
    const include = path.join(content, 'includes', '_kittens.md');
    for (const sentence of ['Kittens sleep a lot.', 'Kittens also play.']) {
      fs.appendFileSync(include, `\n${sentence}\n`);
      const rebuilt = await astroBuild({ content, outDir });
      expect(rebuilt.status).toBe(0);
      expect(rebuilt.stdout).toMatch(QUICK);
    }
    expect(snapshot(outDir)).toEqual(snapshot(await fullBuild({ content })));
  }, 300_000);

  it('builds the whole site, saying why, when a heading changed', async () => {
    const { content, outDir } = await publishedSite();
    const include = path.join(content, 'includes', '_dogs.md');
    fs.writeFileSync(include, fs.readFileSync(include, 'utf8').replace('## Get All Dogs', '## Get Every Dog'));
    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).not.toMatch(QUICK);
    expect(rebuilt.stdout).toContain('a full build: the headings, ids, title, description or front matter of dogs.html changed.');
    // The heading's new id, in the page and in its TOC.
    const dogs = fs.readFileSync(path.join(outDir, 'dogs.html'), 'utf8');
    expect(dogs).toContain('<h2 id="get-every-dog">Get Every Dog</h2>');
    expect(dogs).toContain('href="#get-every-dog"');
  }, 300_000);

  it('builds the whole site when the front matter changed, or a page of the published site was changed by hand', async () => {
    const { content, outDir } = await publishedSite();
    const index = path.join(content, 'index.html.md');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('title: Split Fixture', 'title: Split Fixture, renamed'));
    const retitled = await astroBuild({ content, outDir });
    expect(retitled.status).toBe(0);
    expect(retitled.stdout).toMatch(/a full build: .* changed\./);
    expect(fs.readFileSync(path.join(outDir, 'dogs.html'), 'utf8')).toContain('Split Fixture, renamed');

    fs.appendFileSync(path.join(outDir, 'kittens.html'), '<!-- edited on the server -->');
    fs.appendFileSync(path.join(content, 'includes', '_dogs.md'), '\nDogs fetch.\n');
    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toContain(`a full build: ${path.join(outDir, 'kittens.html')} was changed or removed since Shale published it.`);
    expect(fs.readFileSync(path.join(outDir, 'kittens.html'), 'utf8')).not.toContain('edited on the server');
  }, 300_000);

  it('is off with quickRebuild: false', async () => {
    const { content, outDir } = await publishedSite();
    fs.appendFileSync(path.join(content, 'includes', '_dogs.md'), '\nDogs fetch.\n');
    const rebuilt = await astroBuild({ content, outDir, quickRebuild: false });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).not.toMatch(QUICK);
    expect(rebuilt.stdout).not.toContain('a full build:');
  }, 300_000);

  it('leaves the project’s generated content types as a full build wrote them', async () => {
    const { content, outDir } = await publishedSite();
    const types = path.join(ROOT, '.astro', 'content.d.ts');
    const written = fs.readFileSync(types, 'utf8');
    expect(written).toContain('"pages"');
    fs.appendFileSync(path.join(content, 'includes', '_dogs.md'), '\nDogs fetch.\n');
    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.stdout).toMatch(QUICK);
    expect(fs.readFileSync(types, 'utf8')).toBe(written);
  }, 300_000);
});
