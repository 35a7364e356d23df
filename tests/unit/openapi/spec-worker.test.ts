import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelineVersion } from '../../../src/markdown/part-cache';
import { loadSpec } from '../../../src/openapi/load-spec';
import { compileSpecFile, compileSpecTask, type SpecTask } from '../../../src/openapi/spec-parts';

const task = (file: string, tags: string[] = []): SpecTask => ({
  file,
  options: { dialect: 'md', tabs: [{ key: 'shell', label: 'Shell' }], tags: [] },
  tags: { file: 'index.md', line: 3, names: tags },
});

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-spec-worker-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const written = (name: string, text: string) => {
  fs.writeFileSync(path.join(scratch, name), text);
  return path.join(scratch, name);
};

/** One operation, with what the case needs around it. */
const spec = (openapi: string, extra: { response?: string; ref?: string } = {}) => `openapi: ${openapi}
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      responses:
        '200':
          description: The pets
          content:
            application/json:
              schema: ${extra.ref ? `{ $ref: '${extra.ref}' }` : '{ type: object, properties: { id: { type: integer } } }'}
              example: ${extra.response ?? '{ id: 7 }'}
`;

const jsonSpec = (summary: string) =>
  `{\n  "openapi": "3.1.0",\n  "info": { "title": "Pets", "version": "1" },\n  "paths": {\n    "/pets": {\n      "get": {\n        "operationId": "listPets", ${summary}\n        "responses": { "200": { "description": "The pets" } }\n      }\n    }\n  }\n}\n`;

/**
 * Each case as compileSpecFile gives it on this thread: a large spec gives the same from two
 * workers, one running Redocly's checks and the other reading and compiling (a threshold of 0
 * bytes sends every spec there).
 */
const cases: Array<[string, () => SpecTask]> = [
  ['a valid spec, and a tag the page asks for that it lacks', () => task(path.resolve('tests/fixtures/openapi/specs/kennel.yaml'), ['no-such-tag'])],
  [
    'an example that does not match its schema (a warning): compiled all the same',
    () => task(written('example.yaml', spec('3.1.0', { response: '{ id: seven }' }))),
  ],
  ["errors of Redocly's rules and of Shale's tag checks: nothing compiled", () => task(path.resolve('tests/fixtures/openapi-specs/groups-and-servers.yaml'))],
  ['an unresolved $ref: nothing compiled', () => task(written('unresolved.yaml', spec('3.0.3', { ref: '#/components/schemas/Nowhere' })))],
  ['a version no reader knows', () => task(written('version.yaml', spec('4.1.0')))],
  ['a file that is not YAML', () => task(written('broken.yaml', 'openapi: 3.1.0\ninfo: [unclosed\n'))],
  // The compiling worker reads JSON as JSON; the checking one still reads it as YAML, which refuses a repeated key.
  ['a JSON spec', () => task(written('pets.json', jsonSpec('"summary": "List pets",')))],
  ['a JSON spec with a repeated key: nothing compiled', () => task(written('repeated.json', jsonSpec('"summary": "List pets", "summary": "Again",')))],
];

describe('a large spec, checked and compiled in two worker threads', () => {
  it.each(cases)(
    '%s: the same Markdown, problems and files as on this thread',
    async (_, make) => {
      const here = await compileSpecFile(make(), loadSpec);
      const inWorkers = await compileSpecTask(make(), pipelineVersion(), loadSpec, 0);
      expect(inWorkers).toEqual(here);
    },
    60_000,
  );

  it('the cases cover both outcomes: compiled with problems, and stopped by errors', async () => {
    const outcomes = await Promise.all(cases.map(([, make]) => compileSpecFile(make(), loadSpec)));
    expect(outcomes.filter((outcome) => outcome.markdown !== undefined && outcome.problems.length > 0)).toHaveLength(2);
    expect(outcomes.filter((outcome) => outcome.markdown === undefined && outcome.problems.some((found) => found.severity === 'error'))).toHaveLength(5);
  }, 60_000);
});

describe('the texts a spec’s compiling wrote back, kept for its next compiling', () => {
  const file = path.resolve('tests/fixtures/openapi/specs/kennel.yaml');
  const DESCRIPTION = 'Lists dogs, <b>newest</b> first.<script>alert(1)</script>';
  type Memo = { written: Array<[string, { markdown: string; removed: string[] }]>; lineHtml: Array<[string, string]> };

  it('are read back by a fresh worker, which then writes the same Markdown as without them', async () => {
    const memo = path.join(scratch, 'kennel-memo.json');
    // Worker threads start with nothing written back: the first compiling writes the memo, the next reads it.
    const first = await compileSpecTask({ ...task(file), memo }, pipelineVersion(), loadSpec, 0);
    const stored = JSON.parse(fs.readFileSync(memo, 'utf8')) as Memo;
    expect(stored.written.some(([key]) => key.endsWith(DESCRIPTION))).toBe(true);
    expect(stored.lineHtml.length).toBeGreaterThan(0);
    expect(await compileSpecTask({ ...task(file), memo }, pipelineVersion(), loadSpec, 0)).toEqual(first);
    expect(first).toEqual(await compileSpecFile(task(file), loadSpec));

    // What the memo says is what the compiling uses: a forged entry shows through.
    const forged: Memo = {
      ...stored,
      written: stored.written.map(([key, value]) => [key, key.endsWith(DESCRIPTION) ? { ...value, markdown: 'Read from the memo.' } : value]),
    };
    fs.writeFileSync(memo, JSON.stringify(forged));
    const fromMemo = await compileSpecTask({ ...task(file), memo }, pipelineVersion(), loadSpec, 0);
    expect(fromMemo.markdown).toContain('Read from the memo.');
    expect(first.markdown).not.toContain('Read from the memo.');
  }, 60_000);

  it('holds only what its spec used, and a memo that cannot be read only means writing the texts again', async () => {
    const described = (name: string, description: string) =>
      written(`${name}.yaml`, spec('3.1.0').replace('summary: List pets', `summary: List pets\n      description: ${description}`));
    const [alpha, beta] = [path.join(scratch, 'alpha-memo.json'), path.join(scratch, 'beta-memo.json')];
    fs.writeFileSync(beta, '{ not json');
    // On one thread, one after the other: the second spec's memo leaves out what only the first used.
    await compileSpecFile({ ...task(described('alpha', 'Alpha *only*.')), memo: alpha }, loadSpec);
    const compiled = await compileSpecFile({ ...task(described('beta', 'Beta *only*.')), memo: beta }, loadSpec);
    expect(compiled.markdown).toContain('Beta *only*.');
    const keys = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as Memo).written.map(([key]) => key);
    expect(keys(alpha).filter((key) => key.endsWith('only*.'))).toEqual(['md2\u0000Alpha *only*.']);
    expect(keys(beta).filter((key) => key.endsWith('only*.'))).toEqual(['md2\u0000Beta *only*.']);
  }, 60_000);
});
