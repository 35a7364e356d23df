import { describe, expect, test } from 'vitest';
import { problem } from '../../src/validation/problem';
import { formatReport } from '../../src/validation/report';

const mismatch = (line: number) =>
  problem('openapi-example-mismatch', { file: '/docs/api.yaml', line }, { pointer: `/x/${line}`, reason: 'type must be integer' });

describe('the report', () => {
  const many = [
    ...Array.from({ length: 13 }, (_, index) => mismatch(index + 1)),
    problem('openapi-version', { file: '/docs/api.yaml', line: 99 }, { version: '4' }),
  ];

  test('lists ten warnings of a kind in a file and sums up the rest in one line; errors are all listed', () => {
    const lines = formatReport(many, '/docs', false).split('\n');
    expect(lines[0]).toBe('✗ Found 1 error and 13 warnings in 1 file');
    expect(lines.filter((line) => line.includes('does not match its schema'))).toHaveLength(10);
    expect(lines.filter((line) => line.includes('version "4"'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('  ⚠ … and 3 more warnings of kind openapi-example-mismatch in this file; SHALE_ALL_WARNINGS=1 lists them all.');
  });

  test('lists every warning when asked to', () => {
    const lines = formatReport(many, '/docs', true).split('\n');
    expect(lines.filter((line) => line.includes('does not match its schema'))).toHaveLength(13);
    expect(lines.some((line) => line.includes('more warning'))).toBe(false);
  });

  test('says the same problem at the same place once, and counts it once', () => {
    const broken = () => problem('link-broken', { file: '/docs/api.yaml', line: 8 }, { anchor: 'list-cats', nearest: ['list-pets'] });
    const lines = formatReport([broken(), broken(), mismatch(8)], '/docs', false).split('\n');
    expect(lines[0]).toBe('✗ Found 1 error and 1 warning in 1 file');
    expect(lines.filter((line) => line.includes('#list-cats'))).toHaveLength(1);
  });

  test('says a problem repeated at several lines of a file once, with the other lines', () => {
    const broken = (line: number) => problem('link-broken', { file: '/docs/api.yaml', line }, { anchor: 'resource_Abilities', nearest: [] });
    const report = (lines: number[]) =>
      formatReport(lines.map(broken), '/docs', false)
        .split('\n')
        .filter((line) => line.includes('#resource_Abilities'));
    expect(report([30, 10])).toEqual([
      '  ✗ api.yaml:10  link "#resource_Abilities" points to no id on this page (also at line 30). Fix: link to the id of a heading on this page.',
    ]);
    expect(report([1, 2, 3, 4, 5, 6, 7, 8])[0]).toContain('(also at lines 2, 3, 4, 5, 6 and 2 more)');
    expect(report([1, 2, 3])[0]).toContain('(also at lines 2 and 3)');
  });

  test("names the spec's part a problem of its sections is in, and the other parts a repeated one is in", () => {
    // APIs.guru's specs are written on one line: the pointer is what finds the place.
    const broken = (pointer: string) => ({ ...problem('link-broken', { file: '/docs/api.json', line: 1 }, { anchor: 'create_charge', nearest: [] }), pointer });
    const lines = formatReport(
      [broken('/paths/~1v1~1charges/get'), broken('/paths/~1v1~1refunds/post'), broken('/paths/~1v1~1charges/get')],
      '/docs',
      false,
    ).split('\n');
    expect(lines[0]).toBe('✗ Found 2 errors in 1 file');
    expect(lines.filter((line) => line.includes('#create_charge'))).toEqual([
      '  ✗ api.json:1  link "#create_charge" points to no id on this page (in the spec at /paths/~1v1~1charges/get) (also at /paths/~1v1~1refunds/post). Fix: link to the id of a heading on this page.',
    ]);
  });
});
