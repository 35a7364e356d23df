import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadSite } from '../../../src/content/site';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-spec-site-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SPEC = 'openapi: 3.1.0\ninfo:\n  title: Kennel\n  version: "1"\npaths: {}\n';

describe('a content folder that holds only a spec', () => {
  test('is the site of that spec: one page, titled by it, four tabs, search on', () => {
    const site = loadSite(folder({ 'kennel.yaml': SPEC, 'notes.json': '{"not": "a spec"}' }));
    expect(site.problems).toEqual([]);
    expect(site.pages).toHaveLength(1);
    const [page] = site.pages;
    expect(page!.frontMatter.title).toBe('Kennel');
    expect(page!.tabs.map((tab) => tab.key)).toEqual(['shell', 'ruby', 'python', 'javascript']);
    expect(page!.frontMatter.search).toBe(true);
    expect(page!.specs.map((spec) => path.basename(spec.file))).toEqual(['kennel.yaml']);
  });

  test("gets a tab for each other language its own code samples are in, found through its $refs (DigitalOcean's Go)", () => {
    const dir = folder({
      'api.yaml': `${SPEC.replace('paths: {}\n', '')}paths:\n  /droplets:\n    $ref: 'resources/droplets.yml'\n`,
      'resources/droplets.yml': [
        'get:',
        '  operationId: list',
        '  x-codeSamples:',
        "    - $ref: 'examples/curl.yml'",
        "    - $ref: 'examples/go.yml'",
        '    - { "lang": "Elixir", "source": "Droplets.list()" }',
        '  responses:',
        "    '200':",
        '      description: OK',
        '      content:',
        '        application/json:',
        '          schema:',
        '            properties:',
        '              lang:',
        '                type: string',
        '          example: { lang: en }',
        '',
      ].join('\n'),
      'resources/examples/curl.yml': 'lang: cURL\nsource: curl https://api.example.com/droplets\n',
      'resources/examples/go.yml': 'lang: Go\nsource: client.Droplets.List(ctx, nil)\n',
    });
    const [page] = loadSite(path.join(dir, 'api.yaml')).pages;
    // cURL is the shell tab's; a property or an example value named lang is no language; Elixir, in which Shale writes no samples, gets no tab (its sample is reported, as in any page).
    expect(page!.tabs.map((tab) => tab.key)).toEqual(['shell', 'ruby', 'python', 'javascript', 'go']);
  });

  test("gets the C# tab for `lang: 'C#'` (Redoc's name, quoted in YAML: Dropbox Sign's spec), and for an unquoted C# before a comment", () => {
    for (const lang of ["'C#'", '"C#"', 'C#  # Redoc shows C#']) {
      const dir = folder({
        'api.yaml': `${SPEC.replace('paths: {}\n', '')}paths:\n  /a:\n    get:\n      x-codeSamples:\n        - lang: ${lang}\n          source: var client = new HttpClient();\n      responses:\n        '200': {description: OK}\n`,
      });
      expect(loadSite(path.join(dir, 'api.yaml')).pages[0]!.tabs.map((tab) => tab.key)).toEqual(['shell', 'ruby', 'python', 'javascript', 'csharp']);
    }
  });

  test('with two specs, or none, is still an empty content folder', () => {
    expect(loadSite(folder({ 'a.yaml': SPEC, 'b.json': '{"openapi": "3.1.0"}' })).problems.map((p) => p.kind)).toEqual(['content-folder-empty']);
    expect(loadSite(folder({ 'data.yaml': 'a: 1\n' })).problems.map((p) => p.kind)).toEqual(['content-folder-empty']);
  });

  test('a page names a spec beside it, then in the content folder; a missing one is reported with the specs there are', () => {
    const dir = folder({ 'index.md': '---\nopenapi: [api.yaml, specs/missing.yaml]\n---\n# A\n', 'api.yaml': SPEC, 'specs/other.yaml': SPEC });
    const site = loadSite(dir);
    expect(site.pages[0]!.specs.map((spec) => spec.file)).toEqual([path.join(dir, 'api.yaml')]);
    expect(site.problems.map((p) => [p.kind, p.line, p.fix])).toEqual([['openapi-spec-missing', 2, 'use one of: api.yaml, specs/other.yaml.']]);
  });
});

describe('a spec named among the includes', () => {
  test('takes its place in their order, with the tags it names', async () => {
    const { ShaleBuild } = await import('../../../src/engine/shale-build');
    const dir = folder({
      'index.md': '---\nincludes:\n  - intro\n  - openapi:api.yaml#tag=dogs\n  - outro\nopenapi: api.yaml\n---\n# Top\n',
      'includes/_intro.md': '# Intro\n',
      'includes/_outro.md': '# Outro\n',
      'api.yaml': `${SPEC.replace('paths: {}\n', '')}tags: [{ name: dogs }, { name: cats }]\npaths:\n  /dogs:\n    get: { tags: [dogs], operationId: d, summary: Dogs, responses: { '200': { description: OK } } }\n  /cats:\n    get: { tags: [cats], operationId: c, summary: Cats, responses: { '200': { description: OK } } }\n`,
    });
    const content = ShaleBuild.forScript({ content: dir, workDir: folder({}) }, process.cwd()).content();
    await content.prepare();
    const page = content.site.pages[0]!;
    expect(content.site.problems).toEqual([]);
    const heads = page.parts.map((part) => /^(#+ .*|<h[12][^>]*>.*)$/m.exec(part.body)?.[0]);
    // The tag "dogs" keeps clear of its operation "Dogs", whose id is fixed.
    expect(heads).toEqual(['# Top', '# Intro', '<h1 id="dogs-tag">dogs</h1>', '# Outro', '<h1 id="dogs-tag">dogs</h1>']);
    expect(page.parts[2]!.body).not.toContain('Cats');
    expect(page.parts[4]!.body).toContain('Cats');
  });
});
