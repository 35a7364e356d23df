import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus';
import { ANCHOR_SHARDS, anchorShard } from '../../src/content/anchor-shards';
import { astroBuild, tempDir, type BuildResult } from './support/build';
import { tempContent } from '../support/temp-content';
import { hasClass, readDocs, readPage, text, type BuiltPage } from './support/html';

// tests/fixtures/split: a Slate page with `split: h1` (intro in the page, three includes with an h1
// each); v2.html.md, a small page without `split` that stays one page; v3/index.html.md, a second
// split page in a subfolder, whose second page has an id (`kittens`) the first set has too.

const SET = ['index.html', 'kittens.html', 'dogs.html', 'errors.html'];

/** The hrefs of the links of the content whose href has a `#`, in order. */
const hashLinks = (page: BuiltPage) =>
  page.all((e) => e.tagName === 'a' && String(e.properties.href ?? '').includes('#'), page.main()).map((e) => String(e.properties.href));
const title = (page: BuiltPage) => text(page.all((e) => e.tagName === 'title')[0]!);
const pager = (page: BuiltPage) =>
  page
    .all((e) => e.tagName === 'nav' && hasClass(e, 'pager'))
    .flatMap((nav) =>
      page
        .all((e) => e.tagName === 'a', nav)
        .map((a: Element) => `${a.properties.rel}:${a.properties.href}:${text(page.all((e) => hasClass(e, 'pager-title'), a)[0]!)}`),
    );
const footers = (page: BuiltPage) =>
  page
    .all((e) => e.tagName === 'ul' && hasClass(e, 'toc-footer'))
    .flatMap((list) => page.all((e) => e.tagName === 'a', list).map((a) => String(a.properties.href)));

describe('a page with split: h1', () => {
  let build: BuildResult;
  let pages: Record<string, BuiltPage>;
  const out = tempDir('split-out');
  beforeAll(async () => {
    build = await astroBuild({ content: 'tests/fixtures/split', outDir: out });
    pages = Object.fromEntries(
      [...SET, 'v2.html', 'v3/index.html', 'v3/kittens.html']
        .filter((file) => fs.existsSync(path.join(out, file)))
        .map((file) => [file, readPage(path.join(out, file))]),
    );
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('builds without problems', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it('becomes one page per h1 group: the first at the page’s path, the others named after their h1', () => {
    const html = fs
      .readdirSync(out)
      .filter((file) => file.endsWith('.html'))
      .sort();
    expect(html).toEqual(['404.html', 'dogs.html', 'errors.html', 'index.html', 'kittens.html', 'v2.html']);
    expect(SET.map((file) => pages[file]!.headingIds())).toEqual([
      ['introduction', 'authentication'],
      ['kittens', 'get-all-kittens', 'query-parameters', 'get-a-specific-kitten'],
      ['dogs', 'get-all-dogs', 'walk-a-dog'],
      ['errors', 'error-codes', 'rate-limits'],
    ]);
  });

  it('gives every page the whole layout: tabs, search box, footers, code in both languages', () => {
    for (const file of SET) {
      const page = pages[file]!;
      expect(
        page.tabs().map((tab) => tab.key),
        file,
      ).toEqual(['shell', 'ruby']);
      expect(
        page.all((e) => e.tagName === 'shale-search'),
        file,
      ).toHaveLength(1);
      expect(footers(page), file).toHaveLength(2);
    }
    expect(pages['dogs.html']!.codeBlocks()).toEqual([
      { language: 'shell', tab: 'shell' },
      { language: 'ruby', tab: 'ruby' },
      { language: 'shell', tab: 'shell' },
      { language: 'ruby', tab: 'ruby' },
    ]);
  });

  it('lists every h1 of the set in each page’s TOC, with the h2s of that page only', () => {
    const h1s = (current: string) =>
      ['Introduction#introduction', 'Kittens#kittens', 'Dogs#dogs', 'Errors#errors'].map((entry) => ({
        entry,
        children: entry === current ? expect.any(Array) : [],
      }));
    expect(pages['index.html']!.toc()).toEqual(h1s('Introduction#introduction'));
    expect(pages['kittens.html']!.toc()).toEqual(h1s('Kittens#kittens'));
    expect(pages['kittens.html']!.toc()[1]!.children).toEqual(['Get All Kittens#get-all-kittens', 'Get a Specific Kitten#get-a-specific-kitten']);
    expect(pages['errors.html']!.toc()[3]!.children).toEqual(['Error Codes#error-codes', 'Rate Limits#rate-limits']);
    // The TOC links each h1 to its own page; the current page's entries stay in-page.
    const hrefs = (file: string) => pages[file]!.all((e) => e.tagName === 'a' && hasClass(e, 'toc-h1')).map((a) => String(a.properties.href));
    expect(hrefs('index.html')).toEqual(['#introduction', 'kittens.html#kittens', 'dogs.html#dogs', 'errors.html#errors']);
    expect(hrefs('dogs.html')).toEqual(['./#introduction', 'kittens.html#kittens', '#dogs', 'errors.html#errors']);
  });

  it('reads as one page: every section once, in order, and a TOC of the whole set', () => {
    const docs = readDocs(out);
    expect(docs.headingIds()).toEqual(SET.flatMap((file) => pages[file]!.headingIds()));
    expect(docs.toc().map((group) => [group.entry, group.children.length])).toEqual([
      ['Introduction#introduction', 1],
      ['Kittens#kittens', 2],
      ['Dogs#dogs', 2],
      ['Errors#errors', 2],
    ]);
  });

  it('ends each page with links to the previous and next page', () => {
    expect(SET.map((file) => pager(pages[file]!))).toEqual([
      ['next:kittens.html:Kittens'],
      ['prev:./:Introduction', 'next:dogs.html:Dogs'],
      ['prev:kittens.html:Kittens', 'next:errors.html:Errors'],
      ['prev:dogs.html:Dogs'],
    ]);
    // The pager is the last thing in the content.
    for (const file of SET) {
      const last = pages[file]!.main()
        .children.filter((node): node is Element => node.type === 'element')
        .at(-1);
      expect(last && hasClass(last, 'pager'), file).toBe(true);
    }
  });

  it('links the title in the navigation to the start of its own doc, from every page of a set', () => {
    const home = (file: string) => pages[file]!.all((e) => hasClass(e, 'site-title')).map((e) => e.properties.href);
    for (const file of [...SET, 'v3/index.html', 'v3/kittens.html']) expect(home(file), file).toEqual(['./']);
    expect(home('v2.html')).toEqual(['v2.html']);
  });

  it('titles the pages after the first “H1 – Title”', () => {
    expect(SET.map((file) => title(pages[file]!))).toEqual(['Split Fixture', 'Kittens – Split Fixture', 'Dogs – Split Fixture', 'Errors – Split Fixture']);
  });

  it('points #links whose target moved to another page of the set at that page', () => {
    expect(hashLinks(pages['index.html']!)).toEqual(['#authentication', 'kittens.html#get-all-kittens', 'errors.html#error-codes']);
    expect(hashLinks(pages['kittens.html']!)).toEqual(['errors.html#error-codes']);
    expect(hashLinks(pages['dogs.html']!)).toEqual(['#get-all-dogs']);
    expect(hashLinks(pages['errors.html']!)).toEqual(['./#authentication', 'dogs.html#walk-a-dog']);
  });

  it('points the toc_footers #links of each page at the page that holds their target', () => {
    expect(SET.map((file) => footers(pages[file]!))).toEqual([
      ['errors.html#error-codes', '#introduction'],
      ['errors.html#error-codes', './#introduction'],
      ['errors.html#error-codes', './#introduction'],
      ['#error-codes', './#introduction'],
    ]);
  });

  it('writes the moved-anchor map: every heading id (and other id) of each set, in its shard, names its page in that set', () => {
    const shards = Array.from({ length: ANCHOR_SHARDS }, (_, shard) =>
      JSON.parse(fs.readFileSync(path.join(out, 'shale', 'anchors', `${shard}.json`), 'utf8')),
    );
    const sets = { 'index.html': SET, 'v3/index.html': ['v3/index.html', 'v3/kittens.html'] };
    const expected = Object.entries(sets).flatMap(([source, files]) =>
      files.flatMap((file) => pages[file]!.headingIds().map((id) => [source, id, file] as const)),
    );
    for (const [source, id, file] of expected) expect(shards[anchorShard(id)]?.[source]?.[id], `${source} ${id}`).toBe(file);
    // The same id in two sets: each set keeps its own page.
    expect(shards[anchorShard('kittens')]['v3/index.html'].kittens).toBe('v3/kittens.html');
    expect(shards[anchorShard('kittens')]['index.html'].kittens).toBe('kittens.html');
    // An id that is not a heading's (Widdershins writes `<a id="opId…">` beside each operation) moves too.
    expect(shards[anchorShard('opIdgetKitten')]['index.html'].opIdgetKitten).toBe('kittens.html');
    // Nothing else: the small page is not in it.
    const listed = shards.flatMap((shard) =>
      Object.entries(shard as Record<string, Record<string, string>>).flatMap(([source, ids]) => Object.keys(ids).map((id) => `${source} ${id}`)),
    );
    expect(listed.sort()).toEqual([...expected.map(([source, id]) => `${source} ${id}`), 'index.html opIdgetKitten'].sort());
  });

  it('splits a page in a subfolder into pages beside it', () => {
    expect(fs.readdirSync(path.join(out, 'v3')).sort()).toEqual(['index.html', 'index.md', 'kittens.html', 'kittens.md']);
    expect(pages['v3/kittens.html']!.toc()).toEqual([
      { entry: 'Version Three#version-three', children: [] },
      { entry: 'Kittens#kittens', children: ['Adopt a Kitten#adopt-a-kitten'] },
    ]);
    expect(pager(pages['v3/kittens.html']!)).toEqual(['prev:./:Version Three']);
    expect(pages['v3/index.html']!.main().properties.dataAnchorSet).toBe('v3/index.html');
    expect(pages['kittens.html']!.main().properties.dataAnchorSet).toBe('index.html');
  });

  it('marks only the split pages for the moved-anchor script', () => {
    for (const file of SET) expect(pages[file]!.main().properties.dataMovedAnchors, file).toBe('/shale/anchors/');
    expect(pages['v2.html']!.main().properties.dataMovedAnchors).toBeUndefined();
  });

  it('indexes every section of every page of the set for search, at the page that holds it', () => {
    // Pagefind's fragments: gzip, a `pagefind_dcd` signature, then one record's JSON.
    const folder = path.join(out, 'pagefind', 'fragment');
    const urls = fs
      .readdirSync(folder)
      .map(
        (file) =>
          JSON.parse(
            gunzipSync(fs.readFileSync(path.join(folder, file)))
              .subarray('pagefind_dcd'.length)
              .toString('utf8'),
          ) as { url: string },
      )
      .map((record) => record.url)
      .sort();
    const expected = [...SET, 'v2.html'].flatMap((file) => pages[file]!.headingIds().map((id) => `/${file.replace(/^index\.html$/, '')}#${id}`));
    expect(urls).toEqual(expected.sort());
  });

  it('keeps a small page without split as one page, with no pager', () => {
    const v2 = pages['v2.html']!;
    expect(v2.headingIds()).toEqual(['version-two', 'changes', 'kitten-fields']);
    expect(v2.toc()).toEqual([
      { entry: 'Version Two#version-two', children: ['Changes#changes'] },
      { entry: 'Kitten Fields#kitten-fields', children: [] },
    ]);
    expect(pager(v2)).toEqual([]);
    expect(hashLinks(v2)).toEqual(['#kitten-fields']);
    expect(title(v2)).toBe('Split Fixture v2');
    expect(fs.existsSync(path.join(out, 'kitten-fields.html'))).toBe(false);
  });
});

describe('a large page', () => {
  const corpus = tempDir('split-corpus');
  const outs: string[] = [];
  beforeAll(() => generateCorpus(corpus, 300));
  afterAll(() => [corpus, ...outs].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('is split by h1 on its own once its HTML passes 500 KB', async () => {
    const out = tempDir('split-large');
    outs.push(out);
    const build = await astroBuild({ content: corpus, outDir: out });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const pages = fs.readdirSync(out).filter((file) => file.endsWith('.html'));
    // The introduction and each include (of 6 to 60 endpoints), one h1 each; an include of many
    // endpoints passes 3,500 elements and continues on a page of its own.
    const h1s = 1 + fs.readdirSync(path.join(corpus, 'includes')).length;
    expect(h1s).toBeGreaterThan(10);
    expect(pages.length).toBeGreaterThanOrEqual(h1s);
    const index = readPage(path.join(out, 'index.html'));
    expect(index.toc()).toHaveLength(h1s);
    expect(index.headingIds()).toEqual(['introduction']);
    const docs = readDocs(out);
    expect(docs.headingIds().filter((id) => !/^(introduction|[a-z0-9]+s(-\d+)?)$/.test(id)).length).toBeGreaterThanOrEqual(300);
    const htmlBytes = pages.reduce((sum, file) => sum + fs.statSync(path.join(out, file)).size, 0);
    expect(htmlBytes).toBeGreaterThan(500_000);
  }, 300_000);

  it('stays one page with split: false', async () => {
    const file = path.join(corpus, 'index.html.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('search: true\n', 'search: true\nsplit: false\n'));
    const out = tempDir('split-large-one');
    outs.push(out);
    const build = await astroBuild({ content: corpus, outDir: out });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(fs.readdirSync(out).filter((name) => name.endsWith('.html'))).toEqual(['404.html', 'index.html']);
    expect(fs.statSync(path.join(out, 'index.html')).size).toBeGreaterThan(500_000);
    expect(fs.existsSync(path.join(out, 'shale', 'anchors'))).toBe(false);
  }, 300_000);
});

describe('two split pages with the same h1s', () => {
  it('keep every group on a page of its own (v1-coupons.html, v2-coupons.html), none written over another', async () => {
    const page = (version: string) =>
      `---\ntitle: API ${version}\nsplit: h1\n---\n# Intro\n\nIntro of ${version}.\n\n# Coupons\n\nCoupons of ${version}.\n\n# Orders\n\nOrders of ${version}.\n`;
    const content = tempContent({
      'index.html.md': '---\ntitle: Home\n---\n# Home\n\nSee [v1](v1.html) and [v2](v2.html).\n',
      'v1.html.md': page('v1'),
      'v2.html.md': page('v2'),
    });
    const out = tempDir('split-twins');
    try {
      const build = await astroBuild({ content, outDir: out });
      expect(build.status, build.stderr).toBe(0);
      expect(
        fs
          .readdirSync(out)
          .filter((name) => name.endsWith('.html') && name !== '404.html')
          .sort(),
      ).toEqual(['index.html', 'v1-coupons.html', 'v1-orders.html', 'v1.html', 'v2-coupons.html', 'v2-orders.html', 'v2.html']);
      for (const version of ['v1', 'v2']) {
        expect(text(readPage(path.join(out, `${version}-coupons.html`)).main())).toContain(`Coupons of ${version}.`);
        // Each version's TOC leads to its own groups.
        const html = fs.readFileSync(path.join(out, `${version}.html`), 'utf8');
        expect(html).toContain(`href="${version}-coupons.html#coupons"`);
        expect(html).toContain(`href="${version}-orders.html#orders"`);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
