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
    expect(outcomes.filter((outcome) => outcome.markdown === undefined && outcome.problems.some((found) => found.severity === 'error'))).toHaveLength(4);
  }, 60_000);
});
