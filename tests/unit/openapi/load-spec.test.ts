import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileSpec } from '../../../src/openapi/compile-spec';
import { checkSpec, jsonSyntaxError, loadSpec } from '../../../src/openapi/load-spec';
import type { Problem } from '../../../src/validation/problem';

/** Specs of each version and shape Shale reads, in tests/fixtures/openapi-specs/. */
const FIXTURES = path.resolve('tests/fixtures/openapi-specs');
const TABS = [{ key: 'shell', label: 'shell' }];

async function compiled(file: string, options: { schemas?: boolean } = {}) {
  const spec = await loadSpec(path.join(FIXTURES, file));
  expect(spec.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return compileSpec(spec.document, { dialect: 'md', tabs: TABS, ...options }).markdown;
}

describe('specs of every version', () => {
  test('Swagger 2.0 is upgraded: host and basePath become the server, the body parameter a request body, definitions schemas', async () => {
    const markdown = await compiled('swagger2.yaml');
    expect(markdown).toContain('--url https://pets.example.com/v2/pets');
    expect(markdown).toContain("--header 'X-Key: YOUR_API_KEY'");
    expect(markdown).toContain('<li><code>name</code> (string, required)</li>');
    expect(markdown).toContain('"name": "Rex"');
  });

  test('OpenAPI 3.2: a tag follows its parent, QUERY and additional methods, callbacks, links and webhooks', async () => {
    const markdown = await compiled('v32.yaml');
    const order = ['# pets', '<h2 id="query-pets">', '# cats', '<h2 id="purr-a-cat">', '# Webhooks', '<h2 id="a-pet-arrived">'].map((text) =>
      markdown.indexOf(text),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(markdown).toContain('<code>QUERY /pets</code>');
    expect(markdown).toContain('<code>PURR /pets</code>');
    expect(markdown).toContain('<h3 id="purr-a-cat-callbacks" class="operation-part">Callbacks</h3>');
    expect(markdown).toContain('`purred`: the API calls `POST {$request.body#/callback}`: Tell you the cat purred.');
    expect(markdown).toContain('<li><code>loudness</code> (integer)</li>');
    expect(markdown).toContain('Links of `200`: `next` → `purrCat`.');
    expect(markdown).toContain('<p class="webhook">Webhook <code>newPet</code>');
    expect(markdown).toContain('<h3 id="a-pet-arrived-body" class="operation-part">Payload</h3>');
    expect(markdown).toContain('> Example payload\n\n```json\n{\n  "id": 7\n}\n```');
  });

  test('a spec in several files is bundled: each $ref followed, a schema that contains itself named once', async () => {
    const markdown = await compiled('multi/openapi.yaml', { schemas: true });
    expect(markdown).toContain('<h2 id="get-a-pet">Get a pet</h2>');
    expect(markdown).toContain('<li><code>name</code> (string | null)</li>');
    expect(markdown).toMatch(/<code>friends<\/code> \(array of \w+\)<\/li>/);
    expect(markdown).toContain('# Schemas');
    // Widdershins' and Redoc's anchors of a schema, and of a tag, beside the section.
    expect(markdown).toContain(
      '<div class="anchors"><span id="tocS_pet"></span><span id="tocs_pet"></span><span id="schemapet"></span><span id="schema_pet"></span><span id="schema/pet"></span></div>',
    );
  });
});

describe('checks of tags and servers', () => {
  test("a server variable whose default is not in its enum (redocly's), and a tag x-tagGroups leaves out (Shale's), are errors at their lines", async () => {
    const spec = await loadSpec(path.join(FIXTURES, 'groups-and-servers.yaml'));
    expect(spec.document).toBeUndefined();
    expect(spec.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [5, 'the spec is not valid at /servers: Server variable define "enum" and "default". "enum" must include default value.'],
      [
        15,
        'the spec is not valid at /x-tagGroups: the tag "stores" is in no group of "x-tagGroups", so readers of Redoc never saw its operations; add it to a group.',
      ],
    ]);
  });
});

describe('examples checked against their schemas', () => {
  /** A spec of `text` in a fresh folder: its path. */
  const written = (text: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shale-examples-')), 'spec.yaml');
    fs.writeFileSync(file, text);
    return file;
  };

  test('an example with four wrong values is one warning, naming three and how many more', async () => {
    const { problems } = await loadSpec(
      written(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /p:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {a: {type: string}, b: {type: string}, c: {type: string}, d: {type: string}}}\n              example: {a: 1, b: 2, c: 3, d: 4}\n",
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'openapi-example-mismatch',
        line: 12,
        message: expect.stringMatching(
          /^the example at \/paths\/~1p\/get\/responses\/200\/content\/application~1json\/example does not match .*"a" property .*"b" property .*"c" property.*; and 1 more\.$/,
        ),
      }),
    ]);
  });

  test('a Swagger 2.0 property that x-nullable allows is shown nullable, and a wrong value\'s property named as written (Docker\'s "2377/tcp")', async () => {
    const { problems, document } = await loadSpec(
      written(
        "swagger: '2.0'\ninfo: {title: T, version: '1'}\nhost: api.example.com\npaths:\n  /ports:\n    get:\n      produces: [application/json]\n      responses: {'200': {description: ok, schema: {$ref: '#/definitions/PortMap'}}}\ndefinitions:\n  PortMap:\n    type: object\n    properties: {note: {type: string, x-nullable: true}}\n    additionalProperties: {type: array, items: {type: string}}\n    example: {\"2377/tcp\": 1}\n",
      ),
    );
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringContaining('"2377/tcp" property type must be array')]);
    expect(compileSpec(document, { dialect: 'md', tabs: TABS }).markdown).toContain('<li><code>note</code> (string | null)</li>');
  });

  test("a null where Swagger 2.0's x-nullable allows it is no mismatch; a wrong value beside it still is", async () => {
    const { problems } = await loadSpec(
      written(
        "swagger: '2.0'\ninfo: {title: T, version: '1'}\nhost: api.example.com\npaths:\n  /ports:\n    get:\n      produces: [application/json]\n      responses: {'200': {description: ok, schema: {$ref: '#/definitions/PortMap'}}}\ndefinitions:\n  PortMap:\n    type: object\n    properties: {note: {type: string, x-nullable: true}, size: {type: integer}}\n    additionalProperties: {type: array, x-nullable: true, items: {type: string}}\n    example: {note: null, \"80/tcp\": [a], \"2377/tcp\": null, size: null}\n",
      ),
    );
    // One warning per example, naming what is wrong in it: the size alone.
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/: "size" property type must be integer\.$/)]);
  });

  test('an example that repeats an `id` value is checked (draft 4 took it for a schema id: PagerDuty\'s "could not be checked")', async () => {
    const spec = (creator: string) =>
      written(
        `openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /rulesets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Ruleset'}\ncomponents:\n  schemas:\n    Ruleset:\n      type: object\n      properties:\n        creator: {$ref: '#/components/schemas/Ref'}\n        updater: {$ref: '#/components/schemas/Ref'}\n      example: {creator: {id: ${creator}}, updater: {id: PABO808}}\n    Ref:\n      type: object\n      properties: {id: {type: string}, example: {type: string}}\n      example: {id: PABO808}\n`,
      );
    expect((await loadSpec(spec('PABO808'))).problems).toEqual([]);
    expect((await loadSpec(spec('7'))).problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^the example at \/components\/schemas\/Ruleset\/example does not match its schema: .*"id" property type must be string/),
    ]);
  });

  test("a readOnly property in the example of a webhook's payload is no mismatch: the API sends it", async () => {
    const { problems } = await loadSpec(
      written(
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nwebhooks:\n  newBooking:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {id: {type: string, readOnly: true}}}\n            example: {id: b-1}\n      responses: {'200': {description: ok}}\n",
      ),
    );
    expect(problems).toEqual([]);
  });
});

describe('tags and x-tagGroups', () => {
  test('a declared tag no operation uses may stay out of x-tagGroups: it hides nothing (Lob declares two)', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shale-tags-')), 'spec.yaml');
    fs.writeFileSync(
      file,
      "openapi: 3.0.3\ninfo: {title: T, version: '1'}\ntags: [{name: Letters}, {name: Bulk, description: Later.}]\nx-tagGroups: [{name: Mail, tags: [Letters]}]\npaths:\n  /letters:\n    get:\n      tags: [Letters]\n      summary: List letters\n      responses: {'200': {description: ok}}\n",
    );
    expect((await loadSpec(file)).problems).toEqual([]);
  });
});

describe("OpenAPI 3.0's ways in a 3.1 spec (OpenAI's spec has 200 of them)", () => {
  const where = (problems: Problem[]) => problems.map((problem) => [problem.kind, problem.severity, path.basename(problem.file), problem.line]);

  test('a keyword a 3.1 schema does not know is a warning with what to write instead, in its own file too; elsewhere an error with the name meant', async () => {
    const file = path.join(FIXTURES, 'leftovers/openapi.yaml');
    const spec = await loadSpec(file);
    expect(where(spec.problems)).toEqual([
      ['openapi-schema-keyword', 'warning', 'openapi.yaml', 17],
      ['openapi-schema-keyword', 'warning', 'openapi.yaml', 18],
      ['openapi-schema-keyword', 'warning', 'pet.yaml', 2],
      ['openapi-invalid', 'error', 'openapi.yaml', 44],
      ['openapi-invalid', 'error', 'openapi.yaml', 46],
      ['openapi-invalid', 'error', 'openapi.yaml', 47],
      ['openapi-tag-undeclared', 'warning', 'openapi.yaml', 29],
    ]);
    const [nullable, misspelt, , exclusive, , unexpected, tag] = spec.problems;
    expect(nullable!.message).toBe(
      'the schema at /paths/~1pets/get/parameters/0/schema has "nullable", which JSON Schema in OpenAPI 3.1.0 does not have: tools that follow 3.1.0 ignore it.',
    );
    expect(nullable!.fix).toMatch(/^write the null type into the schema's type instead, as in type: \[string, "null"\]/);
    expect(misspelt!.fix).toBe('did you mean "minItems"?');
    expect(exclusive!.fix).toMatch(/^in OpenAPI 3\.1\.0 exclusiveMinimum is the bound itself, a number/);
    expect(unexpected!.message).toContain('Property "descriptionn" is not expected here (did you mean "description"?)');
    // One warning for a tag, however many operations use it: OpenAPI allows it, but it is likely an oversight.
    expect(tag!.message).toBe(
      'the tag "stores" (on 2 operations, the first at /paths/~1stores/get/tags/0) is not declared under "tags": its section has no description, and comes after the declared tags.',
    );
    // The checks alone (a large spec's worker) read the version the same way.
    expect(where((await checkSpec(file)).problems)).toEqual(where(spec.problems).slice(0, 6));
  });

  test('in a 3.0 spec, whose schemas have a fixed set of fields, the same keyword stays an error', async () => {
    const spec = await loadSpec(path.join(FIXTURES, 'leftovers-30.yaml'));
    expect(spec.document).toBeUndefined();
    expect(where(spec.problems)).toEqual([['openapi-invalid', 'error', 'leftovers-30.yaml', 14]]);
  });
});

describe('the field Redocly suggests for one it does not expect', () => {
  test('is named when it is close (descriptionn, min_items), not when it is another word (id → xml)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-suggest-'));
    const file = path.join(dir, 'api.yaml');
    fs.writeFileSync(
      file,
      'swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths: {}\ndefinitions:\n  Account:\n    type: object\n    id: { type: integer }\n    descriptionn: An account.\n',
    );
    const messages = (await loadSpec(file)).problems.map((problem) => problem.message);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(messages).toEqual([
      'the spec is not valid at /definitions/Account/id: Property "id" is not expected here.',
      'the spec is not valid at /definitions/Account/descriptionn: Property "descriptionn" is not expected here (did you mean "description"?).',
    ]);
  });
});

describe("Swagger 2.0's file type (Harbor's spec)", () => {
  test('a response schema of type file is valid in 2.0, which Redocly refuses; a misspelt type stays an error', async () => {
    const file = path.join(FIXTURES, 'swagger2-file.yaml');
    const errors = (problems: Problem[]) => problems.filter((problem) => problem.severity === 'error').map((problem) => [problem.line, problem.message]);
    const expected = [[20, expect.stringContaining('the spec is not valid at /paths/~1systeminfo~1getcert/get/responses/400/schema/type')]];
    expect(errors((await loadSpec(file)).problems)).toEqual(expected);
    expect(errors((await checkSpec(file)).problems)).toEqual(expected);
  });
});

describe('files that cannot be read, or are not read', () => {
  /** A spec in a fresh folder with the given files; returns the root's path. */
  function specFolder(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-unreadable-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return path.join(dir, Object.keys(files)[0]!);
  }
  const ROOT = (ref: string) =>
    `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: '${ref}'\n`;

  test('a $ref to a URL is refused without a fetch, at its line, with the fix of saving the file beside the spec', async () => {
    const file = specFolder({ 'spec.yaml': ROOT('https://schemas.example.invalid/pet.yaml#/Pet') });
    for (const { problems } of [await loadSpec(file), await checkSpec(file)]) {
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          line: 12,
          message: expect.stringContaining('Shale reads no URL: https://schemas.example.invalid/pet.yaml'),
          fix: expect.stringContaining('point the $ref at it by a relative path ("./pet.yaml"'),
        }),
      ]);
    }
  });

  test('a $ref to a file that does not exist names the file and says to correct the path', async () => {
    const file = specFolder({ 'spec.yaml': ROOT('./schemas/pet.yaml#/Pet') });
    expect((await loadSpec(file)).problems).toEqual([
      expect.objectContaining({
        line: 12,
        fix: `the $ref names ${path.join(path.dirname(file), 'schemas/pet.yaml')}, which does not exist: correct its path (relative to the file the $ref is in) or add the file.`,
      }),
    ]);
  });

  // In an extension Shale does not read (Bump's `x-topics`: it had crashed), and in a description
  // (whose type Redocly also reported, as an object where a string goes): one problem, the file's.
  test.each([
    [
      'x-topics',
      "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nx-topics:\n  - title: Start\n    content:\n      $ref: ./docs/start.md\npaths: {}\n",
      '/x-topics/0/content',
      'docs/start.md',
    ],
    ['a description', "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n  description:\n    $ref: ./intro.md\npaths: {}\n", '/info/description', 'intro.md'],
  ])('a $ref to a file that does not exist in %s is one problem at its line, naming the file', async (_, spec, pointer, missing) => {
    const file = specFolder({ 'spec.yaml': spec });
    expect((await loadSpec(file)).problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 6,
        message: `the spec is not valid at ${pointer}: Can't resolve $ref.`,
        fix: `the $ref names ${path.join(path.dirname(file), missing)}, which does not exist: correct its path (relative to the file the $ref is in) or add the file.`,
      }),
    ]);
  });

  /** A spec file that does not parse: one problem, in the file that does not, at its line, by loadSpec and checkSpec alike. */
  async function expectParseProblem(spec: string, expected: { file: string; line: number; reason: string; fix: string }) {
    for (const { problems } of [await loadSpec(spec), await checkSpec(spec)]) {
      expect(problems).toEqual([
        expect.objectContaining({
          file: expected.file,
          line: expected.line,
          message: expect.stringContaining(expected.reason),
          fix: expect.stringContaining(expected.fix),
        }),
      ]);
    }
  }

  test('YAML that does not parse is reported once, in its own file at its line, whether the root or a file a $ref names', async () => {
    const root = specFolder({
      'spec.yaml':
        'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n         bad: indent\n',
    });
    const named = specFolder({
      'spec.yaml': ROOT('./schemas/pet.yaml#/Pet'),
      'schemas/pet.yaml': 'Pet:\n  type: object\n  properties:\n    name: { type: string\n   bad: x\n',
    });
    for (const [file, at, reason, line] of [
      [root, root, 'the file is not valid YAML: bad indentation of a mapping entry', 11],
      [named, path.join(path.dirname(named), 'schemas/pet.yaml'), 'the file is not valid YAML: deficient indentation', 5],
    ] as const) {
      await expectParseProblem(file, { file: at, line, reason, fix: 'correct the file at that line' });
    }
  });

  test('a .json file is read as JSON: what YAML would take (a comma before } or ], a missing comma) is reported at its line, whether the root or a file a $ref names', async () => {
    const missingComma = specFolder({ 'spec.json': '{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "version": "1"}\n  "paths": {}\n}\n' });
    const trailingComma = specFolder({ 'spec.json': '{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "version": "1"},\n  "paths": {},\n}\n' });
    const named = specFolder({
      'spec.yaml': ROOT('./schemas/pet.json#/Pet'),
      'schemas/pet.json': '{\n  "Pet": {\n    "type": "object",\n    "required": ["name", "tag",],\n    "properties": {}\n  }\n}\n',
    });
    for (const [file, at, reason, line] of [
      [missingComma, missingComma, "the file is not valid JSON: Expected ',' or '}' after property value", 4],
      [trailingComma, trailingComma, 'the file is not valid JSON: Expected double-quoted property name', 5],
      [named, path.join(path.dirname(named), 'schemas/pet.json'), "the file is not valid JSON: Unexpected token ']'", 4],
    ] as const) {
      await expectParseProblem(file, { file: at, line, reason, fix: 'JSON allows none before } or ]' });
    }
  });

  test('a JSON syntax error is placed where JSON.parse stops, even when V8 names no position', () => {
    expect(jsonSyntaxError('{\n  "a": [1, 2,],\n  "b": 1\n}')).toEqual({ what: "Unexpected token ']'", line: 2, column: 14 });
    expect(jsonSyntaxError('{\n  "a": 1,\n}')).toEqual({ what: 'Expected double-quoted property name', line: 3, column: 1 });
    expect(jsonSyntaxError('{"a": 1} x')).toEqual({ what: 'Unexpected non-whitespace character after the JSON value', line: 1, column: 10 });
    expect(jsonSyntaxError('{"a": [1, 2]}')).toBeUndefined();
  });
});
