import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites';
import { box, luminance, pixelAt } from './support/page';

/**
 * Every section of the page: its heading's level (0 before the first heading) and id, its prose box,
 * its code column's box and the box of its first code block showing under the current tab, if any.
 */
async function sectionBoxes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#content .section')].map((section) => {
      const rect = (element: Element) => {
        const { top, bottom, left, right, width } = element.getBoundingClientRect();
        return { top, bottom, left, right, width };
      };
      const code = [...section.querySelectorAll('.examples > *')].find((element) => element.getClientRects().length > 0);
      const heading = section.querySelector('h1, h2, h3');
      const examples = section.querySelector('.examples');
      return {
        level: heading ? Number(heading.tagName[1]) : 0,
        id: heading?.id,
        continues: section.classList.contains('continues'),
        prose: rect(section.querySelector('.prose')!),
        examples: examples && rect(examples),
        code: code && rect(code),
      };
    }),
  );
}

/** The sections with code showing, but h3s whose code comes after their text (they go on where the columns stand). */
async function sectionsWithCode(page: Page) {
  return (await sectionBoxes(page)).flatMap(({ id, prose, code, continues }) => (code && !continues ? [{ id, prose, code }] : []));
}

test.describe('at 1440 × 900', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(siteUrl('default'));
  });

  test('keeps the navigation column fixed on the left while the page scrolls', async ({ page }) => {
    const sidebar = page.locator('#sidebar');
    const before = await box(sidebar);
    expect(before.x).toBe(0);
    expect(before.width).toBeGreaterThanOrEqual(220);
    expect(before.width).toBeLessThanOrEqual(240);
    expect(before.height).toBe(900);
    await page.evaluate(() => window.scrollTo(0, 2000));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(2000);
    expect(await box(sidebar)).toEqual(before);
    await expect(page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Introduction' })).toBeInViewport();
  });

  test('shows prose in the middle and a dark code column on the right', async ({ page }) => {
    const sidebar = await box(page.locator('#sidebar'));
    const prose = await box(page.locator('.prose').first());
    const code = await box(page.locator('.examples').first());
    expect(prose.x).toBeGreaterThanOrEqual(sidebar.x + sidebar.width - 1);
    expect(code.x).toBeGreaterThanOrEqual(prose.x + prose.width - 1);
    expect(code.x + code.width).toBeCloseTo(1440, 0);
    // Roughly Slate's proportions: the two content columns share what the navigation leaves.
    expect(Math.abs(prose.width - code.width)).toBeLessThan(40);
    expect(luminance(await pixelAt(page, 1430, 600))).toBeLessThan(0.05);
    expect(luminance(await pixelAt(page, prose.x + 5, 600))).toBeGreaterThan(0.8);
  });

  test("places each section's code beside that section's heading", async ({ page }) => {
    const sections = await sectionsWithCode(page);
    expect(sections.length).toBeGreaterThanOrEqual(5);
    for (const { id, prose, code } of sections) {
      expect(code.left, `code of #${id} is right of its prose`).toBeGreaterThanOrEqual(prose.right - 1);
      // Beside its heading, not drifted down (slate#1532): at most the tab bar's height below it.
      expect(code.top, `code of #${id} starts beside its heading`).toBeGreaterThanOrEqual(prose.top - 1);
      expect(code.top - prose.top, `code of #${id} sits at the top of its section`).toBeLessThanOrEqual(80);
    }
  });

  test('lets an h3 whose code does not come first go on where the columns stand, as in Slate', async ({ page }) => {
    for (const site of ['default', 'features']) {
      await page.goto(siteUrl(site));
      const sections = await sectionBoxes(page);
      const continuing = sections.flatMap((section, index) => (section.continues ? [{ section, index }] : []));
      if (site === 'features') {
        // One without code, one with code after its text.
        expect(continuing.map(({ section }) => [section.id, !!section.examples])).toEqual([
          ['http-request', false],
          ['http-request-2', true],
        ]);
      }
      for (const { section, index } of continuing) {
        const above = sections[index - 1]!;
        // Its text right under the text above it…
        expect(section.prose.top, `#${section.id} right under #${above.id}`).toBeCloseTo(above.prose.bottom, 0);
        if (!section.examples) continue;
        // …and its code below the code above it, never above its own heading.
        const codeAbove = Math.max(...sections.slice(0, index).flatMap((earlier) => (earlier.examples ? [earlier.examples.bottom] : [])));
        expect(section.examples.top, `code of #${section.id}`).toBeGreaterThanOrEqual(Math.max(codeAbove, section.prose.top) - 1);
        expect(section.examples.top, `code of #${section.id}`).toBeLessThanOrEqual(Math.max(codeAbove, section.prose.top) + 1);
      }
    }
    // Where the code above is the taller (Kittn's shape: a one-line intro beside a request and its
    // response), the h3 rises beside that code instead of starting below it.
    const sections = await sectionBoxes(page);
    const request = sections.find((section) => section.id === 'http-request')!;
    const above = sections[sections.indexOf(request) - 1]!;
    expect(above.id).toBe('get-a-widget');
    expect(request.prose.top).toBeLessThan(above.examples!.bottom - 100);
  });

  test('paints the dark column down to the bottom of the page', async ({ page }) => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1)).toBe(true);
    expect(luminance(await pixelAt(page, 1430, 897))).toBeLessThan(0.05);
    expect(luminance(await pixelAt(page, 850, 897))).toBeLessThan(0.05);
  });

  test('keeps the language tabs at the top of the code column while scrolling', async ({ page }) => {
    await page.evaluate(() => window.scrollTo(0, 1500));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1500);
    const tabs = await box(page.getByRole('tablist'));
    const code = await box(page.locator('.examples').first());
    expect(tabs.y).toBe(0);
    expect(tabs.x).toBeCloseTo(code.x, 0);
    await expect(page.getByRole('tab', { name: 'ruby' })).toBeInViewport();
  });

  test('shows no menu button while the navigation column is on screen', async ({ page }) => {
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  });

  test('wraps a title of one long word beside the theme control instead of running under it', async ({ page }) => {
    // Widdershins names a site after its spec's info.title: `StreamAnalyticsManagementClient v2016-03-01`.
    const title = page.locator('.site-title');
    await title.evaluate((element) => (element.textContent = 'StreamAnalyticsManagementClient v2016-03-01'));
    const text = await title.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return range.getBoundingClientRect().right;
    });
    const control = await box(page.locator('.theme-choice'));
    expect(text).toBeLessThanOrEqual(control.x);
  });
});

test.describe('at 900 px (tablet)', () => {
  test.use({ viewport: { width: 900, height: 900 } });

  test('moves the navigation off-canvas behind a menu button', async ({ page }) => {
    await page.goto(siteUrl('default'));
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#sidebar')).not.toBeInViewport();
    await expect(page.getByRole('navigation', { name: 'Table of contents' })).toBeHidden();
    // Prose and code still sit side by side, and the prose starts at the left edge.
    const prose = await box(page.locator('.prose').first());
    const code = await box(page.locator('.examples').first());
    expect(prose.x).toBe(0);
    expect(code.x).toBeGreaterThanOrEqual(prose.x + prose.width - 1);

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('navigation', { name: 'Table of contents' })).toBeInViewport();
  });

  test('keeps a solid top bar, tabs over the code column, while the prose scrolls under it', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await page.evaluate(() => window.scrollTo(0, 1310));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1310);
    const tabs = await box(page.getByRole('tablist'));
    const menu = await box(page.getByRole('button', { name: 'Menu' }));
    expect(tabs.y).toBe(0);
    expect(tabs.x).toBeCloseTo(450, 0);
    expect(menu.x + menu.width).toBeLessThanOrEqual(tabs.x);
    // Between the menu button and the tabs the bar is dark: no prose shows through, half hidden.
    for (const x of [menu.x + menu.width + 10, 300, 440]) expect(luminance(await pixelAt(page, x, 20)), `x=${x}`).toBeLessThan(0.05);
  });

  test('keeps the menu button from covering the start of the first heading', async ({ page }) => {
    await page.goto(siteUrl('default'));
    const menu = await box(page.getByRole('button', { name: 'Menu' }));
    const heading = await box(page.getByRole('heading', { level: 1, name: 'Introduction' }));
    expect(heading.y).toBeGreaterThanOrEqual(menu.y + menu.height - 1);
  });
});

test.describe('at 375 × 800 (phone)', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test.beforeEach(async ({ page }) => {
    await page.goto(siteUrl('default'));
  });

  test('never scrolls sideways', async ({ page }) => {
    for (const site of ['default', 'features']) {
      await page.goto(siteUrl(site));
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, site).toBeLessThanOrEqual(widths.client);
    }
  });

  test('fits four language tabs beside the menu button', async ({ page }) => {
    for (const site of ['default', 'features']) {
      await page.goto(siteUrl(site));
      const tabs = page.getByRole('tab');
      await expect(tabs).toHaveCount(4);
      for (const each of await tabs.all()) await expect(each, site).toBeInViewport({ ratio: 1 });
    }
  });

  test('puts each code block under its prose, full width', async ({ page }) => {
    const sections = await sectionsWithCode(page);
    expect(sections.length).toBeGreaterThanOrEqual(5);
    for (const { id, prose, code } of sections) {
      expect(code.top, `code of #${id} is under its prose`).toBeGreaterThanOrEqual(prose.bottom - 1);
      expect(code.left, `code of #${id} spans the screen`).toBeLessThanOrEqual(1);
      expect(code.width, `code of #${id} spans the screen`).toBeGreaterThanOrEqual(340);
    }
  });

  test('keeps the language tabs at the top of the screen', async ({ page }) => {
    await page.evaluate(() => window.scrollTo(0, 2500));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(2500);
    const tabs = await box(page.getByRole('tablist'));
    expect(tabs.y).toBe(0);
    await expect(page.getByRole('tab', { name: 'shell' })).toBeInViewport();
    // The menu button stays usable beside them.
    const menu = await box(page.getByRole('button', { name: 'Menu' }));
    expect(menu.x + menu.width).toBeLessThanOrEqual(tabs.x + 1);
  });

  test('opens and closes the navigation with the menu button and Esc', async ({ page }) => {
    const menu = page.getByRole('button', { name: 'Menu' });
    const link = page.locator('#sidebar').getByRole('link', { name: 'Errors' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(link).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(link).toBeVisible();
    await expect(link).toBeInViewport();
    await expect(page.locator('#sidebar :focus')).toHaveCount(1);

    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(link).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(link).toBeHidden();

    // A tap on the page beside the open navigation closes it too.
    await menu.click();
    await expect(link).toBeVisible();
    await page.mouse.click(340, 400);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(link).toBeHidden();
  });

  test('closes the navigation when the keyboard focus leaves it, so Tab never reaches links hidden under it', async ({ page }) => {
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(page.locator('#sidebar :focus')).toHaveCount(1);
    for (let i = 0; i < 40 && (await page.evaluate(() => !!document.activeElement?.closest('#sidebar'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#sidebar'))).toBe(false);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#sidebar').getByRole('link', { name: 'Errors' })).toBeHidden();
    // Where the focus went is on screen, not under the navigation.
    await expect(page.locator(':focus')).toBeInViewport();
  });

  test('closes the navigation and lands on the section when a TOC link is chosen', async ({ page }) => {
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await page.locator('#sidebar').getByRole('link', { name: 'Errors' }).click();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page).toHaveURL(/#errors$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Errors' })).toBeInViewport();
  });

  test('paints the phone layout from the first frame, before the script has run', async ({ page }) => {
    await page.addInitScript(() => {
      const frames: Array<{ sidebar: boolean; menu: boolean; headingTop: number }> = [];
      (window as unknown as { frames_: typeof frames }).frames_ = frames;
      const frame = () => {
        const heading = document.querySelector('h1');
        if (heading && document.styleSheets.length > 0) {
          frames.push({
            sidebar: document.getElementById('sidebar')!.checkVisibility({ visibilityProperty: true }),
            menu: document.querySelector('.menu-button')!.checkVisibility(),
            headingTop: Math.round(heading.getBoundingClientRect().top),
          });
        }
        if (frames.length < 300) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    // Hold the script until a few frames are painted, as on a slow network.
    await page.route('**/_astro/*.js', async (route) => {
      await page.waitForFunction(() => (window as unknown as { frames_: unknown[] }).frames_.length >= 3);
      await route.continue();
    });
    await page.goto(siteUrl('default'));
    await expect(page.locator('html[data-js]')).toHaveCount(1);
    const frames = await page.evaluate(() => (window as unknown as { frames_: Array<{ sidebar: boolean; menu: boolean; headingTop: number }> }).frames_);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    // The navigation never covers or pushes the page, and nothing jumps when the script arrives.
    expect(frames.filter((frame) => frame.sidebar)).toEqual([]);
    expect(frames.filter((frame) => !frame.menu)).toEqual([]);
    expect(new Set(frames.map((frame) => frame.headingTop)).size).toBe(1);
  });

  test('keeps the closed navigation out of the keyboard order', async ({ page }) => {
    const focusedInSidebar: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      focusedInSidebar.push(await page.evaluate(() => !!document.activeElement?.closest('#sidebar')));
    }
    expect(focusedInSidebar).not.toContain(true);
    // And it is really there once open.
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.locator('#sidebar :focus')).toHaveCount(1);
  });
});

test('lets the reader zoom (no maximum-scale or user-scalable=no)', async ({ page }) => {
  await page.goto(siteUrl('default'));
  const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
  expect(viewport).toContain('width=device-width');
  expect(viewport).not.toMatch(/maximum-scale|user-scalable\s*=\s*(no|0)/i);
});

/**
 * Opens the features fixture in a short window (Chromium lays out what is within about a screen's
 * height of it) and finds its one long element (`selector`, carrying `attribute`). `laidOut` tells
 * whether the browser has laid out what is inside it (`inner`), or skipped it for now.
 */
async function longElement(page: Page, selector: string, attribute: string, inner: string) {
  await page.setViewportSize({ width: 1440, height: 400 });
  await page.goto(siteUrl('features'));
  const element = page.locator(`${selector}[${attribute}]`);
  await expect(element).toHaveCount(1);
  const laidOut = () =>
    element
      .locator(inner)
      .first()
      .evaluate((child) => child.checkVisibility({ contentVisibilityAuto: true }));
  return { element, laidOut };
}

test('lays out a long code block only near the screen, already at the height it will have', async ({ page }) => {
  const { element: block, laidOut } = await longElement(page, 'pre', 'data-lines', 'code');
  await expect(block).toHaveAttribute('data-lines', '204');
  const headingBelow = page.locator('#get-a-widget-2');
  const pageTop = () => headingBelow.evaluate((heading) => heading.getBoundingClientRect().top + window.scrollY);
  // Far below the first screen: skipped, and sized by its 204 lines meanwhile.
  expect(await laidOut()).toBe(false);
  const estimated = await pageTop();
  await block.scrollIntoViewIfNeeded();
  await expect.poll(laidOut).toBe(true);
  // Laid out, it is as tall as it was said to be: what follows it did not move.
  expect(Math.abs((await pageTop()) - estimated)).toBeLessThanOrEqual(1);
});

test('lays out a long table only near the screen', async ({ page }) => {
  const { element: table, laidOut } = await longElement(page, 'table', 'data-rows', 'td');
  await expect(table).toHaveAttribute('data-rows', '46');
  expect(await laidOut()).toBe(false);
  // Sized from its rows meanwhile: not collapsed to nothing.
  expect((await table.boundingBox())!.height).toBeGreaterThan(1000);
  await table.scrollIntoViewIfNeeded();
  await expect.poll(laidOut).toBe(true);
  await expect(page.getByRole('cell', { name: 'field_45' })).toBeVisible();
});
