import { expect, test } from '@playwright/test';
import { siteUrl } from './support/sites';
import { blocksOf, expectAllVisible, scrollElementTo, tab } from './support/page';
import { stopClock } from './support/time';

for (const site of ['default', 'features']) {
  test(`makes no request to another host (${site} site)`, async ({ page }) => {
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).hostname));
    await page.goto(siteUrl(site));
    // Use the page, so lazily loaded things would show up too.
    await page.getByRole('tab').nth(1).click();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('.copy-button:visible').first().click();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.waitForLoadState('networkidle');
    expect([...hosts]).toEqual(['127.0.0.1']);
  });
}

test("works under Content-Security-Policy: default-src 'self'", async ({ page }) => {
  // Serve the page as a strict host would: the policy on the document response.
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'self'" } });
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { violations: string[] }).violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // "Copied" (checked below) goes back to "Copy" after 2 s of the page's clock: stopped, it waits for the check.
  await stopClock(page);

  const response = await page.goto(siteUrl('features'));
  expect(response!.headers()['content-security-policy']).toBe("default-src 'self'");
  // Styles and script both ran: the layout is in place and the tabs work.
  expect(await page.locator('#sidebar').evaluate((sidebar) => getComputedStyle(sidebar).position)).toBe('fixed');
  await tab(page, 'javascript').click();
  await expectAllVisible(blocksOf(page, 'javascript'));
  await scrollElementTo(page, '#delete-a-widget');
  await expect(page).toHaveTitle('Delete a Widget – Features Fixture');
  await page.locator('.copy-button:visible').first().click();
  await expect(page.locator('.copy-button', { hasText: 'Copied' })).toHaveCount(1);

  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(problems).toEqual([]);
});

for (const site of ['default', 'features']) {
  test(`opens external links with rel="noopener" (${site} site)`, async ({ page }) => {
    await page.goto(siteUrl(site));
    const external = page.locator('a[href^="http"]');
    expect(await external.count()).toBeGreaterThan(0);
    for (const link of await external.all()) {
      const href = await link.getAttribute('href');
      if (new URL(href!).host === new URL(page.url()).host) continue;
      expect((await link.getAttribute('rel'))?.split(/\s+/), href!).toContain('noopener');
    }
  });
}
