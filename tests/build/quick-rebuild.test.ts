import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, astroBuild, snapshot, tempDir, type BuildOptions } from './support/build';
import { parse } from 'yaml';

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

const inodes = (dir: string, extension = '.html'): Map<string, number> =>
  new Map(
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith(extension))
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
    const markdownBefore = inodes(outDir, '.md');
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
    // The search index and the page's Markdown follow the edit; the other pages' Markdown is linked too.
    expect(fs.readFileSync(path.join(outDir, 'dogs.md'), 'utf8')).toContain('A dog answers to its name.');
    const markdownKept = [...inodes(outDir, '.md')].filter(([file, inode]) => markdownBefore.get(file) === inode).map(([file]) => file);
    expect(markdownKept.sort()).toEqual([...markdownBefore.keys()].filter((file) => file !== 'dogs.md').sort());
    expect(fs.readFileSync(path.join(outDir, 'llms-full.txt'), 'utf8')).toContain('A dog answers to its name.');

    expect(snapshot(outDir)).toEqual(snapshot(await fullBuild({ content })));
  }, 300_000);

  it('writes again a page’s Markdown that was changed by hand since it was published', async () => {
    const { content, outDir } = await publishedSite();
    fs.appendFileSync(path.join(outDir, 'errors.md'), '\nEdited on the server.\n');
    fs.appendFileSync(path.join(content, 'includes', '_dogs.md'), '\nDogs fetch.\n');
    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(QUICK);
    expect(fs.readFileSync(path.join(outDir, 'errors.md'), 'utf8')).not.toContain('Edited on the server.');
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

  it('after a heading renamed, rewrites the TOC of every page that lists it, the 404 page’s and the moved-anchor map, as a full build does', async () => {
    const { content, outDir } = await publishedSite();
    const before = inodes(outDir);
    const dogs = path.join(content, 'includes', '_dogs.md');
    fs.writeFileSync(dogs, fs.readFileSync(dogs, 'utf8').replace('## Get All Dogs', '## Get Every Dog'));
    // An h2 of the first page (the 404 page shows the first page's TOC), and the links to it, one on another page.
    for (const file of [path.join(content, 'index.html.md'), path.join(content, 'includes', '_errors.md')])
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace('## Authentication', '## Authenticating').replaceAll('(#authentication)', '(#authenticating)'),
      );

    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    const [, rewritten] = QUICK.exec(rebuilt.stdout) ?? [];
    expect(rewritten).toBe('3');
    // The heading's new id, in the page and in its TOC; the old id's redirect leads nowhere now.
    const page = fs.readFileSync(path.join(outDir, 'dogs.html'), 'utf8');
    expect(page).toContain('<h2 id="get-every-dog">Get Every Dog</h2>');
    expect(page).toContain('href="#get-every-dog"');
    expect(fs.readFileSync(path.join(outDir, '404.html'), 'utf8')).toContain('href="/#authenticating"');
    const anchors = fs
      .readdirSync(path.join(outDir, 'shale', 'anchors'))
      .map((file) => JSON.parse(fs.readFileSync(path.join(outDir, 'shale', 'anchors', file), 'utf8')) as Record<string, Record<string, string>>);
    expect(anchors.some((map) => map['index.html']?.['get-every-dog'] === 'dogs.html')).toBe(true);
    expect(anchors.some((map) => map['index.html']?.['get-all-dogs'])).toBe(false);
    // Pages whose TOC and body did not change are the published files, linked.
    const after = inodes(outDir);
    const written = [...after].filter(([file, inode]) => before.get(file) !== inode).map(([file]) => file);
    expect(written.sort()).toEqual(['404.html', 'dogs.html', 'errors.html', 'index.html']);

    expect(snapshot(outDir)).toEqual(snapshot(await fullBuild({ content })));
  }, 300_000);

  it("after the first h2 and paragraph of a page continuing an h1 group changed (its title and description), puts them in its head and its neighbours' pagers, as a full build does", async () => {
    // An h1 group of about 450 KB: it continues on three or four pages, each named by its first h2.
    const words = 'the schema of a webhook payload lists every property with its type and meaning '.repeat(35);
    const sections = Array.from({ length: 150 }, (_, index) => `## Schema ${index + 1}\n\n${words}\n\n\`\`\`json\n{ "id": ${index} }\n\`\`\`\n`).join('\n');
    const content = tempDir('quick-continuing');
    fs.mkdirSync(path.join(content, 'includes'));
    fs.writeFileSync(path.join(content, 'index.md'), '---\ntitle: Big API\nsearch: true\nsplit: h1\nincludes:\n  - schemas\n---\n# Introduction\n\nWelcome.\n');
    fs.writeFileSync(path.join(content, 'includes', '_schemas.md'), `# Schemas\n\n${sections}`);
    const outDir = tempDir('quick-continuing-out');
    expect((await astroBuild({ content, outDir })).status).toBe(0);
    const second = fs.readFileSync(path.join(outDir, 'schemas-2.html'), 'utf8');
    const first = /<title>Schemas: Schema (\d+) – Big API<\/title>/.exec(second)?.[1];
    expect(first).toBeDefined();

    // Its first h2 and first paragraph, with characters the head escapes.
    const file = path.join(content, 'includes', '_schemas.md');
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf(`## Schema ${first}\n`);
    const edited = `${text.slice(0, start)}## Schema ${first} & "friends"\n\nThe <first> & "only" ${text.slice(start + `## Schema ${first}\n\n`.length)}`;
    fs.writeFileSync(file, edited);
    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(QUICK);
    const page = fs.readFileSync(path.join(outDir, 'schemas-2.html'), 'utf8');
    expect(page).toContain(`<title>Schemas: Schema ${first} &amp; &quot;friends&quot; – Big API</title>`);
    expect(fs.readFileSync(path.join(outDir, 'schemas.html'), 'utf8')).toContain(`Schema ${first} &amp; &quot;friends&quot;</span>`);
    expect(fs.readFileSync(path.join(outDir, 'llms.txt'), 'utf8')).toContain(`Schema ${first} & "friends"`);
    expect(snapshot(outDir)).toEqual(snapshot(await fullBuild({ content })));
  }, 300_000);

  it('builds the whole site, saying why, when an h1 changed (the next and previous pages are named by it)', async () => {
    const { content, outDir } = await publishedSite();
    // The first page's h1 (the others' is their group's title, part of their data): its path stays, its name changes.
    const index = path.join(content, 'index.html.md');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('# Introduction', '# Overview'));
    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).not.toMatch(QUICK);
    expect(rebuilt.stdout).toContain('a full build: the front matter, first h1 or place in its set of index.html changed.');
    // The next page's pager names it.
    expect(fs.readFileSync(path.join(outDir, 'kittens.html'), 'utf8')).toMatch(/Overview/);
  }, 300_000);

  it('after an edit to a spec that a Markdown page names, rewrites that page (its body and its TOC), as a full build does', async () => {
    const content = tempDir('quick-spec');
    fs.cpSync(path.join(ROOT, 'tests/fixtures/openapi'), content, { recursive: true });
    const outDir = tempDir('quick-spec-out');
    expect((await astroBuild({ content, outDir })).status).toBe(0);
    const spec = path.join(content, 'specs', 'kennel.yaml');
    fs.writeFileSync(
      spec,
      fs
        .readFileSync(spec, 'utf8')
        .replace('summary: List dogs', 'summary: List every dog')
        .replace('Only dogs of this breed.', 'Only dogs of this one breed.'),
    );

    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(QUICK);
    const page = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(page).toContain('id="list-every-dog"');
    expect(page).toContain('href="#list-every-dog"');
    expect(page).toContain('Only dogs of this one breed.');
    expect(snapshot(outDir)).toEqual(snapshot(await fullBuild({ content })));
  }, 300_000);

  it('after an edit to the texts of a JSON spec (compiled from what the last build kept, its checks standing), as a full build does', async () => {
    const content = tempDir('quick-json-spec');
    fs.cpSync(path.join(ROOT, 'tests/fixtures/openapi'), content, { recursive: true });
    // The same spec as JSON, one member a line, as large specs are published.
    const yamlSpec = path.join(content, 'specs', 'kennel.yaml');
    const spec = path.join(content, 'specs', 'kennel.json');
    fs.writeFileSync(spec, JSON.stringify(parse(fs.readFileSync(yamlSpec, 'utf8')), null, 2));
    fs.rmSync(yamlSpec);
    const index = path.join(content, 'index.md');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('openapi: specs/kennel.yaml', 'openapi: specs/kennel.json'));
    const outDir = tempDir('quick-json-spec-out');
    const first = await astroBuild({ content, outDir });
    expect(first.status).toBe(0);
    const text = fs.readFileSync(spec, 'utf8');
    const edited = text.replace('"summary": "List dogs"', '"summary": "List every dog"').replace('Only dogs of this breed.', 'Only dogs of this one breed.');
    expect(edited).not.toBe(text);
    fs.writeFileSync(spec, edited);

    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(QUICK);
    expect(rebuilt.stdout.match(/warning/g)?.length).toBe(first.stdout.match(/warning/g)?.length);
    const page = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(page).toContain('id="list-every-dog"');
    expect(page).toContain('Only dogs of this one breed.');
    // Built with caches of its own: the spec read, checked and compiled in full.
    expect(snapshot(outDir)).toEqual(snapshot(await fullBuild({ content, workDir: tempDir('quick-json-spec-work') })));
  }, 300_000);

  it('builds the whole site when a spec that an MDX page pulls in changed (its text is the MDX page’s)', async () => {
    const content = tempDir('quick-spec-mdx');
    fs.cpSync(path.join(ROOT, 'tests/fixtures/openapi/specs'), path.join(content, 'specs'), { recursive: true });
    fs.writeFileSync(
      path.join(content, 'index.mdx'),
      ['---', 'title: Guide', '---', '', '# Adopting', '', '<Operation spec="specs/kennel.yaml" id="listDogs" />', ''].join('\n'),
    );
    const outDir = tempDir('quick-spec-mdx-out');
    expect((await astroBuild({ content, outDir })).status).toBe(0);
    const spec = path.join(content, 'specs', 'kennel.yaml');
    fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace('Only dogs of this breed.', 'Only dogs of this one breed.'));

    const rebuilt = await astroBuild({ content, outDir });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toContain('a full build: the MDX page index.html changed.');
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('Only dogs of this one breed.');
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
