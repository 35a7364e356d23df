import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/content/site';
import { renderMarkdown } from '../support/render';
import { tempContent } from '../support/temp-content';

/** A Slate page (`index.html.md`) or a Shale one (`index.md`) as the build renders it: its HTML without sections, its headings. */
async function render(markdown: string, file = 'index.html.md') {
  const page = loadSite(tempContent({ [file]: markdown })).pages[0]!;
  const { html, headings } = await renderMarkdown(page);
  return { html: html.replace(/<\/?(?:section|div)[^>]*>|\n/g, ''), ids: headings.map((heading) => heading.id) };
}

// Each expectation is what Redcarpet 3 (Slate's parser) made of the same lines.
describe("a setext heading under a paragraph of several lines (Slate's format)", () => {
  it('is the last line alone, with its own id; the lines above it stay a paragraph', async () => {
    const { html, ids } = await render('# Top\n\nUse the token below.\nErrors\n------\n\nAfter.\n');
    expect(html).toBe('<h1 id="top">Top</h1><p>Use the token below.</p><h2 id="errors">Errors</h2><p>After.</p>');
    expect(ids).toEqual(['top', 'errors']);
  });

  it('keeps the inline Markdown of both parts, and reads a character reference in the heading as Slate did', async () => {
    const { html, ids } = await render('Some *intro*  \nDealer&rsquo;s cars\n==========\n');
    expect(html).toBe('<p>Some <em>intro</em></p><h1 id="dealer-rsquo-s-cars">Dealer’s cars</h1>');
    expect(ids).toEqual(['dealer-rsquo-s-cars']);
  });

  it('is split in a block quote too', async () => {
    const { html } = await render('# Top\n\n> quote a\n> quote b\n> ---\n');
    expect(html).toContain('<blockquote><p>quote a</p><h2 id="quote-b">quote b</h2></blockquote>');
  });

  it("is every line in Shale's own format, as CommonMark has it", async () => {
    const { ids } = await render('# Top\n\nUse the token below.\nErrors\n------\n', 'index.md');
    expect(ids).toEqual(['top', 'use-the-token-below-errors']);
  });
});
