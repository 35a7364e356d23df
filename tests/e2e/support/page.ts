import { expect, type Locator, type Page } from '@playwright/test';

/** The page's bounding box of a locator, failing clearly when the element is not rendered. */
export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const rect = await locator.boundingBox();
  if (!rect) throw new Error(`${locator} has no box (not rendered)`);
  return rect;
}

/** The colour the screen shows at a point of the viewport, read from a real screenshot. */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, png.toString('base64'));
}

/** WCAG relative luminance of an sRGB colour (0 = black, 1 = white). */
export function luminance([r, g, b]: readonly number[]): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: readonly number[], b: readonly number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** `rgb(1, 2, 3)` / `rgba(1, 2, 3, 1)` → [1, 2, 3]. */
export function parseRgb(css: string): [number, number, number] {
  const match = css.match(/rgba?\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)/);
  if (!match) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Code blocks of one tab key (`data-tab`), e.g. every `shell` block on the page. */
export const blocksOf = (page: Page, tab: string) => page.locator(`.code-block[data-tab="${tab}"]`);

/** Code blocks of languages that are no tab (json, text): they show under every tab. */
export const untabbedBlocks = (page: Page) => page.locator('.code-block:not([data-tab-index])');

/** The language tab with this accessible name. */
export const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

/** Whether each element of the locator is rendered visibly (displayed, not visibility:hidden, with a box). */
export const visibilities = (locator: Locator) =>
  locator.evaluateAll((elements) => elements.map((element) => element.checkVisibility({ visibilityProperty: true }) && element.getClientRects().length > 0));

/** Every element of the locator is hidden (display:none or visibility:hidden), and there is at least one. */
export async function expectAllHidden(locator: Locator): Promise<void> {
  await expect.poll(() => visibilities(locator), `all hidden: ${locator}`).toEqual(expect.arrayContaining([false]));
  await expect.poll(() => visibilities(locator), `all hidden: ${locator}`).not.toContain(true);
}

/** Every element of the locator is visible, and there is at least one. */
export async function expectAllVisible(locator: Locator): Promise<void> {
  await expect.poll(() => visibilities(locator), `all visible: ${locator}`).toEqual(expect.arrayContaining([true]));
  await expect.poll(() => visibilities(locator), `all visible: ${locator}`).not.toContain(false);
}

/** Scrolls the window so the element's top is at the given viewport y, and waits until it is there. */
export async function scrollElementTo(page: Page, selector: string, y = 120): Promise<void> {
  await page.evaluate(
    ([sel, top]) => {
      const element = document.querySelector(sel as string)!;
      window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top - (top as number));
    },
    [selector, y] as const,
  );
}
