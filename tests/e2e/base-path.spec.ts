import { expect, test } from '@playwright/test';
import { siteUrl } from './support/sites';
import { blocksOf, expectAllVisible, tab } from './support/page';

const BASE = siteUrl('base-path');

test.describe('under the base path /docs/', () => {
  test('loads every stylesheet, script and icon the page asks for', async ({ page }) => {
    const failures: string[] = [];
    const loaded: string[] = [];
    page.on('response', (response) => {
      loaded.push(response.url());
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
    await page.goto(BASE);
    await expect(page.locator('html[data-js]')).toHaveCount(1); // the script ran
    expect(await page.locator('#sidebar').evaluate((sidebar) => getComputedStyle(sidebar).position)).toBe('fixed'); // the CSS applied
    expect(loaded.some((url) => url.endsWith('.css'))).toBe(true);
    expect(loaded.some((url) => url.endsWith('.js'))).toBe(true);
    // The icon is fetched lazily, if at all, by a headless browser: fetch what the page names.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await page.request.get(new URL(icon!, BASE).href)).status()).toBe(200);
    expect(failures).toEqual([]);
  });

  test('points every link and asset into /docs/', async ({ page }) => {
    await page.goto(BASE);
    const urls = await page.evaluate(() => [
      ...[...document.querySelectorAll('link[href], a[href]')].map((element) => element.getAttribute('href')!),
      ...[...document.querySelectorAll('script[src], img[src]')].map((element) => element.getAttribute('src')!),
      ...[...document.querySelectorAll('noscript')].flatMap((element) => [...element.textContent!.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!)),
    ]);
    const local = urls.filter((url) => !/^(#|https?:|mailto:)/.test(url));
    expect(local.length).toBeGreaterThanOrEqual(4); // stylesheet, noscript stylesheet, icon, script, title link
    // Root-absolute addresses carry the base; relative ones (the title's ./) resolve inside it.
    for (const url of local) {
      if (url.startsWith('/')) expect(url, `${url} is inside /docs/`).toMatch(/^\/docs\//);
      else expect(new URL(url, page.url()).pathname, `${url} resolves inside /docs/`).toMatch(/^\/docs\//);
    }
  });

  test('switches languages and keeps the path', async ({ page }) => {
    await page.goto(BASE);
    await tab(page, 'ruby').click();
    await expectAllVisible(blocksOf(page, 'ruby'));
    const url = new URL(page.url());
    expect(url.pathname).toBe('/docs/');
    expect(url.searchParams.get('language')).toBe('ruby');
  });
});
