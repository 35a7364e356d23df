import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadSite } from '../../../src/content/site';
import { loadSpec } from '../../../src/openapi/load-spec';
import { SpecCache } from '../../../src/openapi/spec-cache';
import { specParts } from '../../../src/openapi/spec-parts';

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
