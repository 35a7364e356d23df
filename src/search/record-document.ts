import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { SectionRecord } from './records';

/** How much a word in code counts against a word in prose, for ranking and for picking the excerpt. */
export const CODE_WEIGHT = 0.5;

const element = (tagName: string, properties: Properties, text: string): Element => ({
  type: 'element',
  tagName,
  properties,
  children: text ? [{ type: 'text', value: text }] : [],
});

/**
 * The small HTML document Pagefind indexes for one section (built as a tree, so any text is
 * escaped). What each part does, in Pagefind's terms:
 * - the title is metadata (searchable, ranked 5× by default), not body text, so excerpts never
 *   repeat it under the result's title;
 * - the parent's title is a filter value: shown with the result but not searchable, so searching
 *   "Authentication" does not list every section below that h1;
 * - the doc's title is a filter value too: shown with results from another doc, never searched;
 * - prose is body text at full weight; code follows it at `CODE_WEIGHT`, so an excerpt is cut from
 *   the prose when both match, and a section that only shows an identifier ranks below one that
 *   explains it;
 * - keywords are metadata inside an ignored element: searchable, never part of an excerpt.
 */
export function recordDocument(record: SectionRecord): string {
  // Pagefind leaves out a page without body text: a heading with nothing under it (an h1 followed
  // straight by its first h2) could not be found, even by its own title. Its title is its text;
  // the search box shows no excerpt that only repeats the title.
  const text = record.prose || (record.code ? '' : record.title);
  const body: ElementContent[] = [
    element('h2', { dataPagefindIgnore: '', dataPagefindMeta: 'title' }, record.title),
    element('div', {}, text),
  ];
  if (record.parent) body.push(element('p', { dataPagefindIgnore: '', dataPagefindFilter: 'parent' }, record.parent));
  if (record.doc) body.push(element('p', { dataPagefindIgnore: '', dataPagefindFilter: 'doc' }, record.doc));
  if (record.code) body.push(element('div', { dataPagefindWeight: String(CODE_WEIGHT) }, record.code));
  if (record.keywords.length) body.push(element('p', { dataPagefindIgnore: '', dataPagefindMeta: 'keywords' }, record.keywords.join(' ')));
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      {
        type: 'element',
        tagName: 'html',
        properties: { lang: record.language },
        children: [{ type: 'element', tagName: 'body', properties: {}, children: body }],
      },
    ],
  };
  return toHtml(tree);
}
