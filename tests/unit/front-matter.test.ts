import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../../src/schema/front-matter';
import { readFrontMatter, splitSource } from '../../src/content/source-file';
import { loadSite } from '../../src/content/site';
import { tempContent } from '../support/temp-content';

const read = (text: string) => readFrontMatter(splitSource('/docs/index.md', text), frontMatterSchema);

describe('front matter', () => {
  it('gives Slate defaults when a page has none', () => {
    const { data, problems } = read('# Hello\n');
    expect(problems).toEqual([]);
    expect(data).toMatchObject({
      title: 'API Documentation',
      language_tabs: [],
      toc_footers: [],
      includes: [],
      search: false,
      code_clipboard: false,
      meta: [],
      toc_depth: 2,
    });
  });

  it('reads every Slate key', () => {
    const { data, problems } = read(
      [
        '---',
        'title: API Reference',
        'language_tabs: # a comment',
        '  - shell: cURL',
        '  - ruby',
        'toc_footers:',
        "  - <a href='https://example.com'>Site</a>",
        'includes:',
        '  - errors ',
        '  - api/x',
        'search: true',
        'code_clipboard: true',
        'meta:',
        '  - name: description',
        '    content: Docs',
        'toc_depth: 3',
        '---',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(data?.language_tabs).toEqual([{ shell: 'cURL' }, 'ruby']);
    expect(data?.includes).toEqual(['errors', 'api/x']);
    expect(data?.toc_footers[0]?.html).toBe('<a href="https://example.com" rel="noopener noreferrer">Site</a>');
    expect(data?.meta).toEqual([{ name: 'description', content: 'Docs' }]);
    expect(data?.toc_depth).toBe(3);
  });

  it('treats an empty list key as an empty list', () => {
    expect(read('---\nincludes:\ntoc_footers:\n---\n').data).toMatchObject({ includes: [], toc_footers: [] });
  });

  it('reads a list key set to false as none (language_tabs: false is no tabs, as Slate read it), and refuses true', () => {
    expect(read('---\nlanguage_tabs: false\n---\n')).toMatchObject({ problems: [], data: { language_tabs: [] } });
    expect(read('---\nincludes: false\ntoc_footers: false\n---\n')).toMatchObject({ problems: [], data: { includes: [], toc_footers: [] } });
    expect(read('---\nlanguage_tabs: true\n---\n').problems).toEqual([expect.objectContaining({ severity: 'error', line: 2 })]);
  });

  it('names the line and suggests the key for an unknown key', () => {
    const { problems } = read('---\ntitle: X\nlangauge_tabs:\n  - ruby\n---\n');
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', line: 3, message: 'unknown front-matter key "langauge_tabs".', fix: 'did you mean "language_tabs"?' }),
    ]);
  });

  it("points Slate's old key names to the new ones", () => {
    const { problems } = read('---\nlanguages:\n  - ruby\n---\n');
    expect(problems[0]?.fix).toBe('rename it to "language_tabs".');
  });

  it('refuses a wrong type with the line and a fix', () => {
    const { problems } = read('---\ntitle: X\nsearch: yes please\n---\n');
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: 'search: Expected boolean, received string.', fix: 'write true or false.' })]);
  });

  it('refuses a language_tabs entry that is neither a name nor a one-key map', () => {
    const { problems } = read('---\nlanguage_tabs:\n  - ruby\n  - a: 1\n    b: 2\n---\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, fix: 'write `- ruby` or `- shell: cURL` (language: label).' });
  });

  it('reports invalid YAML with its line', () => {
    const { problems } = read('---\ntitle: X\nlanguage_tabs: [ruby\n---\n');
    expect(problems[0]?.message).toMatch(/^front matter is not valid YAML/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('keeps checking the other keys when one is wrong', () => {
    const { data, problems } = read('---\ntitle: Kept\nsearch: 3\n---\n');
    expect(problems).toHaveLength(1);
    expect(data?.title).toBe('Kept');
  });
});

describe('toc_footers safety', () => {
  /** The page's footers and problems, from a page of Shale's own format or of Slate's (`index.html.md`). */
  const footer = (html: string, file = 'index.md') => {
    const dir = tempContent({ [file]: `---\ntoc_footers:\n  - ${JSON.stringify(html)}\n---\n# Top\n` });
    const { pages, problems } = loadSite(dir);
    return { footers: pages[0]!.footers, problems };
  };

  it.each([
    ['<a href="javascript:alert(1)">x</a>', 'unsafe URL', '<a>x</a>'],
    ['<a href="java\tscript:alert(1)">x</a>', 'unsafe URL', '<a>x</a>'],
    ['<a href="#" onclick="steal()">x</a>', 'event handler', '<a href="#">x</a>'],
    ['<script>alert(1)</script>', '<script>', ''],
    ['<img src=x alt=x onerror=alert(1)>', 'event handler', '<img src="x" alt="x">'],
    ['<img src="javascript:alert(1)" alt="x">', 'toc_footers image has the unsafe URL', '<img alt="x">'],
    ['<iframe src="https://example.com/widget"></iframe>', '<iframe>', ''],
    ['<a href="/x" style="color:red">x</a>', '"style" attribute', '<a href="/x">x</a>'],
  ])("refuses %s in Shale's own pages, and takes it out in Slate's with a warning", (html, expected, safe) => {
    const own = footer(html);
    expect(own.problems).toHaveLength(1);
    expect(own.problems[0]).toMatchObject({ severity: 'error', line: 3 });
    expect(own.problems[0]?.message).toContain(expected);
    const slate = footer(html, 'index.html.md');
    expect(slate.problems).toHaveLength(1);
    expect(slate.problems[0]).toMatchObject({ severity: 'warning', line: 3 });
    expect(slate.problems[0]?.message).toMatch(/Shale leaves it out\.$/);
    // A footer with nothing left is no footer (no empty line under the TOC).
    expect(slate.footers.map((entry) => entry.html)).toEqual(safe ? [safe] : []);
  });

  it('keeps the text of an element it takes out of a Slate footer', () => {
    const { footers, problems } = footer('<table><tr><td><a href="v2.html">v2</a></td></tr></table>', 'index.html.md');
    expect(footers[0]?.html).toBe('<a href="v2.html">v2</a>');
    expect(problems.map((found) => found.message)).toEqual([
      'toc_footers entry has a <table> element, which a footer may not hold. Shale keeps its text and leaves the element out.',
      'toc_footers entry has a <tbody> element, which a footer may not hold. Shale keeps its text and leaves the element out.',
      'toc_footers entry has a <tr> element, which a footer may not hold. Shale keeps its text and leaves the element out.',
      'toc_footers entry has a <td> element, which a footer may not hold. Shale keeps its text and leaves the element out.',
    ]);
  });

  it('accepts plain text, emphasis, mailto and relative links, blocks around them, and download links', () => {
    const { footers, problems } = footer(
      "Copyright © 2016 <em>Acme</em> <a href='mailto:a@b.c'>mail</a> <div class='langs'><a href='v2.html' class='current'>v2</a> | <a href='sdk.zip' download>SDK</a></div>",
    );
    expect(problems).toEqual([]);
    expect(footers[0]?.html).toBe(
      'Copyright © 2016 <em>Acme</em> <a href="mailto:a@b.c">mail</a> <div class="langs"><a href="v2.html" class="current">v2</a> | <a href="sdk.zip" download>SDK</a></div>',
    );
  });

  it('collects #anchors for the link check', () => {
    expect(footer("<a href='#errors'>Errors</a>").footers[0]?.anchors).toEqual(['errors']);
  });
});
