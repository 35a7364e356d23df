import { describe, expect, test } from 'vitest';
import { pageMarkdown } from '../../src/llms/page-markdown';

/** A built page around `main` (the sections), with a language bar of the given tabs. */
function page(main: string, tabs: Array<[string, string]> = []): string {
  const bar = tabs.length
    ? `<shale-language-tabs class="language-bar"><div role="tablist">${tabs.map(([key, label], i) => `<button type="button" role="tab" data-tab-key="${key}" data-tab-index="${i}"> ${label} </button>`).join('')}</div></shale-language-tabs>`
    : '';
  return `<!doctype html><html><head><title>T</title></head><body><div class="sidebar"><nav><a href="#x">TOC entry</a></nav></div><div class="page">${bar}<main id="content"><div class="page-actions"><button>Copy page</button><a href="index.md">View as Markdown</a></div>${main}</main></div></body></html>`;
}

const section = (prose: string, examples = '') =>
  `<section class="section"><div class="prose">${prose}</div>${examples ? `<div class="examples">${examples}</div>` : ''}</section>`;

const codeBlock = (code: string, language: string, tab?: string) =>
  `<div class="code-block" data-language="${language}"${tab ? ` data-tab="${tab}" data-tab-index="0"` : ''}><pre class="highlight" tabindex="0"><code>${code}</code></pre><button type="button" class="copy-button">Copy</button></div>`;

describe('a page as Markdown', () => {
  test('is its sections in order: prose, then the notes and code of the code column', () => {
    const markdown = pageMarkdown(
      page(
        section(
          '<h1 id="a">Pets</h1><p>All the <em>pets</em>.</p>',
          `<blockquote><p>Example:</p></blockquote>${codeBlock('<span class="hl-1">curl</span> x', 'shell', 'shell')}`,
        ) + section('<h2 id="b">Get a pet</h2><p>One pet.</p>'),
        [['shell', 'cURL']],
      ),
    );
    expect(markdown).toBe('# Pets\n\nAll the _pets_.\n\n> Example:\n\n```shell title="cURL"\ncurl x\n```\n\n## Get a pet\n\nOne pet.\n');
  });

  test('leaves out the navigation, the page and section controls, and screen-reader-only text', () => {
    const markdown = pageMarkdown(
      page(
        section(
          '<h1 id="a">Pets</h1><a class="edit-link" href="e">Edit<span class="sr-only"> “Pets”</span></a><div class="anchors"><span id="tag/pets"></span></div><p>Text.</p>',
        ) + '<nav class="pager"><a href="next.html">Next</a></nav>',
      ),
    );
    expect(markdown).toBe('# Pets\n\nText.\n');
  });

  test('gives a tabbed block its language, and its tab’s name when that says more; an untabbed block only its language', () => {
    const markdown = pageMarkdown(
      page(
        section(
          '<h1 id="a">A</h1>',
          codeBlock('Pet.all', 'ruby', 'ruby') + codeBlock('Pet::V2.all', 'ruby', 'ruby--v2') + codeBlock('{}', 'json') + codeBlock('plain', 'text'),
        ),
        [
          ['ruby', 'ruby'],
          ['ruby--v2', 'Ruby "v2"'],
        ],
      ),
    );
    expect(markdown).toContain('```ruby\nPet.all\n```');
    expect(markdown).toContain('```ruby title="Ruby \'v2\'"\nPet::V2.all\n```');
    expect(markdown).toContain('```json\n{}\n```');
    expect(markdown).toContain('```\nplain\n```');
  });

  test('fences code that holds a fence with a longer one, and keeps its spacing and entities', () => {
    const markdown = pageMarkdown(page(section('<h1 id="a">A</h1>', codeBlock('```\n  a &#x3C; b\n```', 'markdown'))));
    expect(markdown).toContain('````markdown\n```\n  a < b\n```\n````');
  });

  test('writes tables as GFM tables, with pipes in cells escaped and a cell’s list on one line', () => {
    const markdown = pageMarkdown(
      page(
        section(
          '<table><thead><tr><th>Name</th><th>Meaning</th></tr></thead><tbody><tr><td><code>a|b</code></td><td>One<ul><li>x</li><li>y</li></ul></td></tr></tbody></table>',
        ),
      ),
    );
    expect(markdown).toBe('| Name | Meaning |\n| --- | --- |\n| `a\\|b` | One - x - y |\n');
  });

  test('writes nested and numbered lists with their content indented under the marker', () => {
    const markdown = pageMarkdown(
      page(section('<ol start="4"><li><p>Four</p><ul><li>sub <code>x</code></li></ul></li><li>Five</li></ol><ul><li>Dot</li></ul>')),
    );
    expect(markdown).toBe('4. Four\n\n   - sub `x`\n5. Five\n\n- Dot\n');
  });

  test("turns Slate's asides into labelled quotes, and says which tabs language-specific text is for", () => {
    const markdown = pageMarkdown(
      page(
        section(
          '<aside class="warning">Careful <strong>now</strong>.</aside><aside class="notice">Note this.</aside><p class="lang-specific ruby tab-1">Only Ruby.</p>',
        ),
        [
          ['shell', 'cURL'],
          ['ruby', 'Ruby'],
        ],
      ),
    );
    expect(markdown).toBe('> **Warning:** Careful **now**.\n\n> **Note:** Note this.\n\n_(Ruby)_ Only Ruby.\n');
  });

  test('escapes text that would read as Markdown, and leaves identifiers alone', () => {
    const markdown = pageMarkdown(
      page(section('<p>snake_case and *stars* and [brackets] and &#x3C;tag> and _lead</p><p># not a heading</p><p>1. not a list</p>')),
    );
    expect(markdown).toBe('snake_case and \\*stars\\* and \\[brackets\\] and \\<tag> and \\_lead\n\n\\# not a heading\n\n1\\. not a list\n');
  });

  test('keeps links, images and code spans, a code span around backticks included', () => {
    const markdown = pageMarkdown(
      page(section('<p>See <a href="#get-a-pet">Get a pet</a>, <img src="/images/a b.png" alt="A pet"> and <code>a`b</code>.</p>')),
    );
    expect(markdown).toBe('See [Get a pet](#get-a-pet), ![A pet](/images/a%20b.png) and ``a`b``.\n');
  });

  test('opens a folded property list: its summary, then its items', () => {
    const markdown = pageMarkdown(
      page(
        section(
          '<ul class="properties"><li><code>owner</code> (object)<details><summary>2 properties</summary><ul class="properties"><li><code>id</code></li><li><code>name</code></li></ul></details></li></ul>',
        ),
      ),
    );
    expect(markdown).toBe('- `owner` (object)\n\n  2 properties\n\n  - `id`\n  - `name`\n');
  });

  test('is undefined for a page that is not a docs page', () => {
    expect(pageMarkdown('<!doctype html><html><body><p>Hello</p></body></html>')).toBeUndefined();
  });
});
