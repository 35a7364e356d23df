import { expect, test } from '@playwright/test';
import { siteUrl } from './support/sites';
import { blocksOf, contrast, expectAllHidden, expectAllVisible, luminance, parseRgb, tab, untabbedBlocks } from './support/page';

test.describe('printed', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(siteUrl('default'));
  });

  test('leaves out the navigation, tabs, menu and copy buttons', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#sidebar')).toBeHidden();
    await expect(page.getByRole('tablist')).toBeHidden();
    await expect(page.locator('.menu-button')).toBeHidden();
    await expectAllHidden(page.locator('.copy-button'));
    await expect(page.getByRole('heading', { level: 1, name: 'Authentication' })).toBeVisible();
  });

  test('prints code dark on light', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    const colours = await page.locator('.code-block:visible pre').evaluateAll((pres) =>
      pres.map((pre) => ({
        background: getComputedStyle(pre).backgroundColor,
        text: getComputedStyle(pre).color,
        tokens: [...pre.querySelectorAll('span')].map((span) => getComputedStyle(span).color),
      })),
    );
    expect(colours.length).toBeGreaterThan(3);
    for (const { background, text, tokens } of colours) {
      expect(luminance(parseRgb(background))).toBeGreaterThan(0.9);
      expect(luminance(parseRgb(text))).toBeLessThan(0.1);
      for (const token of tokens) expect(contrast(parseRgb(token), parseRgb(background)), `token ${token} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('prints code blocks without the room kept for the hidden copy buttons', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    const gaps = await page
      .locator('.code-block:visible pre')
      .evaluateAll((pres) => pres.map((pre) => pre.querySelector('code')!.getClientRects()[0]!.top - pre.getBoundingClientRect().top));
    expect(gaps.length).toBeGreaterThan(3);
    for (const gap of gaps) expect(gap).toBeLessThan(20);
  });

  test('prints only the language being read', async ({ page }) => {
    await tab(page, 'ruby').click();
    await page.emulateMedia({ media: 'print' });
    await expectAllVisible(blocksOf(page, 'ruby'));
    for (const other of ['shell', 'python', 'javascript']) await expectAllHidden(blocksOf(page, other));
    await expectAllVisible(untabbedBlocks(page));
  });

  test('prints code under its prose, on the full page width', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    const section = page.locator('.section', { has: page.locator('#errors') });
    const prose = (await section.locator('.prose').boundingBox())!;
    const code = (await section.locator('.code-block').first().boundingBox())!;
    expect(code.y).toBeGreaterThanOrEqual(prose.y + prose.height - 1);
    expect(prose.x).toBeLessThan(50);
    expect(code.width).toBeGreaterThan(prose.width * 0.9);
  });
});

test('leaves out the Edit links of the sections, shown on screen', async ({ page }) => {
  await page.goto(siteUrl('features'));
  const links = page.locator('.edit-link');
  await expect(links.first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expectAllHidden(links);
});
