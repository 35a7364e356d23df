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

const NOUNS = [
  'widget',
  'gadget',
  'invoice',
  'customer',
  'order',
  'shipment',
  'appointment',
  'calendar',
  'room',
  'token',
  'report',
  'webhook',
  'subscription',
  'payment',
  'refund',
  'coupon',
  'product',
  'category',
  'review',
  'message',
];
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
const WORDS =
  'the a request returns every field of resource when with for and by its that is are this you can use filter sort page limit cursor created updated owner status active archived value default optional required string integer boolean timestamp identifier account'.split(
    ' ',
  );

function sentence(random: () => number, words = 14): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function endpoint(random: () => number, resource: string, index: number): string {
  const [verb, method, suffix] = VERBS[index % VERBS.length]!;
  const plural = `${resource}s`;
  const url = `https://api.example.com/v1/${plural}${suffix.replace('{id}', '42')}`;
  const params = Array.from(
    { length: 3 + Math.floor(random() * 3) },
    (_, i) =>
      `| ${['limit', 'cursor', 'status', 'sort', 'owner_id', 'created_after'][i]} | ${['20', 'none', 'active', 'created', 'none', 'none'][i]} | ${sentence(random, 8)} |`,
  );
  const aside = random() < 0.3 ? `\n<aside class="${['notice', 'warning', 'success'][Math.floor(random() * 3)]}">${sentence(random, 12)}</aside>\n` : '';
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
  "status": "active",
  "created": ${1700000000 + Math.floor(random() * 1e7)}
}
\`\`\`

${sentence(random)} ${sentence(random)} ${sentence(random)}

${sentence(random, 18)} ${sentence(random, 18)} ${sentence(random, 10)}

### HTTP Request

\`${method} ${url}\`

${sentence(random, 16)}

| Parameter | Default | Description |
| --------- | ------- | ----------- |
${params.join('\n')}
${aside}`;
}

/** Writes a Slate source with `endpoints` endpoints, ten per include, each include one h1 group. */
export function generateCorpus(dir: string, endpoints: number, seed = 42): void {
  const random = seededRandom(seed + endpoints);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'includes'), { recursive: true });
  const groups = Math.ceil(endpoints / 10);
  const includes: string[] = [];
  for (let group = 0; group < groups; group++) {
    const resource = `${NOUNS[group % NOUNS.length]}${group >= NOUNS.length ? Math.floor(group / NOUNS.length) + 1 : ''}`;
    const count = Math.min(10, endpoints - group * 10);
    const body = [`# ${resource[0]!.toUpperCase()}${resource.slice(1)}s\n\n${sentence(random, 20)}\n`];
    for (let i = 0; i < count; i++) body.push(endpoint(random, resource, i));
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
    sentence(random, 30),
    '',
  ];
  fs.writeFileSync(path.join(dir, 'index.html.md'), front.join('\n'));
}
