import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites';
import { box, scrollElementTo } from './support/page';

const toc = (page: Page) => page.getByRole('navigation', { name: 'Table of contents' });
const entry = (page: Page, name: string) => toc(page).getByRole('link', { name, exact: true });
/** The marked TOC entry; by CSS, so it is found while the off-canvas navigation is hidden too. */
const current = (page: Page) => page.locator('nav.toc [aria-current]');

test.describe('on the default site', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(siteUrl('default'));
    await expect(current(page)).toHaveText('Introduction');
  });

  test('marks the TOC entry of the section scrolled to', async ({ page }) => {
    const sections: Array<[string, string]> = [
      ['errors', 'Errors'],
      ['register-an-application', 'Register an Application'],
      ['oauth', 'OAuth'],
      ['introduction', 'Introduction'],
    ];
    for (const [id, name] of sections) {
      await scrollElementTo(page, `#${id}`);
      await expect(entry(page, name)).toHaveAttribute('aria-current', 'location');
      await expect(current(page)).toHaveCount(1);
    }
  });

  test('marks the entry above a section the TOC does not list', async ({ page }) => {
    // h3 "Refresh the Bearer Token" is below the TOC's depth: its h2 "What is OAuth?" is marked.
    await scrollElementTo(page, '#refresh-the-bearer-token');
    await expect(current(page)).toHaveText('What is OAuth?');
  });

  test('opens the current h1 group and closes the others', async ({ page }) => {
    const subEntry = entry(page, 'Quick Reference');
    await expect(subEntry).toBeHidden();
    await scrollElementTo(page, '#register-an-application');
    await expect(entry(page, 'Register an Application')).toHaveAttribute('aria-current', 'location');
    await expect(subEntry).toBeVisible();
    await expect(entry(page, 'OAuth')).toBeVisible();
    await scrollElementTo(page, '#errors');
    await expect(entry(page, 'Errors')).toHaveAttribute('aria-current', 'location');
    await expect(subEntry).toBeHidden();
    await expect(entry(page, 'OAuth')).toBeHidden();
  });

  test('follows the reading position in the URL hash without adding history entries', async ({ page }) => {
    const length = await page.evaluate(() => history.length);
    for (const id of ['authentication', 'quick-reference', 'exchange-the-code-for-tokens', 'errors', 'introduction']) {
      await scrollElementTo(page, `#${id}`);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${id}`);
    }
    expect(await page.evaluate(() => history.length)).toBe(length);
  });

  test('names the section in the browser tab title', async ({ page }) => {
    await expect(page).toHaveTitle('Introduction – API Reference');
    await scrollElementTo(page, '#quick-reference');
    await expect(page).toHaveTitle('Quick Reference – API Reference');
    await scrollElementTo(page, '#errors');
    await expect(page).toHaveTitle('Errors – API Reference');
  });

  test('lands on the section when a TOC entry is clicked', async ({ page }) => {
    await entry(page, 'Errors').click();
    await expect(page).toHaveURL(/#errors$/);
    await expect(entry(page, 'Errors')).toHaveAttribute('aria-current', 'location');
    const heading = await box(page.getByRole('heading', { level: 1, name: 'Errors' }));
    expect(heading.y).toBeGreaterThanOrEqual(40); // below the tab bar's height
    expect(heading.y).toBeLessThan(200);

    await entry(page, 'Authentication').click();
    await entry(page, 'Quick Reference').click();
    await expect(page).toHaveURL(/#quick-reference$/);
    await expect(entry(page, 'Quick Reference')).toHaveAttribute('aria-current', 'location');
    await expect(page.getByRole('heading', { level: 2, name: 'Quick Reference' })).toBeInViewport();
  });
});

test('marks an h3 entry and opens the lists above it (toc_depth: 3)', async ({ page }) => {
  await page.goto(siteUrl('features'));
  const h3Entry = toc(page).locator('a[href="#http-request"]');
  await expect(h3Entry).toBeHidden();
  await scrollElementTo(page, '#http-request');
  await expect(h3Entry).toHaveAttribute('aria-current', 'location');
  await expect(h3Entry).toBeVisible();
  await expect(entry(page, 'Delete a Widget')).toBeVisible(); // its h1 group is open
  await expect(toc(page).locator('a[href="#http-request-2"]')).toBeHidden(); // the other h2's list is not
  await expect(page).toHaveTitle('HTTP Request – Features Fixture');
});

test('marks the last entry at the bottom of the page, however short its section', async ({ page }) => {
  await page.goto(siteUrl('features'));
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(entry(page, 'Über Straße')).toHaveAttribute('aria-current', 'location');
  await expect(page).toHaveTitle('Über Straße – Features Fixture');
  expect(await page.evaluate(() => location.hash)).toBe('#uber-strasse');
  // Back up a little, off the bottom: the band decides again.
  await scrollElementTo(page, '#widgets');
  await expect(entry(page, 'Widgets')).toHaveAttribute('aria-current', 'location');
});

for (const viewport of [
  { width: 1440, height: 900, bar: 40 },
  { width: 900, height: 900, bar: 44 },
  { width: 375, height: 800, bar: 44 },
]) {
  test(`opens a deep link with its heading and code below the top bar at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`${siteUrl('default')}#exchange-the-code-for-tokens`);
    const heading = page.getByRole('heading', { name: 'Exchange the Code for Tokens' });
    await expect(heading).toBeInViewport();
    const bar = await box(page.getByRole('tablist'));
    expect(bar.y + bar.height).toBeLessThanOrEqual(viewport.bar + 1);
    const top = await box(heading);
    expect(top.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1); // scroll positions are whole pixels
    expect(top.y).toBeLessThan(viewport.bar + 120);
    if (viewport.width > 700) {
      // The code column beside it starts below the tab bar, not under it.
      const firstExample = page.locator('.section', { has: heading }).locator('.examples > *').first();
      const code = await box(firstExample);
      expect(code.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
      await expect(firstExample).toBeInViewport();
    }
    // The link stays as opened, and the TOC marks its group.
    expect(await page.evaluate(() => location.hash)).toBe('#exchange-the-code-for-tokens');
    await expect(current(page)).toHaveText('What is OAuth?');
  });
}

test("opens a deep link with the id Shins gave a heading at that heading, then names the heading's own id", async ({ page }) => {
  // tests/fixtures/features: "The Widget's Limits (Beta)" is #the-widget-39-s-limits-beta; Shins made it #the-widget-s-limits--beta-.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${siteUrl('features')}#the-widget-s-limits--beta-`);
  const heading = page.getByRole('heading', { name: "The Widget's Limits (Beta)" });
  await expect(heading).toBeInViewport();
  const bar = await box(page.getByRole('tablist'));
  const top = await box(heading);
  expect(top.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  expect(top.y).toBeLessThan(bar.y + bar.height + 120);
  await expect(entry(page, "The Widget's Limits (Beta)")).toHaveAttribute('aria-current', 'location');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#the-widget-39-s-limits-beta');
});

test('keeps a deep link to a section near the bottom as opened, and marks the last entry once the reader scrolls back there', async ({ page }) => {
  // tests/fixtures/search v2.html: Webhook Signatures, then two short sections; the page cannot scroll it to the top.
  await page.setViewportSize({ width: 1440, height: 560 });
  await page.goto(`${siteUrl('search')}v2.html#webhook-signatures`);
  const nav = page.getByRole('navigation', { name: 'Table of contents' });
  await expect(nav.getByRole('link', { name: 'Webhook Signatures', exact: true })).toHaveAttribute('aria-current', 'location');
  await expect(page.locator('#webhook-signatures')).toBeInViewport();
  expect(await page.evaluate(() => location.hash)).toBe('#webhook-signatures');
  // Scrolled away and back by reading: the bottom marks the last section again, as Slate does.
  await page.mouse.move(700, 300);
  await page.mouse.wheel(0, -1000);
  await expect(nav.getByRole('link', { name: 'Webhooks', exact: true })).toHaveAttribute('aria-current', 'location');
  await page.mouse.wheel(0, 1000);
  await expect(nav.getByRole('link', { name: 'Installation', exact: true })).toHaveAttribute('aria-current', 'location');
  expect(await page.evaluate(() => location.hash)).toBe('#installation');
  // A TOC entry clicked at the bottom, where nothing can scroll: that entry is marked.
  await nav.getByRole('link', { name: 'Webhook Signatures', exact: true }).click();
  await expect(nav.getByRole('link', { name: 'Webhook Signatures', exact: true })).toHaveAttribute('aria-current', 'location');
  expect(await page.evaluate(() => location.hash)).toBe('#webhook-signatures');
  // A search result on this page, opened from the top: the page scrolls to its bottom and keeps the result's section.
  await page.mouse.move(700, 300);
  await page.mouse.wheel(0, -1000);
  await expect(nav.getByRole('link', { name: 'Webhooks', exact: true })).toHaveAttribute('aria-current', 'location');
  await page.getByRole('combobox', { name: 'Search the docs' }).fill('relay');
  await page.getByRole('option', { name: /Installing the Webhook Relay/ }).click();
  await expect(nav.getByRole('link', { name: 'Installing the Webhook Relay', exact: true })).toHaveAttribute('aria-current', 'location');
  expect(await page.evaluate(() => location.hash)).toBe('#installing-the-webhook-relay');
  // Another result at the bottom, where opening it scrolls nowhere: its entry is marked all the same.
  await page.getByRole('combobox', { name: 'Search the docs' }).fill('signature');
  await page.getByRole('option', { name: /Webhook Signatures/ }).click();
  await expect(nav.getByRole('link', { name: 'Webhook Signatures', exact: true })).toHaveAttribute('aria-current', 'location');
  expect(await page.evaluate(() => location.hash)).toBe('#webhook-signatures');
});

test('marks the first section at the top of the page, even one shorter than the band the TOC watches', async ({ page }) => {
  // tests/fixtures/search: "Credentials" holds one short line, so "Client Secret" starts inside the band too.
  await page.goto(siteUrl('search'));
  await expect(current(page)).toHaveText('Credentials');
  await expect(page).toHaveTitle('Credentials – Search Fixture');
  expect(await page.evaluate(() => [window.scrollY, location.hash])).toEqual([0, '#credentials']);
  // One step down, the band decides again.
  await scrollElementTo(page, '#client-secret', 20);
  await expect(current(page)).toHaveText('Client Secret');
});
