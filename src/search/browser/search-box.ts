import { excerptParts } from '../shared/excerpt';
import type { ResultData, WorkerAnswer, WorkerRequest } from './search-worker';
import { queryTerms } from '../shared/terms';
import { clearSearchHighlights, highlightSection } from './search-highlight';
import { SEARCH_LANDED } from '../../scripts/events';

/**
 * The search box in the navigation (`shale-search`, rendered by Search.astro).
 *
 * Nothing of Pagefind loads with the page: its script, its WebAssembly and the index are fetched the
 * first time the box gets focus (by click, Tab, "/" or Ctrl/Cmd+K), so readers who never search pay
 * nothing. The box is an ARIA combobox: focus stays in it, the arrows move through the results
 * (aria-activedescendant), Enter opens one, Esc clears. Results are built with text nodes and
 * `mark` elements only; nothing typed or indexed is ever parsed as HTML.
 */

/**
 * The search worker (search-worker.ts), which runs Pagefind: one request at a time from this box,
 * each answered by the message with its id.
 */
class SearchWorker {
  private readonly worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  private nextId = 0;
  private readonly waiting = new Map<number, (answer: WorkerAnswer) => void>();
  /** The worker stopped (its script failed to load, or it crashed): it will answer nothing more. */
  private stopped = false;

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
      this.waiting.get(event.data.id)?.(event.data);
      this.waiting.delete(event.data.id);
    });
    // The worker's script could not load, or the worker crashed: every open request fails.
    this.worker.addEventListener('error', () => {
      this.stopped = true;
      for (const [id, resolve] of this.waiting) resolve({ type: 'failed', id });
      this.waiting.clear();
    });
  }

  ask(request: DistributiveOmit<WorkerRequest, 'id'>): Promise<WorkerAnswer> {
    const id = ++this.nextId;
    if (this.stopped) return Promise.resolve({ type: 'failed', id });
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  /** A request that has no answer (a preload). */
  tell(request: DistributiveOmit<WorkerRequest, 'id'>): void {
    if (!this.stopped) this.worker.postMessage({ ...request, id: ++this.nextId } as WorkerRequest);
  }

  terminate(): void {
    this.worker.terminate();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Wait after the last keystroke before searching, so a burst of keys is one query. A search takes a
 * few ms on most docs but about 100 ms on a 5,000-endpoint one, and more for a one-letter prefix:
 * searches never pile up behind it (see `run`), but each one started still has to finish.
 */
const DEBOUNCE_MS = 60;
/** The shortest query whose index chunks are fetched while typing (onInput). */
const PRELOAD_MIN_CHARS = 3;
/**
 * The wait for a one-character query. Its prefix matches most words of a big doc (at 5,000
 * endpoints "w" took 2 s, loading most of the index), so it runs only when the reader stops there.
 */
const SHORT_QUERY_DEBOUNCE_MS = 300;
/** Results shown at once; "Show more" adds as many again. */
const PAGE_SIZE = 10;
const LOAD_FAILED = 'Search could not be loaded. Check your connection and try again.';
/** Carries the query to another page when a result lives there, so it can highlight on arrival. */
const LANDING_KEY = 'shale-search-landing';

class SearchBox extends HTMLElement {
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private list!: HTMLElement;
  private panel!: HTMLElement;
  private more!: HTMLButtonElement;
  private engine: Promise<SearchWorker> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with every search, so the answer to an older query is dropped. */
  private generation = 0;
  private pending: Promise<void> | undefined;
  private query = '';
  /** How many results the last search found (the worker keeps them; "Show more" asks it for more). */
  private total = 0;
  /** A word of the query no section has, which is why it finds nothing. */
  private missing: string | undefined;
  private options: HTMLAnchorElement[] = [];
  private active = -1;

  connectedCallback(): void {
    this.input = this.querySelector('input')!;
    this.status = this.querySelector('.search-status')!;
    this.list = this.querySelector('.search-results')!;
    this.panel = this.querySelector('.search-panel')!;
    this.more = this.querySelector('.search-more')!;
    this.input.addEventListener('focus', () => {
      void this.load().catch(() => undefined);
      // Back in the box: the results of the query still in it show again, under their status.
      if (this.panel.hidden && this.options.length && this.input.value.trim() === this.query) this.expand();
    });
    // Focus leaving the search (a click on the page, Tab away) closes the results, as a combobox's list closes.
    this.addEventListener('focusout', (event) => {
      if (!this.contains(event.relatedTarget as Node | null)) this.collapse();
    });
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('click', (event) => this.onResultClick(event));
    this.more.addEventListener('click', () => void this.showMore());
    document.addEventListener('keydown', (event) => this.onShortcut(event));
    this.landFromOtherPage();
  }

  /**
   * Starts the search worker, which loads Pagefind and its index, once; a failure is shown, and the
   * next focus tries again in a new worker (a worker of its own: a browser remembers a failed import
   * of a URL for as long as the worker that tried it lives).
   */
  private load(): Promise<SearchWorker> {
    this.engine ??= (async () => {
      const worker = new SearchWorker();
      const bundle = this.dataset.bundle!;
      const loaded = await worker.ask({
        type: 'load',
        bundle,
        baseUrl: bundle.replace(/pagefind\/$/, ''),
        language: (document.documentElement.lang || 'unknown').toLowerCase(),
      });
      if (loaded.type !== 'loaded') {
        worker.terminate();
        throw new Error('Pagefind could not be loaded');
      }
      return worker;
    })();
    this.engine.catch(() => {
      this.engine = undefined;
      this.setStatus(LOAD_FAILED);
    });
    return this.engine;
  }

  /** A request failed (a fetch of the index, or the worker itself): the next search starts a new worker. */
  private restart(worker: SearchWorker): void {
    worker.terminate();
    this.engine = undefined;
  }

  private onInput(): void {
    // A new search ends the highlights of the last result opened.
    clearSearchHighlights();
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (!query) {
      this.generation++;
      this.collapse();
      this.setStatus('');
      return;
    }
    this.timer = setTimeout(() => void this.run(query), [...query].length < 2 ? SHORT_QUERY_DEBOUNCE_MS : DEBOUNCE_MS);
    // While the debounce waits, the worker fetches the index chunks the query needs and loads the data
    // of what it finds (search-worker.ts, warm): a word typed key by key is then searched with both at
    // hand (a common word at 5,000 endpoints: 265 ms after the last key with neither, 185–220 ms with
    // the chunks, 70–80 ms with both). Not for one or two characters, whose words span many chunks.
    if ([...query].length >= PRELOAD_MIN_CHARS)
      void this.engine?.then(
        (worker) => worker.tell({ type: 'preload', query, count: PAGE_SIZE }),
        () => undefined,
      );
  }

  /**
   * Searches now (the debounce is over, or Enter was pressed) and shows the first results.
   * One search at a time: the worker answers in order, so a search started while another
   * runs would only queue behind it. A newer query waits for the running search instead, and a
   * query overtaken while it waited is dropped, so typing never piles up work.
   */
  private run(query: string): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const generation = ++this.generation;
    const running = this.pending ?? Promise.resolve();
    this.pending = running.then(() => (generation === this.generation ? this.search(query, generation) : undefined));
    return this.pending;
  }

  private async search(query: string, generation: number): Promise<void> {
    let worker: SearchWorker;
    try {
      worker = await this.load();
    } catch {
      return;
    }
    const answer = await worker.ask({ type: 'search', query, count: PAGE_SIZE });
    if (answer.type === 'failed') this.restart(worker);
    if (generation !== this.generation) return;
    if (answer.type === 'failed') return this.setStatus(LOAD_FAILED);
    if (answer.type !== 'results') return this.setStatus('Search is unavailable: the search engine could not start.');
    this.query = query;
    this.total = answer.total;
    this.missing = answer.missing;
    this.options = [];
    this.active = -1;
    this.list.replaceChildren();
    this.addResults(answer.shown);
    if (this.options.length) this.expand();
    else this.collapse();
  }

  private addResults(results: ResultData[]): void {
    for (const result of results) {
      const option = resultOption(result, `search-result-${this.options.length}`);
      this.options.push(option);
      this.list.append(option);
    }
    const total = this.total;
    this.more.hidden = this.options.length >= total;
    this.more.textContent = `Show more results (${total - this.options.length} left)`;
    const none = this.missing ? `No results for “${this.query}”: no section has “${this.missing}”` : `No results for “${this.query}”`;
    this.setStatus(total === 0 ? none : `${total} ${total === 1 ? 'result' : 'results'} for “${this.query}”`);
  }

  private async showMore(): Promise<void> {
    const generation = this.generation;
    // After the running search, so the worker answers from the results on screen (and, if that
    // search failed and dropped its worker, none is asked).
    await this.pending;
    const worker = await this.engine?.catch(() => undefined);
    if (!worker || generation !== this.generation) return;
    const answer = await worker.ask({ type: 'more', from: this.options.length, count: PAGE_SIZE });
    if (answer.type === 'failed') this.restart(worker);
    if (generation !== this.generation) return;
    if (answer.type === 'failed') return this.setStatus(LOAD_FAILED);
    if (answer.type !== 'results') return;
    const first = this.options.length;
    this.addResults(answer.shown);
    this.input.focus();
    this.setActive(first);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.panel.hidden && this.options.length) this.expand();
      if (this.options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // From the box, Down goes to the first result and Up to the last; past either end, back to the box.
      let next = this.active + step;
      if (this.active === -1 && step < 0) next = this.options.length - 1;
      this.setActive(next >= this.options.length || next < 0 ? -1 : next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void this.openActive();
    } else if (event.key === 'Escape') {
      if (!this.input.value && this.panel.hidden) return;
      // Handled here: on a phone, the same Esc must not also close the navigation.
      event.preventDefault();
      event.stopPropagation();
      this.input.value = '';
      this.generation++;
      clearTimeout(this.timer);
      this.collapse();
      this.setStatus('');
    }
  }

  /** Enter: the highlighted result, else the first; a search still waiting for its debounce runs first. */
  private async openActive(): Promise<void> {
    const query = this.input.value.trim();
    if (!query) return;
    if (this.timer !== undefined || query !== this.query) await this.run(query);
    else await this.pending;
    (this.options[this.active] ?? this.options[0])?.click();
  }

  private setActive(index: number): void {
    this.options[this.active]?.setAttribute('aria-selected', 'false');
    this.active = index;
    const option = this.options[index];
    if (!option) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  private expand(): void {
    this.panel.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private collapse(): void {
    this.panel.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.setActive(-1);
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  /** A result opens like a link; on this page the section is also highlighted, elsewhere on arrival. */
  private onResultClick(event: MouseEvent): void {
    const option = (event.target as Element).closest<HTMLAnchorElement>('a.search-result');
    if (!option || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = new URL(option.href);
    this.collapse();
    closeNavigation();
    if (samePage(target)) {
      event.preventDefault();
      if (location.hash !== target.hash) history.pushState(history.state, '', target.hash);
      land(target.hash, this.query);
      return;
    }
    try {
      sessionStorage.setItem(LANDING_KEY, JSON.stringify({ url: target.pathname + target.hash, query: this.query }));
    } catch {
      // Without session storage the other page opens without highlights.
    }
  }

  private landFromOtherPage(): void {
    let landing: { url?: string; query?: string } | undefined;
    try {
      landing = JSON.parse(sessionStorage.getItem(LANDING_KEY) ?? 'null') ?? undefined;
      sessionStorage.removeItem(LANDING_KEY);
    } catch {
      return;
    }
    if (landing?.url === location.pathname + location.hash && typeof landing.query === 'string') land(location.hash, landing.query);
  }

  /** "/" (outside text fields) and Ctrl/Cmd+K (anywhere) go to the box, opening the navigation on small screens. */
  private onShortcut(event: KeyboardEvent): void {
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    if (!slash && !commandK) return;
    event.preventDefault();
    openNavigation();
    this.input.focus();
    this.input.select();
  }
}

/** The title of this page's doc (front matter `title`), which the navigation's TOC carries. */
const currentDoc = document.querySelector<HTMLElement>('shale-toc')?.dataset.title;

/** One result: a link (role option) with the section's title, its parent and the excerpt. */
function resultOption(result: ResultData, id: string): HTMLAnchorElement {
  const option = document.createElement('a');
  option.className = 'search-result';
  option.id = id;
  option.href = result.url;
  option.tabIndex = -1;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  const title = document.createElement('span');
  title.className = 'search-result-title';
  title.textContent = result.meta.title ?? result.url;
  option.append(title);
  // Where it is: its parent section, and the doc when it is another one (v2.html beside index.html).
  const parent = result.filters?.parent?.[0];
  const doc = result.filters?.doc?.[0];
  const where = [parent, doc !== currentDoc && doc !== parent ? doc : undefined].filter(Boolean).join(' · ');
  if (where) {
    const context = document.createElement('span');
    context.className = 'search-result-parent';
    context.textContent = `in ${where}`;
    option.append(context);
  }
  const parts = excerptParts(result.excerpt);
  // A heading with nothing under it is indexed by its title (record-document.ts): no excerpt then.
  if (sameText(parts.map((part) => part.text).join(''), title.textContent)) return option;
  const excerpt = document.createElement('span');
  excerpt.className = 'search-result-excerpt';
  for (const part of parts) {
    if (!part.marked) excerpt.append(part.text);
    else {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    }
  }
  option.append(excerpt);
  return option;
}

/** Equal texts, but for spacing and the full stop Pagefind adds where a block of text ends. */
const sameText = (a: string, b: string) => {
  const plain = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return plain(a) === plain(b);
};

/** Scrolls to the section of `hash` and highlights the query's terms in it, until the next search. */
function land(hash: string, query: string): void {
  const heading = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!heading) return;
  heading.scrollIntoView();
  highlightSection(heading.closest('.section') ?? heading, queryTerms(query));
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  // The TOC must know, even when nothing scrolled (scrollspy.ts).
  window.dispatchEvent(new Event(SEARCH_LANDED));
}

const samePage = (url: URL) => url.origin === location.origin && url.pathname.replace(/index\.html$/, '') === location.pathname.replace(/index\.html$/, '');

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));

/**
 * On small screens the navigation slides in from the menu button (sidebar-toggle.ts owns it): a
 * shortcut opens it, a chosen result closes it. The button shows exactly when the navigation is hidden.
 */
const menuButton = () => document.querySelector<HTMLButtonElement>('.menu-button');
const navigationOpen = () => document.documentElement.classList.contains('nav-open');

function openNavigation(): void {
  const button = menuButton();
  if (button && !navigationOpen() && getComputedStyle(button).display !== 'none') button.click();
}

function closeNavigation(): void {
  if (navigationOpen()) menuButton()?.click();
}

customElements.define('shale-search', SearchBox);
