import { random as seededRandom } from '../build/support/fuzz';

/**
 * Made-up Markdown full of GFM tables and the things around them that decide whether a line is a
 * table row, a cell's text or something else: escaped pipes, code spans holding pipes, rows without
 * a leading pipe, rows of pipes only, empty and space-only cells, more or fewer cells than the head,
 * snake_case and other underscores, CJK and emoji, tables in lists and block quotes, right under a
 * paragraph line, followed by lazy lines, under an HTML block or an unclosed fence. For comparing two
 * ways of parsing (tests/unit/held-lines.test.ts): the same seed gives the same documents.
 */
export function trickyTablesDocuments(seed: number, count: number): string[] {
  // The robustness test's generator (mulberry32), so the documents stay those the comparisons were checked on.
  const { next: random, pick, chance } = seededRandom(seed);
  // Cells held rows may have, and cells that keep a row in the parser's text.
  const plainCells = [
    'a',
    'foo bar',
    'Name',
    'string',
    'true',
    '200',
    'none',
    '',
    ' ',
    '   ',
    'snake_case',
    'avatar_url',
    'a__b',
    '1_000',
    '日本語',
    '中文 字',
    '😀',
    '😀x😀',
    '\u00a0nbsp\u00a0',
    '\u000cfeed',
    '\u000bvt\u2028ls',
    '\u3000全角\u3000',
    '-',
    '---',
    ':-:',
    ':',
    '»» name',
    'www.example.com',
    'http://example.com/a',
    'a@b.com',
    'string(uri)¦null',
    '"quoted"',
    "it's",
    '#',
    '# not a heading',
    '> not a quote',
    '1. not a list',
    '$x$',
    '{"a": 1}',
  ];
  const trickyCells = [
    '_lead',
    'trail_',
    'a_ b',
    'a _b',
    '_x_',
    '__x__',
    'é_é',
    'x_😀',
    'a_-b',
    '» code_security',
    'http://example.com/a_b',
    '`code | pipe`',
    '`code`',
    'x\\|y',
    '\\|',
    '\\',
    '*em*',
    'a*b*c',
    '**strong**',
    '~~struck~~',
    '~one~',
    '[link](#x)',
    '[ref]',
    '[ref][]',
    '![img](x.png)',
    '<b>bold</b>',
    '<http://x.y>',
    '&amp;',
    'AT&T',
    '&#124;',
    'a]b',
    '!',
    'tab\there',
  ];
  const cell = () => {
    const text = chance(0.25) ? pick(trickyCells) : pick(plainCells);
    if (chance(0.15)) return ` ${text} `;
    if (chance(0.1)) return `  ${text}`;
    if (chance(0.1)) return `${text}  `;
    return text;
  };
  const row = (size: number, leadingPipe = chance(0.85), head = false) => {
    const roll = head ? 1 : random();
    if (roll < 0.03) return '|';
    if (roll < 0.05) return '||';
    if (roll < 0.07) return '|   |';
    if (roll < 0.08) return '| ';
    if (roll < 0.09) return '|||';
    const n = Math.max(1, size + (chance(head ? 0.05 : 0.3) ? Math.floor(random() * 5) - 2 : 0));
    const parts = Array.from({ length: n }, cell);
    let line = (leadingPipe ? '|' : '') + parts.join('|');
    if (chance(0.8)) line += '|';
    if (chance(0.1)) line += pick([' ', '  ', '\t', ' |']);
    return line;
  };
  const delimiter = (size: number) => {
    const n = chance(0.07) ? size + 1 : size;
    const parts = Array.from({ length: n }, () => pick(['---', '-', ':--', '--:', ':-:', ' --- ', ' :---: ']));
    const line = chance(0.1) ? parts.join('|') : `|${parts.join('|')}|`;
    return (chance(0.05) ? pick([' ', '  ', '    ']) : '') + line;
  };
  const table = (prefix = '') => {
    const size = 1 + Math.floor(random() * 5);
    const lines = [row(size, chance(0.9), true), delimiter(size)];
    const rows = Math.floor(random() * 10);
    for (let i = 0; i < rows; i++) lines.push(row(size));
    if (chance(0.3))
      lines.push(pick(['bar', 'a | b', '> quote', '- item', '```', '# Heading', '<div>', '    indented', '---', '===', '[ref]: #x', 'Text *after*.']));
    return lines.map((line, index) => (index === 0 || chance(0.8) ? prefix + line : line));
  };
  // Tables on their own, most often: a document is read through held lines only when all its tables are.
  const blocks: Array<() => string[]> = [
    ...Array.from({ length: 12 }, () => () => table()),
    () => ['Paragraph line right above.', ...table()],
    () => ['Paragraph line right above.', ...table()],
    () => ['- list item', ...table()],
    () => ['- list item', ...table('  ')],
    () => ['1. ordered', ...table('   ')],
    () => table('> '),
    () => ['> quote', ...table()],
    () => ['<div class="note">', ...table()],
    () => ['<!-- comment', ...table(), '-->'],
    () => ['<pre>', ...table(), '</pre>'],
    () => ['```json', '{"a": 1}', '```'],
    () => ['```', ...table()],
    () => ['  ```', ...table(), '  ```'],
    () => ['~~~', ...table(), '~~~'],
    () => ['## Heading'],
    () => ['Text with `code`, *emphasis* and [a link][ref].'],
    () => ['[ref]: https://example.com'],
    () => ['| not | a table |'],
    () => ['a | b', '--|--', '1 | 2'],
    () => ['Heading', '==='],
    () => ['    indented text'],
  ];
  return Array.from({ length: count }, () => {
    const lines: string[] = [];
    const n = 1 + Math.floor(random() * 5);
    for (let i = 0; i < n; i++) {
      lines.push(...pick(blocks)());
      if (chance(0.7)) lines.push('');
    }
    return chance(0.9) ? `${lines.join('\n')}\n` : lines.join('\n');
  });
}
