import { describe, expect, test } from 'vitest';
import { excerptParts } from '../../src/search/shared/excerpt';

describe('excerptParts', () => {
  test('turns Pagefind marks into marked runs of plain text', () => {
    expect(excerptParts('Send the <mark>Bearer</mark> <mark>Token</mark> in the header')).toEqual([
      { text: 'Send the ', marked: false },
      { text: 'Bearer', marked: true },
      { text: ' ', marked: false },
      { text: 'Token', marked: true },
      { text: ' in the header', marked: false },
    ]);
  });

  test('gives back markup from the docs as the literal text it was, never as tags', () => {
    // Pagefind escapes < and > of the content; a tag in the docs arrives as &lt;…&gt;.
    const parts = excerptParts('The literal text &lt;img src=x <mark>onerror</mark>=alert(1)&gt; stays text');
    expect(parts.map((part) => part.text).join('')).toBe('The literal text <img src=x onerror=alert(1)> stays text');
    expect(parts.filter((part) => part.marked)).toEqual([{ text: 'onerror', marked: true }]);
  });

  test('leaves other entities alone, because Pagefind only escapes < and >', () => {
    expect(excerptParts('a &amp; b')).toEqual([{ text: 'a &amp; b', marked: false }]);
  });

  test('leaves the punctuation around a marked word unmarked (an ellipsis is not highlighted)', () => {
    expect(excerptParts('see <mark>secrets…</mark> and <mark>(token),</mark> or <mark>…</mark>')).toEqual([
      { text: 'see ', marked: false },
      { text: 'secrets', marked: true },
      { text: '… and (', marked: false },
      { text: 'token', marked: true },
      { text: '), or …', marked: false },
    ]);
    // Punctuation inside a word stays in its mark.
    expect(excerptParts('<mark>/repos/{owner}</mark>')).toEqual([{ text: '/repos/{owner}', marked: true }]);
  });

  test('returns nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});
