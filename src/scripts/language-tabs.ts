import { initialLanguage, languageFromUrl, storeLanguage, urlWithLanguage } from './language-choice';

/**
 * The language tabs: an ARIA tablist. Choosing a tab sets one attribute on the root element
 * (`data-tab-index`) and the stylesheet shows that language's code everywhere: no loop over blocks.
 */
class LanguageTabs extends HTMLElement {
  private tabs: HTMLButtonElement[] = [];
  private keys: string[] = [];
  /** Whether the arrow keys already chose a tab since the tablist got focus: they then replace that history entry. */
  private keyboardEntry = false;
  /** Whether the tab bar has been laid out (its ResizeObserver called): its sizes can then be read without forcing a layout. */
  private laidOut = false;

  connectedCallback(): void {
    this.tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    this.keys = this.tabs.map((tab) => tab.dataset.tabKey ?? '');
    if (this.tabs.length === 0) return;
    this.watchOverflow();
    const language = (history.state as { language?: string } | null)?.language ?? initialLanguage(location.search, this.keys);
    this.show(this.keys.includes(language) ? language : this.keys[0]!);
    // A language named in the URL is remembered, as in Slate: it carries to the other pages. Not when
    // the page is reached by Back or Forward: that is no new choice, and an old entry's language
    // would overwrite the one the reader chose last.
    const fromUrl = languageFromUrl(location.search, this.keys);
    if (fromUrl && this.keys.includes(fromUrl) && !reachedThroughHistory()) storeLanguage(fromUrl);
    history.replaceState({ ...(history.state ?? {}), language: this.current() }, '');
    this.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
      if (tab) this.choose(tab.dataset.tabKey!);
    });
    this.addEventListener('keydown', (event) => this.onKey(event));
    this.addEventListener('focusout', (event) => {
      if (!this.contains(event.relatedTarget as Node | null)) this.keyboardEntry = false;
    });
    window.addEventListener('popstate', (event) => {
      // Entries made by in-page links (a TOC jump) have no state, and the URL may name no language:
      // then keep the current one (as Slate did). Falling back to the first tab made Back after a
      // TOC jump switch a reader's stored ruby to shell.
      const language = (event.state as { language?: string } | null)?.language ?? languageFromUrl(location.search, this.keys);
      if (language && this.keys.includes(language) && language !== this.current()) this.show(language, true);
    });
  }

  private current(): string {
    return this.keys[Number(document.documentElement.dataset.tabIndex ?? 0)] ?? this.keys[0]!;
  }

  /**
   * A reader's choice: shown, remembered, and put in the URL as a new history entry (Back returns to
   * the language before), or, for arrow keys passing over the tabs, in the entry the first one made.
   */
  private choose(language: string, replace = false): void {
    if (language === this.current()) return;
    this.show(language, true);
    storeLanguage(language);
    const url = urlWithLanguage(location.href, language, this.keys);
    if (replace) history.replaceState({ ...(history.state ?? {}), language }, '', url);
    else history.pushState({ ...(history.state ?? {}), language }, '', url);
  }

  private show(language: string, keepPlace = false): void {
    const index = this.keys.indexOf(language);
    // Code above the reader changes height with the language: keep what they read in place.
    const anchor = keepPlace ? readingAnchor() : undefined;
    const before = anchor?.getBoundingClientRect().top;
    document.documentElement.dataset.tabIndex = String(index);
    this.tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    if (anchor && before !== undefined) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
    // Before the bar's first layout, its observer (watchOverflow) does this: reading sizes now would force a layout of the page.
    if (this.laidOut) this.revealChosen();
  }

  /**
   * When the tabs overflow the bar, marks the sides that hide some (the stylesheet fades them) and
   * keeps the chosen tab in view. Measured when the browser has laid the bar out anyway (a
   * ResizeObserver's callbacks run after layout), so loading a page forces no extra layout.
   */
  private watchOverflow(): void {
    const list = this.tabs[0]!.parentElement!;
    const mark = (): void => {
      const hidden = list.scrollWidth - list.clientWidth;
      list.toggleAttribute('data-more-before', hidden > 0 && list.scrollLeft > 1);
      list.toggleAttribute('data-more-after', hidden > 0 && list.scrollLeft < hidden - 1);
    };
    list.addEventListener('scroll', mark, { passive: true });
    new ResizeObserver(() => {
      this.laidOut = true;
      this.revealChosen();
      mark();
    }).observe(list);
  }

  /** Scrolls the bar, when its tabs overflow it, so the chosen tab is whole and clear of the fades. */
  private revealChosen(): void {
    const list = this.tabs[0]?.parentElement;
    const tab = this.tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
    if (!list || !tab || list.scrollWidth <= list.clientWidth) return;
    const room = list.getBoundingClientRect();
    const box = tab.getBoundingClientRect();
    if (box.left < room.left + FADE) list.scrollLeft -= room.left + FADE - box.left;
    else if (box.right > room.right - FADE) list.scrollLeft += box.right - (room.right - FADE);
  }

  private onKey(event: KeyboardEvent): void {
    const index = this.tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const last = this.tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.tabs[next]!.focus();
    this.choose(this.keys[next]!, this.keyboardEntry);
    this.keyboardEntry = true;
  }
}

/** The width of the fade on a side of the bar with hidden tabs (layout.css): a chosen tab is kept clear of it. */
const FADE = 48;

/** Whether this page was reached by Back or Forward (or restored with its history). */
function reachedThroughHistory(): boolean {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.type === 'back_forward';
}

/**
 * The prose at the top of the reading area, if any: a section's prose column, whose box is where its
 * text is (an h3 section's own box is empty: its columns float, layout.css).
 */
function readingAnchor(): Element | undefined {
  const content = document.getElementById('content');
  if (!content || window.scrollY === 0) return undefined;
  const x = content.getBoundingClientRect().left + 10;
  return document.elementFromPoint(x, 60)?.closest('.prose') ?? undefined;
}

customElements.define('shale-language-tabs', LanguageTabs);
