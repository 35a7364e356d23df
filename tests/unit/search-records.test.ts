import { describe, expect, test } from 'vitest';
import { pageUrl, SearchIndexError, sectionRecords } from '../../src/search/build/records';
import { identifierWords } from '../../src/search/shared/identifiers';

/** A built page as Shale lays it out: sections with a prose side and an examples side. */
const page = (main: string, { lang = 'en', title = 'API Reference' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>` +
  `<div class="sidebar"><shale-search></shale-search><nav><a href="#users">Users</a></nav></div>` +
  `<main id="content" class="content">${main}</main></body></html>`;

const section = (level: number, heading: string, prose = '', examples = '') =>
  `<section class="section section-h${level}"><div class="prose">${heading}${prose}</div>` +
  (examples ? `<div class="examples">${examples}</div>` : '') +
  `</section>`;

const codeBlock = (language: string, code: string) =>
  `<div class="code-block" data-language="${language}"><pre class="highlight"><code>${code}</code></pre><button type="button" class="copy-button">Copy</button></div>`;

describe('sectionRecords', () => {
  test('gives one record per h1, h2 and h3 section, each linking to its own heading', () => {
    const html = page(
      section(1, '<h1 id="users">Users</h1>', '<p>People of the account.</p>') +
        section(2, '<h2 id="list-users">List Users</h2>', '<p>Newest first.</p>') +
        section(3, '<h3 id="paging">Paging</h3>', '<p>Fifty a page.</p>'),
    );
    expect(sectionRecords(html, 'index.html').map(({ url, title, level }) => ({ url, title, level }))).toEqual([
      { url: '/#users', title: 'Users', level: 1 },
      { url: '/#list-users', title: 'List Users', level: 2 },
      { url: '/#paging', title: 'Paging', level: 3 },
    ]);
  });

  test('names the closest section above as the parent: h1 for an h2, h2 (or h1) for an h3', () => {
    const html = page(
      section(1, '<h1 id="a">Alpha</h1>') +
        section(3, '<h3 id="a-detail">Alpha detail</h3>') +
        section(2, '<h2 id="b">Beta</h2>') +
        section(3, '<h3 id="b-detail">Beta detail</h3>') +
        section(1, '<h1 id="c">Gamma</h1>') +
        section(2, '<h2 id="d">Delta</h2>'),
    );
    expect(sectionRecords(html, 'index.html').map((record) => [record.title, record.parent])).toEqual([
      ['Alpha', ''],
      ['Alpha detail', 'Alpha'],
      ['Beta', 'Alpha'],
      ['Beta detail', 'Beta'],
      ['Gamma', ''],
      ['Delta', 'Gamma'],
    ]);
  });

  test('keeps prose and code apart, puts code-column notes with the prose and leaves copy buttons out', () => {
    const html = page(
      section(
        2,
        '<h2 id="token">The <code>access_token</code> field</h2>',
        '<p>Send it in a header.</p><aside class="notice">It lasts an hour.</aside>',
        '<blockquote><p>Send the Bearer Token:</p></blockquote>' +
          codeBlock('shell', 'curl -H "Authorization: Bearer ACCESS_TOKEN"') +
          codeBlock('ruby', "request['Authorization'] = 'Bearer ACCESS_TOKEN'"),
      ),
    );
    const [record] = sectionRecords(html, 'index.html');
    expect(record).toMatchObject({
      title: 'The access_token field',
      prose: 'Send it in a header.\nIt lasts an hour.\nSend the Bearer Token:',
      code: `curl -H "Authorization: Bearer ACCESS_TOKEN"\nrequest['Authorization'] = 'Bearer ACCESS_TOKEN'`,
    });
    expect(record!.prose + record!.code).not.toContain('Copy');
  });

  test("leaves out a request sample Shale generated from a spec, keeping the writer's samples and the examples", () => {
    const generated = (language: string, code: string) => codeBlock(language, code).replace('class="code-block"', 'class="code-block" data-sample="generated"');
    const html = page(
      section(
        2,
        '<h2 id="get-a-pet">Get a pet</h2>',
        '<p class="endpoint"><code>GET /pets/{id}</code></p>',
        codeBlock('shell', 'pets get --id 1') + generated('python', 'response = requests.get(url)') + codeBlock('json', '{"pet_name": "Rex"}'),
      ),
    );
    const [record] = sectionRecords(html, 'index.html');
    expect(record!.code).toBe('pets get --id 1\n{"pet_name": "Rex"}');
    expect(record!.keywords).toContain('petname');
    expect(record!.keywords).not.toContain('requestsget');
  });

  test("gives each line of a section's code once, trimmed, in order of first appearance", () => {
    const example = [
      '{',
      '  "owner": {',
      '    "login": "octocat",',
      '    "type": "User"',
      '  },',
      '  "merged_by": {',
      '    "login": "hubot",',
      '    "type": "User"',
      '  }',
      '}',
    ];
    const html = page(
      section(
        2,
        '<h2 id="pull">Get a pull request</h2>',
        '<p>One pull request.</p>',
        codeBlock('json', example.join('\n')) + codeBlock('json', '{\n  "login": "octocat",\n}'),
      ),
    );
    const [record] = sectionRecords(html, 'index.html');
    expect(record!.code.split('\n')).toEqual(['{', '"owner": {', '"login": "octocat",', '"type": "User"', '},', '"merged_by": {', '"login": "hubot",', '}']);
    // Every word of the code is still there to be found.
    expect(new Set(record!.code.match(/\w+/g))).toEqual(new Set(`${example.join('\n')}`.match(/\w+/g)));
  });

  test('lists identifier words from the title, prose and code as keywords', () => {
    const html = page(
      section(2, '<h2 id="t">Tokens</h2>', '<p>Call <code>oauth.token</code>.</p>', codeBlock('shell', 'curl https://api.example.test/v1/users')),
    );
    const [record] = sectionRecords(html, 'index.html');
    expect(record!.keywords).toEqual(expect.arrayContaining(['oauthtoken', 'v1users', 'users']));
  });

  test("keywords are the words of title, prose and code taken together, in order (the title's made apart from the rest)", () => {
    const html = page(
      section(
        2,
        '<h2 id="t">access_token and <code>oauth.token</code></h2>',
        '<p>Send <code>token_type</code> and access_token.</p>',
        codeBlock('shell', 'curl -d grant_type=client_credentials https://api.example.test/oauth/token'),
      ),
    );
    const [record] = sectionRecords(html, 'index.html');
    expect(record!.keywords).toEqual(identifierWords(`${record!.title}\n${record!.prose}\n${record!.code}`));
    expect(record!.keywords.slice(0, 3)).toEqual(['access', 'accesstoken', 'token']);
  });

  test('reads text as text: markup written in the docs stays literal', () => {
    const html = page(section(2, '<h2 id="m">Markup</h2>', '<p>Write <code>&lt;img src=x onerror=alert(1)&gt;</code> to test.</p>'));
    expect(sectionRecords(html, 'index.html')[0]!.prose).toBe('Write <img src=x onerror=alert(1)> to test.');
  });

  test('indexes text before the first heading under the page title, at the page address', () => {
    const html = page(`<section class="section section-h0"><div class="prose"><p>Welcome.</p></div></section>` + section(1, '<h1 id="a">Alpha</h1>'), {
      title: 'Widgets API',
    });
    expect(sectionRecords(html, 'v2.html')[0]).toMatchObject({ url: '/v2.html', title: 'Widgets API', level: 0, prose: 'Welcome.' });
  });

  test('skips an empty opening section, but keeps an empty heading section so it can still be found by title', () => {
    const html = page(`<section class="section section-h0"><div class="prose"></div></section>` + section(2, '<h2 id="empty">Empty</h2>'));
    expect(sectionRecords(html, 'index.html').map((record) => record.title)).toEqual(['Empty']);
  });

  test('takes the language from the page, for stemming', () => {
    const html = page(section(1, '<h1 id="a">Alpha</h1>'), { lang: 'de' });
    expect(sectionRecords(html, 'index.html')[0]!.language).toBe('de');
  });

  test('finds <main id="content"> however its attributes are written', () => {
    const html = page(section(1, '<h1 id="a">Alpha</h1>')).replace('<main id="content" class="content">', "<main class='content' id=content>");
    expect(sectionRecords(html, 'index.html').map((record) => record.url)).toEqual(['/#a']);
  });

  test('fails on a page without <main id="content">, naming the page', () => {
    expect(() => sectionRecords('<html><body><p>Not docs.</p></body></html>', 'other.html')).toThrow(SearchIndexError);
    expect(() => sectionRecords('<html><body><p>Not docs.</p></body></html>', 'other.html')).toThrow('other.html has no <main id="content">');
  });

  test('fails on a section heading without an id, because no result could link to it', () => {
    expect(() => sectionRecords(page(section(2, '<h2>Nameless</h2>')), 'index.html')).toThrow('the heading "Nameless" has no id');
  });
});

describe('pageUrl', () => {
  test('gives the address of a built page relative to the site root', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('v2.html')).toBe('/v2.html');
    expect(pageUrl('v3/index.html')).toBe('/v3/');
  });
});
