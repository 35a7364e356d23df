import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/content/site';
import { contextOf } from '../../src/markdown/assemble';
import { composePage } from '../../src/markdown/compose-page';
import { renderPart } from '../../src/markdown/render-part';
import { tempContent } from '../support/temp-content';

/** The first page of a temp content folder, each of its files rendered on its own, then composed. */
async function compose(files: Record<string, string>, taken?: ReadonlySet<string>) {
  const site = loadSite(tempContent(files));
  expect(site.problems).toEqual([]);
  const page = site.pages[0]!;
  const { segments: _none, ...context } = contextOf(page, '/', []);
  const parts = await Promise.all(page.parts.map((part) => renderPart(part, context)));
  return { page, composed: composePage(page, parts, taken ?? new Set(site.pages.map((each) => each.outputPath))) };
}

const frontMatter = (lines: string) => `---\ntitle: Kittens API\nlanguage_tabs:\n  - shell\n  - ruby\n${lines}---\n`;

/** A Slate page in four files: intro in the page, then three includes with an h1 each. */
const SPLIT_DOCS = {
  'index.html.md': `${frontMatter(
    "split: h1\nsearch: true\ntoc_footers:\n  - <a href='#errors'>Errors</a>\n  - <a href='#introduction'>Intro</a>\nincludes:\n  - kittens\n  - dogs\n  - errors\n",
  )}\n# Introduction\n\nSee [the kittens](#get-all-kittens) and [errors](#errors).\n\n## Setup\n\nText.\n`,
  'includes/_kittens.md':
    '# Kittens\n\n## Get All Kittens\n\nAll of them. Back to [setup](#setup).\n\n### HTTP Request\n\n`GET /kittens`\n\n## Setup\n\nKitten setup.\n',
  'includes/_dogs.md': '# Dogs\n\n## Get All Dogs\n\nSee [kittens](#kittens) and [here](#get-all-dogs).\n\n### HTTP Request\n\n`GET /dogs`\n',
  'includes/_errors.md': '# Errors\n\nCodes. [Top](#introduction).\n',
};

describe('composing a page from its files', () => {
  it('gives ids unique across files and keeps the ids Slate gave', async () => {
    const { composed } = await compose(SPLIT_DOCS);
    expect(composed.headings.map((heading) => heading.id)).toEqual([
      'introduction',
      'setup',
      'kittens',
      'get-all-kittens',
      'http-request',
      'setup-2',
      'dogs',
      'get-all-dogs',
      'http-request-2',
      'errors',
    ]);
    // Slate counted per file: the kittens "Setup" was `setup` there (a repeat), the dogs "HTTP Request" `http-request`.
    const slateIds = composed.origins.map((origin, index) => origin.slateId ?? composed.headings[index]!.id);
    expect(slateIds).toEqual([
      'introduction',
      'setup',
      'kittens',
      'get-all-kittens',
      'http-request',
      'setup',
      'dogs',
      'get-all-dogs',
      'http-request',
      'errors',
    ]);
    expect(composed.problems).toEqual([]);
  });

  it('splits a page with split: h1 into one page per h1 group, named after the h1', async () => {
    const { composed } = await compose(SPLIT_DOCS);
    expect(composed.split).toBe(true);
    expect(composed.groups.map((group) => [group.outputPath, group.title])).toEqual([
      ['index.html', undefined],
      ['kittens.html', 'Kittens'],
      ['dogs.html', 'Dogs'],
      ['errors.html', 'Errors'],
    ]);
    expect(composed.groups.map((group) => group.headings.map((heading) => heading.id))).toEqual([
      ['introduction', 'setup'],
      ['kittens', 'get-all-kittens', 'http-request', 'setup-2'],
      ['dogs', 'get-all-dogs', 'http-request-2'],
      ['errors'],
    ]);
    for (const group of composed.groups) {
      for (const heading of group.headings) expect(group.html).toContain(`id="${heading.id}"`);
    }
  });

  it('points #links at the page of the set that holds their target', async () => {
    const { composed } = await compose(SPLIT_DOCS);
    const [intro, kittens, dogs, errors] = composed.groups.map((group) => group.html);
    expect(intro).toContain('href="kittens.html#get-all-kittens"');
    expect(intro).toContain('href="errors.html#errors"');
    expect(kittens).toContain('href="./#setup"');
    // Links to the page's own sections stay in-page.
    expect(dogs).toContain('href="kittens.html#kittens"');
    expect(dogs).toContain('href="#get-all-dogs"');
    expect(errors).toContain('href="./#introduction"');
  });

  it('points the toc_footers #links of each page at the page that holds their target', async () => {
    const { composed } = await compose(SPLIT_DOCS);
    expect(composed.groups.map((group) => group.footers)).toEqual([
      ['<a href="errors.html#errors">Errors</a>', '<a href="#introduction">Intro</a>'],
      ['<a href="errors.html#errors">Errors</a>', '<a href="./#introduction">Intro</a>'],
      ['<a href="errors.html#errors">Errors</a>', '<a href="./#introduction">Intro</a>'],
      ['<a href="#errors">Errors</a>', '<a href="./#introduction">Intro</a>'],
    ]);
  });

  it('gives every search record the URL of the page that holds its section, and its parent', async () => {
    const { composed } = await compose(SPLIT_DOCS);
    const records = composed.groups.map((group) => group.records.map((record) => [record.url, record.title, record.parent]));
    expect(records).toEqual([
      [
        ['/#introduction', 'Introduction', ''],
        ['/#setup', 'Setup', 'Introduction'],
      ],
      [
        ['/kittens.html#kittens', 'Kittens', ''],
        ['/kittens.html#get-all-kittens', 'Get All Kittens', 'Kittens'],
        ['/kittens.html#http-request', 'HTTP Request', 'Get All Kittens'],
        ['/kittens.html#setup-2', 'Setup', 'Kittens'],
      ],
      [
        ['/dogs.html#dogs', 'Dogs', ''],
        ['/dogs.html#get-all-dogs', 'Get All Dogs', 'Dogs'],
        ['/dogs.html#http-request-2', 'HTTP Request', 'Get All Dogs'],
      ],
      [['/errors.html#errors', 'Errors', '']],
    ]);
  });

  it('makes no search records for a page with search: false', async () => {
    const { composed } = await compose({ ...SPLIT_DOCS, 'index.html.md': SPLIT_DOCS['index.html.md'].replace('search: true', 'search: false') });
    expect(composed.groups.flatMap((group) => group.records)).toEqual([]);
  });

  it('keeps a small page without split as one page, its links and footers as written', async () => {
    const { composed } = await compose({ ...SPLIT_DOCS, 'index.html.md': SPLIT_DOCS['index.html.md'].replace('split: h1\n', '') });
    expect(composed.split).toBe(false);
    expect(composed.groups).toHaveLength(1);
    const [page] = composed.groups;
    expect(page!.outputPath).toBe('index.html');
    expect(page!.headings).toEqual(composed.headings);
    expect(page!.html).toContain('href="#get-all-kittens"');
    expect(page!.html).not.toContain('.html#');
    expect(page!.footers).toEqual(['<a href="#errors">Errors</a>', '<a href="#introduction">Intro</a>']);
    expect(page!.records.map((record) => record.url)).toContain('/#http-request-2');
  });

  it('names the groups of a page in a subfolder beside it, avoiding the other pages there', async () => {
    const site = loadSite(
      tempContent({
        'index.html.md': '# Home\n',
        'v3/other.html.md': '# Other\n',
        'v3/index.html.md': '---\nsplit: h1\nsearch: true\n---\n# Intro\n\nSee [other](#other).\n\n# Other\n\nBack to [intro](#intro).\n\n# Index\n',
      }),
    );
    const page = site.pages.find((each) => each.outputPath === 'v3/index.html')!;
    const { segments: _none, ...context } = contextOf(page, '/', []);
    const parts = await Promise.all(page.parts.map((part) => renderPart(part, context)));
    const result = composePage(page, parts, new Set(site.pages.map((each) => each.outputPath)));
    // `v3/other.html` is another page; `v3/index.html` is the set's own first page.
    expect(result.groups.map((group) => group.outputPath)).toEqual(['v3/index.html', 'v3/other-2.html', 'v3/index-2.html']);
    expect(result.groups[0]!.html).toContain('href="other-2.html#other"');
    expect(result.groups[1]!.html).toContain('href="./#intro"');
    expect(result.groups[1]!.records.map((record) => record.url)).toEqual(['/v3/other-2.html#other']);
  });

  it('keeps the page of an h1 whose id is written in raw HTML inside the page’s folder', async () => {
    const { composed } = await compose({ 'index.html.md': '---\nsplit: h1\n---\n# Intro\n\n<h1 id="../../outside">Outside</h1>\n\nText.\n' });
    expect(composed.groups.map((group) => group.outputPath)).toEqual(['index.html', 'outside.html']);
  });

  it('splits a page without the setting when its HTML passes 500 KB in UTF-8, however few characters that is', async () => {
    // 60,000 characters of three bytes each per group: 180 KB of characters, over 500 KB of UTF-8 in all.
    const prose = '日本語の文章です。'.repeat(6_700);
    const { composed } = await compose({ 'index.md': `# One\n\n${prose}\n\n# Two\n\n${prose}\n\n# Three\n\n${prose}\n` });
    expect(composed.groups.map((group) => group.outputPath)).toEqual(['index.html', 'two.html', 'three.html']);
  });

  it('reports an id used in two files once, at the later file and line', async () => {
    const { composed } = await compose({
      'index.md': '---\nincludes:\n  - a\n  - b\n---\n# Top\n',
      'includes/_a.md': '# A\n\n<h2 id="setup">Setup</h2>\n',
      'includes/_b.md': '# B\n\ntext\n\n<div id="setup">x</div>\n',
    });
    const duplicates = composed.problems.filter((problem) => problem.message.includes('"setup"'));
    expect(duplicates).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: expect.stringMatching(/includes\/_b\.md$/),
        line: 5,
        message: 'id "setup" is already used earlier on the page.',
      }),
    ]);
  });

  it('reports an id used three times once for each repeat, never twice for the same place', async () => {
    const { composed } = await compose({
      'index.md': '---\nincludes:\n  - a\n---\n# Top\n\n<h2 id="setup">One</h2>\n',
      'includes/_a.md': '# A\n\n<h2 id="setup">Two</h2>\n\n<h2 id="setup">Three</h2>\n',
    });
    const duplicates = composed.problems.filter((problem) => problem.message.includes('"setup"'));
    expect(duplicates.map((problem) => [problem.file.split('/').at(-1), problem.line])).toEqual([
      ['_a.md', 3],
      ['_a.md', 5],
    ]);
  });

  it('reports a #link to no id with its file, line and the nearest id', async () => {
    const { composed } = await compose({
      'index.md': '---\nincludes:\n  - a\n---\n# Authentication\n',
      'includes/_a.md': '# A\n\nSee [auth](#autentication).\n',
    });
    expect(composed.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: expect.stringMatching(/includes\/_a\.md$/),
        line: 3,
        message: 'link "#autentication" points to no id on this page.',
        fix: 'did you mean "#authentication"?',
      }),
    ]);
  });

  it('reports a broken #link in Slate’s own format as a warning', async () => {
    const { composed } = await compose({ 'index.html.md': '# Top\n\n[x](#nowhere)\n' });
    expect(composed.problems.map((problem) => [problem.severity, problem.message])).toEqual([['warning', 'link "#nowhere" points to no id on this page.']]);
  });

  it('reports a raw-HTML heading whose id a quote emptied (Widdershins with a quoted summary), gives it an id and drops the stray attributes', async () => {
    const heading = '<h3 id=""update-a-volume.-valid"\n-parameters">Parameters</h3>';
    const { composed } = await compose({ 'index.html.md': `# Top\n\n${heading}\n\nText.\n` });
    expect(composed.problems.map((problem) => [problem.severity, problem.line, problem.message, problem.fix])).toEqual([
      [
        'warning',
        3,
        'heading "Parameters" has an empty id (id=""): a quote ended its value early, and the rest (update-a-volume.-valid" -parameters") became attributes of no meaning; it gets an id made from its text, as a heading without one.',
        "write the id without double quotes in it (Widdershins copies an operation's summary into it: take the quotes out of the summary, or run Widdershins without --summary).",
      ],
    ]);
    expect(composed.groups[0]!.html).toContain('<h3 id="parameters">Parameters</h3>');
    // In Shale's own Markdown it stops the build.
    const own = await compose({ 'index.md': '---\ntitle: Own\n---\n\n# Top\n\n<h2 id="">Empty</h2>\n' });
    expect(own.composed.problems.map((problem) => [problem.severity, problem.kind, problem.fix])).toEqual([
      ['error', 'heading-id-empty', 'give the heading an id, or leave the attribute out.'],
    ]);
  });

  it('moves only real links to another page of the set: text that looks like a link, in code or prose, stays as written', async () => {
    const { composed } = await compose({
      'index.html.md': `${frontMatter('split: h1\nincludes:\n  - kittens\n')}\n# Introduction\n\nA [real link](#get-all-kittens). In code: \`<a href="#get-all-kittens">\`.\n\n\`\`\`text\n<a href="#get-all-kittens">kittens</a> href="#kittens"\n\`\`\`\n\nAs text: href="#kittens" and id="introduction".\n`,
      'includes/_kittens.md': '# Kittens\n\n## Get All Kittens\n\nAll of them.\n',
    });
    const [index, kittens] = composed.groups;
    expect(kittens!.outputPath).toBe('kittens.html');
    expect(index!.html).toContain('<a href="kittens.html#get-all-kittens">real link</a>');
    expect(index!.html).toContain('<code>&#x3C;a href="#get-all-kittens"></code>');
    // The fence and the prose keep every character as written: only the link above moved.
    expect(index!.html.match(/kittens\.html/g)).toHaveLength(1);
    expect(index!.html).toContain('href="#kittens" and id="introduction"');
    expect(index!.html).toContain('<h1 id="introduction">Introduction</h1>');
  });

  it('fills the holes of a file whose text holds the private-use character that marks them', async () => {
    const { composed } = await compose({ 'index.md': '# Top \uE000 1 \uE000\n\nText \uE000 [top](#top-1) \uE0000\uE000\n\n# Next\n' });
    expect(composed.headings.map((heading) => heading.id)).toEqual(['top-1', 'next']);
    expect(composed.groups[0]!.html).toContain('<h1 id="top-1">Top \uE000 1 \uE000</h1>');
    expect(composed.groups[0]!.html).toContain('Text \uE000 <a href="#top-1">top</a> \uE0000\uE000');
    expect(composed.problems).toEqual([]);
  });
});
