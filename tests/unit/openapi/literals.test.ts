import { describe, expect, test } from 'vitest';
import { javascriptLiteral, pythonLiteral } from '../../../src/openapi/literals';

/** Literals of generated samples: the values escaped as each language reads them, laid out as httpsnippet lays them out. */
describe('literals of generated samples', () => {
  const value = { name: "O'Hara", path: 'C:\\temp', lines: 'one\ntwo', quote: 'say "hi"', ok: true, none: null, tags: ['a', 'b'] };

  test('Python: JSON strings, True/False/None, one key a line, a one-key object on its line', () => {
    expect(pythonLiteral(value)).toBe(
      [
        '{',
        '    "name": "O\'Hara",',
        '    "path": "C:\\\\temp",',
        '    "lines": "one\\ntwo",',
        '    "quote": "say \\"hi\\"",',
        '    "ok": True,',
        '    "none": None,',
        '    "tags": ["a", "b"]',
        '}',
      ].join('\n'),
    );
    expect(pythonLiteral({ retention_days: 80 })).toBe('{ "retention_days": 80 }');
    expect(pythonLiteral([{ a: 1, b: 2 }])).toBe('[\n    {\n        "a": 1,\n        "b": 2\n    }\n]');
  });

  test('JavaScript: single quotes with backslashes kept, on one line up to 80 characters, else one entry a line', () => {
    expect(javascriptLiteral({ path: 'C:\\temp', name: "O'Hara", quote: 'say "hi"' })).toBe(`{path: 'C:\\\\temp', name: 'O\\'Hara', quote: 'say "hi"'}`);
    expect(javascriptLiteral({ 'content-type': 'x', n: [1, null, false] })).toBe("{'content-type': 'x', n: [1, null, false]}");
    const long = { description: 'a'.repeat(50), delimiter: '\\b', more: 'b'.repeat(20) };
    expect(javascriptLiteral(long, '  ')).toBe(`{\n    description: '${'a'.repeat(50)}',\n    delimiter: '\\\\b',\n    more: '${'b'.repeat(20)}'\n  }`);
  });

  test('what each literal says is the value: JSON reads the Python literal back, JavaScript evaluates its own', () => {
    const tricky = { a: 'tab\there', b: 'back\\slash', c: 'line\u2028separator', d: '\u0000', e: 'Zoë 🐕', f: { g: [1.5, -2, 'x'] } };
    expect(
      JSON.parse(
        pythonLiteral(tricky)
          .replace(/\bTrue\b/g, 'true')
          .replace(/\bFalse\b/g, 'false')
          .replace(/\bNone\b/g, 'null'),
      ),
    ).toEqual(tricky);
    expect(new Function(`return ${javascriptLiteral(tricky)};`)()).toEqual(tricky);
  });
});
