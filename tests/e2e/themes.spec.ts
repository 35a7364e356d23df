import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites';
import { luminance, parseRgb } from './support/page';

/** How light the page is (the middle column's background): near 1 in the light theme, near 0 in the dark one. */
const proseLuminance = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor).then((css) => luminance(parseRgb(css)));

/** The colours a reader sees in the middle column, an aside and a table row, by element. */
const middleColours = (page: Page) =>
  page.evaluate(() => {
    const colour = (selector: string, property: 'color' | 'backgroundColor' | 'backgroundImage') =>
      getComputedStyle(document.querySelector(selector)!)[property];
    return {
      text: colour('.prose p', 'color'),
      body: colour('body', 'backgroundColor'),
      h1: colour('.prose h1', 'backgroundColor'),
      aside: colour('.prose aside', 'backgroundColor'),
      row: colour('.prose tbody td', 'backgroundColor'),
      navigation: colour('#sidebar', 'backgroundColor'),
      subitems: colour('.toc-list-h2', 'backgroundColor'),
      code: colour('.examples pre', 'backgroundColor'),
      codeColumn: colour('.page', 'backgroundImage'),
    };
  });

const themeControl = (page: Page) => page.getByRole('combobox', { name: 'Theme' });

test.describe('themes', () => {
  test('follow the system: light by default, dark when the system prefers dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(siteUrl('features'));
    const light = await middleColours(page);
    expect(luminance(parseRgb(light.body))).toBeGreaterThan(0.8);
    expect(luminance(parseRgb(light.text))).toBeLessThan(0.1);

    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await middleColours(page);
    // The middle column, its headings, asides and tables all change together.
    expect(luminance(parseRgb(dark.body))).toBeLessThan(0.05);
    expect(luminance(parseRgb(dark.text))).toBeGreaterThan(0.6);
    for (const key of ['h1', 'aside', 'row'] as const) {
      expect(dark[key], key).not.toBe(light[key]);
      expect(luminance(parseRgb(dark[key])), key).toBeLessThan(0.1);
    }
    // The navigation and the code column stay dark, as in Slate, and turn a shade darker.
    for (const key of ['navigation', 'subitems', 'code'] as const) {
      expect(dark[key], key).not.toBe(light[key]);
      expect(luminance(parseRgb(dark[key])), key).toBeLessThan(luminance(parseRgb(light[key])));
    }
    expect(dark.codeColumn).not.toBe(light.codeColumn);
    await expect(themeControl(page)).toHaveValue('auto');
  });

  test('the control in the navigation pins a theme, and the choice is remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(siteUrl('default'));
    const control = themeControl(page);
    await expect(control).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Table of contents' })).toBeVisible();

    await control.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await proseLuminance(page)).toBeLessThan(0.05);

    // Remembered on the next visit, whatever the system says.
    await page.reload();
    await expect(themeControl(page)).toHaveValue('dark');
    expect(await proseLuminance(page)).toBeLessThan(0.05);

    // Light is pinned against a dark system, and auto hands the choice back to the system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await themeControl(page).selectOption('light');
    expect(await proseLuminance(page)).toBeGreaterThan(0.8);
    await themeControl(page).selectOption('auto');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await proseLuminance(page)).toBeLessThan(0.05);
    expect(await page.evaluate(() => localStorage.getItem('shale-theme'))).toBeNull();
  });

  test('is usable from the keyboard', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(siteUrl('default'));
    await themeControl(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect(themeControl(page)).toHaveValue('light');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('the chosen theme is there at first paint: applied by the head script, not by the page module', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(siteUrl('default'));
    await page.evaluate(() => localStorage.setItem('shale-theme', 'dark'));
    // With the page's module scripts never arriving, only the blocking script in the head can set it.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await proseLuminance(page)).toBeLessThan(0.05);
    // A classic script before every stylesheet: it runs before the first paint, and is a file, so a
    // strict Content-Security-Policy allows it.
    const head = await page.evaluate(() =>
      [...document.head.querySelectorAll('script, link[rel="stylesheet"], style')].map((element) => ({
        tag: element.tagName,
        src: element.getAttribute('src'),
        async: element.hasAttribute('async') || element.hasAttribute('defer') || element.getAttribute('type') === 'module',
        inline: element.tagName === 'SCRIPT' && !element.hasAttribute('src'),
      })),
    );
    expect(head[0]).toEqual({ tag: 'SCRIPT', src: '/shale-theme.js', async: false, inline: false });
    expect(head.filter((element) => element.inline)).toEqual([]);
  });

  test('another tab of the site follows a change of theme', async ({ context }) => {
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(siteUrl('default'));
    await second.goto(siteUrl('default'));
    await themeControl(first).selectOption('dark');
    await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(themeControl(second)).toHaveValue('dark');
  });

  test('print stays light in the dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(siteUrl('default'));
    await themeControl(page).selectOption('dark');
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    expect(await proseLuminance(page)).toBeGreaterThan(0.9);
    const text = await page.evaluate(() => getComputedStyle(document.querySelector('.prose p')!).color);
    expect(luminance(parseRgb(text))).toBeLessThan(0.1);
  });
});
