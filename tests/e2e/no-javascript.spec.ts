import { expect, test } from '@playwright/test';
import { siteUrl } from './support/sites';
import { blocksOf, expectAllHidden, expectAllVisible, untabbedBlocks } from './support/page';

test.use({ javaScriptEnabled: false });

test.describe('without JavaScript', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(siteUrl('features'));
  });

  test('shows the content', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Introduction' })).toBeVisible();
    await expect(page.getByText('This endpoint lists widgets.')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Accents are transliterated.');
  });

  test("shows every language's code under its language's name, and no tabs that could not switch", async ({ page }) => {
    for (const language of ['shell', 'ruby', 'ruby--v2', 'javascript']) {
      await expectAllVisible(blocksOf(page, language));
      const label = await blocksOf(page, language)
        .first()
        .evaluate((block) => getComputedStyle(block, '::before').content);
      expect(label).toBe(`"${language}"`);
    }
    await expect(page.getByText('Only for cURL readers.')).toBeVisible();
    await expect(page.getByText('Only for Ruby readers.')).toBeVisible();
    await expect(page.getByRole('tablist')).toBeHidden();
  });

  test('shows json and text blocks', async ({ page }) => {
    await expectAllVisible(untabbedBlocks(page));
    await expect(page.locator('pre', { hasText: '"Sprocket"' })).toBeVisible();
  });

  test('shows the navigation', async ({ page }) => {
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await expect(toc.getByRole('link', { name: 'Widgets', exact: true })).toBeInViewport();
    // Every group is open: without the scrollspy nothing would ever open them.
    await expect(toc.getByRole('link', { name: 'Delete a Widget' })).toBeVisible();
  });

  test('hides the copy buttons, which could not work', async ({ page }) => {
    await expectAllHidden(page.locator('.copy-button'));
  });
});

test.describe('without JavaScript at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('shows the navigation at the top of the page instead of a dead menu button', async ({ page }) => {
    await page.goto(siteUrl('features'));
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await expect(toc.getByRole('link', { name: 'Widgets', exact: true })).toBeInViewport();
    await toc.getByRole('link', { name: 'Widgets', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Widgets' })).toBeInViewport();
  });

  test('never scrolls sideways', async ({ page }) => {
    await page.goto(siteUrl('default'));
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await expectAllVisible(blocksOf(page, 'shell'));
  });
});
