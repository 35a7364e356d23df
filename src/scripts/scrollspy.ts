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
  private atEnd = false;
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
      this.atEnd = !!change?.isIntersecting && window.scrollY > 0;
      this.update();
    }).observe(end);
  }

  private onBand(changes: IntersectionObserverEntry[]): void {
    for (const change of changes) {
      if (change.isIntersecting) this.visible.add(change.target);
      else this.visible.delete(change.target);
    }
    this.update();
  }

  private update(): void {
    let section: Element | undefined;
    if (this.atEnd) section = this.sections.at(-1);
    else for (const candidate of this.visible) if (!section || candidate.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING) section = candidate;
    const id = section ? this.entryOf.get(section) : undefined;
    this.mark(id ? this.links.get(id) : undefined);
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
    link.scrollIntoView({ block: 'nearest' });
    const id = link.hash;
    if (location.hash !== id) history.replaceState(history.state, '', id);
    document.title = `${link.dataset.title} – ${this.pageTitle}`;
  }
}

customElements.define('shale-toc', TableOfContents);
