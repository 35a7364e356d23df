import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, reportOf, tempDir, type BuildResult } from './support/build';
import { is, readPage, text } from './support/html';

/**
 * tests/fixtures/slate-redcarpet-blocks: where Slate's Redcarpet and its layout read a Slate source
 * otherwise than CommonMark would, and Shale builds what Slate built, so deep links keep working.
 */
const FIXTURE = 'tests/fixtures/slate-redcarpet-blocks';
let build: BuildResult;

beforeAll(async () => {
  build = await astroBuild({ content: FIXTURE, outDir: tempDir('redcarpet-blocks') });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
});
afterAll(() => fs.rmSync(build.outDir, { recursive: true, force: true }));

describe('a Slate source read as Redcarpet read it', () => {
  it('keeps a heading line written right under a list item as text of the item, one list, with a warning', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    // Slate's ids: the only "Parameters" heading is the one under Trades, and the link goes there.
    expect(page.headingIds()).toEqual([
      'orders',
      'trades',
      'parameters',
      'errors',
      'get-a-kitten-2',
      'http-request',
      'get-a-kitten',
      'steps',
      'links',
      // The empty <h1> separator, with no id.
      'undefined',
      'words',
      'quotes-and-tables',
      'api-endpoint',
      '69090ff245',
      'marketing',
      'retrieve-dealer-rsquo-s-stock-statistics',
      'caf-eacute-copy-2020-amp-amp-more',
      'filtering-by-tax-jurisdiction',
    ]);
    const lists = page.all(is('ul'), page.main());
    expect(lists).toHaveLength(1);
    expect(page.all(is('li'), lists[0]).map((item) => text(item).replace(/\s+/g, ' ').trim())).toEqual([
      'signature is case-insensitive ### Parameters',
      'timestamp is required',
    ]);
    expect(reportOf(build.stdout)).toBe(`⚠ Found 1 warning in 1 file

${FIXTURE}/index.html.md
  ⚠ ${FIXTURE}/index.html.md:10  "### Parameters" is written right under a list item, with no blank line between, so Slate read it as text of the item, not a heading; Shale shows it as Slate did. Fix: put a blank line before it to make it a heading (later headings with the same text then get other ids: check the links to them).`);
  });

  it("lists an h3 directly under an h1 in the table of contents, beside the h1's h2s, as Slate's layout did", () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    expect(page.toc()).toEqual([
      { entry: 'Orders#orders', children: [] },
      { entry: 'Trades#trades', children: ['Parameters#parameters'] },
      { entry: 'Errors#errors', children: ['Get a Kitten#get-a-kitten-2', 'Get a Kitten#get-a-kitten'] },
      { entry: 'Steps#steps', children: [] },
      { entry: 'Links#links', children: [] },
      { entry: 'Words#words', children: [] },
      {
        entry: 'Quotes and tables#quotes-and-tables',
        children: [
          'API Endpoint:#api-endpoint',
          '公共参数#69090ff245',
          'Marketing#marketing',
          'Retrieve Dealer’s Stock Statistics#retrieve-dealer-rsquo-s-stock-statistics',
          'Café © 2020 &amp; more#caf-eacute-copy-2020-amp-amp-more',
        ],
      },
    ]);
  });

  it('keeps `1)` steps as paragraphs, as Redcarpet did (only `1.` starts its ordered lists)', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    expect(page.all(is('ol'), page.main())).toHaveLength(0);
    expect(page.all(is('p'), page.main()).map((p) => text(p))).toEqual(expect.arrayContaining(['1) Set the method:', '2) Set the URI']));
  });

  it('makes a link of a destination with spaces, as Redcarpet did, and not in code', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const links = page.all(is('a'), page.main()).filter((a) => text(a) === 'the reference');
    expect(links.map((a) => [a.properties.href, a.properties.title])).toEqual([['guides/api%20reference.html', 'Reference']]);
    expect(page.all(is('code'), page.main()).map((code) => text(code))).toContain('[code](a b)');
  });

  it('makes a link of link text, blanks and a URL or a defined reference, as Redcarpet did, and leaves prose as text', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const paragraph = page.all(is('p'), page.main()).find((p) => text(p).startsWith('As '))!;
    expect(page.all(is('a'), paragraph).map((a) => [text(a), a.properties.href])).toEqual([
      ['section 2.1', 'https://tools.ietf.org/html/rfc6749#section-2.1'],
      ['the guide', 'https://example.com/guide'],
    ]);
    expect(text(paragraph)).toContain('array[0] (first) stays text.');
  });

  it("gives a raw-HTML heading without id an id after the Markdown headings' ids, which stay Slate's", () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const raw = page.all(is('h2'), page.main()).filter((h) => text(h) === 'Get a Kitten');
    expect(raw.map((h) => h.properties.id)).toEqual(['get-a-kitten-2', 'get-a-kitten']);
  });

  it('makes nothing of an empty heading line, and no id, TOC entry or section of an empty raw heading (a TOC separator)', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const headings = page.all((element) => /^h[1-6]$/.test(element.tagName), page.main());
    expect(headings.filter((heading) => text(heading) === '').map((heading) => [heading.tagName, heading.properties.id, heading.properties.style])).toEqual([
      ['h1', undefined, 'display:none'],
    ]);
    expect(page.all(is('section'), page.main()).filter((section) => text(section) === '')).toEqual([]);
  });

  it('reads emphasis next to letters as Redcarpet did: only ASCII letters and digits make a word', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    expect(page.all(is('strong'), page.main()).map((strong) => text(strong))).toEqual(['course', '中文']);
  });

  it('keeps HTML written right under a line of a paragraph in the paragraph, its Markdown rendered, and backslashes Redcarpet kept', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const aside = page.all(is('aside'), page.main()).find((element) => text(element).startsWith('Note with'));
    expect(page.all(is('em'), aside).map((em) => text(em))).toEqual(['em']);
    expect(page.all(is('code'), aside).map((code) => text(code))).toEqual(['code']);
    expect(page.all(is('p'), page.main()).map((p) => text(p))).toContain('Escapes: {\\"value\\":1} and 50\\%.');
  });

  it('makes a heading of `>###Title` in a block quote, as Redcarpet did', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const quoted = page.all(is('h3'), page.main()).filter((h3) => text(h3) === 'API Endpoint:');
    expect(quoted.map((h3) => h3.properties.id)).toEqual(['api-endpoint']);
  });

  it('makes tables of a delimiter row with more cells than the head, and of a head that starts with a tag, as Redcarpet did', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const heads = page.all(is('table'), page.main()).map((table) => page.all(is('th'), table).map((th) => text(th)));
    expect(heads).toEqual(
      expect.arrayContaining([
        ['Name', 'Kind'],
        ['Error Code', 'Meaning'],
      ]),
    );
    expect(page.all(is('p'), page.main()).filter((p) => text(p).includes('|'))).toEqual([]);
  });

  it('ends a table at a line without a pipe, which is a paragraph, as Redcarpet did', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const table = page.all(is('table'), page.main()).find((element) => page.all(is('th'), element).some((th) => text(th) === 'Type'))!;
    expect(page.all(is('tr'), table).map((row) => page.all((element) => element.tagName === 'td', row).map((cell) => text(cell)))).toEqual([
      [],
      ['total', 'Int'],
      ['list', 'List'],
    ]);
    expect(page.all(is('p'), page.main()).map((p) => text(p))).toEqual(expect.arrayContaining(['list is made of:', 'More text.']));
  });

  it("gives a heading of non-Latin text in a tag with attributes Slate's SHA1 of its HTML as written", () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    expect(
      page
        .all(is('h3'), page.main())
        .filter((h3) => text(h3) === '公共参数')
        .map((h3) => h3.properties.id),
    ).toEqual(['69090ff245']);
  });

  it('makes a heading of a heading line right under a line of inline tags, as Redcarpet did', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    expect(
      page
        .all(is('h2'), page.main())
        .filter((h2) => text(h2) === 'Marketing')
        .map((h2) => h2.properties.id),
    ).toEqual(['marketing']);
  });

  it("makes a heading's id from its character references as written, as Slate did, and shows them decoded", () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const headings = page.all(is('h2'), page.main()).filter((h2) => /Dealer|Caf/.test(text(h2)));
    expect(headings.map((h2) => [text(h2), h2.properties.id])).toEqual([
      ['Retrieve Dealer’s Stock Statistics', 'retrieve-dealer-rsquo-s-stock-statistics'],
      ['Café © 2020 &amp; more', 'caf-eacute-copy-2020-amp-amp-more'],
    ]);
  });

  it("finds a Markdown image under images/ too, as Middleman's image_tag did", () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const image = page.all(is('img'), page.main()).find((img) => img.properties.alt === 'The flow')!;
    expect(image.properties.src).toBe('/images/flow/b.svg');
    expect(fs.existsSync(path.join(build.outDir, 'images/flow/b.svg'))).toBe(true);
  });

  it('reads Markdown under a line that opens an inline element, which Redcarpet read as a paragraph', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const link = page.all(is('a'), page.main()).find((a) => a.properties.href === 'https://example.com/flow')!;
    expect(page.all(is('img'), link).map((img) => [img.properties.alt, img.properties.src])).toEqual([['Process flow', '/images/flow/b.svg']]);
    const note = page.all(is('span'), page.main()).find((span) => String(span.properties.className) === 'note')!;
    expect(page.all(is('a'), note).map((a) => [text(a), a.properties.href])).toEqual([['the words', '#words']]);
  });

  it("makes an image of a data: URL broken across lines, as Redcarpet did (browsers skip a base64's line breaks)", () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const image = page.all(is('img'), page.main()).find((img) => img.properties.alt === 'Dot')!;
    expect(image.properties.src).toBe('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==');
    const paragraph = page.all(is('p'), page.main()).find((p) => p.children.includes(image))!;
    expect(text(paragraph)).toBe('A dot  in a line.');
  });

  it('reads HTML indented by a blank as a paragraph, its Markdown rendered, as Redcarpet did (HTML started a block only at its `<`)', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const cell = page.all(is('td'), page.main()).find((td) => text(td).startsWith('Not required'))!;
    expect(page.all(is('code'), cell).map(text)).toEqual(['workProviderUserId']);
  });

  it('shows a backslash at the end of a line and runs the line on, as Redcarpet did (no backslash line break)', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const paragraph = page.all(is('p'), page.main()).find((p) => text(p).startsWith('Run curl'))!;
    expect(text(paragraph).replace(/\s+/g, ' ')).toBe('Run curl -X POST \\ https://api.example.com/jobs to start one.');
    expect(page.all(is('br'), paragraph)).toEqual([]);
  });

  it('trims the blanks off both ends of a code span, as Redcarpet did', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const paragraph = page.all(is('p'), page.main()).find((p) => text(p).startsWith('The button says'))!;
    expect(page.all(is('code'), paragraph).map((code) => code.children.map((child) => ('value' in child ? child.value : '')).join(''))).toEqual(['CTA', 'id']);
  });

  it('makes a link of link text with its destination on the next line, or with parentheses in it, as Redcarpet did', () => {
    const page = readPage(path.join(build.outDir, 'index.html'));
    const paragraph = page.all(is('p'), page.main()).find((p) => text(p).startsWith('The spec is'))!;
    expect(page.all(is('a'), paragraph).map((a) => [text(a), a.properties.href])).toEqual([
      ['here', 'https://example.com/spec.json'],
      ['orders', 'https://en.wikipedia.org/wiki/Order_(exchange)'],
    ]);
    const guide = page.all(is('p'), page.main()).find((p) => text(p).startsWith('Look in the'))!;
    expect(page.all(is('a'), guide).map((a) => [text(a).replace(/\s+/g, ' '), a.properties.href])).toEqual([['search guide', 'https://example.com/search']]);
  });
});
