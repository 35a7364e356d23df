import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/seeded';
import rehypeRawRuns, { rawRuns } from '../../src/markdown/rehype-raw-runs';
import remarkSlateSyntax from '../../src/markdown/remark-slate-syntax';

/** A Markdown file's tree as rehype gets it, raw HTML still raw nodes. */
const hast = (markdown: string) => {
  const processor = unified().use(remarkParse).use(remarkSlateSyntax).use(remarkRehype, { allowDangerousHtml: true });
  return processor.runSync(processor.parse(markdown)) as Root;
};

/** The top-level elements of a run, by tag (raw nodes as `raw`), to say which nodes went through the parser. */
const runsOf = (markdown: string) => {
  const children = hast(markdown).children.filter((node) => node.type !== 'text');
  return rawRuns(children).map(([start, end]) => children.slice(start, end).map((node) => (node.type === 'element' ? node.tagName : node.type)));
};

const withRuns = (markdown: string) => toHtml(rehypeRawRuns()(hast(markdown), undefined as never));
const wholeTree = (markdown: string) => toHtml(raw(hast(markdown)));

describe('raw HTML parsed in runs of the nodes that hold it', () => {
  it('parses an aside alone and leaves the Markdown around it', () => {
    expect(runsOf('# Title\n\nSome *prose*.\n\n<aside class="notice">Careful.</aside>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```shell\ncurl x\n```\n')).toEqual([
      ['raw'],
    ]);
  });

  it('runs from an opened element to its end tag, Markdown between them included', () => {
    expect(runsOf('Intro.\n\n<div class="note">\n\n**Bold** text.\n\n</div>\n\nAfter.\n\n<span>x</span> and <br> inline\n')).toEqual([
      ['raw', 'p', 'raw'],
      ['p'],
    ]);
  });

  it('runs to the end of the file after an element it cannot follow', () => {
    const markdown = 'One.\n\n<table><tr><td>cell</td></tr></table>\n\nTwo.\n\nThree.\n';
    expect(runsOf(markdown)).toEqual([['raw', 'p', 'p']]);
    expect(runsOf('<div>\n\nnever closed\n\nmore\n')).toEqual([['raw', 'p', 'p']]);
    expect(runsOf('First.\n\n</div>\n\nstray end tag\n')).toEqual([['raw', 'p']]);
    expect(runsOf('<b>bold\n\nwhich the parser carries on\n')).toEqual([['p', 'p']]);
    // The paragraph's end closes `<branch>`, not after a block element that closed the paragraph first.
    expect(runsOf('Get <branch> here.\n\nNext.\n')).toEqual([['p']]);
    expect(runsOf('Get <aside>x</aside> and <branch> here.\n\nNext.\n')).toEqual([['p', 'p']]);
  });

  it('reads comments and attributes holding `>` without losing count', () => {
    expect(runsOf('<!-- <div> -->\n\nText.\n\n<a title="x > y" href="#a">link</a>\n\nEnd.\n')).toEqual([['raw'], ['p']]);
  });

  it('makes the same HTML as parsing the whole tree', () => {
    const samples = [
      '# Title\n\n<aside class="success">Done.</aside>\n\n```js\n\nconst x = 1;\n```\n\nText with <code>raw</code> code.\n',
      '<div class="wrap">\n\n## Inside\n\n```\n\nblank first line\n```\n\n</div>\n\n```shell\n\ncurl https://example.com\n```\n',
      'Before.\n\n<b>unclosed\n\nnext paragraph\n\n```\n\ncode\n```\n',
      '<table>\n<tr><td>raw table</td></tr>\n</table>\n\n| md | table |\n|---|---|\n| 1 | 2 |\n',
      '<p>raw paragraph\n\n<ul><li>one<li>two</ul>\n\n- a\n- b\n\n<details><summary>More</summary>\n\nHidden **bold**.\n\n</details>\n',
      'A & B < C\n\n<img src="a.png" alt="x">\n\n<!-- comment -->\n\n    indented\n',
    ];
    for (const markdown of samples) expect(withRuns(markdown), markdown).toBe(wholeTree(markdown));
  });

  it('makes the same HTML as parsing the whole tree for a thousand files of mixed Markdown and tags', () => {
    // Seeded, so a failure names a file that fails again: blocks of Markdown with tags that open,
    // close, misnest, move out of paragraphs, reach beyond their run or are never closed.
    const { random, pick } = seeded(20261206);
    const tags = [
      ...['<div class="x">', '</div>', '<span>', '</span>', '<b>', '</b>', '<em>', '</em>', '<a href="#x">', '</a>', '<code>', '</code>', '<u>'],
      ...['<aside class="notice">Note</aside>', '<br>', '<hr>', '<img src="a.png">', '<!-- <div> -->', '<p>', '</p>', '<p>para</p>', '</li>'],
      ...['<ul><li>a<li>b</ul>', '<details><summary>S</summary>', '</details>', '<branch>', '<custom-el>', '</custom-el>', '<button>', '<object>'],
      ...['<table><tr><td>t</td></tr></table>', '<h2 id="h">Head</h2>', '<h3>', '</h3>', '<pre>', '</pre>', '<blockquote>', '<dl><dt>a<dd>b</dl>'],
      ...['<span title="a > b">', '<?pi ?>', '<svg>', '<tr>', '<listing>', '<address>', '<label>', '<input type="text">'],
    ];
    const blocks = [
      () => 'Some *text* with `code` and **bold**.',
      () => `Inline ${pick(tags)} html ${pick(tags)} here.`,
      () => pick(tags),
      () => `${pick(tags)}${pick(tags)}`,
      () => '```js\n\nconst a = 1;\n```',
      () => `- item one\n- item ${pick(tags)} two\n  - nested ${pick(tags)}`,
      () => `> quote ${pick(tags)}`,
      () => `| a | b |\n|---|---|\n| 1 ${pick(tags)} | 2 |`,
      () => `## Heading ${pick(tags)}`,
      () => `${pick(tags)}\n\n${pick(tags)} text *em* ${pick(tags)}`,
    ];
    for (let file = 0; file < 1000; file++) {
      const markdown = Array.from({ length: 2 + Math.floor(random() * 8) }, () => pick(blocks)()).join(pick(['\n\n', '\n']));
      expect(withRuns(markdown), markdown).toBe(wholeTree(markdown));
    }
  });

  it('drops the first line break of a code block outside any run, as the HTML parser does', () => {
    const html = withRuns('Text.\n\n```js\n\nconst x = 1;\n```\n');
    expect(html).toContain('<pre><code class="language-js">const x = 1;\n</code></pre>');
  });
});
