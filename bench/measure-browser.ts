import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../tests/e2e/support/chromium';

export interface PageMeasurement {
  bytes: number;
  jsBytes: number;
  domContentLoaded: number;
  /** When the main thread settled: the end of the last long task (or DOMContentLoaded if there was none). */
  settled: number;
  totalBlockingTime: number;
  domNodes: number;
}

export interface SearchMeasurement {
  /** ms from the last keystroke to results on screen, the query's index chunks already fetched (typed again). */
  cachedMs: number;
  /** ms for a second query with other words: the engine is loaded, its chunks are not. */
  newWordsMs: number;
  /** ms for the first query, which also fetches the engine and index chunks. */
  firstMs: number;
  firstQueryBytes: number;
}

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });

/** Registers a long-task observer before any page script runs. */
const OBSERVE_LONG_TASKS = () => {
  const tasks: Array<{ start: number; end: number }> = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function newPage(browser: Browser): Promise<{ page: Page; transfer: { bytes: number; js: number } }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  const transfer = { bytes: 0, js: 0 };
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => undefined);
    if (!sizes) return;
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    transfer.bytes += size;
    if (request.resourceType() === 'script' || request.url().endsWith('.js')) transfer.js += size;
  });
  return { page, transfer };
}

/**
 * First load of a page in a fresh browser context: transfer, timing, blocking, DOM size. Each wait
 * for the page gives up after `timeoutMs` (Playwright's default, 30 s, unless given).
 */
export async function measureLoad(browser: Browser, url: string, timeoutMs?: number): Promise<PageMeasurement> {
  const { page, transfer } = await newPage(browser);
  if (timeoutMs !== undefined) page.setDefaultTimeout(timeoutMs);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000); // let late tasks show up: this is a measurement, not a test
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const tasks = (window as unknown as { __longTasks: Array<{ start: number; end: number }> }).__longTasks;
    const blocking = tasks.filter((t) => t.end > fcp).reduce((sum, t) => sum + Math.max(0, t.end - Math.max(t.start, fcp) - 50), 0);
    const lastTask = tasks.reduce((end, t) => Math.max(end, t.end), 0);
    return {
      domContentLoaded: nav.domContentLoadedEventEnd,
      settled: Math.max(lastTask, nav.domContentLoadedEventEnd),
      totalBlockingTime: blocking,
      domNodes: document.getElementsByTagName('*').length,
    };
  });
  await page.context().close();
  return { bytes: transfer.bytes, jsBytes: transfer.js, ...timing };
}

/** Types a query in the search box and times it in the page, from the last keystroke to results shown. */
export async function measureSearch(browser: Browser, url: string, queries: [string, string]): Promise<SearchMeasurement> {
  const { page, transfer } = await newPage(browser);
  await page.goto(url, { waitUntil: 'networkidle' });
  const input = page.locator('input[type="search"]').first();
  const timeQuery = async (query: string) => {
    await input.fill('');
    await page.evaluate((query) => {
      const state = { lastKey: 0, shown: 0 };
      (window as unknown as { __search: typeof state }).__search = state;
      document.addEventListener('input', () => (state.lastKey = performance.now()), { capture: true });
      // Shown: the status names the whole query (it is set once its results are in the list). Results
      // of a shorter query shown while typing do not count.
      const status = document.getElementById('search-status')!;
      new MutationObserver(() => {
        if (!state.shown && (status.textContent ?? '').endsWith(`for “${query}”`) && document.querySelector('#search-results .search-result'))
          state.shown = performance.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, query);
    await input.pressSequentially(query, { delay: 30 });
    await page.waitForFunction(() => (window as unknown as { __search: { shown: number } }).__search.shown > 0, undefined, { timeout: 30_000 });
    return page.evaluate(() => {
      const state = (window as unknown as { __search: { lastKey: number; shown: number } }).__search;
      return Math.max(0, state.shown - state.lastKey);
    });
  };
  const before = transfer.bytes;
  await input.focus();
  const firstMs = await timeQuery(queries[0]);
  await page.waitForLoadState('networkidle');
  const firstQueryBytes = transfer.bytes - before;
  await input.fill('');
  const newWordsMs = await timeQuery(queries[1]);
  await page.waitForLoadState('networkidle');
  await input.fill('');
  const cachedMs = await timeQuery(queries[1]);
  await page.context().close();
  return { cachedMs, newWordsMs, firstMs, firstQueryBytes };
}

/** Scrolls a page from top to bottom a viewport at a time and returns its longest task (ms). */
export async function measureScroll(browser: Browser, url: string): Promise<number> {
  const { page } = await newPage(browser);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const longest = await page.evaluate(async () => {
    const tasks = (window as unknown as { __longTasks: Array<{ start: number; end: number }> }).__longTasks;
    const from = performance.now();
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    while (window.scrollY + innerHeight < document.documentElement.scrollHeight - 1) {
      window.scrollBy(0, innerHeight * 0.8);
      await frame();
      await frame();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    return tasks.filter((t) => t.start >= from).reduce((max, t) => Math.max(max, t.end - t.start), 0);
  });
  await page.context().close();
  return longest;
}

/**
 * Which of `titles` the site's search does not find: each is searched as typed, through the site's
 * own search worker (`workerUrl`, as the search box uses it), and counts as found when a result
 * of the first ten the box shows has that title.
 */
export async function unfindable(browser: Browser, url: string, workerUrl: string, titles: string[]): Promise<string[]> {
  const { page } = await newPage(browser);
  await page.goto(url, { waitUntil: 'networkidle' });
  const missing = await page.evaluate(
    async ({ workerUrl, titles }) => {
      const worker = new Worker(workerUrl, { type: 'module' });
      let nextId = 0;
      const ask = (request: Record<string, unknown>) =>
        new Promise<{ type: string; shown?: Array<{ meta: { title?: string } }> }>((resolve) => {
          const id = nextId++;
          const listener = (event: MessageEvent) => {
            if (event.data.id !== id) return;
            worker.removeEventListener('message', listener);
            resolve(event.data);
          };
          worker.addEventListener('message', listener);
          worker.postMessage({ ...request, id });
        });
      const bundle = (document.querySelector('shale-search') as HTMLElement).dataset.bundle!;
      const loaded = await ask({ type: 'load', bundle, baseUrl: bundle.replace(/pagefind\/$/, ''), language: document.documentElement.lang || 'unknown' });
      if (loaded.type !== 'loaded') throw new Error(`the search worker answered ${loaded.type}`);
      const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
      const missing: string[] = [];
      for (const title of titles) {
        const answer = await ask({ type: 'search', query: title, count: 10 });
        if (!answer.shown?.some((result) => same(result.meta.title ?? '', title))) missing.push(title);
      }
      worker.terminate();
      return missing;
    },
    { workerUrl, titles },
  );
  await page.context().close();
  return missing;
}
