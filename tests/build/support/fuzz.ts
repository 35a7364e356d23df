/**
 * Generated and mutated Slate sources for the robustness test: seeded, so every run feeds the
 * same cases and a failure can be replayed with its seed.
 */

/** mulberry32: a small, fast, seeded pseudo-random generator. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof random>;

/** Text that is hard on parsers, slug makers and HTML: RTL, combining marks, emoji, controls, lone surrogates. */
const ODD = [
  'Kittens',
  'Get All Kittens',
  'Привет мир',
  '日本語の見出し',
  'مرحبا بالعالم',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦 family',
  '\u200b\u200d\ufeff',
  '\u0000nul',
  '\ud800 lone',
  '&amp; <b>bold</b> &#39;',
  'snake_case_name foo*bar*baz',
  '`code` **strong** _em_',
  '<script>alert(1)</script>',
  '{not: jsx}',
  '   ',
  '#',
  'a'.repeat(300),
  'Ω≈ç√∫˜µ≤≥÷',
  'ﷺ',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
];
const LANGUAGES = ['shell', 'bash', 'ruby', 'ruby--v2', 'python', 'js', 'json', 'text', '', 'response', 'c++', 'unknown-lang', 'java', 'http'];

function words(rng: Random): string {
  return Array.from({ length: rng.int(1, 6) }, () => rng.pick(ODD)).join(' ');
}

function table(rng: Random, columns: number, rows: number): string {
  const row = () => `| ${Array.from({ length: columns }, () => rng.pick(ODD).replace(/\|/g, '')).join(' | ')} |`;
  return [row(), `|${' --- |'.repeat(columns)}`, ...Array.from({ length: rows }, row)].join('\n');
}

function block(rng: Random): string {
  switch (rng.int(0, 13)) {
    case 0:
    case 1:
      return `${'#'.repeat(rng.int(1, 7))} ${words(rng)}`;
    case 2:
      return words(rng);
    case 3: {
      const fence = rng.pick(['```', '~~~', '````']);
      const body = Array.from({ length: rng.int(0, 5) }, () => words(rng)).join('\n');
      // Sometimes unbalanced: no closing fence, or a closing fence of the other kind.
      const close = rng.chance(0.2) ? '' : rng.chance(0.1) ? '~~~' : fence;
      return `${fence}${rng.pick(LANGUAGES)}\n${body}\n${close}`;
    }
    case 4:
      return `${'> '.repeat(rng.int(1, 30))}${words(rng)}`;
    case 5:
      return Array.from({ length: rng.int(1, 30) }, (_, depth) => `${'  '.repeat(depth)}- ${words(rng)}`).join('\n');
    case 6:
      return table(rng, rng.int(1, 12), rng.int(0, 40));
    case 7:
      return `<aside class="${rng.pick(['notice', 'warning', 'success', ''])}">${words(rng)}${rng.chance(0.3) ? '' : '</aside>'}`;
    case 8:
      return `[${words(rng)}](#${rng.pick(['kittens', 'nope', '', '%E0%A4%A', 'get-all-kittens'])}) ![${words(rng)}](${rng.pick(['images/x.png', '/images/y.png', '../z.png', 'https://example.com/a.png', ''])})`;
    case 9:
      return `<p class="lang-specific ${rng.pick(LANGUAGES)}">${words(rng)}</p>`;
    case 10:
      return `${rng.pick(['<div>', '<table><tr><td>', '<details><summary>', '<!--', '<pre>', '</div>'])}\n${words(rng)}`;
    case 11:
      return `    indented ${words(rng)}`;
    case 12:
      return `${words(rng)}\n${rng.pick(['===', '---', '***', '- - -'])}`;
    default:
      return `${'*'.repeat(rng.int(1, 40))}${words(rng)}${'_'.repeat(rng.int(0, 40))}`;
  }
}

function frontMatter(rng: Random, includes: string[]): string {
  const lines = ['---', `title: ${JSON.stringify(words(rng))}`];
  if (rng.chance(0.8))
    lines.push(
      'language_tabs:',
      ...Array.from(
        { length: rng.int(0, 5) },
        () => `  - ${rng.pick(['shell', 'ruby', 'ruby--v2: Ruby 2', 'python: Py', 'javascript', 'rubby', '{a: b, c: d}', '- nested', '""'])}`,
      ),
    );
  if (rng.chance(0.5))
    lines.push(
      'toc_footers:',
      `  - ${JSON.stringify(rng.pick(['<a href="#kittens">K</a>', '<a href="javascript:x()">x</a>', 'plain ©', '<b onclick="x">b</b>', '<a href="#">top</a>']))}`,
    );
  if (includes.length) lines.push('includes:', ...includes.map((name) => `  - ${name}`));
  if (rng.chance(0.2))
    lines.push(
      rng.pick([
        'search: maybe',
        'toc_depth: 7',
        'code_clipboard: true',
        'headingLevel: 3',
        'unknown_key: 1',
        'meta: [{name: description, content: x}]',
        ': broken: yaml: [',
      ]),
    );
  lines.push(rng.chance(0.05) ? '' : '---');
  return lines.join('\n');
}

/** Random edits of a text: delete, duplicate, swap or truncate lines, insert odd characters. */
function mutate(rng: Random, text: string): string {
  const lines = text.split('\n');
  for (let edits = rng.int(1, 12); edits > 0 && lines.length > 0; edits--) {
    const at = rng.int(0, lines.length - 1);
    switch (rng.int(0, 5)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, lines[at]!);
        break;
      case 2:
        [lines[at], lines[0]] = [lines[0]!, lines[at]!];
        break;
      case 3:
        lines[at] = lines[at]!.slice(0, rng.int(0, lines[at]!.length));
        break;
      case 4:
        lines.splice(at, 0, rng.pick(['```', '---', '<div>', '> > >', '|', '#', '\u0000', '\r', '\t\t```ruby']));
        break;
      default:
        lines[at] = `${lines[at]}${rng.pick(ODD)}`;
    }
  }
  return lines.join('\n');
}

/** One generated Slate source: file paths (relative to its folder) and their text. */
export type Source = Record<string, string>;

/** A random Slate source: a page, some includes (one maybe missing or cyclic), random blocks, then mutations. */
export function generateSource(seed: number): Source {
  const rng = random(seed);
  const includeNames = Array.from({ length: rng.int(0, 3) }, (_, index) => (rng.chance(0.1) ? 'missing' : `part${index}`));
  const files: Source = {};
  const body = () => Array.from({ length: rng.int(1, 25) }, () => block(rng)).join('\n\n');
  files['index.html.md'] = `${frontMatter(rng, includeNames)}\n\n${body()}\n`;
  for (const name of includeNames.filter((name) => name !== 'missing')) {
    const nested = rng.chance(0.1) ? `---\nincludes:\n  - ${rng.pick(includeNames)}\n---\n` : '';
    files[`includes/_${name}.md`] = `${nested}${body()}\n`;
  }
  if (rng.chance(0.6)) for (const file of Object.keys(files)) if (rng.chance(0.5)) files[file] = mutate(rng, files[file]!);
  return files;
}

/** The extremes: a huge table, very deep blockquotes and lists, and every odd text as headings. */
export function extremeSources(): Record<string, Source> {
  const rng = random(42);
  const page = (body: string) => ({ 'index.html.md': `---\ntitle: Extreme\nlanguage_tabs:\n  - shell\n---\n\n# Start\n\n${body}\n` });
  return {
    'huge-table': page(table(rng, 10, 1000)),
    'deep-blockquotes': page(`${'> '.repeat(500)}deep\n\n${'>'.repeat(2000)} deeper`),
    'deep-lists': page(Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n')),
    'deep-html': page(`${'<div>'.repeat(2000)}x${'</div>'.repeat(1000)}`),
    'odd-headings': page(
      ODD.flatMap((text, index) => [`${'#'.repeat((index % 6) + 1)} ${text}`, '', `[link](#${text.replace(/[\s()]/g, '-')})`, '']).join('\n'),
    ),
    'fences-only': page(Array.from({ length: 500 }, (_, index) => (index % 3 === 0 ? '```' : index % 3 === 1 ? '~~~~ruby' : '````')).join('\n')),
  };
}

/** A valid Slate page of about `lines` lines: many endpoints, each with code in every tab. */
export function longSource(lines: number): Source {
  const parts = ['---', 'title: Long', 'language_tabs:', '  - shell', '  - ruby', '---', ''];
  for (let index = 0; parts.length < lines; index++) {
    parts.push(
      `# Group ${index}`,
      '',
      `## Get item ${index}`,
      '',
      '```shell',
      `curl https://api.example.com/items/${index}`,
      '```',
      '',
      '```ruby',
      `Item.find(${index})`,
      '```',
      '',
      '> Returns JSON:',
      '',
      '```json',
      `{ "id": ${index} }`,
      '```',
      '',
      'Parameter | Description',
      '--------- | -----------',
      `id | The item's id, see [the group](#group-${index}).`,
      '',
    );
  }
  return { 'index.html.md': `${parts.join('\n')}\n` };
}
