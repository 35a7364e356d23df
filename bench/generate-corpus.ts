import fs from 'node:fs';
import path from 'node:path';

/** A small seeded random generator (mulberry32): the same seed gives the same corpus everywhere. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = [
  ['List', 'GET', ''],
  ['Get', 'GET', '/{id}'],
  ['Create', 'POST', ''],
  ['Update', 'PATCH', '/{id}'],
  ['Delete', 'DELETE', '/{id}'],
  ['Archive', 'POST', '/{id}/archive'],
  ['Restore', 'POST', '/{id}/restore'],
  ['Search', 'GET', '/search'],
  ['Export', 'GET', '/export'],
  ['Count', 'GET', '/count'],
] as const;
/** The words any API's prose repeats: about half the words of a sentence. */
const COMMON =
  'the a request returns every field of resource when with for and by its that is are this you can use filter sort page limit cursor created updated owner status active archived value default optional required string integer boolean timestamp identifier account'.split(
    ' ',
  );

/** A word in about 40 % of the endpoints' prose: about 2,000 sections at 5,000 endpoints (issue 16's "common word"). */
export const COMMON_WORD = 'settlement';
/** A word in one include only: the first search fetches what finding it needs. */
export const RARE_WORD = 'quillfeather';

export const CORPUS_DESCRIPTION =
  'each endpoint an h2 with prose of one to seven paragraphs, a request line, a parameter table, code in four languages, a JSON response and sometimes an aside (about 2.3 KB of source on average); its words are drawn from 50 common ones and a made-up vocabulary of 30,000 with Zipf frequencies; includes hold 6–12 endpoints, one in twelve 30–60.';

/** A made-up vocabulary of `count` distinct words of two to four syllables. */
function vocabulary(random: () => number, count: number): string[] {
  const onsets = [
    'b',
    'c',
    'd',
    'f',
    'g',
    'h',
    'k',
    'l',
    'm',
    'n',
    'p',
    'r',
    's',
    't',
    'v',
    'w',
    'z',
    'br',
    'cl',
    'dr',
    'gr',
    'pl',
    'st',
    'tr',
    'sh',
    'ch',
    'th',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea', 'io'];
  const codas = ['', '', '', 'n', 'r', 's', 'l', 'x', 'nd', 'st'];
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(random, onsets) + pick(random, vowels) + (i === syllables - 1 ? pick(random, codas) : '');
    if (word !== COMMON_WORD && word !== RARE_WORD) words.add(word);
  }
  return [...words];
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Draws words: half from the common ones, half from the vocabulary with Zipf frequencies (rank r weighs 1/r). */
function wordSource(random: () => number): (count: number) => string[] {
  const words = vocabulary(random, 30_000);
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= words.length; rank++) cumulative.push((total += 1 / rank));
  const zipf = () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
  return (count) => Array.from({ length: count }, () => (random() < 0.5 ? pick(random, COMMON) : zipf()));
}

function sentence(words: (count: number) => string[], count: number, extra?: string): string {
  const picked = words(count);
  if (extra) picked.splice(Math.floor(picked.length / 2), 0, extra);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Prose of one to seven paragraphs, most of them short, of one to three sentences of 5 to 25 words. */
function prose(random: () => number, words: (count: number) => string[], extra?: string): string {
  const paragraphs = 1 + Math.floor(random() ** 2 * 7);
  const placed = Math.floor(random() * paragraphs);
  return Array.from({ length: paragraphs }, (_, index) =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) =>
      sentence(words, 5 + Math.floor(random() * 21), index === placed && i === 0 ? extra : undefined),
    ).join(' '),
  ).join('\n\n');
}

interface Words {
  draw: (count: number) => string[];
  random: () => number;
}

function endpoint({ random, draw }: Words, resource: string, index: number, extra?: string): string {
  const [verb, method, suffix] = VERBS[index % VERBS.length]!;
  const plural = `${resource}s`;
  const url = `https://api.example.com/v1/${plural}${suffix.replace('{id}', '42')}`;
  const paramNames = [...new Set(['limit', 'cursor', ...draw(2 + Math.floor(random() * 8)).map((word) => word.replace(/\s/g, '_'))])];
  const params = paramNames.map(
    (name) => `| ${name} | ${pick(random, ['20', 'none', 'active', 'created', 'false'])} | ${sentence(draw, 4 + Math.floor(random() * 14))} |`,
  );
  const fields = [...new Set(draw(3 + Math.floor(random() * 10)))].map(
    (word) => `  "${word}": ${random() < 0.5 ? Math.floor(random() * 100000) : `"${draw(1)[0]}"`}`,
  );
  const aside = random() < 0.3 ? `\n<aside class="${pick(random, ['notice', 'warning', 'success'])}">${sentence(draw, 12)}</aside>\n` : '';
  return `## ${verb} ${index >= VERBS.length ? `${resource} ${Math.floor(index / VERBS.length) + 1}` : resource}

\`\`\`shell
curl "${url}" \\
  -X ${method} \\
  -H "Authorization: Bearer $TOKEN"
\`\`\`

\`\`\`ruby
require 'example'
client = Example::Client.new(token: ENV['TOKEN'])
client.${plural}.${verb.toLowerCase()}(${suffix ? '42' : 'limit: 20'})
\`\`\`

\`\`\`python
import example
client = example.Client(token=os.environ["TOKEN"])
client.${plural}.${verb.toLowerCase()}(${suffix ? '42' : 'limit=20'})
\`\`\`

\`\`\`javascript
const client = new Example({ token: process.env.TOKEN });
await client.${plural}.${verb.toLowerCase()}(${suffix ? '42' : '{ limit: 20 }'});
\`\`\`

> The above command returns JSON structured like this:

\`\`\`json
{
  "id": ${Math.floor(random() * 100000)},
  "object": "${resource}",
${fields.join(',\n')}
}
\`\`\`

${prose(random, draw, extra)}

### HTTP Request

\`${method} ${url}\`

${sentence(draw, 6 + Math.floor(random() * 20))}

| Parameter | Default | Description |
| --------- | ------- | ----------- |
${params.join('\n')}
${aside}`;
}

/**
 * Writes a Slate source with `endpoints` endpoints. Each include is one h1 group of a resource named
 * from the vocabulary; most hold 6–12 endpoints, one in twelve 30–60. It is made to be less friendly
 * than docs written from one template: prose of varied length, a large vocabulary, big includes.
 */
export function generateCorpus(dir: string, endpoints: number, seed = 42): void {
  const random = seededRandom(seed + endpoints);
  const words: Words = { random, draw: wordSource(random) };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'includes'), { recursive: true });
  const includes: string[] = [];
  const resources = new Set<string>();
  let written = 0;
  for (let group = 0; written < endpoints; group++) {
    let resource = words.draw(1)[0]!;
    while (resources.has(resource) || COMMON.includes(resource)) resource = `${resource}${pick(random, ['a', 'o', 'ix', 'en'])}`;
    resources.add(resource);
    const size = random() < 1 / 12 ? 30 + Math.floor(random() * 31) : 6 + Math.floor(random() * 7);
    const count = Math.min(size, endpoints - written);
    const body = [`# ${resource[0]!.toUpperCase()}${resource.slice(1)}s\n\n${prose(random, words.draw)}\n`];
    for (let i = 0; i < count; i++) {
      const extra = group === 3 && i === 0 ? RARE_WORD : random() < 0.4 ? COMMON_WORD : undefined;
      body.push(endpoint(words, resource, i, extra));
    }
    written += count;
    const name = `group_${String(group).padStart(4, '0')}`;
    includes.push(name);
    fs.writeFileSync(path.join(dir, 'includes', `_${name}.md`), body.join('\n'));
  }
  const front = [
    '---',
    `title: Bench API (${endpoints} endpoints)`,
    'language_tabs:',
    '  - shell',
    '  - ruby',
    '  - python',
    '  - javascript',
    'toc_footers:',
    "  - <a href='https://example.com'>Example</a>",
    'includes:',
    ...includes.map((name) => `  - ${name}`),
    'search: true',
    'code_clipboard: true',
    '---',
    '',
    '# Introduction',
    '',
    prose(random, words.draw),
    '',
  ];
  fs.writeFileSync(path.join(dir, 'index.html.md'), front.join('\n'));
}
