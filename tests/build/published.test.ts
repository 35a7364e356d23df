import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContent } from '../support/temp-content';
import { astroBuild, tempDir, type BuildResult } from './support/build';

/**
 * A site made to be found: with its address (SHALE_SITE), canonical links, sitemap.xml and
 * robots.txt, under a base path; without it, none of them, and the build says so once. Every page
 * describes itself for search engines and link previews. tests/fixtures/split is split into pages.
 */
const SITE = 'https://docs.example.com';
let withSite: BuildResult;
let without: BuildResult;
let described: BuildResult;
let slateMeta: BuildResult;
let mdx: BuildResult;

/** The site's pages: its HTML files but the 404 page. */
const htmlFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('_astro') && file !== '404.html')
    .sort();
const head = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8').split('</head>')[0]!;
const attribute = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];

beforeAll(async () => {
  withSite = await astroBuild({
    content: 'tests/fixtures/split',
    outDir: tempDir('published-site'),
    base: '/docs/',
    site: `${SITE}/`,
    editUrl: 'https://github.com/org/repo/edit/main/docs',
  });
  without = await astroBuild({ content: 'tests/fixtures/split', outDir: tempDir('published-none') });
  described = await astroBuild({
    content: tempContent({ 'index.md': '---\ntitle: Pets\ndescription: Everything about pets, in one place.\n---\n# Pets\n\nThe first paragraph.\n' }),
    outDir: tempDir('published-described'),
  });
  slateMeta = await astroBuild({
    content: tempContent({
      'index.html.md': '---\ntitle: Pets\nmeta:\n  - name: description\n    content: Slate-style description.\n---\n# Pets\n\nThe first paragraph.\n',
    }),
    outDir: tempDir('published-slate-meta'),
  });
  mdx = await astroBuild({
    content: tempContent({
      'index.mdx':
        '---\ntitle: Pets\nlanguage_tabs:\n  - shell: cURL\n  - python\nincludes:\n  - owners\n---\nexport const Count = () => <strong>3</strong>;\n\n# Pets\n\n<aside class="notice">A note first.</aside>\n\nThere are <Count /> pets, all of them *friendly*.\n\nEach pet has a name and a kind.\n\n```shell\ncurl https://api.test/pets\n```\n\n```python\nrequests.get(\'https://api.test/pets\')\n```\n',
      'includes/_owners.mdx': '# Owners\n\nEvery pet has one.\n',
    }),
    outDir: tempDir('published-mdx'),
    editUrl: 'https://github.com/org/repo/edit/main/docs',
  });
  for (const build of [withSite, without, described, slateMeta, mdx])
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
}, 240_000);
afterAll(() => [withSite, without, described, slateMeta, mdx].forEach((build) => build && fs.rmSync(build.outDir, { recursive: true, force: true })));

describe('a site with its address', () => {
  it('lists every page in sitemap.xml, each page of a split set too, at its published address', () => {
    const sitemap = fs.readFileSync(path.join(withSite.outDir, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]).sort();
    const expected = htmlFiles(withSite.outDir)
      .map((file) => `${SITE}/docs/${file.replace(/(^|\/)index\.html$/, '$1')}`)
      .sort();
    expect(listed).toEqual(expected);
    expect(listed).toContain(`${SITE}/docs/kittens.html`);
    expect(listed).toContain(`${SITE}/docs/v3/`);
  });

  it('names the sitemap in robots.txt', () => {
    expect(fs.readFileSync(path.join(withSite.outDir, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/docs/sitemap.xml\n`);
  });

  it('gives every page a canonical link to its own address, and the same in og:url', () => {
    for (const file of htmlFiles(withSite.outDir)) {
      const html = head(withSite.outDir, file);
      const address = `${SITE}/docs/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      expect(attribute(html, /<link rel="canonical" href="([^"]+)">/), file).toBe(address);
      expect(attribute(html, /<meta property="og:url" content="([^"]+)">/), file).toBe(address);
    }
  });

  it('describes each page of a split set by its own first paragraph, with its own title in the cards', () => {
    const kittens = head(withSite.outDir, 'kittens.html');
    expect(attribute(kittens, /<meta name="description" content="([^"]+)">/)).toBe('Kittens are the smallest resource of the API.');
    expect(attribute(kittens, /<meta property="og:description" content="([^"]+)">/)).toBe('Kittens are the smallest resource of the API.');
    expect(attribute(kittens, /<meta property="og:title" content="([^"]+)">/)).toBe('Kittens – Split Fixture');
    expect(attribute(kittens, /<meta name="twitter:card" content="([^"]+)">/)).toBe('summary');
    const descriptions = htmlFiles(withSite.outDir).map((file) => attribute(head(withSite.outDir, file), /<meta name="description" content="([^"]+)">/));
    expect(descriptions.every((description) => description && description.length <= 161)).toBe(true);
    expect(new Set(descriptions).size).toBeGreaterThan(3);
  });
});

describe('llms.txt, for AI assistants', () => {
  it('has the docs’ title, a summary, and every page (split pages too) with its Markdown’s address and one-line description, in order', () => {
    const text = fs.readFileSync(path.join(withSite.outDir, 'llms.txt'), 'utf8');
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '# Split Fixture',
      '',
      '> Welcome to the split fixture. Its four h1 groups become four pages that still read as one.',
      '',
      '## Docs',
    ]);
    const links = lines.filter((line) => line.startsWith('- ['));
    expect(links.map((line) => /\]\(([^)]+)\)/.exec(line)![1])).toEqual([
      `${SITE}/docs/index.md`,
      `${SITE}/docs/kittens.md`,
      `${SITE}/docs/dogs.md`,
      `${SITE}/docs/errors.md`,
      `${SITE}/docs/v2.md`,
      `${SITE}/docs/v3/index.md`,
      `${SITE}/docs/v3/kittens.md`,
      `${SITE}/docs/llms-full.txt`,
    ]);
    expect(links[1]).toBe(`- [Kittens – Split Fixture](${SITE}/docs/kittens.md): Kittens are the smallest resource of the API.`);
  });

  it('links from the site root without the site’s address', () => {
    expect(fs.readFileSync(path.join(without.outDir, 'llms.txt'), 'utf8')).toContain('- [Kittens – Split Fixture](/kittens.md): ');
  });
});

describe('each page as Markdown', () => {
  it('is beside every page, split pages too, and linked from its head as the alternate form', () => {
    for (const file of htmlFiles(withSite.outDir)) {
      const markdown = file.replace(/\.html$/, '.md');
      expect(fs.existsSync(path.join(withSite.outDir, markdown)), markdown).toBe(true);
      expect(attribute(head(withSite.outDir, file), /<link rel="alternate" type="text\/markdown" href="([^"]+)"/), file).toBe(`/docs/${markdown}`);
    }
    expect(fs.existsSync(path.join(withSite.outDir, '404.md'))).toBe(false);
  });

  it("holds the page's prose, tables and every code sample under its language, and none of its controls", () => {
    const kittens = fs.readFileSync(path.join(withSite.outDir, 'kittens.md'), 'utf8');
    expect(kittens).toMatch(/^# Kittens\n\nKittens are the smallest resource of the API\.\n/);
    expect(kittens).toContain('## Get All Kittens\n\nReturns every kitten, newest first.');
    expect(kittens).toContain('```shell\ncurl https://api.example.test/v1/kittens -H "Authorization: meowmeow"\n```');
    expect(kittens).toContain('```ruby\napi.kittens.get\n```');
    expect(kittens).toContain('```json\n[{ "id": 1, "name": "Fluffums", "breed": "calico" }]\n```');
    expect(kittens).toContain('| Parameter | Default | Description |\n| --- | --- | --- |\n| include_cats | false | Also returns cats. |');
    // The Edit links, Copy buttons and the pager are the page's controls, not its text.
    expect(kittens).not.toMatch(/\bEdit\b|\bCopy\b|Previous|Next page/);
  });

  it('of an MDX page shows what its components rendered, with each tab’s name', () => {
    const markdown = fs.readFileSync(path.join(mdx.outDir, 'index.md'), 'utf8');
    expect(markdown).toContain('There are **3** pets, all of them _friendly_.');
    expect(markdown).toContain('> **Note:** A note first.');
    expect(markdown).toContain('```shell title="cURL"\ncurl https://api.test/pets\n```');
    expect(markdown).toContain("```python\nrequests.get('https://api.test/pets')\n```");
  });

  it('is all in llms-full.txt, page after page in llms.txt’s order, each after its address', () => {
    const full = fs.readFileSync(path.join(withSite.outDir, 'llms-full.txt'), 'utf8');
    expect(full.startsWith('# Split Fixture\n\n> Welcome to the split fixture.')).toBe(true);
    const sources = [...full.matchAll(/^Source: (.+)$/gm)].map((match) => match[1]);
    expect(sources).toEqual([
      `${SITE}/docs/`,
      `${SITE}/docs/kittens.html`,
      `${SITE}/docs/dogs.html`,
      `${SITE}/docs/errors.html`,
      `${SITE}/docs/v2.html`,
      `${SITE}/docs/v3/`,
      `${SITE}/docs/v3/kittens.html`,
    ]);
    expect(full).toContain(fs.readFileSync(path.join(withSite.outDir, 'kittens.md'), 'utf8'));
  });
});

describe('the 404 page', () => {
  it('links only by absolute addresses under the base path (it is served at any address), to every h1 of the split doc', () => {
    const html = fs.readFileSync(path.join(withSite.outDir, '404.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.filter((href) => !href.startsWith('/docs/') && href !== '#content')).toEqual([]);
    expect(hrefs).toEqual(expect.arrayContaining(['/docs/#introduction', '/docs/kittens.html#kittens', '/docs/errors.html#errors', '/docs/']));
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('rel="canonical"');
    expect(fs.readFileSync(path.join(withSite.outDir, 'sitemap.xml'), 'utf8')).not.toContain('404');
  });
});

describe('Edit links (SHALE_EDIT_URL)', () => {
  const editLinks = (dir: string, file: string) =>
    [
      ...fs
        .readFileSync(path.join(dir, file), 'utf8')
        .matchAll(
          /<h[1-3] id="([^"]+)"[^>]*>.*?<\/h[1-3]><a class="edit-link" href="([^"]+)" rel="noopener">Edit<span class="sr-only"> “([^”]*)”<\/span><\/a>/g,
        ),
    ].map((match) => [match[1], match[2], match[3]]);

  it('follow every section heading and lead to the file it is written in: the include, not the page', () => {
    const EDIT = 'https://github.com/org/repo/edit/main/docs/';
    expect(editLinks(withSite.outDir, 'kittens.html')[0]).toEqual(['kittens', `${EDIT}includes/_kittens.md`, 'Kittens']);
    expect(editLinks(withSite.outDir, 'index.html')[0]).toEqual(['introduction', `${EDIT}index.html.md`, 'Introduction']);
    const headings = fs.readFileSync(path.join(withSite.outDir, 'kittens.html'), 'utf8').match(/<h[1-3] id=/g)!.length;
    expect(editLinks(withSite.outDir, 'kittens.html')).toHaveLength(headings);
  });

  it('follow the headings of an MDX page too, each to its own file', () => {
    const EDIT = 'https://github.com/org/repo/edit/main/docs/';
    expect(editLinks(mdx.outDir, 'index.html')).toEqual([
      ['pets', `${EDIT}index.mdx`, 'Pets'],
      ['owners', `${EDIT}includes/_owners.mdx`, 'Owners'],
    ]);
  });

  it('are left out without the option', () => {
    expect(fs.readFileSync(path.join(without.outDir, 'kittens.html'), 'utf8')).not.toContain('edit-link');
  });
});

describe('a site without its address', () => {
  it('has no sitemap, robots.txt or canonical link, and the build says so once', () => {
    expect(fs.existsSync(path.join(without.outDir, 'sitemap.xml'))).toBe(false);
    expect(fs.existsSync(path.join(without.outDir, 'robots.txt'))).toBe(false);
    expect(head(without.outDir, 'index.html')).not.toContain('rel="canonical"');
    expect((without.stdout + without.stderr).match(/no site address: canonical links, sitemap\.xml and robots\.txt are left out/g)).toHaveLength(1);
  });
});

describe('an MDX page without a description', () => {
  it('is described by its first paragraph of prose: not a note, nor one whose component renders only later', () => {
    expect(attribute(head(mdx.outDir, 'index.html'), /<meta name="description" content="([^"]+)">/)).toBe('Each pet has a name and a kind.');
  });
});

describe('a page with a description in its front matter', () => {
  it('is described by it, not by its first paragraph', () => {
    const html = head(described.outDir, 'index.html');
    expect(attribute(html, /<meta name="description" content="([^"]+)">/)).toBe('Everything about pets, in one place.');
  });

  it("is Slate's `meta` description when that is how it was written: one description tag, and the cards say the same", () => {
    const html = head(slateMeta.outDir, 'index.html');
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    expect(attribute(html, /<meta name="description" content="([^"]+)">/)).toBe('Slate-style description.');
    expect(attribute(html, /<meta property="og:description" content="([^"]+)">/)).toBe('Slate-style description.');
  });
});
