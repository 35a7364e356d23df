import { describe, expect, test } from 'vitest';
import { applyTextChanges, textOnlyChanges } from '../../../src/openapi/text-edit';

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
    expect(textOnlyChanges(text, edited)).toEqual([
      { path: ['paths', '/pets', 'get', 'summary'], before: 'List pets', after: 'List the pets "all"' },
      { path: ['components', 'schemas', 'Pet', 'properties', 'name', 'description'], before: 'Its name.', after: 'The name.' },
    ]);
    expect(textOnlyChanges(text, text)).toEqual([]);
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
    for (const edited of refused) expect(textOnlyChanges(text, edited)).toBeUndefined();
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
