import { expect, test } from '@playwright/test';
import { siteUrl } from './support/sites';

/**
 * The site's 404.html, as `npm run preview` (and GitHub Pages, Netlify, Cloudflare Pages) serve it
 * for an unknown address: under the base path /docs/, deep below it, its table of contents, search
 * and styles still work.
 */
const BASE = siteUrl('base-path');

test('an unknown address deep under the base path gets the 404 page, whose table of contents leads into the docs', async ({ page }) => {
  // A wrong address under the base path shows as a 4xx answer. A request the browser gave up when
  // the click below left the page (the favicon, at times) is net::ERR_ABORTED: no fault of the page.
  const failures: string[] = [];
  const missing = `${BASE}no/such/page.html`;
  page.on('response', (answer) => {
    if (answer.status() >= 400 && answer.url() !== missing) failures.push(`${answer.status()} ${answer.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${request.url()}`);
  });
  const response = await page.goto(missing);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect(await page.locator('#sidebar').evaluate((sidebar) => getComputedStyle(sidebar).position)).toBe('fixed'); // its CSS loaded
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  // The icon is fetched lazily, if at all, by a headless browser: fetch what the page names.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect((await page.request.get(new URL(icon!, page.url()).href)).status()).toBe(200);
  await page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Errors', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${BASE}#`));
  await expect(page.locator('#errors')).toBeInViewport();
  expect(failures).toEqual([]);
});

test('search works from the 404 page, and its results lead into the docs', async ({ page }) => {
  await page.goto(`${BASE}gone/away`);
  await page.getByRole('combobox', { name: 'Search the docs' }).click();
  await page.keyboard.type('refresh token');
  const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(first).toHaveAttribute('href', /^\/docs\/#/);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`^${BASE}#`));
});

test.describe('an address that is no page but names a section (a page renamed since, a doc no longer split)', () => {
  // tests/fixtures/split: kittens.html holds #get-all-kittens; v3/kittens.html holds #adopt-a-kitten.
  const SPLIT = siteUrl('split');

  test('goes to the page that holds the section the address is named after', async ({ page }) => {
    const response = await page.goto(`${SPLIT}get-all-kittens.html?x=1`);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveURL(`${SPLIT}kittens.html?x=1#get-all-kittens`);
    await expect(page.locator('#get-all-kittens')).toBeInViewport();
  });

  test('follows the section its hash names first, and looks in the docs of the address’s folder', async ({ page }) => {
    await page.goto(`${SPLIT}old-page.html#get-all-kittens`);
    await expect(page).toHaveURL(`${SPLIT}kittens.html#get-all-kittens`);
    // Both docs have a #kittens; under v3/ the v3 docs hold the section asked for.
    await page.goto(`${SPLIT}v3/adopt-a-kitten.html`);
    await expect(page).toHaveURL(`${SPLIT}v3/kittens.html#adopt-a-kitten`);
    await expect(page.locator('#adopt-a-kitten')).toBeInViewport();
  });

  test('does not send the reader round in circles when the page the map names is missing (a partial upload)', async ({ page }) => {
    // kittens.html answers as a missing page would: the 404 page, with status 404.
    await page.route('**/kittens.html', async (route) => route.fulfill({ response: await route.fetch({ url: `${SPLIT}gone.html` }) }));
    // Page loads, not the scrollspy's rewrites of the hash.
    const arrivals: string[] = [];
    page.on('request', (request) => void (request.isNavigationRequest() && request.frame() === page.mainFrame() && arrivals.push(request.url())));
    await page.goto(`${SPLIT}get-all-kittens.html`);
    await expect(page).toHaveURL(`${SPLIT}kittens.html#get-all-kittens`);
    // The 404 page at kittens.html looks the hash up again, finds kittens.html, and stays.
    await expect(page.locator('main[data-looked-up]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(arrivals).toEqual([`${SPLIT}get-all-kittens.html`, `${SPLIT}kittens.html`]);
  });

  test('stays on the 404 page when no section has that name', async ({ page }) => {
    await page.goto(`${SPLIT}no-such-section.html`);
    await expect(page.locator('main[data-looked-up]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/no-such-section.html');
  });
});
