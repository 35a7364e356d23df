import { describe, expect, it } from 'vitest';
import { buildSetToc, buildToc, orphanHeadings, setPage, type Heading } from '../../src/content/toc';

const h = (level: number, id: string): Heading => ({ level, id, html: id, text: id });
const shape = (entries: ReturnType<typeof buildToc>): unknown => entries.map((e) => (e.children.length ? [e.id, shape(e.children)] : e.id));

describe('table of contents', () => {
  const headings = [h(2, 'orphan'), h(1, 'intro'), h(1, 'kittens'), h(2, 'get'), h(3, 'http'), h(2, 'delete'), h(1, 'errors'), h(3, 'direct')];

  it('nests h2 under h1 and drops headings with no parent, as Slate; an h3 right under an h1 shows as its child', () => {
    // Slate's toc_data.rb puts an h3 under the closest earlier h1 or h2, and its layout shows the h1s' children.
    expect(shape(buildToc(headings))).toEqual(['intro', ['kittens', ['get', 'delete']], ['errors', ['direct']]]);
    expect(shape(buildToc([h(1, 'errors'), h(3, 'http-request'), h(2, 'get-a-kitten'), h(3, 'query')]))).toEqual([
      ['errors', ['http-request', 'get-a-kitten']],
    ]);
  });

  it('adds h3 under their h2 with depth 3; an h3 right under an h1 becomes its child', () => {
    expect(shape(buildToc(headings, 3))).toEqual(['intro', ['kittens', [['get', ['http']], 'delete']], ['errors', ['direct']]]);
  });

  it('names the headings the TOC leaves out', () => {
    expect(orphanHeadings(headings).map((heading) => heading.id)).toEqual(['orphan']);
  });
});

describe('the TOC of a page that continues an h1 group', () => {
  it('shows under the h1 (which leads to the page holding it) its own h2s and one entry per other page of the group, and lists the other pages’ h1s', () => {
    const h = (level: number, id: string) => ({ level, id, html: id, text: id });
    const pages = [
      setPage('./', [h(1, 'intro')]),
      setPage('schemas.html', [h(1, 'schemas'), h(2, 'a')]),
      setPage('b.html', [h(2, 'b'), h(2, 'c')], 1),
      setPage('errors.html', [h(1, 'errors')]),
    ];
    const toc = buildSetToc(pages, 2);
    expect(toc.map((entry) => [entry.href, entry.children.map((child) => child.id)])).toEqual([
      ['./#intro', []],
      ['schemas.html#schemas', ['a', 'b', 'c']],
      ['errors.html#errors', []],
    ]);
    expect(buildSetToc(pages, 1).map((entry) => [entry.id, entry.children.map((child) => `${child.href ?? `#${child.id}`} ${child.text}`)])).toEqual([
      ['intro', []],
      ['schemas', ['#a a', 'b.html#b b – c']],
      ['errors', []],
    ]);
  });
});
