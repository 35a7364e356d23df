import { describe, expect, test } from 'vitest';
import { firstParagraph } from '../../src/content/description';

describe("a page's description from its text", () => {
  test('is its first paragraph of prose as plain text, skipping notes', () => {
    const html =
      '<section><aside class="notice"><p>A note first.</p></aside><blockquote><p>Code column.</p></blockquote><p>The <code>pets</code> API &amp; <a href="#x">its</a> guide.</p><p>Later.</p></section>';
    expect(firstParagraph(html)).toBe('The pets API & its guide.');
  });

  test('decodes the character references the HTML serializer writes, hexadecimal ones too, once', () => {
    expect(firstParagraph('<p>Use a &#x3C; b, &#x26; <code>&#x3C;?php</code> &#60; &amp;lt; &quot;x&quot;</p>')).toBe('Use a < b, & <?php < &lt; "x"');
  });

  test('is cut at a word before 160 characters, and missing when there is no paragraph', () => {
    const long = firstParagraph(`<p>${'word '.repeat(60)}</p>`)!;
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long).toMatch(/word…$/);
    expect(firstParagraph('<h1 id="a">A</h1><pre><code>x</code></pre>')).toBeUndefined();
  });
});
