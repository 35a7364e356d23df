import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { buildSetToc, buildToc, setPage, type Heading } from '../../src/content/toc';
import { tocHtml } from '../../src/content/toc-html';

const h = (level: number, id: string, html = id): Heading => ({ level, id, html, text: html.replace(/<[^>]*>/g, '') });

/** The element children of a node, as a compact outline: `tag.class1.class2[attr=value]`, nested. */
function outline(node: Root | Element): unknown[] {
  return (node.children as Array<Root['children'][number]>)
    .filter((child): child is Element => child.type === 'element')
    .map((element: Element) => {
      const classes = ((element.properties.className as string[] | undefined) ?? []).map((name) => `.${name}`).join('');
      const attributes = ['href', 'dataTitle']
        .filter((key) => element.properties[key] !== undefined)
        .map((key) => `[${key}=${element.properties[key]}]`)
        .join('');
      const label = `${element.tagName}${classes}${attributes}`;
      const children = outline(element);
      return element.tagName === 'a' ? `${label} ${toText(element)}` : children.length ? [label, children] : label;
    });
}

const parse = (html: string) => fromHtml(html, { fragment: true });

describe('the table of contents of a split set', () => {
  const intro = [h(1, 'introduction'), h(2, 'setup')];
  const kittens = [h(1, 'kittens'), h(2, 'get-all-kittens'), h(3, 'http-request'), h(2, 'delete-a-kitten')];
  const errors = [h(1, 'errors'), h(2, 'codes')];
  const set = [setPage('./', intro), setPage('kittens.html', kittens), setPage('errors.html', errors)];

  it('lists every h1 of the set, and the h2s of the current page only', () => {
    const toc = buildSetToc(set, 1);
    expect(toc.map((entry) => [entry.href ?? `#${entry.id}`, entry.children.map((child) => child.id)])).toEqual([
      ['./#introduction', []],
      ['#kittens', ['get-all-kittens', 'delete-a-kitten']],
      ['errors.html#errors', []],
    ]);
  });

  it('adds the current page’s h3s with depth 3', () => {
    const [, current] = buildSetToc(set, 1, 3);
    expect(current!.children.map((child) => [child.id, child.children.map((grandchild) => grandchild.id)])).toEqual([
      ['get-all-kittens', ['http-request']],
      ['delete-a-kitten', []],
    ]);
  });

  it('gives the first page the same list of h1s as the others', () => {
    const ids = (current: number) => buildSetToc(set, current).map((entry) => entry.id);
    expect(ids(0)).toEqual(['introduction', 'kittens', 'errors']);
    expect(ids(2)).toEqual(ids(0));
    expect(buildSetToc(set, 0)[0]!.children.map((child) => child.id)).toEqual(['setup']);
  });

  it('lists under an h1 continued on more pages the current page’s h2s, and one entry per other page of the group, named by its first and last h2', () => {
    const pages = [
      setPage('./', intro),
      setPage('webhooks.html', [h(1, 'webhooks'), h(2, 'a'), h(2, 'b')]),
      setPage('webhooks-2.html', [h(2, 'c'), h(3, 'c-payload')], 1),
      setPage('webhooks-3.html', [h(2, 'd'), h(2, 'e'), h(2, 'f', '<code>f</code>')], 1),
      setPage('errors.html', errors),
    ];
    const outline = (current: number) =>
      buildSetToc(pages, current, 3).map((entry) => [
        entry.href ?? `#${entry.id}`,
        entry.children.map((child) => [child.href ?? `#${child.id}`, child.text, child.children.map((grandchild) => grandchild.id)]),
      ]);
    expect(outline(2)).toEqual([
      ['./#introduction', []],
      [
        'webhooks.html#webhooks',
        [
          ['webhooks.html#a', 'a – b', []],
          ['#c', 'c', ['c-payload']],
          ['webhooks-3.html#d', 'd – f', []],
        ],
      ],
      ['errors.html#errors', []],
    ]);
    expect(outline(1)[1]).toEqual([
      '#webhooks',
      [
        ['#a', 'a', []],
        ['#b', 'b', []],
        ['webhooks-2.html#c', 'c', []],
        ['webhooks-3.html#d', 'd – f', []],
      ],
    ]);
    expect(outline(0)[1]).toEqual(['webhooks.html#webhooks', []]);
    // The name keeps each h2's inline markup.
    expect(tocHtml(buildSetToc(pages, 1))).toContain('>d – <code>f</code></a>');
  });

  it('leaves out an h2 before the first h1 of the set, as Slate does', () => {
    const pages = [setPage('./', [h(2, 'orphan'), h(1, 'a'), h(2, 'a-1')]), setPage('b.html', [h(1, 'b'), h(2, 'b-1')])];
    expect(buildSetToc(pages, 1).map((entry) => [entry.href ?? `#${entry.id}`, entry.children.length])).toEqual([
      ['./#a', 0],
      ['#b', 1],
    ]);
  });
});

describe('the markup of the table of contents', () => {
  it("names a link by its place in the TOC: an h3 right under an h1 is a toc-h2 entry, as in Slate's layout", () => {
    const toc = buildToc([h(1, 'errors'), h(3, 'http'), h(2, 'get')]);
    expect(outline(parse(tocHtml(toc)))).toEqual([
      [
        'ul.toc-list.toc-list-h1',
        [
          [
            'li.toc-group',
            [
              'a.toc-link.toc-h1[href=#errors][dataTitle=errors] errors',
              [
                'ul.toc-list.toc-list-h2',
                [
                  ['li', ['a.toc-link.toc-h2[href=#http][dataTitle=http] http']],
                  ['li', ['a.toc-link.toc-h2[href=#get][dataTitle=get] get']],
                ],
              ],
            ],
          ],
        ],
      ],
    ]);
  });

  it('is the nested lists the stylesheet and the scrollspy expect', () => {
    const toc = buildToc([h(1, 'intro'), h(1, 'kittens'), h(2, 'get'), h(3, 'http'), h(2, 'delete')], 3);
    expect(outline(parse(tocHtml(toc)))).toEqual([
      [
        'ul.toc-list.toc-list-h1',
        [
          ['li.toc-group', ['a.toc-link.toc-h1[href=#intro][dataTitle=intro] intro']],
          [
            'li.toc-group',
            [
              'a.toc-link.toc-h1[href=#kittens][dataTitle=kittens] kittens',
              [
                'ul.toc-list.toc-list-h2',
                [
                  [
                    'li',
                    [
                      'a.toc-link.toc-h2[href=#get][dataTitle=get] get',
                      ['ul.toc-list.toc-list-h3', [['li', ['a.toc-link.toc-h3[href=#http][dataTitle=http] http']]]],
                    ],
                  ],
                  ['li', ['a.toc-link.toc-h2[href=#delete][dataTitle=delete] delete']],
                ],
              ],
            ],
          ],
        ],
      ],
    ]);
  });

  it('links other pages’ h1s to their page', () => {
    const toc = buildSetToc([setPage('./', [h(1, 'intro')]), setPage('kittens.html', [h(1, 'kittens'), h(2, 'get')])], 0);
    const links = outline(parse(tocHtml(toc)));
    expect(JSON.stringify(links)).toContain('a.toc-link.toc-h1[href=kittens.html#kittens][dataTitle=kittens] kittens');
    expect(JSON.stringify(links)).not.toContain('#get');
  });

  it('keeps the inline markup of a heading and escapes its text', () => {
    const toc = buildToc([{ level: 1, id: 'codes', html: 'The <code>&lt;error&gt;</code> object &amp; "codes"', text: 'The <error> object & "codes"' }]);
    const [list] = parse(tocHtml(toc)).children as Element[];
    const link = (list!.children[0] as Element).children[0] as Element;
    expect(link.properties.dataTitle).toBe('The <error> object & "codes"');
    expect((link.children[1] as Element).tagName).toBe('code');
    expect(toText(link)).toBe('The <error> object & "codes"');
  });

  it('serializes the same entry the same way whether it was made for this page or reused', () => {
    const pages = [setPage('./', [h(1, 'intro')]), setPage('b.html', [h(1, 'b')]), setPage('c.html', [h(1, 'c')])];
    const first = tocHtml(buildSetToc(pages, 0));
    const again = tocHtml(buildSetToc(pages, 0));
    expect(again).toBe(first);
    expect(tocHtml(buildSetToc(pages, 2))).toContain('href="./#intro"');
  });
});
