import fs from 'node:fs';
import { stringify } from 'yaml';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadSite } from '../../../src/content/site';
import { loadSpec } from '../../../src/openapi/load-spec';
import { holdCacheWrites, releaseCacheWrites } from '../../../src/openapi/memo-files';
import { SpecCache } from '../../../src/openapi/spec-cache';
import { compileSpecFile, specParts, type SpecTask } from '../../../src/openapi/spec-parts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const temporary = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-spec-cache-'));
  dirs.push(dir);
  return dir;
};

/** A page naming a spec in two files (the schema behind a `$ref`), and a cache beside it. */
function setUp() {
  const content = temporary();
  fs.writeFileSync(path.join(content, 'index.md'), '---\ntitle: Pets\nopenapi: api.yaml\n---\n# Guide\n\nText.\n');
  fs.writeFileSync(
    path.join(content, 'api.yaml'),
    "openapi: 3.1.0\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      summary: List pets\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: { $ref: 'pet.yaml' }\n",
  );
  fs.writeFileSync(path.join(content, 'pet.yaml'), 'type: object\nproperties:\n  name: { type: string }\n');
  const cache = new SpecCache(path.join(temporary(), 'openapi'), 'v1');
  let loads = 0;
  const load = (file: string) => {
    loads += 1;
    return loadSpec(file);
  };
  const compile = async () => {
    const [page] = loadSite(content).pages;
    const { parts, problems } = await specParts(page!, load, cache);
    return { markdown: parts[0]?.body ?? '', problems };
  };
  return { content, compile, loads: () => loads };
}

describe('a compiled spec kept between builds', () => {
  test('is used while none of its files changed, and made again when one did, a $ref’d file too', async () => {
    const { content, compile, loads } = setUp();
    const first = await compile();
    expect(first.markdown).toContain('<code>name</code> (string)');
    expect((await compile()).markdown).toBe(first.markdown);
    expect(loads()).toBe(1);
    fs.writeFileSync(path.join(content, 'pet.yaml'), 'type: object\nproperties:\n  nickname: { type: string }\n');
    const changed = await compile();
    expect(loads()).toBe(2);
    expect(changed.markdown).toContain('<code>nickname</code> (string)');
  });

  test('is used only beside the record of its files, which is read first and written last', async () => {
    const { compile, loads } = setUp();
    await compile();
    // The cache's folder: the last one setUp made.
    const dir = dirs.at(-1)!;
    const records = fs.readdirSync(path.join(dir, 'openapi')).filter((name) => /^[0-9a-f]{40}\.json$/.test(name));
    expect(records).toHaveLength(1);
    // A build stopped between writing an entry's Markdown and its record leaves the Markdown alone: it is not used.
    fs.rmSync(path.join(dir, 'openapi', records[0]!));
    await compile();
    expect(loads()).toBe(2);
    await compile();
    expect(loads()).toBe(2);
  });

  test('is never kept when the spec has errors: the report comes afresh', async () => {
    const { content, compile, loads } = setUp();
    fs.writeFileSync(path.join(content, 'index.md'), '---\ntitle: Pets\nopenapi:\n  spec: api.yaml\n  tags: [cats]\n---\n# Guide\n');
    const first = await compile();
    expect(first.problems.map((problem) => problem.kind)).toEqual(['openapi-tag-unknown']);
    expect((await compile()).problems.map((problem) => problem.kind)).toEqual(['openapi-tag-unknown']);
    expect(loads()).toBe(2);
  });
});

describe.each(['json', 'yaml'] as const)('a one-file %s spec whose texts alone changed', (format) => {
  /** A page naming a spec with a problem of each kind: an example off its schema (Redocly's rules), an undeclared tag, a script in a text. */
  function setUpJson(clean = false) {
    const content = temporary();
    fs.writeFileSync(path.join(content, 'index.md'), `---\ntitle: Pets\nopenapi: api.${format}\n---\n# Guide\n\nText.\n`);
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Pets', version: '1', description: 'All about pets.' },
      tags: [{ name: 'pets', description: 'Pets.' }],
      paths: {
        '/pets': {
          get: {
            operationId: 'listPets',
            tags: ['pets'],
            summary: 'List pets',
            description: 'Every pet.',
            responses: {
              '200': {
                description: 'OK',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' }, example: { name: 7 } } },
              },
            },
          },
        },
        '/cats': {
          get: {
            operationId: 'listCats',
            tags: [clean ? 'pets' : 'cats'],
            summary: 'List cats',
            description: clean ? 'Cats.' : 'Cats <script>alert(1)</script>',
            responses: { '204': { description: 'None' } },
          },
        },
      },
      components: { schemas: { Pet: { type: 'object', properties: { name: { type: 'string', description: 'Its name.' } } } } },
    };
    const file = path.join(content, `api.${format}`);
    fs.writeFileSync(file, format === 'json' ? JSON.stringify(spec, null, 2) : stringify(spec));
    let compilings = 0;
    const compileIn = (cache: SpecCache) => async () => {
      const [page] = loadSite(content).pages;
      const compile = (task: SpecTask) => {
        compilings += 1;
        return compileSpecFile(task);
      };
      const { parts, problems } = await specParts(page!, loadSpec, cache, compile);
      return { markdown: parts[0]?.body ?? '', lines: parts[0]?.specLines, problems };
    };
    const cacheDir = path.join(temporary(), 'openapi');
    const compile = compileIn(new SpecCache(cacheDir, 'v1'));
    // A build with no cache at all: what the edited spec gives when read, checked and compiled in full.
    const fresh = () => compileIn(new SpecCache(path.join(temporary(), 'openapi'), 'v1'))();
    // An edit as written in JSON, made in the YAML as YAML writes it.
    const inFormat = (text: string) => (format === 'json' ? text : text.replace(/^"(\w+)": /, '$1: ').replace(/^(\w+: )"(.*)"$/, '$1$2'));
    const edit = (from: string, to: string) => {
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes(inFormat(from))) throw new Error(`no ${inFormat(from)} in the spec`);
      fs.writeFileSync(file, text.replace(inFormat(from), inFormat(to)));
    };
    return { compile, fresh, edit, compilings: () => compilings, cacheDir };
  }

  test('is compiled from what the last compiling kept, with its checks, as a full compiling would', async () => {
    const { compile, fresh, edit, compilings } = setUpJson();
    const first = await compile();
    expect(first.problems.map((found) => found.kind).sort()).toEqual(['openapi-example-mismatch', 'openapi-tag-undeclared', 'openapi-unsafe-html']);
    expect(compilings()).toBe(1);
    edit('"summary": "List pets"', '"summary": "List all the pets"');
    edit('"description": "Its name."', '"description": "What the pet answers to."');
    const edited = await compile();
    expect(compilings()).toBe(1);
    expect(edited.markdown).toContain('List all the pets');
    expect(edited.markdown).toContain('What the pet answers to.');
    const full = await fresh();
    expect(compilings()).toBe(2);
    expect(edited).toEqual(full);
    // And again from what this one kept; a script put into a text is found as in a full compiling.
    edit('"description": "Every pet."', '"description": "Every pet <img src=x onerror=alert(1)>"');
    const again = await compile();
    expect(compilings()).toBe(2);
    expect(again).toEqual(await fresh());
    expect(again.problems.filter((found) => found.kind === 'openapi-unsafe-html')).toHaveLength(2);
  });

  test('with its writes held (a quick rebuild’s), writes nothing until they are released; the next edit then starts from them', async () => {
    const { compile, fresh, edit, compilings, cacheDir } = setUpJson();
    await compile();
    const files = () => new Map(fs.readdirSync(cacheDir).map((name) => [name, fs.readFileSync(path.join(cacheDir, name), 'utf8')]));
    const before = files();
    edit('"summary": "List pets"', '"summary": "List all the pets"');
    holdCacheWrites();
    try {
      expect((await compile()).markdown).toContain('List all the pets');
      expect(compilings()).toBe(1);
      expect(files()).toEqual(before);
    } finally {
      releaseCacheWrites();
    }
    expect(files()).not.toEqual(before);
    edit('"description": "Every pet."', '"description": "Each pet."');
    const again = await compile();
    expect(compilings()).toBe(1);
    expect(again).toEqual(await fresh());
  });

  test('without findings of its own (every line asked for is a place the last compiling found), as a full compiling would', async () => {
    // No script in a text, no undeclared tag: every pointer whose line is asked for is a place of the last compiling.
    const { compile, fresh, edit, compilings } = setUpJson(true);
    await compile();
    expect(compilings()).toBe(1);
    edit('"summary": "List cats"', '"summary": "List all the cats"');
    edit('"description": "Every pet."', '"description": "Every pet,\\n\\nover two paragraphs."');
    const edited = await compile();
    expect(compilings()).toBe(1);
    expect(edited.problems.map((found) => found.kind)).toEqual(['openapi-example-mismatch']);
    expect(edited.markdown).toContain('List all the cats');
    expect(edited).toEqual(await fresh());
  });

  test('is read, checked and compiled in full after any other edit', async () => {
    const { compile, edit, compilings } = setUpJson();
    await compile();
    // The example now fits its schema: Redocly's verdict changes.
    edit('"name": 7', '"name": "Rex"');
    const checked = await compile();
    expect(compilings()).toBe(2);
    expect(checked.problems.map((found) => found.kind)).not.toContain('openapi-example-mismatch');
    edit('"operationId": "listCats"', '"operationId": "listPets"');
    expect((await compile()).problems.map((found) => found.kind)).toContain('openapi-invalid');
    expect(compilings()).toBe(3);
  });
});
