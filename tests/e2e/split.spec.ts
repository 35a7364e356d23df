import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites';
import { blocksOf, expectAllHidden, expectAllVisible, scrollElementTo, tab } from './support/page';

// tests/fixtures/split: a Slate page with `split: h1`, built into index.html (Introduction),
// kittens.html, dogs.html and errors.html; v3/index.html is a second split page in a subfolder.

const ROOT = siteUrl('split');
const toc = (page: Page) => page.getByRole('navigation', { name: 'Table of contents' });
const entry = (page: Page, name: string) => toc(page).getByRole('link', { name, exact: true });
const pager = (page: Page) => page.getByRole('navigation', { name: 'Previous and next page' });
/** The marked TOC entry; by CSS, so it is found while the off-canvas navigation is hidden too. */
const current = (page: Page) => page.locator('nav.toc [aria-current]');
const box = (page: Page) => page.getByRole('combobox', { name: 'Search the docs' });

/** The browser is on this page of the site (the scrollspy may have put a section in the hash). */
const expectPage = (page: Page, path: string) => expect.poll(() => new URL(page.url()).pathname).toBe(new URL(path, ROOT).pathname);

/** The element's top, in viewport pixels. */
const topOf = (page: Page, id: string) => page.evaluate((target) => document.getElementById(target)!.getBoundingClientRect().top, id);

/** The heading is at the top of the reading area (below the tab bar), where a jump to it puts it. */
async function expectLandedOn(page: Page, id: string) {
  await expect(page.locator(`#${id}`)).toBeInViewport();
  await expect.poll(() => topOf(page, id)).toBeLessThan(200);
  await expect.poll(() => topOf(page, id)).toBeGreaterThanOrEqual(0);
}

// Every test: no errors in the console, no failed request (a 404 from a wrong link or shard).
let problems: string[] = [];
test.beforeEach(({ page }) => {
  problems = [];
  page.on('console', (message) => void (message.type() === 'error' && problems.push(`console: ${message.text()}`)));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => void (response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`)));
});
test.afterEach(() => {
  expect(problems).toEqual([]);
});

test.describe('a page split by h1', () => {
  test('opens another page from its TOC entry, at that section', async ({ page }) => {
    await page.goto(ROOT);
    await entry(page, 'Errors').click();
    await expect(page).toHaveURL(`${ROOT}errors.html#errors`);
    await expectLandedOn(page, 'errors');
    // The current page's own sections are listed now, the other pages' are not.
    await expect(entry(page, 'Rate Limits')).toHaveAttribute('href', '#rate-limits');
    await expect(entry(page, 'Authentication')).toHaveCount(0);
    await entry(page, 'Introduction').click();
    await expect(page).toHaveURL(`${ROOT}#introduction`);
    await expect(page.locator('#authentication')).toHaveCount(1);
  });

  test('follows a link in the text to a section on another page', async ({ page }) => {
    await page.goto(ROOT);
    await page.locator('#content').getByRole('link', { name: 'kittens', exact: true }).click();
    await expect(page).toHaveURL(`${ROOT}kittens.html#get-all-kittens`);
    await expectLandedOn(page, 'get-all-kittens');
  });

  test('goes through the pages with the next and previous links at the end of each', async ({ page }) => {
    await page.goto(ROOT);
    await expect(pager(page).getByRole('link')).toHaveCount(1);
    for (const [file, title] of <Array<[string, string]>>[
      ['kittens.html', 'Kittens – Split Fixture'],
      ['dogs.html', 'Dogs – Split Fixture'],
      ['errors.html', 'Errors – Split Fixture'],
    ]) {
      await pager(page).getByRole('link', { name: /^Next/ }).click();
      await expectPage(page, file);
      // Waited for: right after the URL changes, the new document may not have parsed its <title> yet.
      await expect(page).toHaveTitle(title);
    }
    await expect(pager(page).getByRole('link', { name: /^Next/ })).toHaveCount(0);
    await pager(page).getByRole('link', { name: 'Previous Dogs' }).click();
    await expectPage(page, 'dogs.html');
    await pager(page).getByRole('link', { name: 'Previous Kittens' }).click();
    await expectPage(page, 'kittens.html');
    await pager(page).getByRole('link', { name: 'Previous Introduction' }).click();
    await expectPage(page, './');
  });

  test('keeps the language chosen on one page on the next', async ({ page }) => {
    await page.goto(ROOT);
    await tab(page, 'ruby').click();
    await expectAllVisible(blocksOf(page, 'ruby'));
    await pager(page).getByRole('link', { name: /^Next/ }).click();
    await expectPage(page, 'kittens.html');
    await expect(tab(page, 'ruby')).toHaveAttribute('aria-selected', 'true');
    await expectAllVisible(blocksOf(page, 'ruby'));
    await expectAllHidden(blocksOf(page, 'shell'));
    await entry(page, 'Dogs').click();
    await expectPage(page, 'dogs.html');
    await expect(tab(page, 'ruby')).toHaveAttribute('aria-selected', 'true');
  });

  test('sends an old single-page link to the page that now holds its section', async ({ page }) => {
    await page.goto(`${ROOT}#walk-a-dog`);
    await expect(page).toHaveURL(`${ROOT}dogs.html#walk-a-dog`);
    await expectLandedOn(page, 'walk-a-dog');
  });

  test('keeps the query of an old single-page link, and its language', async ({ page }) => {
    await page.goto(`${ROOT}?language=ruby#walk-a-dog`);
    await expect(page).toHaveURL(`${ROOT}dogs.html?language=ruby#walk-a-dog`);
    await expectLandedOn(page, 'walk-a-dog');
    await expect(tab(page, 'ruby')).toHaveAttribute('aria-selected', 'true');
    await expectAllVisible(blocksOf(page, 'ruby'));
  });

  test('sends an old link from one page of the set to another, and back to the first', async ({ page }) => {
    await page.goto(`${ROOT}errors.html#get-a-specific-kitten`);
    await expect(page).toHaveURL(`${ROOT}kittens.html#get-a-specific-kitten`);
    await page.goto(`${ROOT}dogs.html#authentication`);
    await expect(page).toHaveURL(`${ROOT}#authentication`);
    await expectLandedOn(page, 'authentication');
  });

  test('follows an old link to an id that is not a heading’s (Widdershins’ <a id="opId…">) to its page', async ({ page }) => {
    await page.goto(`${ROOT}#opIdgetKitten`);
    // The scrollspy may then name the section in view in the hash: the page and the place are what count.
    await expect(page).toHaveURL(new RegExp(`^${ROOT}kittens\\.html#`));
    await expect(page.locator('#get-a-specific-kitten')).toBeInViewport();
  });

  test('keeps an old link in its own set when another set has the same id', async ({ page }) => {
    // Both sets have a `#kittens`: the v3 docs must not send their reader to the first docs.
    await page.goto(`${ROOT}v3/#kittens`);
    await expectPage(page, 'v3/kittens.html');
    // A short page: the scrollspy may name its last section in the hash once it is shown.
    await expect(page.locator('#kittens')).toBeInViewport();
    await expect(page.locator('#adopt-a-kitten')).toBeVisible();
  });

  test('stays on the page when the link names an id no page has', async ({ page }) => {
    // The shard is fetched, nothing is found, and the reader stays where they are.
    const shard = page.waitForResponse((response) => response.url().includes('/shale/anchors/'));
    await page.goto(`${ROOT}#no-such-section`);
    await shard;
    await page.waitForLoadState('networkidle');
    await expectPage(page, './');
    await expect(page.locator('#introduction')).toBeInViewport();
  });

  test('marks the TOC entry of the section in view, on the current page', async ({ page }) => {
    await page.goto(`${ROOT}kittens.html`);
    await expect(current(page)).toHaveText('Kittens');
    await scrollElementTo(page, '#get-all-kittens');
    await expect(entry(page, 'Get All Kittens')).toHaveAttribute('aria-current', 'location');
    await expect(current(page)).toHaveCount(1);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(entry(page, 'Get a Specific Kitten')).toHaveAttribute('aria-current', 'location');
    await expect(page).toHaveTitle('Get a Specific Kitten – Split Fixture');
    // The other pages' entries are never marked: their sections are not on this page.
    for (const name of ['Introduction', 'Dogs', 'Errors']) await expect(entry(page, name)).not.toHaveAttribute('aria-current');
  });

  test('finds a section on another page, and opening it goes there', async ({ page }) => {
    await page.goto(ROOT);
    await box(page).fill('leash');
    await expect(page.locator('#search-status')).toContainText('for “leash”');
    const result = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: 'Walk a Dog' });
    await expect(result).toHaveAttribute('href', '/dogs.html#walk-a-dog');
    await result.click();
    await expect(page).toHaveURL(`${ROOT}dogs.html#walk-a-dog`);
    await expectLandedOn(page, 'walk-a-dog');
  });

  test('searches every shard of the index (built here with five sections per shard) and lists their results together', async ({ page, request }) => {
    const { shards } = (await (await request.get(`${ROOT}pagefind/shale-shards.json`)).json()) as { shards: string[] };
    expect(shards.length).toBeGreaterThan(1);
    const fragmentFolders = new Set<string>();
    page.on('request', (sent) => {
      const match = /\/pagefind\/(shard-\d+\/)?fragment\//.exec(sent.url());
      if (match) fragmentFolders.add(match[1] ?? 'first');
    });
    await page.goto(ROOT);
    await box(page).fill('kittens');
    await expect(page.locator('#search-status')).toContainText('for “kittens”');
    const result = (href: string) => page.getByRole('listbox', { name: 'Search results' }).locator(`a[href="${href}"]`);
    // Sections of kittens.html, v2.html and index.html, which are in three different shards.
    await expect(result('/kittens.html#get-all-kittens')).toHaveCount(1);
    await expect(result('/v2.html#kitten-fields')).toHaveCount(1);
    await expect(result('/#introduction')).toHaveCount(1);
    expect(fragmentFolders.size).toBeGreaterThan(1);
  });

  for (const [what, pattern] of [
    ['a shard', '**/pagefind/shard-*/**'],
    ['a shard’s meta file', '**/pagefind/shard-*/*.pf_meta'],
  ] as const) {
    test(`says search could not be loaded when ${what} cannot be, rather than leaving its sections out`, async ({ page }) => {
      await page.route(pattern, (route) => route.abort());
      // The search worker that fails is ended by the page (search.ts), but may still log a shard's
      // failure until it is gone: noted as soon as it starts, so its end is never missed.
      const failedWorkerGone = page.waitForEvent('worker').then((worker) => new Promise((resolve) => worker.once('close', resolve)));
      await page.goto(ROOT);
      await box(page).fill('kittens');
      await expect(page.locator('#search-status')).toHaveText('Search could not be loaded. Check your connection and try again.');
      // The failed requests, and what Pagefind logs about them, are this test's doing; nothing after
      // that worker is gone (not merely after the status shows: a second shard may fail a moment later).
      await failedWorkerGone;
      problems = [];
      await page.unroute(pattern);
      await box(page).fill('');
      await box(page).fill('kittens');
      await expect(page.getByRole('listbox', { name: 'Search results' }).locator('a[href="/#introduction"]')).toHaveCount(1);
    });
  }

  test('names the other doc a result belongs to (v2.html), but not this doc, whichever page of it holds the result', async ({ page }) => {
    await page.goto(ROOT);
    await box(page).fill('kittens');
    await expect(page.locator('#search-status')).toContainText('for “kittens”');
    const option = (title: string) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: title });
    await expect(option('Kitten Fields').locator('.search-result-parent')).toHaveText('in Split Fixture v2');
    await expect(option('Changes').locator('.search-result-parent')).toHaveText('in Version Two · Split Fixture v2');
    const kittens = page.getByRole('listbox', { name: 'Search results' }).locator('a[href="/kittens.html#get-all-kittens"]');
    await expect(kittens.locator('.search-result-parent')).toHaveText('in Kittens');
  });
});
