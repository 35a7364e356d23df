import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRawRuns from '../../src/markdown/rehype-raw-runs';
import rehypeStringify from 'rehype-stringify';
import remarkSlateSyntax from '../../src/markdown/remark-slate-syntax';
import remarkHtmlBlockEnd from '../../src/markdown/remark-html-block-end';

const html = (markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkSlateSyntax)
      .use(remarkHtmlBlockEnd)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRawRuns)
      .use(rehypeStringify)
      .processSync(markdown),
  ).replace(/\n/g, '');

describe('an HTML block ends where Redcarpet ends it', () => {
  it('reads the lines after a one-line aside as Markdown', () => {
    expect(html('<aside class="warning">Careful.</aside>\n> A note for the code column.\n')).toBe(
      '<aside class="warning">Careful.</aside><blockquote><p>A note for the code column.</p></blockquote>',
    );
  });

  it('does so after an aside that interrupts a paragraph, as in the Redfish guide', () => {
    expect(html('Some text.\n<aside class="notice">Note.</aside>\n```json\n{}\n```\n')).toBe(
      '<p>Some text.</p><aside class="notice">Note.</aside><pre><code class="language-json">{}</code></pre>',
    );
  });

  it('ends a block of a void element (<hr>) at its line: a heading right under it is a heading', () => {
    expect(html('<hr>\n## GET /user\n> An example.\n')).toBe('<hr><h2>GET /user</h2><blockquote><p>An example.</p></blockquote>');
  });

  it('ends a multi-line block at the line that starts with its closing tag', () => {
    expect(html('<div>\n<p>inside</p>\n</div>\n# After\n')).toBe('<div><p>inside</p></div><h1>After</h1>');
  });

  it('leaves a block alone when nothing follows its closing tag', () => {
    expect(html('<aside class="notice">\nNo *Markdown* here.\n</aside>\n\nThen *Markdown*.\n')).toBe(
      '<aside class="notice">No *Markdown* here.</aside><p>Then <em>Markdown</em>.</p>',
    );
  });

  it('leaves a block alone whose element is not closed on a line end', () => {
    expect(html('<div>\nstill <b>html</b> text\n')).toBe('<div>still <b>html</b> text</div>');
  });

  it('runs a block of a block element or of a raw one on as before', () => {
    expect(html('<div>\n## Not a heading\n')).toBe('<div>## Not a heading</div>');
    expect(html('<video src="v.mp4">\n## Not a heading\n')).toBe('<video src="v.mp4">## Not a heading</video>');
  });

  it('reads a fence right under a one-line block whole, blank lines in its code too, and what follows it', () => {
    expect(html('<div></div>\n```bash\n% run -h\n\n  usage: run\n```\n\nAfter.\n\n## Next\n')).toBe(
      '<div></div><pre><code class="language-bash">% run -h  usage: run</code></pre><p>After.</p><h2>Next</h2>',
    );
  });

  it('keeps the lines of the rest of the file when it parses it again', () => {
    const processor = unified().use(remarkParse).use(remarkHtmlBlockEnd);
    const file = new VFile('x\n\n<p>a</p>\n```\ncode\n\nmore\n```\n\n# Heading\n');
    const tree = processor.runSync(processor.parse(file), file) as Root;
    expect(tree.children.map((node) => [node.type, node.position?.start.line])).toEqual([
      ['paragraph', 1],
      ['html', 3],
      ['code', 4],
      ['heading', 10],
    ]);
    expect(tree.children.at(-1)?.position?.start.offset).toBe(32);
  });

  it('keeps the lines of what it parses again', () => {
    const processor = unified().use(remarkParse).use(remarkHtmlBlockEnd);
    const tree = processor.runSync(processor.parse('x\n\n<p>a</p>\n# Heading\n')) as Root;
    const heading = tree.children.find((node) => node.type === 'heading');
    expect(heading?.position?.start).toMatchObject({ line: 4, offset: 12 });
  });
});
