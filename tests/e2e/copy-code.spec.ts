import { expect, test } from '@playwright/test';
import { siteUrl } from './support/sites';
import { tab } from './support/page';
import { stopClock } from './support/time';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

// "Copied" goes back to "Copy" after 2 s: the tests that click stop the page's clock, so the label
// waits for them however slow the machine, and they move the clock on to see it go back.

test('gives every code block a Copy button', async ({ page }) => {
  await page.goto(siteUrl('features'));
  const blocks = page.locator('.code-block');
  const count = await blocks.count();
  expect(count).toBeGreaterThan(10);
  await expect(page.locator('.code-block > button.copy-button')).toHaveCount(count);
  // Every block shown under the current tab offers its button by name.
  const visibleButtons = page.locator('.examples').getByRole('button', { name: 'Copy', exact: true });
  await expect(visibleButtons).toHaveCount(await page.locator('.code-block:visible').count());
});

test('copies the code without its trailing newline and says "Copied"', async ({ page }) => {
  await stopClock(page);
  await page.goto(`${siteUrl('default')}#exchange-the-code-for-tokens`);
  const block = page
    .locator('.section', { has: page.locator('#exchange-the-code-for-tokens') })
    .locator('.code-block:visible')
    .first();
  await expect(block.locator('code')).toContainText('grant_type=authorization_code');
  await expect(block.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  // Located by class from here on: its name changes to "Copied".
  const button = block.locator('.copy-button');
  await button.click();
  await expect(button).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const shown = await block.locator('code').textContent();
  expect(copied).toBe(shown!.replace(/\n$/, ''));
  expect(copied).toMatch(/^curl "https:\/\/appointman\.example\/oauth\/token" \\\n {2}-d grant_type=authorization_code \\\n/);
  expect(copied).toMatch(/client_secret=YOUR_CLIENT_SECRET$/);
  // It says so to screen readers too; it stays long enough to be read, then the button goes back to "Copy".
  await expect(page.locator('#announcer')).toHaveText('Copied to clipboard');
  await page.clock.runFor(1000);
  await expect(button).toHaveText('Copied');
  await page.clock.runFor(1000);
  await expect(button).toHaveText('Copy');
  await expect(page.locator('#announcer')).toHaveText('');
});

test('copies the block of the language being shown', async ({ page }) => {
  await stopClock(page);
  await page.goto(siteUrl('features'));
  await tab(page, 'ruby').click();
  const block = page.locator('.code-block:visible', { hasText: 'Widget.find(1)' });
  await block.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(block.getByRole('button')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Widget.find(1)');
});

test('copies with the keyboard', async ({ page }) => {
  await stopClock(page);
  await page.goto(siteUrl('features'));
  const block = page.locator('.code-block:visible', { hasText: '"Sprocket"' });
  await expect(block.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  const button = block.locator('.copy-button');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('[{ "id": 1, "name": "Sprocket" }]');
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 375, height: 800 },
]) {
  test(`keeps the Copy button clear of the code at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(siteUrl('default'));
    const overlaps = await page.locator('.code-block:visible').evaluateAll((blocks) =>
      blocks.flatMap((block) => {
        const button = block.querySelector('.copy-button')!.getBoundingClientRect();
        const firstLine = block.querySelector('code')!.getClientRects()[0]!;
        return button.bottom > firstLine.top ? [`${block.textContent!.slice(0, 40)}: button ends at ${button.bottom}, code starts at ${firstLine.top}`] : [];
      }),
    );
    expect(overlaps).toEqual([]);
  });
}

test.describe('Copy page', () => {
  test('copies the page as the Markdown published beside it, and says so', async ({ page, request }) => {
    await stopClock(page);
    await page.goto(siteUrl('features'));
    const button = page.getByRole('button', { name: 'Copy page' });
    await button.click();
    await expect(page.locator('.copy-page')).toHaveText('Copied');
    await expect(page.locator('#announcer')).toHaveText('Page copied as Markdown');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const published = await (await request.get(`${siteUrl('features')}index.md`)).text();
    expect(copied).toBe(published);
    expect(copied).toMatch(/^# Introduction\n/);
    expect(copied).toContain('```shell title="cURL"\ncurl "https://api.example.com/widgets/1"\n```');
    await page.clock.runFor(2000);
    await expect(page.locator('.copy-page')).toHaveText('Copy page');
  });

  test('the page links its Markdown, in the head and for readers, at its address under the base path', async ({ page, request }) => {
    await page.goto(`${siteUrl('base-path')}`);
    const alternate = await page.locator('link[rel="alternate"][type="text/markdown"]').getAttribute('href');
    expect(alternate).toBe('/docs/index.md');
    await expect(page.getByRole('link', { name: 'View as Markdown' })).toHaveAttribute('href', '/docs/index.md');
    const answer = await request.get(new URL(alternate!, siteUrl('base-path')).href);
    expect(answer.ok()).toBe(true);
    expect(await answer.text()).toContain('# Authentication');
  });
});
