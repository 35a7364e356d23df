import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { htmlTree } from '../../src/llms/html-tree';

/** The tree parse5 (the HTML standard) gives, as the serializer reads it: no positions, no empty text. */
const standardTree = (html: string) =>
  JSON.parse(
    JSON.stringify(fromParse5(parseFragment(html)), (key, value) =>
      key === 'position' || key === 'data' ? undefined : Array.isArray(value) ? value.filter((node) => node?.type !== 'comment') : value,
    ),
  );

describe('htmlTree (the HTML Shale wrote, read for its Markdown)', () => {
  it('gives what parse5 gives for HTML as hast-util-to-html and Astro write it', () => {
    const html = [
      '<main><section class="section  lang-shell" id="get-a-pet"><div class="content">',
      '<h2 id="get-a-pet">Get a &#x3C;pet> &amp; its &quot;owner&quot;</h2><p>Text<br>more <code>a &lt; b</code> <img src="x.png" alt="A &amp; B"></p>',
      '<ol start="3"><li>three</li><li>four</li></ol><details open><summary>More</summary><p>hidden</p></details>',
      '<table><thead><tr><th>Name</th></tr></thead><tbody><tr><td colspan="2">x</td></tr></tbody></table></div>',
      '<div class="code"><pre class="shiki" data-language="shell" data-tab-key="shell" tabindex="0"><code><span class="line">curl -X GET</span></code></pre></div>',
      '</section><!-- a comment --></main>',
    ].join('');
    expect(htmlTree(html)).toEqual(standardTree(html));
  });

  it('drops the first newline of a <pre>, as HTML does, and keeps the rest', () => {
    const html = '<pre>\n\nline one\nline two</pre>';
    expect(htmlTree(html)).toEqual(standardTree(html));
    expect(htmlTree(html).children[0]).toMatchObject({ children: [{ type: 'text', value: '\nline one\nline two' }] });
  });

  it('closes what HTML closes by itself: a paragraph before a block, list items, void elements', () => {
    const html = '<div><p>one<p>two<ul><li>a<li>b</ul><hr><input type="checkbox" checked></div>';
    expect(htmlTree(html)).toEqual(standardTree(html));
  });
});
