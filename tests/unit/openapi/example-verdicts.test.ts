import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { pipelineVersion } from '../../../src/markdown/part-cache';
import { checkSpec, loadSpec } from '../../../src/openapi/load-spec';
import { compileSpecTask } from '../../../src/openapi/spec-parts';
import type { Problem } from '../../../src/validation/problem';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-verdicts-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/**
 * Two operations whose examples meet a component schema through `$ref`s (one of them two steps
 * away), and one schema Redocly's validator cannot compile (a pattern that is no regular expression).
 */
const spec = (idType: string) => `openapi: 3.1.0
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
              schema: { $ref: '#/components/schemas/Pets' }
              example: [{ id: 7, name: Rex }]
  /pets/{id}:
    get:
      operationId: getPet
      summary: Get a pet
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, pattern: '(' }, example: 'x' }
      responses:
        '200':
          description: The pet
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
              examples:
                rex: { value: { id: 7, name: Rex } }
components:
  schemas:
    Pets: { type: array, items: { $ref: '#/components/schemas/Pet' } }
    Pet:
      type: object
      properties:
        id: { type: ${idType} }
        name: { type: string }
`;

const messages = (problems: Problem[]) => problems.map((found) => `${found.line}: ${found.message}`);

describe("Redocly's verdicts on a spec's examples, kept between checks", () => {
  const file = path.join(scratch, 'pets.yaml');
  // A memo of its own for each test.
  let memo = '';
  beforeEach((context) => void (memo = path.join(scratch, `${context.task.id}-verdicts.json`)));

  it('give the same problems as checks without them, the second time read from the memo', async () => {
    fs.writeFileSync(file, spec('string'));
    const plain = await checkSpec(file);
    // Both examples fail (an id that is no string), and the parameter's schema cannot be compiled.
    expect(plain.problems.filter((found) => found.kind.startsWith('openapi-example-'))).toHaveLength(3);
    expect(messages(plain.problems).join('\n')).toMatch(/could not be checked/);
    const first = await checkSpec(file, memo);
    expect(first).toEqual(plain);
    expect((JSON.parse(fs.readFileSync(memo, 'utf8')) as unknown[]).length).toBe(3);
    expect(await checkSpec(file, memo)).toEqual(plain);
  }, 60_000);

  it('are what the checks report: a forged verdict shows through', async () => {
    fs.writeFileSync(file, spec('string'));
    await checkSpec(file, memo);
    const stored = JSON.parse(fs.readFileSync(memo, 'utf8')) as Array<[string, { valid?: boolean; errors?: Array<{ message: string }>; thrown?: string }]>;
    const forged = stored.map(([key, verdict]) => [
      key,
      verdict.thrown ? { thrown: 'forged by the memo' } : { ...verdict, errors: verdict.errors!.map((error) => ({ ...error, message: 'forged by the memo' })) },
    ]);
    fs.writeFileSync(memo, JSON.stringify(forged));
    const problems = messages((await checkSpec(file, memo)).problems);
    expect(problems.filter((text) => text.includes('forged by the memo'))).toHaveLength(3);
  }, 60_000);

  it('are made again when a schema an example reaches through its $refs changes', async () => {
    fs.writeFileSync(file, spec('string'));
    await checkSpec(file, memo);
    // Only the component changes: the examples, their places and the schemas naming it stay as they were.
    fs.writeFileSync(file, spec('integer'));
    const fixed = await checkSpec(file, memo);
    expect(fixed).toEqual(await checkSpec(file));
    expect(fixed.problems.filter((found) => found.kind.startsWith('openapi-example-'))).toHaveLength(1);
    fs.writeFileSync(file, spec('boolean'));
    expect((await checkSpec(file, memo)).problems.filter((found) => found.kind.startsWith('openapi-example-'))).toHaveLength(3);
  }, 60_000);

  it('cost nothing when the memo cannot be read: the checks run as without it, and store it anew', async () => {
    fs.writeFileSync(file, spec('string'));
    fs.writeFileSync(memo, '{ not json');
    expect(await checkSpec(file, memo)).toEqual(await checkSpec(file));
    expect(JSON.parse(fs.readFileSync(memo, 'utf8'))).toHaveLength(3);
  }, 60_000);

  it('reach the checks of a large spec in their worker thread', async () => {
    fs.writeFileSync(file, spec('string'));
    const verdicts = path.join(scratch, 'worker-verdicts.json');
    const task = {
      file,
      options: { dialect: 'md' as const, tabs: [{ key: 'shell', label: 'Shell' }], tags: [] },
      tags: { file: 'index.md', line: 3, names: [] },
    };
    // A threshold of 0 bytes sends the spec to the workers.
    const inWorkers = await compileSpecTask({ ...task, verdicts }, pipelineVersion(), loadSpec, 0);
    expect(fs.existsSync(verdicts)).toBe(true);
    expect(inWorkers.problems).toEqual((await compileSpecTask(task, pipelineVersion(), loadSpec, 0)).problems);
  }, 60_000);
});
