import { describe, expect, it } from 'vitest';
import { buildToc, orphanHeadings, type Heading } from '../../src/content/toc';

const h = (level: number, id: string): Heading => ({ level, id, html: id, text: id });
const shape = (entries: ReturnType<typeof buildToc>): unknown => entries.map((e) => (e.children.length ? [e.id, shape(e.children)] : e.id));

describe('table of contents', () => {
  const headings = [h(2, 'orphan'), h(1, 'intro'), h(1, 'kittens'), h(2, 'get'), h(3, 'http'), h(2, 'delete'), h(1, 'errors'), h(3, 'direct')];

  it('nests h2 under h1 and drops headings with no parent, as Slate', () => {
    expect(shape(buildToc(headings))).toEqual(['intro', ['kittens', ['get', 'delete']], 'errors']);
  });

  it('adds h3 under their h2 with depth 3; an h3 right under an h1 becomes its child', () => {
    expect(shape(buildToc(headings, 3))).toEqual(['intro', ['kittens', [['get', ['http']], 'delete']], ['errors', ['direct']]]);
  });

  it('names the headings the TOC leaves out', () => {
    expect(orphanHeadings(headings).map((heading) => heading.id)).toEqual(['orphan']);
  });
});
