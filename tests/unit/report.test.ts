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
});
