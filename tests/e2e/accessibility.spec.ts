import { expect, test, type Locator } from '@playwright/test';
import { siteUrl } from './support/sites';
import { scrollElementTo } from './support/page';

/** The focus ring the reader sees: a real outline or box-shadow on the focused element. */
async function focusRing(locator: Locator) {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return { outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, shadow: style.boxShadow !== 'none' };
  });
}

test.beforeEach(async ({ page }) => {
  await page.goto(siteUrl('default'));
});

test('has a main landmark and a navigation landmark named "Table of contents"', async ({ page }) => {
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('main')).toContainText('The appointman API is a RESTful interface');
  await expect(page.getByRole('navigation', { name: 'Table of contents' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('skips to the content with the first Tab', async ({ page }) => {
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab goes on inside the content, not back into the navigation.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('keeps the keyboard at the start of the page while the TOC follows the reading', async ({ page }) => {
  await scrollElementTo(page, '#errors'); // window.scrollTo, as a wheel would: no focus starting point of its own
  await expect(page.locator('nav.toc [aria-current]')).toHaveText('Errors');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});

test('shows where the keyboard focus is on tabs, TOC links and copy buttons', async ({ page }) => {
  // Reach each by keyboard, so :focus-visible applies as it does for a reader.
  const targets = [
    page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Introduction' }),
    page.getByRole('tab', { name: 'shell' }),
    page.locator('.copy-button:visible').first(),
  ];
  for (const target of targets) {
    for (let i = 0; i < 40 && !(await target.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    const ring = await focusRing(target);
    expect(ring.outline || ring.shadow, `${target} shows its focus`).toBe(true);
  }
});

test('moves focus onto the chosen tab and keeps one tab stop for the tablist', async ({ page }) => {
  await page.getByRole('tab', { name: 'shell' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'ruby' })).toBeFocused();
  await page.keyboard.press('Tab');
  // Tab leaves the tablist rather than walking through every tab.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
});

test('a table wider than its column joins the Tab order and scrolls with the arrow keys, only while it overflows', async ({ page }) => {
  const tables = page.locator('.prose table');
  const states = () =>
    tables.evaluateAll((all) =>
      all.map((table) => ({ overflows: table.scrollWidth > table.clientWidth + 1, tabbable: table.getAttribute('tabindex') === '0' })),
    );
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(states).toContainEqual({ overflows: true, tabbable: true });
  expect((await states()).every((state) => state.overflows === state.tabbable)).toBe(true);

  const wide = page.locator('.prose table[tabindex="0"]').first();
  await wide.focus();
  expect((await focusRing(wide)).outline).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => wide.evaluate((table) => table.scrollLeft)).toBeGreaterThan(0);

  // Wide enough again: no table is a tab stop for nothing.
  await page.setViewportSize({ width: 2400, height: 900 });
  await expect.poll(async () => (await states()).some((state) => state.tabbable)).toBe(false);
});
