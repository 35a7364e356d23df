import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { jsonLines, placeKey, type JsonPlace } from '../../../src/openapi/json-lines';

const redocly = createRequire(import.meta.url)('@redocly/openapi-core') as typeof import('@redocly/openapi-core');

/** JSON laid out as people and tools write it: keys with `/` and `~`, values over several lines, empty containers, an array of objects. */
const TEXT = `{
  "openapi": "3.1.0",
  "info": { "title": "Pets",
    "version": "1" },
  "paths": {
    "/pets/{id}": {
      "get": {
        "parameters": [
          { "name": "id", "in": "path" },
          {
            "name": "a~b",
            "example":
              [1, 2,
               3]
          }
        ],
        "responses": { "200": { "description": "OK", "content": {} } }
      }
    },
    "/owners": []
  },
  "x-escaped": "a \\"quoted\\" string with \\\\ and \\n",
  "x-empty": {}
}
`;

const places: JsonPlace[] = [
  '#/',
  '#/openapi',
  '#/info/version',
  '#/paths/~1pets~1{id}/get/parameters/0/in',
  '#/paths/~1pets~1{id}/get/parameters/1',
  '#/paths/~1pets~1{id}/get/parameters/1/name',
  '#/paths/~1pets~1{id}/get/parameters/1/example',
  '#/paths/~1pets~1{id}/get/parameters/1/example/2',
  '#/paths/~1pets~1{id}/get/responses/200/content',
  '#/paths/~1owners',
  '#/x-escaped',
  '#/x-empty',
  // Further than the text goes: the deepest place reached.
  '#/paths/~1pets~1{id}/get/parameters/7/name',
  '#/paths/~1pets~1{id}/get/summary',
  '#/x-escaped/deeper/still',
  '#/x-empty/member',
].flatMap((pointer) => [
  { pointer, onKey: false },
  { pointer, onKey: true },
]);

describe('the lines of places in a JSON text', () => {
  it('are the lines Redocly gives, for values and for keys, for places the text has and places further than it goes', () => {
    const source = new redocly.Source('spec.json', TEXT);
    const found = jsonLines(TEXT, places)!;
    const theirs = places.map((place) => [
      placeKey(place),
      redocly.getLineColLocation({ source, pointer: place.pointer, reportOnKey: place.onKey }).start.line,
    ]);
    expect(places.map((place) => [placeKey(place), found.get(placeKey(place))])).toEqual(theirs);
    // The places are not all on one line: the comparison can fail.
    expect(new Set(theirs.map(([, line]) => line)).size).toBeGreaterThan(8);
  });

  it('are none for text that is not one JSON value', () => {
    expect(jsonLines('openapi: 3.1.0\n', [{ pointer: '#/openapi', onKey: false }])).toBeUndefined();
    expect(jsonLines('{ "a": 1 } { "b": 2 }', [{ pointer: '#/a', onKey: false }])).toBeUndefined();
    expect(jsonLines('{ "a": "unclosed }', [{ pointer: '#/a', onKey: false }])).toBeUndefined();
  });
});
