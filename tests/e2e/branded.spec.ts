import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites';

/**
 * tests/fixtures/branded, served under /brand/: a Slate source whose _variables.scss gives a light
 * navigation, a green active item, a dark-blue code column, a 260 px navigation, a 40 % code column,
 * Georgia, and a 1000 px tablet breakpoint; its theme: map and custom.css change more.
 */
const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

test.describe('a branded Slate source', () => {
  test('keeps its colours: light navigation, green active item, dark-blue code column, its text colour and font', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${siteUrl('branded')}#list-widgets`);
    expect(await style(page, '#sidebar', 'background-color')).toBe('rgb(246, 248, 250)');
    await expect(page.locator('.toc-link[aria-current]')).toHaveText('List Widgets');
    expect(await style(page, '.toc-link[aria-current]', 'background-color')).toBe('rgb(26, 127, 55)');
    expect(await style(page, '.examples pre', 'background-color')).toBe('rgb(8, 28, 51)');
    expect(await style(page, '.page', 'background-image')).toContain('rgb(11, 37, 69)');
    expect(await style(page, '.prose p', 'color')).toBe('rgb(31, 35, 40)');
    expect(await style(page, 'body', 'font-family')).toMatch(/^Georgia/);
  });

  test('keeps its proportions: a 260 px navigation and a code column of 40 %', async ({ page }) => {
    await page.setViewportSize({ width: 1460, height: 900 });
    await page.goto(siteUrl('branded'));
    expect((await page.locator('#sidebar').boundingBox())!.width).toBe(260);
    const prose = (await page.locator('.section .prose').first().boundingBox())!;
    const examples = (await page.locator('.section .examples').first().boundingBox())!;
    expect(examples.width).toBeCloseTo((1460 - 260) * 0.4, 0);
    expect(prose.width).toBeCloseTo((1460 - 260) * 0.6, 0);
  });

  test('changes layout at its own breakpoint ($tablet-width: 1000px)', async ({ page }) => {
    await page.setViewportSize({ width: 1010, height: 800 });
    await page.goto(siteUrl('branded'));
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    await page.setViewportSize({ width: 990, height: 800 });
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
  });

  test("takes its doc's theme: map and its custom.css over the variables", async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(siteUrl('branded'));
    expect(await style(page, '.prose h1', 'background-color')).toBe('rgb(238, 246, 255)');
    expect(await style(page, '.prose h1', 'letter-spacing')).not.toBe('normal');
    expect(await style(page, '.page-actions a', 'color')).toBe('rgb(10, 92, 43)');
    await page.emulateMedia({ colorScheme: 'dark' });
    // In the dark theme the map's single colour gives way to Shale's dark one; custom.css set both.
    expect(await style(page, '.prose h1', 'background-color')).toBe('rgb(34, 39, 43)');
    expect(await style(page, '.page-actions a', 'color')).toBe('rgb(126, 226, 160)');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no axe violations in the ${scheme} theme, on a desktop and a phone`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      for (const viewport of [
        { width: 1440, height: 900 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(viewport);
        await page.goto(siteUrl('branded'));
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        expect(violations, `at ${viewport.width} px`).toEqual([]);
      }
    });
  }
});
