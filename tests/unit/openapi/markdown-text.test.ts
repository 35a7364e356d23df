import { describe, expect, test } from 'vitest';
import { seeded } from '../../support/seeded';
import { descriptionMarkdown, inlineCode, inlineText, parsedLineHtml, plainLineHtml } from '../../../src/openapi/markdown-text';

describe("a spec's description written back as Markdown", () => {
  test.each([
    // Plain words come back as they are (the fast path: no parsing).
    ['The number of results per page (max 100).', 'The number of results per page (max 100).'],
    ['Say "hi" to the 3 owners’ repos; 50% off', 'Say "hi" to the 3 owners’ repos; 50% off'],
    // Text that starts Markdown is read as Markdown, then written in Shale's style.
    ['2) Second', '2. Second'],
    ['+ plus', '- plus'],
    ['    indented', '```\nindented\n```'],
    ['See www.example.com now', 'See [www.example.com](http://www.example.com) now'],
    ['Trailing break  ', 'Trailing break'],
    ['A *word*', 'A *word*'],
    ['A __word__', 'A **word**'],
  ])('%j → %j, in Markdown and MDX', (text, markdown) => {
    expect(descriptionMarkdown(text, 'md').markdown).toBe(markdown);
    expect(descriptionMarkdown(text, 'mdx').markdown).toBe(markdown);
  });
});

describe("a description's raw HTML, balanced (eBay's)", () => {
  test('an element left open closes where its paragraph ends, and a closing tag of nothing open goes', () => {
    const { markdown } = descriptionMarkdown('<b>Minimum: </b>1<b><br /><br /><b>Maximum: </b>31', 'md');
    expect(markdown).toBe('<b>Minimum: </b>1<b><br /><br /><b>Maximum: </b>31</b>');
    expect(descriptionMarkdown('Done.</div> <i>really', 'md').markdown).toBe('Done. <i>really</i>');
  });

  test('an element opened in one block and closed in a later one stays as written', () => {
    const text = '<details>\n\nMore text.\n\n</details>';
    expect(descriptionMarkdown(text, 'md').markdown).toBe(text);
  });
});

describe("a description's Windows line ends (Azure's)", () => {
  test('are line ends: none is left in the Markdown, where one would end a table row or an HTML block', () => {
    const { markdown } = descriptionMarkdown('Supported values: <ul>\r\n <li>101: Nudity</li>\r\n</ul>\r\nText can be at most\r1024 characters.', 'md');
    expect(markdown).not.toContain('\r');
    expect(markdown).toContain('Text can be at most\n1024 characters.');
    expect(inlineCode('a\r\nb')).toBe('`a b`');
  });
});

describe("a description's code blocks (Kubernetes' Quantity)", () => {
  test('one in a language Shale does not know is plain text, and its language is noted; known ones and node stay', () => {
    const written = descriptionMarkdown(
      'Format:\n\n``` <quantity> ::= <sign><digits>\n<digits> ::= <digit>\n```\n\n```ruby\nputs 1\n```\n\n```node\nf()\n```',
      'md',
    );
    expect(written.markdown).toBe('Format:\n\n```text\n<digits> ::= <digit>\n```\n\n```ruby\nputs 1\n```\n\n```node\nf()\n```');
    expect(written.languages).toEqual(['<quantity>']);
    expect(descriptionMarkdown('```go\nx\n```', 'md').languages).toBeUndefined();
  });
});

describe("a property's line as HTML, written directly when it is plain text and code", () => {
  test.each([
    '`id` (integer, required): The ID of the image.',
    '`created_at` (string \\<date-time\\>)',
    '`value` (string | null): Repositories & organizations, 50% of them; say "hi" (or ‘bye’).',
    '`a b` and ` padded ` and `x\\` then \\_escaped\\_ \\[marks\\]',
    `${inlineCode('<script> & <b>')} (${inlineText('array of snake_case_name')})`,
    'option 1 (string)',
  ])('%j', (line) => {
    expect(plainLineHtml(line)).toBeDefined();
    expect(plainLineHtml(line)).toBe(parsedLineHtml(line));
  });

  test.each([
    '1. A list item',
    '- Dash',
    'A *word*',
    'See https://example.com',
    'See www.example.com',
    'An &amp; entity',
    'Code `a``b` spans',
    'Trailing space ',
    'Two  spaces',
    '<b>raw</b>',
    'Line\nbreak',
    '    indented',
  ])('%j is left to the parser', (line) => {
    expect(plainLineHtml(line)).toBeUndefined();
  });

  test('gives the parser’s HTML on two thousand seeded lines, whenever it answers', () => {
    const { random, pick } = seeded(20261206);
    const pieces = [
      '`id`',
      '` x `',
      '`a`b`',
      '``',
      '`<&>`',
      '\\_',
      '\\<',
      '\\\\',
      '\\`',
      'word',
      ' ',
      '  ',
      '1.',
      '2)',
      '-',
      '+ ',
      '*',
      '_',
      '&',
      '&amp;',
      '&#1;',
      '<',
      '>',
      '|',
      ':',
      'http://x',
      'www.x',
      '"',
      '’',
      '(',
      ')',
      '#',
      '=',
      '$',
      '%',
      '/',
      'a@b.c',
      '\n',
    ];
    let answered = 0;
    for (let index = 0; index < 2000; index++) {
      const line = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(pieces)).join('');
      const plain = plainLineHtml(line);
      if (plain === undefined) continue;
      answered++;
      expect(plain, line).toBe(parsedLineHtml(line));
    }
    expect(answered).toBeGreaterThan(100);
  });
});
