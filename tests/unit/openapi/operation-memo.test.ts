import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { pipelineVersion } from '../../../src/markdown/part-cache';
import { loadSpec } from '../../../src/openapi/load-spec';
import { compileSpecFile, compileSpecTask, type SpecTask } from '../../../src/openapi/spec-parts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-operation-memo-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/**
 * Two operations, each reaching one component schema through `$ref`s; one has unsafe HTML in its
 * description and a code sample in a language no tab takes (two findings to replay).
 */
const spec = (options: { petId?: string; server?: string } = {}) => `openapi: 3.1.0
info: { title: Pets, version: '1' }
servers: [{ url: '${options.server ?? 'https://pets.example.com/v1'}' }]
paths:
  /pets/{id}:
    get:
      operationId: getPet
      summary: Get a pet
      description: Finds a pet.<script>alert(1)</script>
      x-codeSamples: [{ lang: Cobol, source: 'DISPLAY "PET".' }]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: The pet
          content:
            application/json: { schema: { $ref: '#/components/schemas/PetResult' } }
  /owners:
    get:
      operationId: listOwners
      summary: List owners
      responses:
        '200':
          description: The owners
          content:
            application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Owner' } } }
components:
  schemas:
    PetResult: { type: object, properties: { pet: { $ref: '#/components/schemas/Pet' } } }
    Pet: { type: object, properties: { ${options.petId ?? 'id'}: { type: integer }, name: { type: string } } }
    Owner: { type: object, properties: { name: { type: string } } }
`;

const file = path.join(scratch, 'pets.yaml');
const task = (operations?: string): SpecTask => ({
  file,
  options: {
    dialect: 'md',
    tabs: [
      { key: 'shell', label: 'Shell' },
      { key: 'python', label: 'Python' },
    ],
    tags: [],
  },
  tags: { file: 'index.md', line: 3, names: [] },
  ...(operations ? { operations } : {}),
});

interface Index {
  text: string;
  entries: Array<[string, { at: number; length: number; findings: unknown[]; notes: unknown[] }]>;
}
/** The memo's entries: each operation's Markdown, from the text file its index names. */
const read = (memo: string): Array<[string, string]> => {
  const index = JSON.parse(fs.readFileSync(memo, 'utf8')) as Index;
  // Where each entry is, in bytes of the UTF-8 text.
  const bytes = fs.readFileSync(path.join(path.dirname(memo), index.text));
  return index.entries.map(([key, { at, length }]) => [key, bytes.toString('utf8', at, at + length)]);
};
/** Every operation's entry, its text marked: what shows through was read from the memo. */
const forge = (memo: string) => {
  const index = JSON.parse(fs.readFileSync(memo, 'utf8')) as Index;
  const texts = read(memo).map(([, markdown]) => markdown.replace('Get a pet', 'Forged pet').replace('List owners', 'Forged owners'));
  let at = 0;
  const size = (text: string) => Buffer.byteLength(text);
  index.entries = index.entries.map(([key, entry], n) => [key, { ...entry, at: (at += n ? size(texts[n - 1]!) : 0), length: size(texts[n]!) }]);
  fs.writeFileSync(path.join(path.dirname(memo), index.text), texts.join(''));
  fs.writeFileSync(memo, JSON.stringify(index));
};

describe('the operations a spec’s last compiling wrote, kept for its next one', () => {
  let memo = '';
  beforeEach((context) => void (memo = path.join(scratch, `${context.task.id}-operations.json`)));

  it('give the same Markdown and problems as a compiling without them, the second time read from the memo', async () => {
    fs.writeFileSync(file, spec());
    const plain = await compileSpecFile(task(), loadSpec);
    expect(plain.problems.map((found) => found.kind).sort()).toEqual(['openapi-sample-language', 'openapi-unsafe-html']);
    expect(await compileSpecFile(task(memo), loadSpec)).toEqual(plain);
    expect(read(memo)).toHaveLength(2);
    expect(await compileSpecFile(task(memo), loadSpec)).toEqual(plain);
    // One text file beside the index: the one it names (an edit writes a new one, and the old one goes).
    fs.writeFileSync(file, spec({ petId: 'petId' }));
    await compileSpecFile(task(memo), loadSpec);
    const texts = fs.readdirSync(scratch).filter((name) => name.startsWith(path.basename(memo, '.json')) && name.endsWith('.md'));
    expect(texts).toEqual([(JSON.parse(fs.readFileSync(memo, 'utf8')) as Index).text]);
  }, 60_000);

  it('are made again for an operation when a schema it reaches through its $refs changes, and only for it', async () => {
    fs.writeFileSync(file, spec());
    await compileSpecFile(task(memo), loadSpec);
    forge(memo);
    expect((await compileSpecFile(task(memo), loadSpec)).markdown).toMatch(/Forged pet[\s\S]*Forged owners/);
    // Pet is two $refs away from getPet, and none from listOwners.
    fs.writeFileSync(file, spec({ petId: 'petId' }));
    const edited = await compileSpecFile(task(memo), loadSpec);
    expect(edited.markdown).toContain('Get a pet');
    expect(edited.markdown).toContain('petId');
    expect(edited.markdown).toContain('Forged owners');
    // Apart from the forged entry, the same as a compiling without the memo.
    expect(edited.markdown!.replace('Forged owners', 'List owners')).toBe((await compileSpecFile(task(), loadSpec)).markdown);
  }, 60_000);

  it('are made again for every operation when the servers every sample reads change', async () => {
    fs.writeFileSync(file, spec());
    await compileSpecFile(task(memo), loadSpec);
    forge(memo);
    fs.writeFileSync(file, spec({ server: 'https://api.pets.example.com' }));
    const edited = await compileSpecFile(task(memo), loadSpec);
    expect(edited.markdown).not.toContain('Forged');
    expect(edited.markdown).toContain('https://api.pets.example.com');
  }, 60_000);

  it('cost nothing when the memo cannot be read, and reach the compiling of a large spec in its worker thread', async () => {
    fs.writeFileSync(file, spec());
    fs.writeFileSync(memo, '{ not json');
    const plain = await compileSpecFile(task(), loadSpec);
    expect(await compileSpecFile(task(memo), loadSpec)).toEqual(plain);
    forge(memo);
    // A threshold of 0 bytes sends the spec to the workers.
    const inWorkers = await compileSpecTask(task(memo), pipelineVersion(), loadSpec, 0);
    expect(inWorkers.markdown).toContain('Forged owners');
  }, 60_000);
});
