import { describe, expect, test } from 'vitest';
import { parseSpecText } from '../../../src/openapi/load-spec';
import { applyTextChanges, textOnlyChanges } from '../../../src/openapi/text-edit';

const json = (before: string, after: string) => textOnlyChanges(before, after, 'json', parseSpecText);
const yaml = (before: string, after: string) => textOnlyChanges(before, after, 'yaml', parseSpecText);

/** A spec as JSON.stringify writes it, one member a line, as the specs teams publish are written. */
const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1', description: 'All about pets.' },
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        summary: 'List pets',
        description: 'Every pet.',
        responses: {
          '200': {
            description: 'OK',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' }, example: { name: 'Rex', description: 'a dog' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        type: 'object',
        discriminator: { propertyName: 'kind', mapping: { description: '#/components/schemas/Pet' } },
        properties: { name: { type: 'string', description: 'Its name.', default: 'Rex' } },
      },
    },
  },
};
const text = JSON.stringify(SPEC, null, 2);

describe('textOnlyChanges', () => {
  test('finds summaries and descriptions changed on their own lines, with where they are', () => {
    const edited = text
      .replace('"summary": "List pets"', '"summary": "List the pets \\"all\\""')
      .replace('"description": "Its name."', '"description": "The name."');
    expect(json(text, edited)).toEqual([
      { path: ['paths', '/pets', 'get', 'summary'], before: 'List pets', after: 'List the pets "all"' },
      { path: ['components', 'schemas', 'Pet', 'properties', 'name', 'description'], before: 'Its name.', after: 'The name.' },
    ]);
    expect(json(text, text)).toEqual([]);
  });

  test('refuses any other change: a value checked against a schema, a mapping, another member, a moved line, an order', () => {
    const refused = [
      // Inside an example: Redocly checks it against its schema.
      text.replace('"description": "a dog"', '"description": "a cat"'),
      // A discriminator's mapping names a schema.
      text.replace('"description": "#/components/schemas/Pet"', '"description": "#/components/schemas/Cat"'),
      // A default is checked too.
      text.replace('"default": "Rex"', '"default": "Max"'),
      // Not a text member.
      text.replace('"operationId": "listPets"', '"operationId": "listAllPets"'),
      text.replace('"type": "string"', '"type": "integer"'),
      // The same document written on fewer lines: the lines of the last checks' reports would move.
      JSON.stringify(SPEC),
      // A line added.
      text.replace('"summary": "List pets",', '"summary": "List pets",\n'),
      // Members in another order.
      JSON.stringify({ ...SPEC, info: { version: '1', title: 'Pets', description: 'All about pets.' } }, null, 2),
      // Not JSON.
      text.replace('"summary": "List pets",', '"summary": "List pets" oops,'),
    ];
    for (const edited of refused) expect(json(text, edited)).toBeUndefined();
  });
});

describe('textOnlyChanges in JSON, read as bytes', () => {
  test('finds each text where it is, after strings with quotes, backslashes and characters of other scripts, in lists too', () => {
    const spec = {
      info: { title: 'Tiere "Zoo" \\ 🐾', description: 'Über {alles} [und] , "mehr"' },
      tags: [
        { name: 'a/b', description: 'Erste' },
        { name: '"}]', description: 'Zweite' },
      ],
      paths: { '/p\\"{x}': { 'x-note': 'mid____________', get: { summary: 'Ünd 日本', description: 'Drei' } } },
    };
    const before = JSON.stringify(spec, null, 2);
    const after = before.replace('"description": "Zweite"', '"description": "Zweite, 二"').replace('"summary": "Ünd 日本"', '"summary": "Und \\"so\\""');
    expect(json(before, after)).toEqual([
      { path: ['tags', '1', 'description'], before: 'Zweite', after: 'Zweite, 二' },
      { path: ['paths', '/p\\"{x}', 'get', 'summary'], before: 'Ünd 日本', after: 'Und "so"' },
    ]);
    // The same found from the two texts' bytes, after a byte-order mark, and with bytes that are not UTF-8 between the two (the "_"s).
    const found = json(before, after);
    expect(textOnlyChanges(Buffer.from(before), Buffer.from(after), 'json', parseSpecText)).toEqual(found);
    expect(json(`\uFEFF${before}`, `\uFEFF${after}`)).toEqual(found);
    const notUtf8 = (text: string) => Buffer.from(text, 'utf8').map((byte) => (byte === 0x5f ? 0xff : byte));
    expect(textOnlyChanges(notUtf8(before), notUtf8(after), 'json', parseSpecText)).toEqual(found);
  });

  test('refuses a member written twice (the last is the one read) and a string JSON does not allow', () => {
    const twice = ['{', '  "info": {', '    "summary": "One",', '    "summary": "Two"', '  }', '}'].join('\n');
    expect(json(twice, twice.replace('"One"', '"Uno"'))).toBeUndefined();
    expect(json(twice, twice.replace('"Two"', '"Dos"'))).toEqual([{ path: ['info', 'summary'], before: 'Two', after: 'Dos' }]);
    expect(json(text, text.replace('"summary": "List pets"', '"summary": "List \\q pets"'))).toBeUndefined();
    expect(json(text, text.replace('"summary": "List pets"', '"summary": "List\tpets"'))).toBeUndefined();
    // A change in the first line (its first byte), the last line alike.
    expect(json('[\n  1\n]', ' [\n  1\n]')).toBeUndefined();
  });
});

/** The same kind of spec in YAML: a block scalar, a plain text over two lines, an example whose member is called description. */
const YAML_SPEC = [
  'openapi: 3.1.0',
  'info:',
  '  title: Pets',
  '  version: "1"',
  '  description: |',
  '    All about pets.',
  '',
  '    Mind the dogs.',
  'paths:',
  '  /pets:',
  '    get:',
  '      operationId: listPets',
  '      summary: List pets',
  '      description: Every pet',
  '        there is.',
  '      parameters:',
  '        - name: kind',
  '          in: query',
  '          description: "The kind"',
  '          schema:',
  '            type: string',
  '      responses:',
  "        '200':",
  '          description: OK',
  '          content:',
  '            application/json:',
  '              example:',
  '                description: a dog',
  '              schema:',
  '                properties:',
  '                  description:',
  '                    type: string',
  '',
].join('\n');

describe('textOnlyChanges in YAML', () => {
  test('finds texts changed in their lines: a block scalar, a text over two lines, a quoted one in a list item', () => {
    const edited = YAML_SPEC.replace('    Mind the dogs.', '    Mind the cats & <b>dogs</b>.')
      .replace('        there is.', '        there is, "all" of them.')
      .replace('description: "The kind"', 'description: "The kind of pet"');
    expect(yaml(YAML_SPEC, edited)).toEqual([
      { path: ['info', 'description'], before: 'All about pets.\n\nMind the dogs.\n', after: 'All about pets.\n\nMind the cats & <b>dogs</b>.\n' },
      { path: ['paths', '/pets', 'get', 'description'], before: 'Every pet there is.', after: 'Every pet there is, "all" of them.' },
      { path: ['paths', '/pets', 'get', 'parameters', '0', 'description'], before: 'The kind', after: 'The kind of pet' },
    ]);
  });

  test('refuses an example, a schema below a member called description, a line added, another member', () => {
    const refused = [
      YAML_SPEC.replace('                description: a dog', '                description: a cat'),
      YAML_SPEC.replace('                    type: string', '                    type: integer'),
      YAML_SPEC.replace('    Mind the dogs.', '    Mind the dogs.\n    And the cats.'),
      YAML_SPEC.replace('      operationId: listPets', '      operationId: listAllPets'),
      YAML_SPEC.replace('      summary: List pets', '      summary: [List, pets]'),
    ];
    for (const edited of refused) expect(yaml(YAML_SPEC, edited)).toBeUndefined();
  });
});

describe('applyTextChanges', () => {
  test('puts each text in place where it still says what it said, and refuses when one does not', () => {
    const document = structuredClone(SPEC);
    expect(applyTextChanges(document, [{ path: ['paths', '/pets', 'get', 'summary'], before: 'List pets', after: 'All pets' }])).toBe(true);
    expect(document.paths['/pets'].get.summary).toBe('All pets');
    expect(applyTextChanges(structuredClone(SPEC), [{ path: ['paths', '/pets', 'get', 'summary'], before: 'Other', after: 'All pets' }])).toBe(false);
    expect(applyTextChanges(structuredClone(SPEC), [{ path: ['paths', '/cats', 'get', 'summary'], before: 'List pets', after: 'All pets' }])).toBe(false);
  });
});
