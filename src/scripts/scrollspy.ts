import { SEARCH_LANDED } from './events';

/**
 * The table of contents follows the reader: the section in view is marked (aria-current), its h1
 * group opens and the others close, the URL hash follows (replaceState, no history entries) and the
 * browser tab reads "Section – Title". An IntersectionObserver watches a thin band at the top of the
 * viewport, so nothing measures sections while scrolling; a scroll only reads the scroll position,
 * to notice the page's top and bottom, where the band cannot tell what is being read.
 */

/** Keys that scroll the page. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

class TableOfContents extends HTMLElement {
  private links = new Map<string, HTMLAnchorElement>();
  /** For every section of the page, the TOC entry it belongs to (its own heading, or the last one above). */
  private entryOf = new Map<Element, string>();
  /** The columns (prose, code) of sections now in the band. */
  private visible = new Set<Element>();
  private sections: Element[] = [];
  private active: HTMLAnchorElement | undefined;
  /** The hash as the scrollspy last left it: when it reads otherwise, something else changed it. */
  private seen = hashId();
  /**
   * The id the reader jumped to (the page was opened with it; a link, a search result or Back changed
   * the hash), until they scroll by hand or away from the top or bottom. Kept apart from the URL: the
   * scrollspy may rewrite the hash before the browser has scrolled to the fragment.
   */
  private arrived = this.seen;
  /** Whether the last update was at the top or the bottom of the page: leaving them ends the jump. */
  private wasAtEdge = false;
  private pageTitle = document.title;
  /** On the 404 page (DocsPage.astro), whose hash is left as asked for. */
  private notFound = false;

  connectedCallback(): void {
    this.pageTitle = this.dataset.title ?? document.title;
    this.notFound = document.querySelector('#content[data-not-found]') !== null;
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a.toc-link')) {
      this.links.set(decodeURIComponent(link.hash.slice(1)), link);
    }
    let entry: string | undefined;
    this.sections = [...document.querySelectorAll('#content .section')];
    for (const section of this.sections) {
      const id = section.querySelector('h1, h2, h3')?.id;
      if (id && this.links.has(id)) entry = id;
      if (entry) this.entryOf.set(section, entry);
    }
    // The band watches each section's columns, not the section: the columns float (layout.css), so
    // an h3 section's own box is empty, and its text and code may stand at different heights.
    const band = new IntersectionObserver((changes) => this.onBand(changes), { rootMargin: '-10px 0px -85% 0px' });
    for (const section of this.sections) for (const column of section.children) band.observe(column);
    // A TOC entry clicked, or a search result opened (search.ts), at the bottom of the page scrolls
    // nowhere: no band change says so.
    window.addEventListener('hashchange', () => this.update());
    window.addEventListener(SEARCH_LANDED, () => this.update());
    // Leaving the top or the bottom may change nothing the band sees (a first section shorter than
    // the band, a page barely taller than the window); in between, the band's changes are enough.
    window.addEventListener('scroll', () => (this.wasAtEdge || edgeOfPage()) && this.update(), { passive: true });
    // A reader scrolling by hand ends the jump, even on a page too short to have a middle.
    const moved = () => (this.arrived = '');
    window.addEventListener('wheel', moved, { passive: true });
    window.addEventListener('touchmove', moved, { passive: true });
    window.addEventListener('keydown', (event) => {
      if (SCROLL_KEYS.has(event.key) && !(event.target as Element).closest?.('input, textarea, select, [role="tablist"], [role="listbox"]')) moved();
    });
  }

  private onBand(changes: IntersectionObserverEntry[]): void {
    for (const change of changes) {
      if (change.isIntersecting) this.visible.add(change.target);
      else this.visible.delete(change.target);
    }
    this.update();
  }

  private update(): void {
    const current = hashId();
    if (current !== this.seen) this.arrived = current;
    // At the top and at the bottom of the page the band does not say what is being read. At the
    // top: the first section, even one shorter than the band. At the bottom, where the last
    // sections never reach the band: the last one, as Slate does. Either way a section the reader
    // jumped to that is on screen keeps its mark and the URL its hash, so a deep link is not
    // rewritten.
    const edge = edgeOfPage();
    if (this.wasAtEdge && !edge) this.arrived = '';
    this.wasAtEdge = !!edge;
    const band = this.inBand();
    let section = band.at(-1);
    if (edge) section = this.arrival() ?? (edge === 'bottom' ? this.sections.at(-1) : (band.find((candidate) => this.entryOf.has(candidate)) ?? section));
    const id = section ? this.entryOf.get(section) : undefined;
    this.mark(id ? this.links.get(id) : undefined);
    // The hash names the section being read, even one the TOC does not list (an h3 with toc_depth 2):
    // a deep link such as #exchange-the-code-for-tokens stays as it was opened, not its parent's id.
    const hash = section?.querySelector('h1, h2, h3')?.id ?? id;
    // The 404 page keeps the address as it was asked for: its hash may name a section elsewhere (moved-anchors.ts).
    if (hash && current !== hash && !this.notFound) history.replaceState(history.state, '', `#${encodeURIComponent(hash)}`);
    this.seen = hashId();
  }

  /**
   * The sections in the band, in page order. The last of them is the one being read: after a jump
   * the heading lands below the tab bar (scroll-margin), so the end of the previous section is still
   * in the band above it.
   */
  private inBand(): Element[] {
    const sections = new Set([...this.visible].map((column) => column.parentElement!));
    return [...sections].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** The section the reader jumped to, while its heading is on screen. */
  private arrival(): Element | undefined {
    const target = this.arrived ? document.getElementById(this.arrived) : null;
    const section = target?.closest('#content .section');
    if (!target || !section) return undefined;
    const { top } = target.getBoundingClientRect();
    return top >= 0 && top < window.innerHeight ? section : undefined;
  }

  private mark(link: HTMLAnchorElement | undefined): void {
    if (link === this.active) return;
    this.active?.removeAttribute('aria-current');
    for (const open of this.querySelectorAll('li.open')) open.classList.remove('open');
    this.active = link;
    if (!link) {
      document.title = this.pageTitle;
      return;
    }
    link.setAttribute('aria-current', 'location');
    // Open the entry's own list and every list above it: the accordion shows only the current group.
    for (let item = link.closest('li'); item; item = item.parentElement?.closest('li') ?? null) item.classList.add('open');
    revealInScroller(link);
    document.title = `${link.dataset.title} – ${this.pageTitle}`;
  }
}

/** Whether the page is scrolled to its top or its bottom (a page that does not scroll is at its top). */
function edgeOfPage(): 'top' | 'bottom' | undefined {
  if (window.scrollY <= 0) return 'top';
  return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1 ? 'bottom' : undefined;
}

/** The id in the URL hash; '' when there is none or it is malformed (`#%E0`). */
function hashId(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/**
 * Scrolls the navigation (not the page) just enough to show the marked entry. Not scrollIntoView:
 * Chromium moves the sequential focus starting point to the element scrolled to, so every section
 * change sent a keyboard reader's next Tab into the TOC, and the skip link was no longer first.
 */
function revealInScroller(link: HTMLElement): void {
  let scroller = link.parentElement;
  while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
  if (!scroller) return;
  const entry = link.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (entry.top < view.top) scroller.scrollTop -= view.top - entry.top;
  else if (entry.bottom > view.bottom) scroller.scrollTop += entry.bottom - view.bottom;
}

customElements.define('shale-toc', TableOfContents);
