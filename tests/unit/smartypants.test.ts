import { describe, expect, test } from 'vitest';
import { smarten } from '../../src/markdown/rehype-smartypants';

/** One text as Redcarpet's SmartyPants saw it: between tags. */
const smart = (text: string) => smarten(text, { single: false, double: false }, undefined, undefined);

describe("Redcarpet's SmartyPants, for Slate projects that applied it", () => {
  test.each([
    ['"Hello," she said.', '“Hello,” she said.'],
    ["'single' quotes", '‘single’ quotes'],
    ["don't, you're, we'll, I've, I'm, Tom's", 'don’t, you’re, we’ll, I’ve, I’m, Tom’s'],
    ["the students' books", 'the students’ books'],
    ['1 -- 2 --- 3', '1 – 2 — 3'],
    ['Wait... and . . . more', 'Wait… and … more'],
    ['(c) (R) (tm)', '© ® ™'],
    ['1/2 cup, 3/4ths, 1/4th, 11/2, 1/25', '½ cup, ¾ths, ¼th, 11/2, 1/25'],
    ['``quoted"', '“quoted”'],
    ['a\\-\\-b', 'a--b'],
    // `&nbsp;` was still written out where Redcarpet's SmartyPants ran: its `;` opened the quote.
    ['Use\u00a0"quoted" text, \u00a0\'single\' one', 'Use\u00a0“quoted” text, \u00a0‘single’ one'],
  ])('%s → %s', (text, expected) => {
    expect(smart(text)).toBe(expected);
  });

  test('quotes stay open from one text to the next, as across the tags of one page', () => {
    const open = { single: false, double: false };
    expect(smarten('Say "', open, undefined, undefined)).toBe('Say “');
    expect(smarten('hi" now', open, undefined, undefined)).toBe('hi” now');
  });
});
