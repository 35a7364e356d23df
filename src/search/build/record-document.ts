import type { SectionRecord } from './records';

/** How much a word in code counts against a word in prose, for ranking and for picking the excerpt. */
export const CODE_WEIGHT = 0.5;

/** Text as HTML: the two characters that could start markup are written as references. */
const text = (value: string) => value.replace(/[&<]/g, (character) => (character === '&' ? '&#x26;' : '&#x3C;'));

/** An element with text only; attribute values are Shale's own (no quotes or ampersands in them). */
const element = (tagName: string, attributes: string, content: string) => `<${tagName}${attributes}>${text(content)}</${tagName}>`;

/**
 * The small HTML document Pagefind indexes for one section (every text escaped, so none is read
 * as markup). What each part does, in Pagefind's terms:
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
  const body = [
    element('h2', ' data-pagefind-ignore="" data-pagefind-meta="title"', record.title),
    element('div', '', record.prose || (record.code ? '' : record.title)),
  ];
  if (record.parent) body.push(element('p', ' data-pagefind-ignore="" data-pagefind-filter="parent"', record.parent));
  if (record.doc) body.push(element('p', ' data-pagefind-ignore="" data-pagefind-filter="doc"', record.doc));
  if (record.code) body.push(element('div', ` data-pagefind-weight="${CODE_WEIGHT}"`, record.code));
  if (record.keywords.length) body.push(element('p', ' data-pagefind-ignore="" data-pagefind-meta="keywords"', record.keywords.join(' ')));
  // Written as a string, not a tree serialised by hast-util-to-html: 10,500 sections took 0.3 s
  // of the thread Astro builds on, which a rebuild waited for.
  return `<!doctype html><html lang="${record.language.replace(/[^\w-]/g, '')}"><body>${body.join('')}</body></html>`;
}
