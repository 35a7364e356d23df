import { expect, test, type Page } from '@playwright/test';
import { siteUrl } from './support/sites';
import { blocksOf, expectAllHidden, expectAllVisible, tab, untabbedBlocks } from './support/page';
import { freezeCssAnimations } from './support/time';

/** The features fixture's tabs, in order: key → label. */
const FEATURE_TABS = { shell: 'cURL', ruby: 'ruby', 'ruby--v2': 'Ruby v2', javascript: 'javascript' } as const;
type FeatureTab = keyof typeof FEATURE_TABS;

/** Exactly one language's blocks show: every block of `key`, none of the other tabs. */
async function expectOnlyLanguage(page: Page, key: string, keys: readonly string[] = Object.keys(FEATURE_TABS)) {
  await expectAllVisible(blocksOf(page, key));
  for (const other of keys.filter((k) => k !== key)) await expectAllHidden(blocksOf(page, other));
}

async function expectSelected(page: Page, label: string) {
  await expect(tab(page, label)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { selected: true })).toHaveCount(1);
}

test.describe('on the features fixture', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(siteUrl('features'));
  });

  test('exposes the tabs as an ARIA tablist with one selected tab and a roving tabindex', async ({ page }) => {
    const tablist = page.getByRole('tablist', { name: 'Code language' });
    await expect(tablist).toBeVisible();
    await expect(tablist.getByRole('tab')).toHaveText(Object.values(FEATURE_TABS));
    await expectSelected(page, 'cURL');
    await expect(tab(page, 'cURL')).toHaveAttribute('tabindex', '0');
    for (const label of ['ruby', 'Ruby v2', 'javascript']) {
      await expect(tab(page, label)).toHaveAttribute('aria-selected', 'false');
      await expect(tab(page, label)).toHaveAttribute('tabindex', '-1');
    }
  });

  test('switches every code block when a tab is clicked', async ({ page }) => {
    await expectOnlyLanguage(page, 'shell');
    await tab(page, 'ruby').click();
    await expectSelected(page, 'ruby');
    await expect(tab(page, 'ruby')).toHaveAttribute('tabindex', '0');
    await expect(tab(page, 'cURL')).toHaveAttribute('tabindex', '-1');
    await expectOnlyLanguage(page, 'ruby');
    await tab(page, 'javascript').click();
    await expectOnlyLanguage(page, 'javascript');
  });

  test('shows json and text blocks under every tab', async ({ page }) => {
    await expect(untabbedBlocks(page)).toHaveCount(4); // three json responses (one long) and the text block
    for (const label of Object.values(FEATURE_TABS)) {
      await tab(page, label).click();
      await expectSelected(page, label);
      await expectAllVisible(untabbedBlocks(page));
    }
  });

  test('moves and selects with ArrowRight, ArrowLeft, Home and End', async ({ page }) => {
    await tab(page, 'cURL').focus();
    const steps: Array<[string, string, FeatureTab]> = [
      ['ArrowRight', 'ruby', 'ruby'],
      ['ArrowRight', 'Ruby v2', 'ruby--v2'],
      ['ArrowLeft', 'ruby', 'ruby'],
      ['End', 'javascript', 'javascript'],
      ['ArrowRight', 'cURL', 'shell'], // wraps around
      ['ArrowLeft', 'javascript', 'javascript'], // and back
      ['Home', 'cURL', 'shell'],
    ];
    for (const [key, label, language] of steps) {
      await page.keyboard.press(key);
      await expect(tab(page, label), `${key} focuses ${label}`).toBeFocused();
      await expectSelected(page, label);
      await expect(tab(page, label)).toHaveAttribute('tabindex', '0');
      await expectOnlyLanguage(page, language);
    }
  });

  test('shows lang-specific elements only under their tabs', async ({ page }) => {
    const forRuby = page.getByText('Only for Ruby readers.');
    const forCurl = page.getByText('Only for cURL readers.');
    const expected: Record<string, [boolean, boolean]> = { cURL: [false, true], ruby: [true, false], 'Ruby v2': [true, false], javascript: [false, false] };
    for (const [label, [ruby, curl]] of Object.entries(expected)) {
      await tab(page, label).click();
      await expectSelected(page, label);
      await (ruby ? expect(forRuby).toBeVisible() : expect(forRuby).toBeHidden());
      await (curl ? expect(forCurl).toBeVisible() : expect(forCurl).toBeHidden());
    }
  });

  test('shows only ruby--v2 blocks under the Ruby v2 tab', async ({ page }) => {
    await tab(page, 'Ruby v2').click();
    await expectOnlyLanguage(page, 'ruby--v2');
    await expect(page.locator('pre', { hasText: 'Widgets::V2.list' })).toBeVisible();
    await expect(page.locator('pre', { hasText: /^Widget\.all$/ })).toBeHidden();
  });

  test('puts bash and js fences under the shell and javascript tabs', async ({ page }) => {
    const bash = page.locator('pre', { hasText: 'curl "https://api.example.com/widgets"' }).first();
    const js = page.locator('pre', { hasText: 'await widgets.list();' });
    await expect(bash).toBeVisible();
    await expect(js).toBeHidden();
    await tab(page, 'javascript').click();
    await expect(js).toBeVisible();
    await expect(bash).toBeHidden();
    await tab(page, 'ruby').click();
    await expect(js).toBeHidden();
    await expect(bash).toBeHidden();
  });
});

test('puts the language in the URL, keeping the hash and other parameters', async ({ page }) => {
  await page.goto(`${siteUrl('features')}?x=1#get-a-widget`);
  await expect(page.getByRole('heading', { name: 'Get a Widget' }).first()).toBeInViewport();
  await tab(page, 'ruby').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('language')).toBe('ruby');
  const url = new URL(page.url());
  expect(url.searchParams.get('x')).toBe('1');
  expect(url.hash).toBe('#get-a-widget');
});

test('keeps the chosen language on reload and on the next visit', async ({ page }) => {
  await page.goto(siteUrl('features'));
  await tab(page, 'javascript').click();
  await expectSelected(page, 'javascript');
  await page.reload();
  await expectSelected(page, 'javascript');
  await expectOnlyLanguage(page, 'javascript');
  // A visit without ?language comes from what the reader chose before (localStorage).
  await page.goto(siteUrl('features'));
  expect(new URL(page.url()).search).toBe('');
  await expectSelected(page, 'javascript');
  await expectOnlyLanguage(page, 'javascript');
});

test('replaces the bare ?ruby form with language= when another tab is chosen', async ({ page }) => {
  await page.goto(`${siteUrl('features')}?ruby`);
  await expectSelected(page, 'ruby');
  await tab(page, 'javascript').click();
  await expect.poll(() => new URL(page.url()).search).toBe('?language=javascript');
});

test('keeps working when storage is disabled', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${siteUrl('features')}?language=ruby`);
  await expectSelected(page, 'ruby');
  await tab(page, 'javascript').click();
  await expectOnlyLanguage(page, 'javascript');
  expect(errors).toEqual([]);
});

test.describe('on the default site', () => {
  const KEYS = ['shell', 'ruby', 'python', 'javascript'];

  test('opens ?language=python#errors on that section, in python', async ({ page }) => {
    await page.goto(`${siteUrl('default')}?language=python#errors`);
    await expectSelected(page, 'python');
    await expect(page.getByRole('heading', { level: 1, name: 'Errors' })).toBeInViewport();
    expect(await page.evaluate(() => location.hash)).toBe('#errors');
  });

  test('keeps the section being read in place when the language changes', async ({ page }) => {
    // The code above this section is longer or shorter in each language.
    await page.goto(`${siteUrl('default')}#refresh-the-bearer-token`);
    const heading = page.getByRole('heading', { name: 'Refresh the Bearer Token' });
    await expect(heading).toBeInViewport();
    const before = (await heading.boundingBox())!.y;
    for (const label of ['ruby', 'python', 'javascript', 'shell']) {
      await tab(page, label).click();
      await expectSelected(page, label);
      expect(Math.abs((await heading.boundingBox())!.y - before), label).toBeLessThanOrEqual(1);
    }
  });

  test('selects the language named by ?language= on load', async ({ page }) => {
    await page.goto(`${siteUrl('default')}?language=python`);
    await expectSelected(page, 'python');
    await expectOnlyLanguage(page, 'python', KEYS);
  });

  test('selects the language named by a bare ?python on load', async ({ page }) => {
    await page.goto(`${siteUrl('default')}?python`);
    await expectSelected(page, 'python');
    await expectOnlyLanguage(page, 'python', KEYS);
  });

  test('lets ?language= win over the stored choice', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await tab(page, 'ruby').click();
    await page.goto(`${siteUrl('default')}?language=javascript`);
    await expectSelected(page, 'javascript');
  });

  test('ignores a ?language= that is no tab', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${siteUrl('default')}?language=cobol`);
    await expectSelected(page, 'shell');
    await expectOnlyLanguage(page, 'shell', KEYS);
    // …and falls back to the stored choice, not to nothing.
    await tab(page, 'ruby').click();
    await page.goto(`${siteUrl('default')}?language=cobol`);
    await expectSelected(page, 'ruby');
    await expectOnlyLanguage(page, 'ruby', KEYS);
    expect(errors).toEqual([]);
  });

  test('restores the earlier language on Back and Forward', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await tab(page, 'ruby').click();
    await expectSelected(page, 'ruby');
    await tab(page, 'python').click();
    await expectSelected(page, 'python');

    await page.goBack();
    await expectSelected(page, 'ruby');
    await expectOnlyLanguage(page, 'ruby', KEYS);
    expect(new URL(page.url()).searchParams.get('language')).toBe('ruby');
    await page.goBack();
    await expectSelected(page, 'shell');
    await expectOnlyLanguage(page, 'shell', KEYS);
    await page.goForward();
    await expectSelected(page, 'ruby');
  });

  test('adds one history entry for arrow keys passing over the tabs, and keeps the last choice when Back reloads an older page', async ({ page }) => {
    await page.goto(`${siteUrl('default')}?language=shell`);
    await page.goto(siteUrl('default'));
    await tab(page, 'shell').focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
    await expectSelected(page, 'javascript');
    await page.keyboard.press('Tab');
    await page.goBack();
    // One step back: before the arrows, not through ruby and python.
    await expectSelected(page, 'shell');
    expect(new URL(page.url()).searchParams.get('language')).toBeNull();
    // Back to the page opened with ?language=shell: shown in shell, but not remembered as a new choice.
    await page.goBack();
    expect(new URL(page.url()).searchParams.get('language')).toBe('shell');
    await expectSelected(page, 'shell');
    expect(await page.evaluate(() => localStorage.getItem('language'))).toBe('javascript');
  });

  test('keeps the language when Back returns from a jump within the page', async ({ page }) => {
    await page.goto(siteUrl('default'));
    await tab(page, 'ruby').click();
    // A later visit: ruby comes from storage, the URL names no language.
    await page.goto(siteUrl('default'));
    await expectSelected(page, 'ruby');
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await toc.getByRole('link', { name: 'Errors' }).click();
    await expect(page).toHaveURL(/#errors$/);
    await toc.getByRole('link', { name: 'Introduction' }).click();
    await expect(page).toHaveURL(/#introduction$/);
    await page.goBack();
    await expect(page).toHaveURL(/#errors$/);
    await expectSelected(page, 'ruby');
    await expectOnlyLanguage(page, 'ruby', KEYS);
    await page.goForward();
    await expectSelected(page, 'ruby');
  });
});

test('never shows another language while the page loads', async ({ page }) => {
  // The reader chose ruby before; the HTML as served selects the first tab (shell).
  await page.addInitScript(() => {
    localStorage.setItem('language', 'ruby');
    const samples: Array<{ when: string; shell: boolean; ruby: boolean }> = [];
    (window as unknown as { samples: typeof samples }).samples = samples;
    const sample = (when: string) => {
      const shell = [...document.querySelectorAll('.code-block[data-tab="shell"]')];
      const ruby = [...document.querySelectorAll('.code-block[data-tab="ruby"]')];
      if (shell.length === 0 || document.styleSheets.length === 0) return;
      const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });
      samples.push({ when, shell: shell.some(visible), ruby: ruby.some(visible) });
    };
    const frame = () => {
      sample('frame');
      if (samples.length < 500) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener('DOMContentLoaded', () => sample('DOMContentLoaded'));
  });
  // Hold the script until the page has painted a few frames, as on a slow network. Meanwhile CSS
  // stands still: held code shows anyway after 3 s (code.css), which a busy machine could reach.
  await freezeCssAnimations(page);
  await page.route('**/_astro/*.js', async (route) => {
    await page.waitForFunction(() => (window as unknown as { samples?: unknown[] }).samples!.length >= 3);
    await route.continue();
  });
  await page.goto(siteUrl('features'));
  await expectSelected(page, 'ruby');
  await expectOnlyLanguage(page, 'ruby');
  const samples = await page.evaluate(() => (window as unknown as { samples: Array<{ when: string; shell: boolean; ruby: boolean }> }).samples);
  expect(samples.filter((s) => s.when === 'frame').length).toBeGreaterThanOrEqual(3);
  expect(samples.filter((s) => s.when === 'DOMContentLoaded')).toHaveLength(1);
  expect(
    samples.filter((s) => s.shell),
    'shell code was visible while loading',
  ).toEqual([]);
});

test.describe('a page with twenty tabs (tabs.html in the features fixture)', () => {
  const LANGUAGES = [
    'shell',
    'ruby',
    'python',
    'javascript',
    'typescript',
    'go',
    'java',
    'kotlin',
    'swift',
    'php',
    'csharp',
    'cpp',
    'c',
    'rust',
    'scala',
    'perl',
    'r',
    'dart',
    'elixir',
    'haskell',
  ];

  test('shows the code of any tab, the seventeenth and the twentieth too, and only that one', async ({ page }) => {
    await page.goto(`${siteUrl('features')}tabs.html`);
    await expect(page.getByRole('tablist', { name: 'Code language' }).getByRole('tab')).toHaveText(LANGUAGES);
    for (const language of ['shell', 'r', 'haskell', 'dart']) {
      await tab(page, language).click();
      await expectSelected(page, language);
      await expectOnlyLanguage(page, language, LANGUAGES);
      await expect(blocksOf(page, language)).toContainText(`(${language})`);
    }
  });

  test('keeps the chosen tab in view and marks the sides that hide tabs', async ({ page }) => {
    const tablist = page.getByRole('tablist', { name: 'Code language' });
    // Whether the tab lies wholly inside the bar's visible part (to the pixel: scrolling stops at whole pixels, tabs are not that round).
    const inView = (language: string) =>
      tab(page, language).evaluate((element) => {
        const box = element.getBoundingClientRect();
        const room = element.parentElement!.getBoundingClientRect();
        return box.left >= room.left - 1 && box.right <= room.right + 1;
      });
    await page.goto(`${siteUrl('features')}tabs.html`);
    await expect(tablist).toHaveAttribute('data-more-after', '');
    await expect(tablist).not.toHaveAttribute('data-more-before', '');
    expect(await inView('shell')).toBe(true);
    expect(await inView('haskell')).toBe(false);

    await page.goto(`${siteUrl('features')}tabs.html?language=haskell`);
    await expect(tablist).toHaveAttribute('data-more-before', '');
    await expect(tablist).not.toHaveAttribute('data-more-after', '');
    expect(await inView('haskell')).toBe(true);

    await tab(page, 'haskell').focus();
    await page.keyboard.press('Home');
    await expectSelected(page, 'shell');
    await expect.poll(() => inView('shell')).toBe(true);
    await expect(tablist).not.toHaveAttribute('data-more-before', '');
  });
});
