import { termRanges } from '../shared/terms';

/**
 * Highlights search terms inside one section, not the whole page (Slate marked every match on the
 * page). Uses the CSS Custom Highlight API, which styles text ranges without touching the DOM; where
 * a browser lacks it, the matches are wrapped in `mark` elements and unwrapped again on clear.
 */

const NAME = 'shale-search';
let wrapped: HTMLElement[] = [];

const hasHighlightApi = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** The text ranges of `terms` in `root`, leaving out controls such as copy buttons. */
function rangesIn(root: Element, terms: string[]): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('button, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (const [start, end] of termRanges(node.data, terms)) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  return ranges;
}

/** Marks every word of `section` that starts with one of `terms`; replaces earlier highlights. Returns how many. */
export function highlightSection(section: Element, terms: string[]): number {
  clearSearchHighlights();
  const ranges = rangesIn(section, terms);
  if (ranges.length === 0) return 0;
  if (hasHighlightApi()) {
    CSS.highlights.set(NAME, new Highlight(...ranges));
  } else {
    // Last range first, so wrapping one does not move the offsets of those before it in the same text node.
    for (const range of ranges.reverse()) {
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      range.surroundContents(mark);
      wrapped.push(mark);
    }
  }
  section.setAttribute('data-search-hits', String(ranges.length));
  return ranges.length;
}

/** Removes the highlights of the last result opened. */
export function clearSearchHighlights(): void {
  if (hasHighlightApi()) CSS.highlights.delete(NAME);
  for (const mark of wrapped) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
  wrapped = [];
  document.querySelector('[data-search-hits]')?.removeAttribute('data-search-hits');
}
