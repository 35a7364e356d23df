import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/seeded';
import { trickyTablesDocuments } from '../support/tricky-tables';
import { holdLines, restoreHeldLines } from '../../src/markdown/held-lines';
import remarkRedcarpetHtml from '../../src/markdown/micromark-redcarpet-html';
import remarkSlateSyntax from '../../src/markdown/remark-slate-syntax';

const processor = unified().use(remarkParse).use(remarkSlateSyntax).freeze();
/** Slate's format's parser (render-part.ts): no HTML block starts on a paragraph's line. */
const slateProcessor = unified().use(remarkParse).use(remarkSlateSyntax).use(remarkRedcarpetHtml).freeze();
const plain = (markdown: string, parser = processor) => parser.parse(markdown);

/** The tree as render-part.ts makes it, and whether the held text was used (or the real text parsed again). */
const viaHeld = (markdown: string, parser = processor): { tree: Root; held: boolean } => {
  const held = holdLines(markdown);
  if (held) {
    const tree = parser.parse(held.text);
    if (restoreHeldLines(tree, held)) return { tree, held: true };
  }
  return { tree: plain(markdown, parser), held: false };
};

describe('fenced code held out of the Markdown parser', () => {
  it('gives the parser one placeholder line per fence, and the tree of the real text back', () => {
    const markdown =
      '# Title\n\n```json\n{\n  "id": 1,\n\n  "name": "x"\n}\n```\n\nText *after* it, [a link](#title).\n\n~~~~ruby\nputs 1\n~~~\n~~~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const held = holdLines(markdown)!;
    expect(held.text).toBe('# Title\n\n```json\n\uE000\n```\n\nText *after* it, [a link](#title).\n\n~~~~ruby\n\uE000\n~~~~\n\n| a | b |\n|---|---|\n');
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
    expect(holdLines('No code here.\n')).toBeUndefined();
    expect(holdLines('```\nunclosed\n')).toBeUndefined();
    expect(holdLines('```\n```\n')).toBeUndefined();
    expect(holdLines('``` a`b\nnot a fence\n```\n')).toBeUndefined();
    expect(holdLines('```\r\ncode\r\n```\r\n')).toBeUndefined();
    expect(holdLines('```\ncode \uE000\n```\n')).toBeUndefined();
    // An indented opening is left to the parser (its lines lose the indent).
    expect(holdLines('  ```\n  code\n  ```\n')).toBeUndefined();
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

describe('plain table rows held out of the Markdown parser', () => {
  it('leaves the head, the delimiter and every row with inline syntax to the parser, and makes the rest as it would', () => {
    const rows = [
      '| enterprise | path | string |',
      '|a|b',
      '| more | cells | than | the head |',
      '| fewer |',
      '|',
      '||',
      '|||',
      '|   |',
      '| a | |',
      '|| a |',
      '|  spaced  out  |  ',
      '| 日本語 | 😀x | \u00a0nbsp\u00a0 |',
      '|»» avatar_url|string(uri)|false|none|1_000|',
      '|-|:-:|',
    ];
    const markdown = `Intro.\n\n| Name | In | Type |\n|---|:-:|--:|\n${rows.join('\n')}\n| \`code\` | kept |\n| after | it |\n\nAfter *this*.\n`;
    const held = holdLines(markdown)!;
    expect(held.text).toBe('Intro.\n\n| Name | In | Type |\n|---|:-:|--:|\n| `code` | kept |\n\nAfter *this*.\n');
    const { tree, held: used } = viaHeld(markdown);
    expect(used).toBe(true);
    expect(tree).toEqual(plain(markdown));
  });

  it('holds no row that is not plain, nor one the parser may not read as a body row', () => {
    const table = '| a | b |\n|---|---|\n';
    const cases = [
      ...['`x`', '*x*', '_x_', '_lead', 'trail_', 'a_ b', 'é_é', '~~x~~', '[x]', 'a]b', '![x](y)', '<b>', '&amp;', 'x\\|y', 'tab\there'].map(
        (cell) => `${table}| ${cell} | b |\n`,
      ),
      // Not starting with a pipe.
      `${table}a | b\n`,
      // Without a line break to take with it.
      `${table}| a | b |`,
      // A table not opened in the first column, or in a block quote.
      `  | a | b |\n  |---|---|\n| 1 | 2 |\n`,
      `> | a | b |\n> |---|---|\n> | 1 | 2 |\n`,
      // After a line that is not a row: a row of the table or its end.
      `${table}| \`x\` |\nbar\n| 1 | 2 |\n`,
    ];
    for (const markdown of cases) {
      expect(holdLines(markdown), markdown).toBeUndefined();
    }
  });

  it('parses the real text when a table was not a top-level table', () => {
    const rows = '| a | b |\n|---|---|\n| 1 | 2 |\n';
    const cases = [
      // Lazy lines of a list item's paragraph, or of a block quote's.
      `- item\n${rows}`,
      `> quote\n${rows}`,
      // In an HTML block, or an HTML comment.
      `<div class="note">\n${rows}`,
      `<!-- hidden\n\n${rows}-->\n`,
      // In a fence this module does not hold (not opened in the first column).
      `  \`\`\`\n${rows}  \`\`\`\n`,
      // The delimiter row does not match the head: no table.
      '| a | b |\n|---|\n| 1 | 2 |\n',
    ];
    for (const markdown of cases) {
      const { tree, held } = viaHeld(markdown);
      expect(tree, markdown).toEqual(plain(markdown));
      expect(held, markdown).toBe(false);
    }
  });

  it('holds the rows of a table right under a paragraph line, and of tables between fences', () => {
    const markdown = 'Text.\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n| c |\n|---|\n| 3 |\n| 4 |\n\n| 5 |\n';
    const held = holdLines(markdown)!;
    expect(held.text).toBe('Text.\n| a | b |\n|---|---|\n```\n\uE000\n```\n| c |\n|---|\n\n| 5 |\n');
    const { tree, held: used } = viaHeld(markdown);
    expect(used).toBe(true);
    expect(tree).toEqual(plain(markdown));
  });

  it("makes the same tree as the real text on 200 seeded files of tricky tables, in Shale's Markdown and in Slate's", () => {
    let heldFiles = 0;
    let parsedAgain = 0;
    for (const markdown of trickyTablesDocuments(20261207, 200)) {
      const held = holdLines(markdown);
      for (const parser of [processor, slateProcessor]) {
        const { tree, held: used } = viaHeld(markdown, parser);
        expect(tree, markdown).toEqual(plain(markdown, parser));
        if (used) heldFiles++;
        else if (held) parsedAgain++;
      }
    }
    // Both ways are taken: the held rows put back, and the real text parsed again.
    expect(heldFiles).toBeGreaterThan(80);
    expect(parsedAgain).toBeGreaterThan(80);
    // Room for a loaded machine: about two seconds on its own.
  }, 20_000);
});
