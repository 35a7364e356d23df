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
