import { describe, expect, test } from 'vitest';
import { compileSpec } from '../../../src/openapi/compile-spec';
import { operationIds } from '../../../src/openapi/operation-ids';
import { tagsOf, type Json, type SpecOperation } from '../../../src/openapi/spec-model';

const TABS = ['shell', 'ruby', 'python', 'javascript'].map((key) => ({ key, label: key }));

/** A small 3.1 document; `paths` and `extra` replace its parts. */
function spec(paths: Json, extra: Json = {}): Json {
  return { openapi: '3.1.0', info: { title: 'T', version: '1' }, servers: [{ url: 'https://api.test/v1' }], paths, ...extra };
}

const op = (operationId: string, summary: string, more: Json = {}) => ({ operationId, summary, responses: { '204': { description: 'done' } }, ...more });

describe('tags and their operations', () => {
  test('follow x-tagGroups, then tags, then first use; untagged last; an operation renders under its own first tag', () => {
    const document = spec(
      {
        '/a': { get: op('a', 'A', { tags: ['late'] }) },
        '/b': { get: op('b', 'B', { tags: ['second', 'first'] }) },
        '/c': { get: op('c', 'C') },
        '/d': { get: op('d', 'D', { tags: ['first'] }) },
      },
      { tags: [{ name: 'second' }, { name: 'first', 'x-displayName': 'First things' }], 'x-tagGroups': [{ name: 'G', tags: ['first'] }] },
    );
    const tags = tagsOf(document);
    expect(tags.map((tag) => [tag.title, tag.operations.map((o) => o.key), tag.alsoListed.map((o) => o.key)])).toEqual([
      ['First things', ['d'], ['b']],
      ['second', ['b'], []],
      ['late', ['a'], []],
      ['Operations', ['c'], []],
    ]);
    const markdown = compileSpec(document, { dialect: 'md', tabs: TABS }).markdown;
    expect(markdown).toContain('Also in this group: [B](#b).');
    // Redoc's and Widdershins' anchors of the tag, at its top (the spec's title is "T").
    expect(markdown).toContain('# First things\n\n<div class="anchors"><span id="tag/first"></span><span id="t-first"></span><span id="/first"></span></div>');
  });

  test("a declared tag with a description and no operations is a section of its text, in its place (Lob's Authentication); one without a description, or its webhooks', is none", () => {
    const document = {
      ...spec(
        { '/letters': { get: op('letters', 'List letters', { tags: ['Letters'] }) } },
        {
          tags: [
            { name: 'Authentication', description: 'Send your key.' },
            { name: 'Letters' },
            { name: 'Empty' },
            { name: 'Events', description: 'What we send.' },
          ],
          'x-tagGroups': [
            { name: 'Overview', tags: ['Authentication'] },
            { name: 'Mail', tags: ['Letters', 'Empty', 'Events'] },
          ],
        },
      ),
      webhooks: { sent: { post: op('sent', 'Letter sent', { tags: ['Events'] }) } },
    };
    expect(tagsOf(document).map((tag) => tag.name)).toEqual(['Authentication', 'Letters']);
    const markdown = compileSpec(document, { dialect: 'md', tabs: TABS }).markdown;
    expect(markdown.indexOf('Send your key.')).toBeGreaterThan(markdown.indexOf('# Authentication'));
    expect(markdown.indexOf('Send your key.')).toBeLessThan(markdown.indexOf('# Letters'));
  });
});

describe('operation ids', () => {
  const operations = (order: string[]): SpecOperation[] =>
    order.map((key) => ({
      method: 'get',
      path: `/${key}`,
      operation: { operationId: key, summary: key === 'other' ? 'Other' : 'Get a thing' },
      pathItem: {},
      pointer: `/paths/~1${key}/get`,
      key,
      webhook: false,
    }));

  test("are Slate's slug of the summary; where summaries repeat, the operationId decides, not the order", () => {
    const forward = operations(['zeta', 'alpha', 'other']);
    const backward = operations(['other', 'alpha', 'zeta']);
    const byKey = (ids: Map<SpecOperation, string>) => Object.fromEntries([...ids].map(([operation, id]) => [operation.key, id]));
    expect(byKey(operationIds(forward))).toEqual({ alpha: 'get-a-thing', zeta: 'get-a-thing-zeta', other: 'other' });
    expect(byKey(operationIds(backward))).toEqual(byKey(operationIds(forward)));
  });
});

describe('the sections of an operation', () => {
  const document = spec(
    {
      '/pets/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        put: op('putPet', 'Replace a pet', {
          deprecated: true,
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
          responses: { '200': { description: 'The pet', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
          'x-codeSamples': [
            { lang: 'cURL', source: 'curl -X PUT https://api.test/v1/pets/1' },
            { lang: 'Elixir', source: 'Pets.put(1)' },
          ],
        }),
      },
    },
    {
      components: {
        schemas: {
          Pet: {
            type: 'object',
            required: ['name'],
            properties: {
              id: { type: 'integer', readOnly: true },
              name: { type: 'string', description: 'Its <i>name</i>.<img src=x onerror=alert(1)>' },
              secret: { type: 'string', writeOnly: true },
              friend: { $ref: '#/components/schemas/Pet' },
            },
          },
        },
      },
    },
  );
  const { markdown, findings } = compileSpec(document, { dialect: 'md', tabs: TABS });
  const section = (title: string) => markdown.slice(markdown.indexOf(title), markdown.indexOf('<h3', markdown.indexOf(title) + title.length + 5) >>> 0);

  test('have a fixed id, the method and path, and say when deprecated', () => {
    expect(markdown).toContain('<h2 id="replace-a-pet">Replace a pet</h2>');
    expect(markdown).toContain(
      // Widdershins' and Redoc's anchors, Swagger UI's (untagged: under "default"), and the id of Widdershins' heading of it (its operationId).
      '<h2 id="replace-a-pet">Replace a pet</h2>\n\n<div class="anchors"><span id="opIdputPet"></span><span id="operation/putPet"></span><span id="/default/putPet"></span><span id="putpet"></span></div>',
    );
    expect(markdown).toContain('<p class="endpoint"><code>PUT /pets/&#123;id&#125;</code> · operation <code>putPet</code></p>');
    expect(markdown).toContain('**Deprecated.**');
    expect(markdown).toContain('<h3 id="replace-a-pet-parameters" class="operation-part">Parameters</h3>');
    // Widdershins' ids of its parts, from the operationId (with --summary, the summary's are Shale's own here).
    expect(markdown).toContain(
      '<h3 id="replace-a-pet-parameters" class="operation-part">Parameters</h3>\n\n<div class="anchors"><span id="putpet-parameters"></span></div>',
    );
    expect(markdown).toContain(
      '<h3 id="replace-a-pet-responses" class="operation-part">Responses</h3>\n\n<div class="anchors"><span id="putpet-responses"></span><span id="putpet-responseschema"></span><span id="replace-a-pet-responseschema"></span></div>',
    );
  });

  test("use the writer's sample for its tab and generate the others; a sample for no tab is reported", () => {
    expect(markdown).toContain('```shell\ncurl -X PUT https://api.test/v1/pets/1\n```');
    // A generated one says so after its language (search leaves it out: content/generated-sample.ts).
    expect(markdown).toMatch(/```ruby generated-sample\nrequire 'uri'/);
    expect(markdown).toMatch(/```python generated-sample\nimport requests/);
    expect(markdown).toMatch(/```javascript generated-sample\nconst options/);
    expect(findings).toContainEqual({ kind: 'openapi-sample-language', pointer: '/paths/~1pets~1{id}/put/x-codeSamples', facts: { lang: 'Elixir' } });
  });

  test('leave readOnly out of the request, writeOnly out of the response, and name a recursion without expanding it', () => {
    const request = section('<h3 id="replace-a-pet-body" class="operation-part">');
    expect(request).toContain('<code>secret</code>');
    expect(request).not.toContain('<code>id</code>');
    expect(request).toContain('<li><code>friend</code> (Pet)</li>');
    const response = markdown.slice(markdown.indexOf('`200` `application/json`'));
    expect(response).toContain('<li><code>id</code> (integer)</li>');
    expect(response).not.toContain('<code>secret</code>');
  });

  test('drop unsafe HTML from descriptions and report where it was', () => {
    expect(markdown).toContain('Its <i>name</i>.<img src="x">');
    expect(markdown).not.toMatch(/onerror/);
    expect(findings.filter((finding) => finding.kind === 'openapi-unsafe-html')).toEqual([
      { kind: 'openapi-unsafe-html', pointer: '/components/schemas/Pet/properties/name/description', facts: { what: 'the onerror attribute of <img>' } },
    ]);
  });

  test("a response header's description is Markdown, as every description of a spec", () => {
    const withHeader = spec({
      '/pets': {
        post: op('addPet', 'Add a pet', {
          responses: {
            '201': { description: 'Added', headers: { Location: { description: 'The new pet at `/pets/{id}`, *at once*.', schema: { type: 'string' } } } },
          },
        }),
      },
    });
    const table = compileSpec(withHeader, { dialect: 'md', tabs: TABS }).markdown;
    expect(table).toContain('| `Location` | string | The new pet at `/pets/{id}`, *at once*. |');
  });

  test('a tab no generator knows and no sample covers is reported', () => {
    const result = compileSpec(document, {
      dialect: 'md',
      tabs: [
        { key: 'elixir', label: 'Elixir' },
        { key: 'haskell', label: 'Haskell' },
      ],
    });
    expect(result.findings.filter((finding) => finding.kind === 'openapi-no-sample')).toEqual([
      { kind: 'openapi-no-sample', pointer: '/paths/~1pets~1{id}/put', facts: { tab: 'haskell' } },
    ]);
    expect(result.markdown).toContain('```elixir\nPets.put(1)\n```');
  });
});

describe('property lists', () => {
  const schema = {
    type: 'object',
    properties: {
      note: { type: 'string', description: 'Sent as *is*:\n\n```\nfirst\n\nthird\n```' },
      outer: { type: 'object', properties: { inner: { type: 'object', properties: { deep: { type: 'integer' } } } } },
      tag: {
        oneOf: [
          { title: 'Collar', type: 'object', properties: { colour: { type: 'string' } } },
          { title: 'Chip', type: 'string' },
        ],
      },
    },
  };
  const document = spec({ '/n': { post: op('postN', 'Post n', { requestBody: { content: { 'application/json': { schema } } } }) } });

  test("take Widdershins' id of the operation's parameters when it has none (Widdershins listed the body there)", () => {
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });
    expect(markdown).toContain(
      '<h3 id="post-n-body" class="operation-part">Request body</h3>\n\n<div class="anchors"><span id="postn-parameters"></span><span id="post-n-parameters"></span></div>',
    );
  });

  test('are one HTML block in a Markdown page: no blank line inside, even where a description has one in its code', () => {
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });
    const list = /<ul class="properties">.*<\/ul>/s.exec(markdown)![0];
    expect(list).not.toMatch(/\n[ \t]*\n/);
    expect(list).toContain('<code>note</code> (string): Sent as <em>is</em>:');
    expect(list).toContain('<pre><code>first&#10;\nthird\n</code></pre>');
  });

  test('fold levels below the second into a labelled <details>, but never the alternatives of a oneOf', () => {
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });
    expect(markdown).toContain(
      '<li><code>outer</code> (object)<ul class="properties"><li><code>inner</code> (object)<details><summary>1 property</summary><ul class="properties"><li><code>deep</code> (integer)</li></ul></details></li></ul></li>',
    );
    expect(markdown).toContain(
      '<li>Exactly one of:<ul class="properties"><li>Collar (object)<details><summary>1 property</summary><ul class="properties"><li><code>colour</code> (string)</li></ul></details></li><li>Chip (string)</li></ul></li>',
    );
  });

  test('are a nested Markdown list in MDX, which allows no raw HTML', () => {
    const { markdown } = compileSpec(document, { dialect: 'mdx', tabs: TABS });
    expect(markdown).toContain('- `outer` (object)\n  - `inner` (object)\n    - `deep` (integer)');
    expect(markdown).not.toContain('<ul');
  });
});

describe('webhooks', () => {
  test("are titled by their summary when it reads as a heading, else by their name, with the summary as their first paragraph (GitHub's)", () => {
    const long = 'This event occurs when there is activity relating to branch protection rules.\nFor more information, see the docs.';
    const document = {
      ...spec({}),
      webhooks: { 'rule-created': { post: op('rule/created', long, { description: 'A rule was created.' }) }, ping: { post: op('ping', 'Ping') } },
    };
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });
    expect(markdown).toContain('<h2 id="rule-created">rule-created</h2>');
    expect(markdown).toContain(
      'This event occurs when there is activity relating to branch protection rules.\nFor more information, see the docs.\n\nA rule was created.',
    );
    expect(markdown).toContain('<h2 id="ping">Ping</h2>');
  });

  test("show the readOnly properties of what the API sends, a webhook's payload and a callback's body, and a callback's description (Train Travel's, Unblu's)", () => {
    const booking = {
      type: 'object',
      properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true }, name: { type: 'string' } },
    };
    const body = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Booking' } } } };
    const subscribe = op('subscribe', 'Subscribe', {
      callbacks: {
        created: { '{$request.body#/url}': { post: op('created', 'Booking created', { description: 'Sent once a booking is *made*.', requestBody: body }) } },
      },
    });
    const document = {
      ...spec({ '/subscriptions': { post: subscribe } }),
      webhooks: { newBooking: { post: op('newBooking', 'New booking', { requestBody: body }) } },
      components: { schemas: { Booking: booking } },
    };
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });
    const [callback, webhook] = markdown.split('# Webhooks');
    for (const part of [callback!, webhook!]) {
      expect(part).toContain('<li><code>id</code> (string)</li>');
      expect(part).not.toContain('<code>secret</code>');
    }
    expect(callback).toContain('Sent once a booking is *made*.');
  });
});

describe('MDX pages', () => {
  test('get text MDX reads as text: braces and angle brackets escaped outside code', () => {
    const document = spec({ '/x': { get: op('getX', 'Get {x} <now>', { description: 'Returns {x} when a < b.' }) } });
    const { markdown } = compileSpec(document, { dialect: 'mdx', tabs: TABS });
    expect(markdown).toContain('<h2 id="get-x-lt-now-gt">Get &#123;x&#125; &lt;now&gt;</h2>');
    expect(markdown).toContain('Returns \\{x} when a \\< b.');
  });
});

describe("what real specs hold (GitHub's REST API)", () => {
  const document = spec({
    '/repos/{owner}/{repo}': {
      get: op('repos/get', 'Get a repository', {
        description: 'Gets it.\n\n> [!WARNING]\n> Only for **admins**.\n\n> A plain quote.',
        parameters: [
          { name: 'owner', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'repo', in: 'path', required: true, schema: { type: 'string' } },
        ],
      }),
    },
  });
  const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });

  test("a quote in a description stays beside its text, as one of Slate's asides (a `>` would move it to the code column)", () => {
    expect(markdown).toContain('<aside class="warning">\n\nOnly for **admins**.\n\n</aside>');
    expect(markdown).toContain('<aside class="notice">\n\nA plain quote.\n\n</aside>');
    expect(markdown).not.toContain('[!WARNING]');
  });

  test('a path parameter with nothing to go by is named in the sample, not given a made-up value', () => {
    expect(markdown).toContain('https://api.test/v1/repos/OWNER/REPO');
  });
});

describe('some tags, or some operations, of a spec', () => {
  const document = spec(
    {
      '/a': { get: op('sameA', 'Same', { tags: ['one'] }) },
      '/b': { get: op('sameB', 'Same', { tags: ['two', 'one'] }) },
    },
    { tags: [{ name: 'one' }, { name: 'two' }] },
  );

  test('keep the ids the whole spec gives, and show an operation whose own tag is left out under the shown tag', () => {
    const whole = compileSpec(document, { dialect: 'md', tabs: TABS }).markdown;
    const one = compileSpec(document, { dialect: 'md', tabs: TABS, tags: ['one'] }).markdown;
    const single = compileSpec(document, { dialect: 'md', tabs: TABS, operations: ['sameB'] }).markdown;
    expect(whole).toContain('<h2 id="same-sameb">Same</h2>');
    expect(one).toContain('<h2 id="same">Same</h2>');
    expect(one).toContain('<h2 id="same-sameb">Same</h2>');
    expect(one).not.toContain('Also in this group');
    expect(single).toContain('<h2 id="same-sameb">Same</h2>');
    expect(single).not.toMatch(/^# /m);
  });
});

describe("what real specs hold (DigitalOcean's)", () => {
  test("a tag's Redoc anchor is its slug, so a description's link written for Redoc (#tag/Domain-Records) lands on it", () => {
    const document = spec(
      { '/v2/domains/{name}/records': { get: op('domains_list_records', 'List All Domain Records', { tags: ['Domain Records'] }) } },
      { tags: [{ name: 'Domain Records', description: 'See [the records](#tag/Domain-Records).' }] },
    );
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });
    expect(markdown).toContain('<span id="tag/Domain-Records"></span>');
    expect(markdown).toContain('<span id="tag/Domain-Records/operation/domains_list_records"></span>');
    expect(markdown).toContain('[the records](#tag/Domain-Records)');
  });

  test('a server URL with no host is one error at its pointer, and the operation keeps the samples its writer gave', () => {
    const upload = op('upload_file', 'Upload a file', {
      servers: [{ url: 'https://', description: 'the presigned upload_url' }],
      'x-codeSamples': [{ lang: 'cURL', source: 'curl -X PUT "$UPLOAD_URL" --data-binary @batch.jsonl' }],
    });
    const { markdown, findings } = compileSpec(spec({ '/<upload_url>': { put: upload } }), { dialect: 'md', tabs: TABS });
    expect(findings).toEqual([
      { kind: 'openapi-server-url', pointer: '/paths/~1<upload_url>/put/servers/0/url', facts: { url: 'https://', reason: 'it has no host' } },
    ]);
    expect(markdown).toContain('curl -X PUT "$UPLOAD_URL"');
    expect(markdown).not.toMatch(/```ruby/);
  });

  test('an empty info.description makes no empty Introduction', () => {
    const empty = spec({ '/a': { get: op('a', 'A') } }, { info: { title: 'T', version: '1', description: '' } });
    const given = spec({ '/a': { get: op('a', 'A') } }, { info: { title: 'T', version: '1', description: 'Welcome.' } });
    expect(compileSpec(empty, { dialect: 'md', tabs: TABS, introduction: true }).markdown).not.toContain('Introduction');
    expect(compileSpec(given, { dialect: 'md', tabs: TABS, introduction: true }).markdown).toMatch(/^# Introduction\n\nWelcome\.$/m);
  });

  test("a parameter whose allOf wraps a $ref to a string enum (Pachca's, for a default beside it) is that string, with its values", () => {
    const list = op('list', 'List', { parameters: [{ name: 'sort', in: 'query', schema: { allOf: [{ $ref: '#/components/schemas/Sort' }], default: 'id' } }] });
    const document = { ...spec({ '/m': { get: list } }), components: { schemas: { Sort: { type: 'string', enum: ['id', 'date'] } } } };
    expect(compileSpec(document, { dialect: 'md', tabs: TABS }).markdown).toContain(
      '| `sort` | query | string | no | Default `"id"`, one of `"id"`, `"date"`. |',
    );
  });

  test("a map (additionalProperties) says what its values are, and lists their properties (Docker's labels and ports)", () => {
    const schema = {
      type: 'object',
      properties: {
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        ports: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object', properties: { HostIp: { type: 'string' } } } } },
        free: { type: 'object', additionalProperties: true },
      },
    };
    const get = op('get', 'Get', { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } });
    const { markdown } = compileSpec(spec({ '/c': { get } }), { dialect: 'md', tabs: TABS });
    expect(markdown).toContain(
      '<li><code>labels</code> (map of string)</li><li><code>ports</code> (map of array of object)<ul class="properties"><li><code>HostIp</code> (string)</li></ul></li><li><code>free</code> (object)</li>',
    );
  });

  test("an alternative with no type shows its value (Discord's named enum values) or what it requires (Intercom's), and its description", () => {
    const schema = {
      type: 'object',
      properties: {
        kind: {
          type: 'integer',
          oneOf: [
            { title: 'ACTION_ROW', const: 1, description: 'Holds *other* components.' },
            { title: 'BUTTON', const: 2 },
          ],
        },
        subject: { type: 'string' },
      },
      anyOf: [{ title: 'email', required: ['kind', 'subject'] }],
    };
    const post = op('make', 'Make', { requestBody: { content: { 'application/json': { schema } } } });
    const { markdown } = compileSpec(spec({ '/m': { post } }), { dialect: 'md', tabs: TABS });
    expect(markdown).toContain('<li>ACTION_ROW (<code>1</code>): Holds <em>other</em> components.</li><li>BUTTON (<code>2</code>)</li>');
    expect(markdown).toContain('<li>email (requires <code>kind</code>, <code>subject</code>)</li>');
  });

  test("the responses table names every standard status (Pachca's 402), and the class of one it does not know", () => {
    const responses = {
      '402': { description: 'Pay first' },
      '413': { description: 'Too big' },
      '299': { description: 'Odd' },
      default: { description: 'Else' },
    };
    const { markdown } = compileSpec(spec({ '/a': { get: op('a', 'A', { responses }) } }), { dialect: 'md', tabs: TABS });
    expect(markdown).toMatch(/\|\s*`402`\s*\|\s*Payment Required\s*\|/);
    expect(markdown).toMatch(/\|\s*`413`\s*\|\s*Payload Too Large\s*\|/);
    expect(markdown).toMatch(/\|\s*`299`\s*\|\s*2xx\s*\|/);
    expect(markdown).toMatch(/\|\s*`default`\s*\|\s*Any other status\s*\|/);
  });

  test('a server variable whose default is a placeholder stays in the sample as written', () => {
    const chat = op('chat', 'Chat', { servers: [{ url: 'https://{agent_url}', variables: { agent_url: { default: '{your-agent-url}' } } }] });
    const { markdown, findings } = compileSpec(spec({ '/api/v1/chat': { post: chat } }), { dialect: 'md', tabs: TABS });
    expect(findings).toEqual([]);
    expect(markdown).toContain('https://{your-agent-url}/api/v1/chat');
  });

  test("so does one in the server's path (Rebilly's `{organizationId}`), in every tab, not percent-encoded", () => {
    const list = op('list', 'List', { servers: [{ url: 'https://api.example.com/organizations/{org}', variables: { org: { default: '{organizationId}' } } }] });
    const { markdown } = compileSpec(spec({ '/customers': { get: list } }), { dialect: 'md', tabs: TABS });
    expect(markdown).not.toContain('%7B');
    expect(markdown.match(/https:\/\/api\.example\.com\/organizations\/\{organizationId\}\/customers/g)?.length).toBeGreaterThanOrEqual(TABS.length);
  });
});

describe("what real specs hold (OpenAI's)", () => {
  const document = spec({
    '/chat/completions': {
      get: op('listChatCompletions', 'List stored Chat Completions. Only those stored with the `store`\nparameter set to `true` are returned.\n'),
      post: op(
        'createChatCompletion',
        '**Starting a new project?** We recommend trying [Responses](/docs/api-reference/responses).\n\n---\n\nCreates a model response for the given chat conversation.\n',
      ),
    },
  });
  const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });

  test('a summary of one paragraph, its lines wrapped, is the heading on one line, its code spans as code', () => {
    expect(markdown).toContain(
      '<h2 id="list-stored-chat-completions-only-those-stored-with-the-store-parameter-set-to-true-are-returned">List stored Chat Completions. Only those stored with the <code>store</code> parameter set to <code>true</code> are returned.</h2>',
    );
  });

  test('a summary of several paragraphs is prose: the operationId heads the operation, the summary is its first paragraph', () => {
    expect(markdown).toContain('<h2 id="createchatcompletion">createChatCompletion</h2>');
    expect(markdown).toContain('**Starting a new project?** We recommend trying [Responses](/docs/api-reference/responses).');
    expect(markdown).toContain('Creates a model response for the given chat conversation.');
    // No heading spans lines: a blank line in one would end its HTML block.
    expect(markdown).not.toMatch(/<h2[^>]*>[^<]*\n/);
  });
});

describe('where the Markdown of a spec comes from', () => {
  test('each section starts a place: the description, the security schemes, each tag and each operation, at their Markdown line', () => {
    const document = spec(
      {
        '/pets': { get: op('listPets', 'List pets', { tags: ['pets'], description: 'See [the cats](#nowhere).' }) },
        '/cats': { get: op('listCats', 'List cats', { tags: ['cats'] }) },
      },
      {
        info: { title: 'T', version: '1', description: 'Welcome.' },
        tags: [{ name: 'pets' }],
        components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
      },
    );
    const { markdown, places } = compileSpec(document, { dialect: 'md', tabs: TABS });
    const lines = markdown.split('\n');
    expect(places.map(([, pointer]) => pointer)).toEqual([
      '/info/description',
      '/components/securitySchemes',
      '/components/securitySchemes/key',
      '/tags/0',
      '/paths/~1pets/get',
      '/paths/~1cats/get',
      '/paths/~1cats/get',
    ]);
    const lineOf = (pointer: string) => places.find(([, at]) => at === pointer)![0];
    expect(lines[lineOf('/info/description') - 1]).toBe('Welcome.');
    expect(lines[lineOf('/tags/0') - 1]).toBe('# pets');
    expect(lines[lineOf('/paths/~1pets/get') - 1]).toBe('<h2 id="list-pets">List pets</h2>');
    // An undeclared tag starts where it is first used; its operation follows it.
    expect(lines[lineOf('/paths/~1cats/get') - 1]).toBe('# cats');
  });
});

describe("what real specs hold (Plaid's)", () => {
  test('keys sent together each get a placeholder of their own; a key alone is YOUR_API_KEY', () => {
    const key = (name: string) => ({ type: 'apiKey', in: 'header', name });
    const document = spec(
      { '/transfer': { post: op('transferCreate', 'Create a transfer', { security: [{ clientId: [], secret: [] }] }) }, '/ping': { get: op('ping', 'Ping') } },
      {
        security: [{ version: [] }],
        components: { securitySchemes: { clientId: key('PLAID-CLIENT-ID'), secret: key('PLAID-SECRET'), version: key('Plaid-Version') } },
      },
    );
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });
    expect(markdown).toContain("--header 'PLAID-CLIENT-ID: YOUR_PLAID_CLIENT_ID' \\\n  --header 'PLAID-SECRET: YOUR_PLAID_SECRET'");
    expect(markdown).toContain("--header 'Plaid-Version: YOUR_API_KEY'");
  });
});

describe("what real specs hold (Miataru's)", () => {
  test("a tag, a schema or a scheme named as an operation's id keeps clear of that id (the operation's is fixed)", () => {
    const document = spec(
      { '/GetLocation': { post: { operationId: 'getLocation', tags: ['getLocation'], responses: { '200': { description: 'OK' } } } } },
      { components: { schemas: { getLocation: { type: 'object' } }, securitySchemes: { getLocation: { type: 'http', scheme: 'bearer' } } } },
    );
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS, schemas: true });
    expect(markdown).toContain('<h2 id="getlocation">getLocation</h2>');
    expect(markdown).toContain('<h1 id="getlocation-tag">getLocation</h1>');
    expect(markdown).toContain('<h2 id="getlocation-schema">getLocation</h2>');
    expect(markdown).toContain('<h2 id="getlocation-scheme">getLocation</h2>');
    expect(markdown.match(/id="getlocation"/g)).toHaveLength(1);
  });
});

describe("what real specs hold (Azure's Cosmos DB)", () => {
  test('a tag named Operations beside the untagged operations, which Shale groups under "Operations": each anchor once', () => {
    const document = spec(
      { '/a': { get: op('listA', 'List A', { tags: ['Operations'] }) }, '/b': { get: op('listB', 'List B') } },
      { tags: [{ name: 'Operations' }] },
    );
    const { markdown } = compileSpec(document, { dialect: 'md', tabs: TABS });
    expect(markdown.match(/^# Operations$/gm)).toHaveLength(2);
    expect(markdown.match(/id="tag\/Operations"/g)).toHaveLength(1);
  });
});

describe('a schema an operation shows again (Kubernetes: a Pod answers 200, 201 and 202, in JSON and YAML)', () => {
  test('is listed once; the other places name it, and an example shown again is named, not repeated', () => {
    const pod = {
      type: 'object',
      properties: { name: { type: 'string', description: 'The pod.' }, spec: { type: 'object', properties: { image: { type: 'string' } } } },
    };
    const media = {
      'application/json': { schema: { $ref: '#/components/schemas/Pod' } },
      'application/yaml': { schema: { $ref: '#/components/schemas/Pod' } },
    };
    const document = spec(
      {
        '/pods': {
          post: {
            operationId: 'createPod',
            summary: 'Create a pod',
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pod' } } } },
            responses: { '200': { description: 'OK', content: media }, '201': { description: 'Created', content: media } },
          },
        },
        '/other': { get: op('other', 'Other', { responses: { '200': { description: 'OK', content: media } } }) },
      },
      { components: { schemas: { Pod: pod } } },
    );
    const markdown = compileSpec(document, { dialect: 'md', tabs: TABS, schemas: true }).markdown;
    const create = markdown.slice(markdown.indexOf('<h2 id="create-a-pod">'), markdown.indexOf('<h2 id="other">'));
    expect(create.match(/<code>image<\/code>/g)).toHaveLength(1);
    expect(create).toContain("`200` `application/json`: Pod, with the properties listed under the request body's `application/json`.");
    expect(create).toContain("`201` `application/yaml`: Pod, with the properties listed under the request body's `application/json`.");
    expect(create.match(/```json/g)).toHaveLength(1);
    expect(create).toContain('> 201 response: the same as the 200 response.');
    // Each operation and each schema section lists its own.
    const other = markdown.slice(markdown.indexOf('<h2 id="other">'), markdown.indexOf('# Schemas'));
    expect(other.match(/<code>image<\/code>/g)).toHaveLength(1);
    expect(markdown.slice(markdown.indexOf('# Schemas')).match(/<code>image<\/code>/g)).toHaveLength(1);
  });
});

describe('response examples in the code column', () => {
  test('a text example the spec gives (CSV, XML, plain) is shown in its language; none is made up for text or bytes', () => {
    const responses = {
      '200': { description: 'Photo', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } },
      '201': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' }, example: 'id,name\n1,Rex\n' } } },
      '202': {
        description: 'XML',
        content: { 'application/xml': { schema: { type: 'object' }, examples: { one: { summary: 'One pet', value: '<pet>Rex</pet>' } } } },
      },
      '203': { description: 'Plain', content: { 'text/plain': { schema: { type: 'string' } } } },
      '204': { description: 'Object in XML', content: { 'application/xml': { example: { pet: 'Rex' } } } },
      '206': { description: 'Two', content: { 'text/csv': { example: 'id\n1\n' }, 'application/json': { example: [{ id: 1 }] }, 'image/png': {} } },
    };
    const markdown = compileSpec(spec({ '/pets': { get: op('pets', 'Pets', { responses }) } }), { dialect: 'md', tabs: TABS }).markdown;
    expect(markdown).toContain('> 201 response\n\n```csv\nid,name\n1,Rex\n```');
    expect(markdown).toContain('> 202 response: One pet\n\n```xml\n<pet>Rex</pet>\n```');
    for (const status of ['200', '203', '204']) expect(markdown).not.toContain(`> ${status} response`);
    // Examples in several media types each name theirs.
    expect(markdown).toContain('> 206 response, text/csv\n\n```csv\nid\n1\n```');
    expect(markdown).toContain('> 206 response, application/json\n\n```json');
  });
});
