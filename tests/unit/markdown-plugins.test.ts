import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/content/site';
import { checkMdxPage } from '../../src/markdown/render-page';
import { renderMarkdown } from '../support/render';
import { tempContent } from '../support/temp-content';

const FRONT = '---\nlanguage_tabs:\n  - shell\n  - ruby\n  - ruby--v2: Ruby 2\ncode_clipboard: true\n';

/** Renders a one-page site given as files; returns html, headings and problems. */
async function render(files: Record<string, string>, base = '/') {
  const dir = tempContent(files);
  const site = loadSite(dir);
  expect(site.problems).toEqual([]);
  const page = site.pages[0]!;
  return { dir, ...(await renderMarkdown(page, base)) };
}

describe('heading ids', () => {
  it('gives Slate ids, unique across the page and its includes', async () => {
    const { headings } = await render({
      'index.md': '---\nincludes:\n  - a\n---\n# Errors\n\n## HTTP Request\n',
      'includes/_a.md': '# Errors\n\n## HTTP Request\n\n## HTTP Request\n',
    });
    expect(headings.map((h) => h.id)).toEqual(['errors', 'http-request', 'errors-2', 'http-request-3', 'http-request-2']);
  });

  it("reads `#Heading` as a heading in Slate's format only, as Redcarpet did and CommonMark does not", async () => {
    const slate = await render({ 'index.html.md': '##Story Classification\n\n```shell\n#!/bin/sh\n```\n' });
    expect(slate.headings.map((h) => h.id)).toEqual(['story-classification']);
    expect(slate.html).toContain('#!/bin/sh');
    const own = await render({ 'index.md': '# Title\n\n##Story Classification\n' });
    expect(own.headings.map((h) => h.id)).toEqual(['title']);
  });

  it('keeps inline code in the TOC html and plain text for the title', async () => {
    const { headings } = await render({ 'index.md': '# The `client_id` & you\n' });
    expect(headings[0]).toEqual({ level: 1, id: 'the-client_id-amp-you', html: 'The <code>client_id</code> &#x26; you', text: 'The client_id & you' });
  });
});

describe('fences', () => {
  it("end where Slate's Redcarpet ends them in Slate's format, and where CommonMark does in Shale's own", async () => {
    const text = '# One\n\n``````clojure\n(reverse [1 2 3])\n```\n\n# Two\n';
    const slate = await render({ 'index.html.md': text });
    expect(slate.headings.map((h) => h.id)).toEqual(['one', 'two']);
    expect(slate.problems).toEqual([]);
    const own = await render({ 'index.md': text });
    expect(own.headings.map((h) => h.id)).toEqual(['one']);
    expect(own.problems.map((problem) => problem.kind)).toEqual(['fence-unclosed']);
  });
});

describe('link targets', () => {
  it('takes `<a name>` as the target of its #link, as a browser does, and writes it as an id', async () => {
    const { html, problems } = await render({ 'index.html.md': '# Keys\n\n<a name="creds"></a>\n\nSee [the credentials](#creds).\n' });
    expect(problems).toEqual([]);
    expect(html).toMatch(/<a name="creds" id="creds"><\/a>/);
  });
});

describe('code blocks', () => {
  it('highlights with colour classes and tags each block with its tab', async () => {
    const { html, problems } = await render({
      'index.md': `${FRONT}---\n# A\n\n\`\`\`bash\ncurl x\n\`\`\`\n\n\`\`\`ruby--v2\nputs 1\n\`\`\`\n\n\`\`\`json\n{"a": 1}\n\`\`\`\n`,
    });
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('none for ruby') })]);
    expect(html).toContain('<div class="code-block" data-language="bash" data-tab="shell" data-tab-index="0">');
    expect(html).toContain('<div class="code-block" data-language="ruby" data-tab="ruby--v2" data-tab-index="2">');
    expect(html).toContain('<div class="code-block" data-language="json"><pre');
    expect(html).toMatch(/<span class="hl-[0-9a-f]{6}">puts ?<\/span>/);
    expect(html).not.toContain('style=');
    expect(html.match(/<button type="button" class="copy-button">Copy<\/button>/g)).toHaveLength(3);
  });

  it('writes a token whose colour looks like the text colour as plain text, and colours the rest', async () => {
    const { html } = await render({ 'index.md': '```json\n{"name": "octocat", "id": 1}\n```\n' });
    // Monokai's JSON keys are blue italic, numbers purple; its string values (#cfcfc2) are near the text's #f8f8f2.
    expect(html).toContain('<span class="hl-66d9ef hl-i">"name"</span>: "octocat", <span class="hl-66d9ef hl-i">"id"</span>: <span class="hl-ae81ff">1</span>');
  });

  it('drops the trailing newline so copied code has none', async () => {
    const { html } = await render({ 'index.md': '```text\nline\n\n```\n' });
    expect(html).toContain('<code>line\n</code>');
  });

  it('refuses an unknown fence language in Shale content, naming the nearest', async () => {
    const { problems } = await render({ 'index.md': '# A\n\n```pyhton\nx\n```\n' });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 3,
        message: 'code fence language "pyhton" is unknown.',
        fix: expect.stringContaining('nearest: python'),
      }),
    ]);
  });

  it('highlights a `node` tab and fence as JavaScript (Widdershins writes them), and gives a `js` fence to the tab named javascript', async () => {
    const { html, problems } = await render({
      'index.md': '---\nlanguage_tabs:\n  - node: Node\n  - javascript\n---\n# A\n\n```node\nconst a = 1;\n```\n\n```js\nlet b = 2;\n```\n',
    });
    expect(problems).toEqual([]);
    expect(html).toContain('<div class="code-block" data-language="node" data-tab="node" data-tab-index="0">');
    expect(html).toContain('<div class="code-block" data-language="js" data-tab="javascript" data-tab-index="1">');
    expect(html).toMatch(/<span class="hl-[0-9a-f]{6}[^"]*">const ?<\/span>/);
  });

  it("only warns about it in Slate's format, which showed it as plain text", async () => {
    const { problems, html } = await render({ 'index.html.md': '```response\n{}\n```\n' });
    expect(problems[0]).toMatchObject({ severity: 'warning' });
    expect(html).toContain('<code>{}</code>');
  });
});

describe('sections and columns', () => {
  it("keeps an OpenAPI operation's part headings (Parameters, Responses) in the operation's section, its code beside all of them", async () => {
    const { html } = await render({
      'index.md':
        '## Get a pet\n\n```shell\ncurl x\n```\n\nText\n\n<h3 id="get-a-pet-responses" class="operation-part">Responses</h3>\n\n> 200 response\n\n```json\n{}\n```\n\n### Notes\n\nMore\n',
    });
    const sections = html.split('<section').slice(1);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(
      /<div class="prose"><h2 id="get-a-pet">Get a pet<\/h2><p>Text<\/p><h3 id="get-a-pet-responses" class="operation-part">Responses<\/h3><\/div><div class="examples">/,
    );
    expect(sections[0]).toContain('<p>200 response</p>');
    expect(sections[1]).toContain('<h3 id="notes">Notes</h3>');
  });

  it('puts code and blockquotes beside their section, everything else in the prose', async () => {
    const { html } = await render({
      'index.md': '# A\n\n> note\n\n```text\nx\n```\n\nText\n\n<aside class="notice">N</aside>\n\n| a |\n| - |\n| 1 |\n\n## B\n\nMore\n',
    });
    const [first, second] = html.split('<section').slice(1);
    expect(first).toMatch(/<div class="prose"><h1 id="a">A<\/h1><p>Text<\/p><aside class="notice">N<\/aside><table>/);
    expect(first).toMatch(/<div class="examples"><blockquote>\s*<p>note<\/p>\s*<\/blockquote><div class="code-block"/);
    expect(second).toContain('<h2 id="b">B</h2><p>More</p></div></section>');
  });

  it('marks an h3 whose code does not come first as continuing the columns, and no other section', async () => {
    const { html } = await render({
      'index.md': [
        '## Get a pet\n\n```shell\ncurl x\n```\n\nText\n',
        '### HTTP Request\n\n`GET /pets/1`\n', // no code: goes on under the text above
        '### Parameters\n\n| a |\n| - |\n| 1 |\n\n> Example responses\n\n```json\n{}\n```\n', // code after its text (Widdershins)
        '### Call it\n\n<!-- a note -->\n\n```shell\ncurl y\n```\n\nText\n', // code first (Kittn): beside its heading
        '## Delete a pet\n\nText\n\n```shell\ncurl z\n```\n', // an h2 always starts below both columns
      ].join('\n'),
    });
    const classes = [...html.matchAll(/<section class="([^"]+)"><div class="prose"><h\d id="([^"]+)"/g)].map(([, className, id]) => `${id}: ${className}`);
    expect(classes).toEqual([
      'get-a-pet: section section-h2',
      'http-request: section section-h3 continues',
      'parameters: section section-h3 continues',
      'call-it: section section-h3',
      'delete-a-pet: section section-h2',
    ]);
  });

  it('marks lang-specific elements with their tab indexes', async () => {
    const { html } = await render({ 'index.md': `${FRONT}---\n<p class="lang-specific ruby shell">R</p>\n` });
    expect(html).toContain('<p class="lang-specific ruby shell tab-0 tab-1">R</p>');
  });
});

describe("Slate's Markdown", () => {
  it('keeps dashes and quotes, strikes through, and treats indented text as a paragraph', async () => {
    const { html } = await render({ 'index.md': 'Bad Request -- "quoted" it\'s ~~old~~\n\n    indented text\n\nhttps://bare.example\n' });
    expect(html).toContain('Bad Request -- "quoted" it\'s <del>old</del>');
    expect(html).toContain('<p>indented text</p>');
    expect(html).toContain('<p>https://bare.example</p>');
  });

  it('keeps an unclosed fence inside its own file', async () => {
    const { headings } = await render({ 'index.md': '---\nincludes:\n  - a\n---\n```text\nnever closed\n', 'includes/_a.md': '# Still A Heading\n' });
    expect(headings.map((h) => h.id)).toEqual(['still-a-heading']);
  });
});

describe('links', () => {
  it('hardens external links and moves root-absolute URLs under the base path', async () => {
    const { html } = await render({ 'index.md': '[x](https://example.com) [y](/images/a.png) ![i](/images/a.png)\n' }, '/docs/');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">x</a>');
    expect(html).toContain('<a href="/docs/images/a.png">y</a>');
    expect(html).toContain('<img src="/docs/images/a.png" alt="i" loading="lazy">');
  });

  it('reports a #link to no id at its line in the include, and an id used twice', async () => {
    const { problems, dir } = await render({
      'index.md': '---\nincludes:\n  - a\n---\n# Top\n',
      'includes/_a.md': '# A\n\nSee [top](#top) and [gone](#gon).\n\n<div id="top"></div>\n',
    });
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', file: path.join(dir, 'includes/_a.md'), line: 5, message: 'id "top" is already used earlier on the page.' }),
      expect.objectContaining({ severity: 'error', file: path.join(dir, 'includes/_a.md'), line: 3, message: 'link "#gon" points to no id on this page.' }),
    ]);
  });
});

describe('MDX pages', () => {
  it('reports invalid MDX with the include file and line', async () => {
    const dir = tempContent({ 'index.mdx': '---\nincludes:\n  - a\n---\n# Top\n', 'includes/_a.mdx': '# A\n\nText\n\n<aside>\nnever closed\n' });
    const page = loadSite(dir).pages[0]!;
    const { problems } = await checkMdxPage(page, '/');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: path.join(dir, 'includes/_a.mdx'), line: 5 });
    expect(problems[0]!.message).toMatch(/^invalid MDX: Expected a closing tag for `<aside>`/);
  });

  it('runs the same plugins: Slate ids and anchor checks', async () => {
    const dir = tempContent({ 'index.mdx': '# Top\n\n## Top\n\n[x](#missing)\n' });
    const { headings, problems } = await checkMdxPage(loadSite(dir).pages[0]!, '/');
    expect(headings.map((h) => h.id)).toEqual(['top', 'top-2']);
    expect(problems).toEqual([expect.objectContaining({ line: 5, message: 'link "#missing" points to no id on this page.' })]);
  });
});
