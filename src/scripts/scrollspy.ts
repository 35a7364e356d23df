/**
 * The table of contents follows the reader: the section in view is marked (aria-current), its h1
 * group opens and the others close, the URL hash follows (replaceState, no history entries) and the
 * browser tab reads "Section – Title". An IntersectionObserver watches a thin band at the top of the
 * viewport, so nothing measures the page while scrolling.
 */
class TableOfContents extends HTMLElement {
  private links = new Map<string, HTMLAnchorElement>();
  /** For every section of the page, the TOC entry it belongs to (its own heading, or the last one above). */
  private entryOf = new Map<Element, string>();
  private visible = new Set<Element>();
  private sections: Element[] = [];
  private active: HTMLAnchorElement | undefined;
  /** Whether the end of the content is on screen (the page may still be at its top: a short page). */
  private endInView = false;
  /** The hash as the scrollspy last left it: when it reads otherwise, something else changed it. */
  private seen = hashId();
  /**
   * The id the reader jumped to (the page was opened with it; a link, a search result or Back changed
   * the hash), until they scroll away from the bottom of the page. Kept apart from the URL: the
   * scrollspy may rewrite the hash before the browser has scrolled to the fragment.
   */
  private arrived = this.seen;
  private wasAtEnd = false;
  private pageTitle = document.title;

  connectedCallback(): void {
    this.pageTitle = this.dataset.title ?? document.title;
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
    const band = new IntersectionObserver((changes) => this.onBand(changes), { rootMargin: '-10px 0px -85% 0px' });
    this.sections.forEach((section) => band.observe(section));
    // At the bottom of the page the last sections can never reach the band: mark the last one (as Slate does).
    const end = document.createElement('div');
    end.className = 'content-end';
    document.getElementById('content')?.append(end);
    new IntersectionObserver(([change]) => {
      this.endInView = !!change?.isIntersecting;
      this.update();
    }).observe(end);
    // A TOC entry clicked at the bottom of the page scrolls nowhere: no band change says so.
    window.addEventListener('hashchange', () => this.update());
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
    // The last section in the band, not the first: after a jump the heading lands below the tab bar
    // (scroll-margin), so the end of the previous section is still in the band above it.
    let band: Element | undefined;
    for (const candidate of this.visible) if (!band || candidate.compareDocumentPosition(band) & Node.DOCUMENT_POSITION_PRECEDING) band = candidate;
    // At the bottom of the page the last sections never reach the band: mark the last one (as Slate
    // does), unless the reader jumped to one of the sections on screen; that one keeps its mark and
    // the URL its hash, so a deep link opened near the end is not rewritten to the last section.
    // Read here, not when the end came into view: scrolling back to the top of a page barely taller
    // than the window leaves the end in view, and no callback would say the bottom was left.
    const atEnd = this.endInView && window.scrollY > 0;
    if (this.wasAtEnd && !atEnd) this.arrived = '';
    this.wasAtEnd = atEnd;
    const section = atEnd ? (this.arrival(band) ?? this.sections.at(-1)) : band;
    const id = section ? this.entryOf.get(section) : undefined;
    this.mark(id ? this.links.get(id) : undefined);
    // The hash names the section being read, even one the TOC does not list (an h3 with toc_depth 2):
    // a deep link such as #exchange-the-code-for-tokens stays as it was opened, not its parent's id.
    const hash = section?.querySelector('h1, h2, h3')?.id ?? id;
    if (hash && current !== hash) history.replaceState(history.state, '', `#${encodeURIComponent(hash)}`);
    this.seen = hashId();
  }

  /** The section the reader jumped to, unless it was scrolled past the band. */
  private arrival(band: Element | undefined): Element | undefined {
    const section = this.arrived ? document.getElementById(this.arrived)?.closest('#content .section') : undefined;
    if (!section || (band && section.compareDocumentPosition(band) & Node.DOCUMENT_POSITION_FOLLOWING)) return undefined;
    return section;
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
