import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/seeded';
import { holdFences, restoreFences } from '../../src/markdown/held-fences';
import remarkSlateSyntax from '../../src/markdown/remark-slate-syntax';

const processor = unified().use(remarkParse).use(remarkSlateSyntax).freeze();
const plain = (markdown: string) => processor.parse(markdown);

/** The tree as render-part.ts makes it, and whether the held text was used (or the real text parsed again). */
const viaHeld = (markdown: string): { tree: Root; held: boolean } => {
  const held = holdFences(markdown);
  if (held) {
    const tree = processor.parse(held.text);
    if (restoreFences(tree, held)) return { tree, held: true };
  }
  return { tree: plain(markdown), held: false };
};

describe('fenced code held out of the Markdown parser', () => {
  it('gives the parser one placeholder line per fence, and the tree of the real text back', () => {
    const markdown =
      '# Title\n\n```json\n{\n  "id": 1,\n\n  "name": "x"\n}\n```\n\nText *after* it, [a link](#title).\n\n~~~~ruby\nputs 1\n~~~\n~~~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const held = holdFences(markdown)!;
    expect(held.text).toBe(
      '# Title\n\n```json\n\uE000\n```\n\nText *after* it, [a link](#title).\n\n~~~~ruby\n\uE000\n~~~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    const { tree, held: used } = viaHeld(markdown);
    expect(used).toBe(true);
    // Values, lines, columns and offsets, every node.
    expect(tree).toEqual(plain(markdown));
    const code = tree.children.filter((node) => node.type === 'code');
    expect(code.map((node) => node.value)).toEqual(['{\n  "id": 1,\n\n  "name": "x"\n}', 'puts 1\n~~~']);
  });

  it('parses the real text when a fence was not a top-level code block', () => {
    const cases = [
      // Inside an HTML block, which runs to the next blank line.
      '<div class="note">\n```\nnot code\n```\n</div>\n\nAfter.\n',
      // Inside an HTML comment with blank lines.
      '<!-- hidden\n\n```\nnot code\n```\n-->\n\nAfter.\n',
      // After an HTML block's first line, without a blank line between them.
      '<aside class="notice">Careful.</aside>\n```shell\ncurl x\n```\n',
    ];
    for (const markdown of cases) {
      const { tree, held } = viaHeld(markdown);
      expect(tree).toEqual(plain(markdown));
      expect(held, markdown).toBe(false);
    }
  });

  it('holds a shorter fence inside a longer one as its text', () => {
    const markdown = 'Intro.\n\n````md\n```js\nx\n```\n````\n\nAfter.\n';
    const { tree, held } = viaHeld(markdown);
    expect(held).toBe(true);
    expect(tree).toEqual(plain(markdown));
  });

  it('holds nothing it cannot read the same way', () => {
    expect(holdFences('No code here.\n')).toBeUndefined();
    expect(holdFences('```\nunclosed\n')).toBeUndefined();
    expect(holdFences('```\n```\n')).toBeUndefined();
    expect(holdFences('``` a`b\nnot a fence\n```\n')).toBeUndefined();
    expect(holdFences('```\r\ncode\r\n```\r\n')).toBeUndefined();
    expect(holdFences('```\ncode \uE000\n```\n')).toBeUndefined();
    // An indented opening is left to the parser (its lines lose the indent).
    expect(holdFences('  ```\n  code\n  ```\n')).toBeUndefined();
  });

  it('makes the same tree as the real text on a thousand seeded files', () => {
    const { random, pick } = seeded(20261206);
    const lines = [
      '```',
      '```json',
      '````',
      '~~~',
      '~~~~ ruby',
      '``` a`b',
      '   ```',
      '```   ',
      '',
      '',
      'Text with `code` and *emphasis*.',
      '{"id": 1}',
      '- list item',
      '  indented',
      '> quote',
      '<div class="note">',
      '</div>',
      '<!-- comment',
      '-->',
      '<pre>',
      '</pre>',
      '| a | b |',
      '|---|---|',
      '## Heading',
      '[ref]: https://example.com',
      'See [ref].',
      '\t\ttabbed',
    ];
    let heldFiles = 0;
    for (let file = 0; file < 1000; file++) {
      const markdown = `${Array.from({ length: 3 + Math.floor(random() * 25) }, () => pick(lines)).join('\n')}\n`;
      const { tree, held } = viaHeld(markdown);
      expect(tree, markdown).toEqual(plain(markdown));
      if (held) heldFiles++;
    }
    // The fast path is taken, not only the fallback.
    expect(heldFiles).toBeGreaterThan(200);
  });
});
