import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { forgetHighlights, getHighlighter, highlightToHast, loadLanguages } from '../../src/highlight/highlighter';

type Shiki = Awaited<ReturnType<typeof getHighlighter>>;
let shiki: Shiki;
beforeAll(async () => {
  await loadLanguages(['javascript']);
  shiki = await getHighlighter();
  forgetHighlights();
});

describe('highlightToHast', () => {
  it('writes spans of one text each, plain text where the colour is the text’s, whether highlighted or remembered', () => {
    const html = toHtml({ type: 'root', children: highlightToHast(shiki, 'const a = "x";\nreturn a;', 'javascript') });
    expect(toHtml({ type: 'root', children: highlightToHast(shiki, 'const a = "x";\nreturn a;', 'javascript') })).toBe(html);
    // Monokai: `const` italic, and the space after `=` joins the `=` span.
    expect(html).toBe(
      '<span class="hl-66d9ef hl-i">const</span> a <span class="hl-f92672">= </span><span class="hl-e6db74">"x"</span>;\n<span class="hl-f92672">return</span> a;',
    );
  });

  it('gives every page its own copy of a block it remembers', () => {
    const code = 'const options = {method: "GET"};\nfetch(url, options);';
    const first = highlightToHast(shiki, code, 'javascript');
    const html = toHtml({ type: 'root', children: first });
    // A page's plugins change their tree; the next page gets the block as it was highlighted.
    const span = first.find((node): node is Element => node.type === 'element')!;
    (span.properties.className as string[]).push('changed');
    (span.children[0] as { value: string }).value = 'changed';
    first.push({ type: 'text', value: 'added' });
    const again = highlightToHast(shiki, code, 'javascript');
    expect(toHtml({ type: 'root', children: again })).toBe(html);
    expect(again).not.toBe(first);
  });
});
