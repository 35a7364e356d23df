import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, hasStackTrace, reportOf, tempDir, type BuildResult } from './support/build';
import { classes, countBy, hasClass, is, readPage, text, type BuiltPage } from './support/html';

/**
 * tests/fixtures/slate-compat is a small Slate source written for Shale's tests: display-name
 * tabs, a lang--suffix tab, includes in subfolders (with and without the underscore), non-Latin
 * and repeated headings, images, and two more pages (`v2.html.md`, `v3/index.html.md`). It is
 * built once, under a base path, and every test reads that build.
 */
const FIXTURE = 'tests/fixtures/slate-compat';
let build: BuildResult;
let index: BuiltPage;

beforeAll(async () => {
  build = await astroBuild({ content: FIXTURE, outDir: tempDir('compat'), base: '/docs/' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  index = readPage(path.join(build.outDir, 'index.html'));
});
afterAll(() => fs.rmSync(build.outDir, { recursive: true, force: true }));

describe('a Slate source builds unchanged and renders as Slate would', () => {
  it('builds with only the warning Slate deserved (an unknown fence language, shown as text)', () => {
    expect(hasStackTrace(build.stdout + build.stderr)).toBe(false);
    expect(reportOf(build.stdout)).toBe(`⚠ Found 1 warning in 1 file

${FIXTURE}/includes/reference/status.md
  ⚠ ${FIXTURE}/includes/reference/status.md:5  code fence language "response" is unknown; it is shown as plain text, as in Slate. Fix: use a language shiki knows, or \`text\`.`);
  });

  it("gives headings Slate's ids: SHA1 for non-Latin text, -2/-3 for repeats, unique across includes", () => {
    expect(index.headingIds()).toEqual([
      'introduction',
      'widgets',
      'parameters',
      'http-request',
      '6b49ee5b05', // SHA1("Привет мир")
      'c12140a0ff', // SHA1("日本語")
      'foo',
      'foo-2',
      'foo-2-2', // Slate repeated foo-2 here ("# Foo 2"): the later one gets a free id
      'widget-api',
      'parameters-2', // Slate gave this include's heading "parameters" again (slate#952)
      'http-request-2',
      'status',
      'http-request-3',
      'errors',
    ]);
  });

  it("builds the TOC from h1 and h2 of the page and its includes, in order, and an h3 right under an h1 as one of its entries (Slate's toc_data)", () => {
    expect(index.toc()).toEqual([
      { entry: 'Introduction#introduction', children: [] },
      { entry: 'Widgets#widgets', children: ['Parameters#parameters'] },
      { entry: 'Привет мир#6b49ee5b05', children: ['日本語#c12140a0ff'] },
      { entry: 'Foo#foo', children: [] },
      { entry: 'Foo#foo-2', children: [] },
      { entry: 'Foo 2#foo-2-2', children: [] },
      { entry: 'Widget API#widget-api', children: ['Parameters#parameters-2'] },
      { entry: 'Status#status', children: ['HTTP Request#http-request-3'] },
      { entry: 'Errors#errors', children: [] },
    ]);
  });

  it('labels tabs with their display names, lang--suffix included', () => {
    expect(index.tabs()).toEqual([
      { key: 'shell', label: 'cURL' },
      { key: 'ruby', label: 'Ruby' },
      { key: 'ruby--v2', label: 'Ruby v2' },
      { key: 'python', label: 'python' },
    ]);
  });

  it('puts each fence under its tab (aliases joined, ruby--v2 its own), json and unknown fences under every tab', () => {
    expect(index.codeBlocks()).toEqual([
      { language: 'bash', tab: 'shell' },
      { language: 'ruby', tab: 'ruby' },
      { language: 'ruby', tab: 'ruby--v2' },
      { language: 'py', tab: 'python' },
      { language: 'json', tab: '' },
      { language: 'response', tab: '' },
    ]);
  });

  it('puts code and blockquotes in the code column, asides and tables in the prose', () => {
    const examples = index.all((e) => hasClass(e, 'examples'), index.main());
    expect(examples.flatMap((column) => index.all(is('blockquote'), column)).map(text)).toEqual([
      'To list widgets, use this code:',
      'The above command returns JSON structured like this:',
    ]);
    const prose = index.all((e) => hasClass(e, 'prose'), index.main());
    const inProse = (tag: string) => prose.flatMap((column) => index.all(is(tag), column));
    expect(inProse('aside').map((aside) => classes(aside).join(' '))).toEqual(['notice', 'success', 'warning']);
    expect(inProse('table')).toHaveLength(2);
    expect(inProse('blockquote')).toHaveLength(0);
    expect(inProse('pre')).toHaveLength(0);
  });

  it("keeps Slate's Markdown settings: no smart quotes or dashes, strikethrough, no intra-word emphasis, no indented code", () => {
    const [, settings, indented] = index.all(is('p'), index.main());
    expect(text(settings!)).toBe('Slate\'s Markdown: "quotes" stay, -- stays, old new, snake_case_name and foo*bar*baz stay as written.');
    expect(index.all(is('del'), settings!).map(text)).toEqual(['old']);
    expect(index.all((e) => e.tagName === 'em' || e.tagName === 'strong', settings!)).toHaveLength(0);
    expect(text(indented!)).toBe('Indented text is a paragraph, not code.');
    const errors = index.all(is('td'), index.main()).map(text);
    expect(errors).toContain('Bad Request -- Your request is invalid.');
  });

  it('passes raw HTML through and marks lang-specific elements with their tabs', () => {
    const [specific] = index.all((e) => hasClass(e, 'lang-specific'));
    expect(classes(specific!)).toEqual(['lang-specific', 'ruby', 'ruby--v2', 'tab-1', 'tab-2']);
    expect(text(specific!)).toBe('Only for Ruby readers.');
    expect(index.all(is('code'), index.main()).map(text)).toContain('GET https://api.example.com/widgets/<ID>');
  });
});

describe('images beside the source are served at the paths the Markdown uses, under the base path', () => {
  it('serves relative and root-absolute images from the content folder', () => {
    const sources = index.all(is('img'), index.main()).map((img) => String(img.properties.src));
    expect(sources).toEqual(['/docs/images/logo.png', '/docs/images/logo.png']);
    expect(fs.readFileSync(path.join(build.outDir, 'images', 'logo.png'))).toEqual(fs.readFileSync(path.join(FIXTURE, 'images', 'logo.png')));
  });

  it('resolves a relative image of a page in a subfolder from the source root, as Middleman does', () => {
    const v3 = readPage(path.join(build.outDir, 'v3', 'index.html'));
    expect(v3.all(is('img'), v3.main()).map((img) => String(img.properties.src))).toEqual(['/docs/images/logo.png']);
  });
});

describe('other pages of the source are their own three-column pages', () => {
  it('builds v2.html.md at v2.html and v3/index.html.md at v3/index.html, and no other page', () => {
    const pages = (fs.readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.html')).sort();
    expect(pages).toEqual(['404.html', 'index.html', 'v2.html', path.join('v3', 'index.html')]);
  });

  it('gives each page its own front matter: title, tabs and TOC', () => {
    const v2 = readPage(path.join(build.outDir, 'v2.html'));
    expect(text(v2.all(is('title'))[0]!)).toBe('Compat v2');
    expect(v2.tabs()).toEqual([{ key: 'javascript', label: 'Node' }]);
    expect(v2.codeBlocks()).toEqual([{ language: 'js', tab: 'javascript' }]);
    expect(v2.toc()).toEqual([
      { entry: 'Version 2#version-2', children: [] },
      { entry: 'Errors#errors', children: [] },
    ]);
  });

  it("resolves a subfolder page's includes beside it first, then from the source root", () => {
    const v3 = readPage(path.join(build.outDir, 'v3', 'index.html'));
    expect(text(v3.all(is('title'))[0]!)).toBe('Compat v3');
    expect(v3.toc().map((group) => group.entry)).toEqual(['Version 3#version-3', 'Changes in v3#changes-in-v3', 'Errors#errors']);
  });

  it('links every page to its scripts, styles and logo under the base path, and its logo to the start of its own doc', () => {
    for (const [file, home] of <Array<[string, string]>>[
      ['index.html', './'],
      ['v2.html', 'v2.html'],
      ['v3/index.html', './'],
    ]) {
      const page = readPage(path.join(build.outDir, file));
      const urls = [
        ...page.all((e) => e.tagName === 'script' && typeof e.properties.src === 'string').map((e) => String(e.properties.src)),
        ...page.all((e) => e.tagName === 'link' && typeof e.properties.href === 'string').map((e) => String(e.properties.href)),
      ];
      expect(urls.length, file).toBeGreaterThan(1);
      for (const url of urls) expect(url, file).toMatch(/^\/docs\//);
      // Slate's images/logo.png shows at the top of the navigation, named by the doc's title, in place of the title.
      const logo = page.all((e) => hasClass(e, 'site-logo'));
      expect(
        logo.map((e) => e.properties.href),
        file,
      ).toEqual([home]);
      expect(
        page.all((e) => e.tagName === 'img', logo[0]).map((e) => [e.properties.src, e.properties.alt]),
        file,
      ).toEqual([['/docs/images/logo.png', text(page.all(is('title'))[0]!)]]);
      expect(
        page.all((e) => hasClass(e, 'site-title')),
        file,
      ).toEqual([]);
    }
  });

  it('lays every page out in three columns: navigation, prose, code', () => {
    for (const file of ['index.html', 'v2.html', 'v3/index.html']) {
      const page = readPage(path.join(build.outDir, file));
      expect(
        page.all((e) => e.tagName === 'nav' && e.properties.ariaLabel === 'Table of contents'),
        file,
      ).toHaveLength(1);
      expect(page.all((e) => hasClass(e, 'prose'), page.main()).length, file).toBeGreaterThan(0);
      expect(page.all((e) => hasClass(e, 'examples'), page.main()).length, file).toBeGreaterThan(0);
      expect(
        page.all((e) => e.properties.role === 'tablist'),
        file,
      ).toHaveLength(1);
    }
  });
});

describe('counting tabs', () => {
  it('has one block per tab in the Widgets section and one untabbed json block', () => {
    expect(countBy(index.codeBlocks(), (block) => block.tab)).toEqual({ shell: 1, ruby: 1, 'ruby--v2': 1, python: 1, '': 2 });
  });
});
