import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites';
import { animationsSettled } from './support/time';

/**
 * axe-core's audit (WCAG 2.2 A and AA, and its best practices) of each kind of page and state: every
 * violation, with the elements it names, so a failure says what to fix.
 */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

// An audit is seconds of CPU work, and a test here runs up to three: 12–23 s on a 2-core machine, over
// 30 s when it is busy. The verdict must come from axe, not from the suite's 30 s budget per test.
test.describe.configure({ timeout: 120_000 });

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 800, height: 1000 };

for (const [site, path] of [
  ['default', ''],
  ['features', ''],
  ['split', ''],
  ['split', 'errors.html'],
  ['search', 'v2.html'],
  ['openapi', ''],
  ['base-path', 'no/such/page'],
] as const) {
  test(`${site}/${path}: no axe violations on a desktop, a tablet and a phone`, async ({ page }) => {
    for (const viewport of [{ width: 1440, height: 900 }, TABLET, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(siteUrl(site) + path);
      expect(await violations(page), `at ${viewport.width} px`).toEqual([]);
    }
  });
}

test('no axe violations with search results, or none, listed', async ({ page }) => {
  await page.goto(siteUrl('search'));
  const box = page.getByRole('combobox', { name: 'Search the docs' });
  await box.fill('token');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await box.fill('zzzqqq');
  await expect(page.locator('#search-status')).toContainText('zzzqqq');
  expect(await violations(page)).toEqual([]);
});

test('no axe violations with the navigation open on a phone, or another language chosen', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(siteUrl('default'));
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Table of contents' })).toBeVisible();
  // Audited once the navigation has slid in (out, below), not at whatever point of it a slow machine is.
  await animationsSettled(page);
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'python' }).click();
  await animationsSettled(page);
  expect(await violations(page)).toEqual([]);
});

// The dark theme: every colour of the middle column changes, so contrast is audited again there.
for (const [site, path] of [
  ['features', ''],
  ['openapi', ''],
  ['split', 'errors.html'],
] as const) {
  test(`${site}/${path}: no axe violations in the dark theme on a desktop and a phone`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const viewport of [{ width: 1440, height: 900 }, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(siteUrl(site) + path);
      expect(await violations(page), `at ${viewport.width} px`).toEqual([]);
    }
  });
}

test('no axe violations in the dark theme with search results listed, on a desktop and a phone', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const viewport of [{ width: 1440, height: 900 }, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(siteUrl('search'));
    if (viewport === PHONE) {
      await page.getByRole('button', { name: 'Menu' }).click();
      await animationsSettled(page);
    }
    await page.getByRole('combobox', { name: 'Search the docs' }).fill('token');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
    expect(await violations(page), `at ${viewport.width} px`).toEqual([]);
  }
});
