import fs from 'node:fs';
import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { stopClock } from './support/time';

// The default site (content/) and the search fixture (tests/fixtures/search: two pages, identifiers
// in prose and code) are built by serve-sites.mjs; search-base is the fixture under /api/docs/.

// Read as data rather than imported: a bare JSON import needs an import attribute in Node's ESM.
const sites: Array<{ name: string; base: string; port: number }> = JSON.parse(fs.readFileSync(new URL('./support/sites.json', import.meta.url), 'utf8'));
const siteUrl = (name: string) => {
  const site = sites.find((candidate) => candidate.name === name);
  if (!site) throw new Error(`no test site named ${name} in tests/e2e/support/sites.json`);
  return `http://127.0.0.1:${site.port}${site.base}`;
};

const box = (page: Page) => page.getByRole('combobox', { name: 'Search the docs' });
const status = (page: Page) => page.locator('#search-status');
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const titles = (page: Page) => page.locator('.search-result-title').allTextContents();

/** Types a query in one go and waits until its results (or its "no results") are shown. */
async function search(page: Page, query: string): Promise<string[]> {
  await box(page).fill(query);
  await expect(status(page)).toContainText(`for “${query}”`);
  return titles(page);
}

/** Starts noting every text the search status takes, in order (read with `recordedStatuses`). */
function recordStatuses(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    const node = document.getElementById('search-status')!;
    new MutationObserver(() => seen.push(node.textContent ?? '')).observe(node, { childList: true, characterData: true, subtree: true });
  });
}

/** The non-empty texts the search status took since `recordStatuses`. */
const recordedStatuses = (page: Page) => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses.filter(Boolean));

/** A request the page sent its search worker (search-worker.ts), or the worker's answer. */
type WorkerMessage = { sent: string; query?: string } | { answer: string };

/**
 * Notes, in order, every request the page sends its search worker and every answer (read with
 * `workerTraffic`): which searches really ran, and when, whatever the machine's speed. Call it
 * before `page.goto`.
 */
async function recordWorkerTraffic(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const traffic: Array<{ sent: string; query?: string } | { answer: string }> = [];
    (window as unknown as { __workerTraffic: typeof traffic }).__workerTraffic = traffic;
    // Preloads (the index chunks of a query being typed) have no answer: kept apart, in order.
    const preloads: string[] = [];
    (window as unknown as { __preloads: typeof preloads }).__preloads = preloads;
    const PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        // Added before the search box's own listener, so an answer is noted before the page acts on it.
        this.addEventListener('message', (event: MessageEvent<{ type: string }>) => traffic.push({ answer: event.data.type }));
      }
      override postMessage(message: { type: string; query?: string }, options?: StructuredSerializeOptions | Transferable[]): void {
        if (message.type === 'preload') preloads.push(message.query ?? '');
        else traffic.push(message.type === 'search' ? { sent: 'search', query: message.query } : { sent: message.type });
        super.postMessage(message, options as StructuredSerializeOptions);
      }
    };
  });
}

const workerTraffic = (page: Page) => page.evaluate(() => (window as unknown as { __workerTraffic: WorkerMessage[] }).__workerTraffic);
const preloadsSent = (page: Page) => page.evaluate(() => (window as unknown as { __preloads: string[] }).__preloads);

/** The queries the worker was asked to search, in order. */
const searchesSent = async (page: Page) =>
  (await workerTraffic(page)).flatMap((message) => ('sent' in message && message.sent === 'search' ? [message.query] : []));

/** How many requests to the worker are still unanswered. */
const unanswered = async (page: Page) => (await workerTraffic(page)).reduce((open, message) => open + ('sent' in message ? 1 : -1), 0);

/** The text of every range highlighted by search, and whether each lies inside the element with `sectionId`'s section. */
function highlights(page: Page, headingId: string) {
  return page.evaluate((id) => {
    const section = document.getElementById(id)?.closest('.section');
    const ranges = [...((CSS.highlights.get('shale-search') as Iterable<Range> | undefined) ?? [])];
    return { texts: ranges.map((range) => range.toString()), allInSection: ranges.every((range) => !!section?.contains(range.startContainer)) };
  }, headingId);
}

test.describe('search box', () => {
  test('fetches no search code or index until the box gets focus', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(siteUrl('default'));
    await page.waitForLoadState('networkidle');
    await page.mouse.wheel(0, 2000);
    await page.getByRole('link', { name: 'Errors' }).first().click();
    expect(requests.filter((url) => url.includes('/pagefind/') || url.includes('search-worker'))).toEqual([]);

    const script = page.waitForRequest((request) => request.url().endsWith('/pagefind/pagefind.js'));
    const wasm = page.waitForRequest((request) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(request.url()));
    await box(page).focus();
    await script;
    await wasm;
  });

  test('shows results under the box while typing, each with its title, parent and marked excerpt', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await box(page).click();
    await page.keyboard.type('bearer tok');
    await expect(status(page)).toHaveText(/^\d+ results? for “bearer tok”$/);
    await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
    const result = results(page).filter({ hasText: 'Call the API with the Bearer Token' });
    await expect(result.locator('.search-result-parent')).toHaveText('in What is OAuth?');
    await expect(result.locator('.search-result-excerpt mark').first()).toHaveText(/^(Bearer|Token)/i);
    await expect(result).toHaveAttribute('href', '/#call-the-api-with-the-bearer-token');
  });

  test('announces the number of results in a live region', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await expect(status(page)).toHaveAttribute('role', 'status');
    await box(page).fill('bearer');
    await expect(status(page)).toHaveText(/^\d+ results for “bearer”$/);
  });

  test('runs Pagefind in Shale’s worker, not on the page and not in a worker of Pagefind’s', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(siteUrl('default'));
    await search(page, 'token');
    expect(requests.filter((url) => url.includes('search-worker'))).toHaveLength(1);
    expect(requests.filter((url) => url.endsWith('/pagefind/pagefind-worker.js'))).toEqual([]);
    // Pagefind's script is imported by the worker: the page's own scripts never load it.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/pagefind/')))).toBe(false);
  });

  test('closes the results when the focus leaves the search, and shows them again back in the box', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await search(page, 'token');
    const count = await results(page).count();
    expect(count).toBeGreaterThan(0);
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Introduction' }).click();
    await expect(results(page).first()).toBeHidden();
    await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('/');
    await expect(box(page)).toBeFocused();
    await expect(results(page)).toHaveCount(count);
    await expect(results(page).first()).toBeVisible();
    await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  });

  test('shows ten results at first and ten more on request', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await search(page, 'a');
    const total = Number((await status(page).textContent())?.match(/^(\d+) results/)?.[1]);
    expect(total).toBeGreaterThan(10);
    await expect(results(page)).toHaveCount(10);
    await page.getByRole('button', { name: `Show more results (${total - 10} left)` }).click();
    await expect(results(page)).toHaveCount(Math.min(total, 20));
    await expect(box(page)).toBeFocused();
    await expect(results(page).nth(10)).toHaveAttribute('aria-selected', 'true');
  });

  test('offers no "Show more" when every result is shown', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await search(page, 'bearer tok');
    const total = Number((await status(page).textContent())?.match(/^(\d+) results?/)?.[1]);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(10);
    await expect(results(page)).toHaveCount(total);
    await expect(page.locator('.search-more')).toBeHidden();
  });

  test('finds Authentication by the prefix "auth"', async ({ page }) => {
    await page.goto(siteUrl('default'));
    expect(await search(page, 'auth')).toContain('Authentication');
  });

  test('finds the Bearer Token sections by "bearer tok"', async ({ page }) => {
    await page.goto(siteUrl('default'));
    expect(await search(page, 'bearer tok')).toEqual(expect.arrayContaining(['Call the API with the Bearer Token', 'Refresh the Bearer Token']));
  });

  test('lists the section titled with the words typed first, above one that only shares their stem', async ({ page }) => {
    // Pagefind ranks "Installing the Webhook Relay" first: to its stemmer "installation" is "install".
    await page.goto(siteUrl('search'));
    expect(await search(page, 'installation')).toEqual(['Installation', 'Installing the Webhook Relay']);
    expect(await search(page, 'install')).toEqual(['Installing the Webhook Relay', 'Installation']);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/v2\.html#installing-the-webhook-relay$/);
  });

  test('lists the section titled as typed first when Pagefind ranks it below the first fifty, by searching the words as a phrase', async ({ page }) => {
    // tests/fixtures/search-ranking: seventy short sections use "quarterly" and "ledger" often but never
    // in a row; "Quarterly ledger" is long and has them only in its title, so Pagefind ranks it 71st of 71.
    await page.goto(siteUrl('search-ranking'));
    const found = await search(page, 'quarterly ledger');
    expect(found[0]).toBe('Quarterly ledger');
    expect(found.slice(1, 4)).toEqual(['Ledger quarterly review 1', 'Ledger quarterly review 2', 'Ledger quarterly review 3']);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#quarterly-ledger$/);
  });

  test('ranks every section on its own: an h3 is a result of its own, not folded into its page', async ({ page }) => {
    await page.goto(siteUrl('default'));
    const found = await search(page, 'token');
    expect(found).toEqual(expect.arrayContaining(['Exchange the Code for Tokens', 'Call the API with the Bearer Token', 'Refresh the Bearer Token']));
  });

  for (const [query, section] of <Array<[string, string]>>[
    ['client_secret', 'Exchange the Code for Tokens'],
    ['client secret', 'Register an Application'],
    ['secret', 'Exchange the Code for Tokens'],
    ['access_token', 'Exchange the Code for Tokens'],
    ['access', 'Exchange the Code for Tokens'],
    ['/v1/users', 'Call the API with the Bearer Token'],
    ['v1/users', 'Call the API with the Bearer Token'],
    ['oauth/token', 'Refresh the Bearer Token'],
  ]) {
    test(`finds "${section}" by the identifier or part "${query}"`, async ({ page }) => {
      await page.goto(siteUrl('default'));
      expect(await search(page, query)).toContain(section);
    });
  }

  test('finds "Call the API with the Bearer Token" by the part "users" of its path, among every section about a user', async ({ page }) => {
    // Twelve sections say "user" (the OAuth endpoints' reference among them); the one that only
    // shows `/v1/users` in code may come after the first ten.
    await page.goto(siteUrl('default'));
    await search(page, 'users');
    const more = page.getByRole('button', { name: /^Show more results/ });
    if (await more.isVisible()) await more.click();
    await expect.poll(() => titles(page)).toContain('Call the API with the Bearer Token');
  });

  for (const [query, section] of <Array<[string, string]>>[
    ['oauth.token', 'Client Secret'],
    ['oauth', 'Client Secret'],
    ['clientsecret', 'Client Secret'],
    ['/v1/users', 'List Users'],
    ['v1', 'List Users'],
  ]) {
    test(`finds "${section}" of the fixture by "${query}"`, async ({ page }) => {
      await page.goto(siteUrl('search'));
      expect(await search(page, query)).toContain(section);
    });
  }

  test('finds a heading with nothing under it by its title, without an excerpt that repeats it', async ({ page }) => {
    // "# Users" is followed straight by "## List Users": Pagefind drops a record without body text.
    await page.goto(siteUrl('search'));
    expect(await search(page, 'users')).toContain('Users');
    const users = results(page).filter({ has: page.locator('.search-result-title', { hasText: /^Users$/ }) });
    await expect(users).toHaveAttribute('href', /#users$/);
    await expect(users.locator('.search-result-excerpt')).toHaveCount(0);
    await expect(results(page).filter({ hasText: 'List Users' }).locator('.search-result-excerpt')).toHaveCount(1);
  });

  test('cuts the excerpt from the prose when both prose and code match', async ({ page }) => {
    await page.goto(siteUrl('search'));
    await search(page, 'secret');
    const excerpt = results(page).filter({ hasText: 'Client Secret' }).locator('.search-result-excerpt');
    await expect(excerpt).toContainText('client secret on your server');
    await expect(excerpt).not.toContainText('curl');
  });

  test('says there are no results, repeating the query as text and never as markup', async ({ page }) => {
    await page.goto(siteUrl('default'));
    const query = '<img src=qqzz>';
    await search(page, query);
    await expect(status(page)).toContainText(`No results for “${query}”`);
    await expect(results(page)).toHaveCount(0);
    await expect(page.locator('shale-search img')).toHaveCount(0);
  });

  test('finds nothing when one word of the query is in no section, however many others match, and names that word', async ({ page }) => {
    await page.goto(siteUrl('default'));
    // "access" and "token" are in many sections; "zqxj" in none.
    const query = '<b>access</b> token=zqxj';
    await search(page, query);
    await expect(status(page)).toHaveText(`No results for “${query}”: no section has “zqxj”`);
    await expect(results(page)).toHaveCount(0);
    await expect(page.locator('shale-search b')).toHaveCount(0);
    await search(page, '<img src=x onerror=alert(1)>');
    await expect(status(page)).toHaveText('No results for “<img src=x onerror=alert(1)>”: no section has “img”');
    await expect(page.locator('shale-search img')).toHaveCount(0);
    // Its other words alone are found.
    expect(await search(page, 'access token')).not.toHaveLength(0);
    await expect(status(page)).toHaveText(/^\d+ results? for “access token”$/);
  });

  test('says there are no results for a word the docs do not have, where Pagefind would list sections with its first letters', async ({ page }) => {
    await page.goto(siteUrl('default'));
    // No word in the default content starts with "web"; Pagefind alone lists every "We …" section.
    await search(page, 'webhook');
    await expect(status(page)).toHaveText('No results for “webhook”: no section has “webhook”');
    await expect(results(page)).toHaveCount(0);
    // A word that is there, by its stem, is still found.
    expect(await search(page, 'authorizations')).toContain('Authorization Code Grant');
  });

  test('never runs markup typed in the box: <img src=x onerror> stays text', async ({ page }) => {
    await page.goto(siteUrl('default'));
    // Pagefind searches the words of the query (img, src, onerror…), so this one may find sections.
    const query = '<img src=x onerror="window.__searchXss = 1">';
    await search(page, query);
    await expect(status(page)).toContainText(`for “${query}”`);
    await expect(page.locator('shale-search img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __searchXss?: number }).__searchXss)).toBeUndefined();
  });

  test('shows markup written in the docs as text in an excerpt', async ({ page }) => {
    await page.goto(siteUrl('search'));
    await search(page, 'onerror');
    const excerpt = results(page).filter({ hasText: 'Markup In Text' }).locator('.search-result-excerpt');
    await expect(excerpt).toContainText('<img src=x onerror=alert(1)>');
    await expect(excerpt.locator('mark')).toHaveText(['onerror=alert(1)>']);
    await expect(page.locator('shale-search img')).toHaveCount(0);
  });
});

test.describe('opening a result', () => {
  test('Enter opens the chosen result, scrolls to its section and highlights the terms there only', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await search(page, 'refresh token');
    const found = await titles(page);
    const index = found.indexOf('Refresh the Bearer Token');
    expect(index).toBeGreaterThanOrEqual(0);
    for (let step = 0; step <= index; step++) await box(page).press('ArrowDown');
    await box(page).press('Enter');

    // (The URL then follows the table of contents, which lists h1 and h2 only: no check of the hash here.)
    const heading = page.getByRole('heading', { name: 'Refresh the Bearer Token' });
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
    await expect(results(page).first()).toBeHidden();
    const marked = await highlights(page, 'refresh-the-bearer-token');
    expect(marked.allInSection).toBe(true);
    expect(marked.texts).toEqual(expect.arrayContaining(['Refresh', 'Token']));
    await expect(page.locator('[data-search-hits]')).toHaveCount(1);
  });

  test('keeps the highlights until the next search', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await search(page, 'bearer');
    await box(page).press('Enter');
    await expect.poll(async () => (await highlights(page, 'call-the-api-with-the-bearer-token')).texts.length).toBeGreaterThan(0);
    await page.keyboard.press('/');
    await page.keyboard.type('e');
    await expect.poll(async () => (await highlights(page, 'call-the-api-with-the-bearer-token')).texts.length).toBe(0);
    await expect(page.locator('[data-search-hits]')).toHaveCount(0);
  });

  test('typed key by key, slower than the debounce, ends on the last query and never on an older one', async ({ page }) => {
    // The page's clock moves only when this test moves it, so every key comes after the typing pause
    // has ended; and every result's data (Pagefind's fragments) is held until the typing is done, so
    // the first search is still running while the newer queries come, on any machine.
    await stopClock(page);
    await recordWorkerTraffic(page);
    const held: Route[] = [];
    let holding = true;
    await page.route('**/pagefind/fragment/**', (route) => (holding ? void held.push(route) : route.continue()));
    await page.goto(siteUrl('default'));
    await box(page).click();
    await expect.poll(() => workerTraffic(page)).toEqual([{ sent: 'load' }, { answer: 'loaded' }]);
    await recordStatuses(page);
    for (const key of 'bearer token') {
      await page.keyboard.type(key);
      // Slower than the 60 ms typing pause: from "be" on, each key starts a search (a lone "b" waits 300 ms).
      await page.clock.runFor(90);
    }
    // "be" is still running; every newer query waited for it instead of being sent beside it.
    expect(await searchesSent(page)).toEqual(['be']);
    // Meanwhile the worker was asked to fetch the index chunks of each query of three characters or more.
    expect(await preloadsSent(page)).toEqual([
      'bea',
      'bear',
      'beare',
      'bearer',
      'bearer',
      'bearer t',
      'bearer to',
      'bearer tok',
      'bearer toke',
      'bearer token',
    ]);
    expect(await unanswered(page)).toBe(1);
    expect(await recordedStatuses(page)).toEqual([]);

    holding = false;
    for (const route of held) await route.continue();
    await expect(status(page)).toHaveText(/^\d+ results? for “bearer token”$/);
    await expect.poll(() => unanswered(page)).toBe(0);
    // One search at a time: "be", whose answer came too late to be shown, then the last query; the
    // queries typed while "be" ran were overtaken before their turn and never sent.
    expect(await workerTraffic(page)).toEqual([
      { sent: 'load' },
      { answer: 'loaded' },
      { sent: 'search', query: 'be' },
      { answer: 'results' },
      { sent: 'search', query: 'bearer token' },
      { answer: 'results' },
    ]);
    // The status only ever named the last query: no older answer replaced or preceded it.
    const statuses = await recordedStatuses(page);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((text) => !text.endsWith('for “bearer token”'))).toEqual([]);
  });

  test('loads the first results of a query while it is typed, so its search finds them at hand', async ({ page }) => {
    // The page's clock stands still: the typing pause cannot end, so no search is sent while typing.
    await stopClock(page);
    await recordWorkerTraffic(page);
    const fragments: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/fragment/')) fragments.push(request.url());
    });
    await page.goto(siteUrl('search'));
    await box(page).click();
    await expect.poll(() => workerTraffic(page)).toEqual([{ sent: 'load' }, { answer: 'loaded' }]);
    await page.keyboard.type('token');
    // Only preloads went to the worker, and it fetched the data of the three sections "token" finds.
    await expect.poll(() => new Set(fragments).size).toBe(3);
    expect(await searchesSent(page)).toEqual([]);
    const before = fragments.length;
    await page.clock.runFor(60);
    await expect(status(page)).toHaveText('3 results for “token”');
    // The search after the pause needed no fetch: its results' data was loaded while typing.
    expect(fragments.length).toBe(before);
  });

  test('a one-character query is searched once typing stops there, and not while typing through it', async ({ page }) => {
    await stopClock(page);
    await recordWorkerTraffic(page);
    await page.goto(siteUrl('default'));
    await box(page).click();
    await recordStatuses(page);
    // "o" comes 150 ms after "t": within the one-character wait (300 ms); then the usual pause (60 ms) ends.
    await page.keyboard.type('t');
    await page.clock.runFor(150);
    await page.keyboard.type('o');
    await page.clock.runFor(100);
    await expect(status(page)).toHaveText(/^\d+ results? for “to”$/);
    expect(await searchesSent(page)).toEqual(['to']);
    expect((await recordedStatuses(page)).filter((text) => text.endsWith('for “t”'))).toEqual([]);

    // A lone "b" is searched once the reader has stopped on it for 300 ms, and not a moment before.
    await box(page).fill('b');
    await page.clock.runFor(299);
    expect(await searchesSent(page)).toEqual(['to']);
    await expect(status(page)).toHaveText(/^\d+ results? for “to”$/);
    await page.clock.runFor(1);
    await expect(status(page)).toHaveText(/^\d+ results? for “b”$/);
    expect(await searchesSent(page)).toEqual(['to', 'b']);
  });

  test('Enter right after typing opens the first result, without waiting for the debounce', async ({ page }) => {
    // The page's clock stands still: the typing pause cannot end before Enter, however slow the machine.
    await stopClock(page);
    await page.goto(siteUrl('search'));
    await box(page).click();
    await page.keyboard.type('rotating');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Rotating It' })).toBeFocused();
  });

  test('a click on a result on another page opens that page and highlights the section there', async ({ page }) => {
    await page.goto(siteUrl('search'));
    await search(page, 'signature');
    await results(page).filter({ hasText: 'Webhook Signatures' }).click();
    await expect(page).toHaveURL(/\/v2\.html#webhook-signatures$/);
    await expect.poll(async () => (await highlights(page, 'webhook-signatures')).texts).toEqual(expect.arrayContaining(['signature', 'Signatures']));
    expect((await highlights(page, 'webhook-signatures')).allInSection).toBe(true);
  });

  test('marks the terms with mark elements where the CSS Custom Highlight API is missing, and removes them on the next search', async ({ page }) => {
    await page.addInitScript(() => {
      delete (CSS as { highlights?: unknown }).highlights;
    });
    await page.goto(siteUrl('search'));
    await search(page, 'ninety');
    await box(page).press('Enter');
    await expect(page.getByRole('heading', { name: 'Rotating It' })).toBeFocused();
    const section = page.locator('.section', { has: page.locator('#rotating-it') });
    await expect(section.locator('mark.search-hit')).toHaveText(['ninety']);
    await expect(page.locator('mark.search-hit')).toHaveCount(1);
    await page.keyboard.press('/');
    await page.keyboard.type('x');
    await expect(page.locator('mark.search-hit')).toHaveCount(0);
    await expect(section.locator('p')).toContainText('Rotate credentials every ninety days');
  });
});

test.describe('keyboard', () => {
  test('"/" focuses the box from anywhere on the page, and is not typed into it', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await page.locator('main').click();
    await page.keyboard.press('/');
    await expect(box(page)).toBeFocused();
    await expect(box(page)).toHaveValue('');
  });

  test('"/" is an ordinary character while typing in the box', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await box(page).click();
    await page.keyboard.type('v1/users');
    await expect(box(page)).toHaveValue('v1/users');
  });

  test('Ctrl+K and Cmd+K focus the box', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await page.locator('main').click();
    await page.keyboard.press('Control+k');
    await expect(box(page)).toBeFocused();
    await page.locator('main').click();
    await page.keyboard.press('Meta+k');
    await expect(box(page)).toBeFocused();
  });

  test('the arrows move through the results and back to the box', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await search(page, 'token');
    const options = results(page);
    await box(page).press('ArrowDown');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(box(page)).toHaveAttribute('aria-activedescendant', 'search-result-0');
    await box(page).press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
    await box(page).press('ArrowUp');
    await box(page).press('ArrowUp');
    await expect(box(page)).not.toHaveAttribute('aria-activedescendant');
    await expect(box(page)).toBeFocused();
  });

  test('Esc clears the box and closes the results', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await search(page, 'token');
    await box(page).press('ArrowDown');
    await box(page).press('Escape');
    await expect(box(page)).toHaveValue('');
    await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(results(page).first()).toBeHidden();
    await expect(status(page)).toHaveText('');
  });

  test('on a phone, "/" opens the navigation at the box, and a chosen result closes it', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(siteUrl('default'));
    await page.keyboard.press('/');
    await expect(page.locator('html')).toHaveClass(/nav-open/);
    await expect(box(page)).toBeFocused();
    await page.keyboard.type('refresh');
    await results(page).filter({ hasText: 'Refresh the Bearer Token' }).click();
    await expect(page.locator('html')).not.toHaveClass(/nav-open/);
    await expect(page.getByRole('heading', { name: 'Refresh the Bearer Token' })).toBeInViewport();
  });
});

test.describe('where search is and is not', () => {
  test('works under a base path: the index, the result links and the landing all follow it', async ({ page }) => {
    const script = page.waitForRequest((request) => request.url().endsWith('/api/docs/pagefind/pagefind.js'));
    await page.goto(siteUrl('search-base'));
    await search(page, 'signature');
    await script;
    const result = results(page).filter({ hasText: 'Webhook Signatures' });
    await expect(result).toHaveAttribute('href', '/api/docs/v2.html#webhook-signatures');
    await result.click();
    await expect(page).toHaveURL(/\/api\/docs\/v2\.html#webhook-signatures$/);
    await expect.poll(async () => (await highlights(page, 'webhook-signatures')).texts.length).toBeGreaterThan(0);
  });

  test('search: false leaves out the box and the index', async ({ page, request }) => {
    await page.goto(siteUrl('features'));
    await expect(page.locator('input[type="search"]')).toHaveCount(0);
    expect((await request.get(`${siteUrl('features')}pagefind/pagefind.js`)).status()).toBe(404);
  });

  test('says so when the index cannot be loaded, and tries again on the next focus', async ({ page }) => {
    await page.route('**/pagefind/pagefind.js', (route) => route.abort());
    await page.goto(siteUrl('default'));
    await box(page).focus();
    await expect(status(page)).toHaveText('Search could not be loaded. Check your connection and try again.');
    await page.unroute('**/pagefind/pagefind.js');
    await page.locator('main').click();
    await search(page, 'bearer');
    await expect(results(page).first()).toBeVisible();
  });

  test('says so when a result cannot be fetched, and the next search starts again', async ({ page }) => {
    // The engine and the index load, but no result's data (its title, URL and excerpt) can be fetched.
    await page.route('**/pagefind/fragment/**', (route) => route.abort());
    await page.goto(siteUrl('default'));
    await box(page).fill('errors');
    await expect(status(page)).toHaveText('Search could not be loaded. Check your connection and try again.');
    await page.unroute('**/pagefind/fragment/**');
    await box(page).fill('bearer');
    await expect(status(page)).toHaveText(/^\d+ results for “bearer”$/);
    await expect(results(page).first()).toBeVisible();
  });

  test('works under a strict Content-Security-Policy that allows WebAssembly', async ({ page, context }) => {
    await withPolicy(context, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    await page.goto(siteUrl('default'));
    await box(page).fill('bearer');
    await expect(status(page)).toHaveText(/^\d+ results for “bearer”$/);
  });

  test('says search is unavailable when the Content-Security-Policy forbids WebAssembly', async ({ page, context }) => {
    await withPolicy(context, "default-src 'self'");
    await page.goto(siteUrl('default'));
    await box(page).fill('bearer');
    await expect(status(page)).toHaveText('Search is unavailable: the search engine could not start.');
  });
});

/** Serves every response of the test with this Content-Security-Policy header, as a strict host would. */
async function withPolicy(context: BrowserContext, policy: string): Promise<void> {
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
}
