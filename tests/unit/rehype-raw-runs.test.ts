import type { Root } from 'hast';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
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

  it('drops the first line break of a code block outside any run, as the HTML parser does', () => {
    const html = withRuns('Text.\n\n```js\n\nconst x = 1;\n```\n');
    expect(html).toContain('<pre><code class="language-js">const x = 1;\n</code></pre>');
  });
});
