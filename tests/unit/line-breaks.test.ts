import { describe, expect, test } from 'vitest';
import { lineBreaks } from '../../src/content/line-breaks';

describe('lineBreaks', () => {
  test('counts the line feeds of a text, as splitting it would', () => {
    for (const text of ['', 'a', 'a\n', '\n\n', 'a\r\nb\rc\n', '# A\n\n```\ncode\n```\n']) expect(lineBreaks(text)).toBe(text.split('\n').length - 1);
  });
});
