import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/content/site';
import { renderMarkdown } from '../support/render';
import { tempContent } from '../support/temp-content';

/** The body of a Slate page (`index.html.md`) or a Shale one (`index.md`) as the build renders it, after its h1. */
async function body(markdown: string, file = 'index.html.md'): Promise<string> {
  const page = loadSite(tempContent({ [file]: `# Top\n\n${markdown}` })).pages[0]!;
  const { html } = await renderMarkdown(page);
  return html
    .replace(/^[\s\S]*?<\/h1>/, '')
    .replace(/<\/div><\/section>$/, '')
    .replace(/\n/g, '');
}

// Each expectation is what Redcarpet 3 (Slate's parser, with Slate's options) made of the same lines.
describe("elements only Redcarpet took for blocks, with more after their tag (Slate's format)", () => {
  it('ends a one-line <noscript> block at its line: the <script> under it stays a script, its Markdown characters as written', async () => {
    expect(await body('<noscript><img src="https://example.com/p.png"></noscript>\n<script>var a = b*c*d;</script>\n')).toBe(
      '<noscript><img src="https://example.com/p.png" loading="lazy"></noscript><script>var a = b*c*d;</script>',
    );
  });

  it('keeps a <video> with its sources on one line out of a paragraph, and reads what follows it as Markdown', async () => {
    expect(await body('<video controls><source src="https://example.com/v.mp4"></video>\n*After.*\n')).toBe(
      '<video controls><source src="https://example.com/v.mp4"></video><p><em>After.</em></p>',
    );
  });

  it('leaves the Markdown inside a block that starts with text after its tag as written', async () => {
    expect(await body('<noscript>Turn on *JavaScript*\n</noscript>\n*After.*\n')).toBe('<noscript>Turn on *JavaScript*</noscript><p><em>After.</em></p>');
  });

  it('keeps a line whose closing tag has text after it a paragraph, as Redcarpet did: `<del>old</del> text`', async () => {
    expect(await body('<del>Deprecated</del> use *v2*.\n')).toBe('<p><del>Deprecated</del> use <em>v2</em>.</p>');
    expect(await body('<canvas id="c">Fallback</canvas> trailing\n')).toBe('<p><canvas id="c">Fallback</canvas> trailing</p>');
  });

  it("makes the same lines a paragraph in Shale's own format, as CommonMark does", async () => {
    expect(await body('<ins>new</ins>\n*After.*\n', 'index.md')).toBe('<p><ins>new</ins><em>After.</em></p>');
  });
});
