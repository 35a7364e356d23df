import { expect, type Page } from '@playwright/test';

/**
 * No test's verdict may depend on the machine's speed. A test that races a page's timer (the search
 * box's typing pause, the copy button's "Copied") stops the page's clock instead and moves it on itself.
 */

/** Any fixed moment: the pages show no dates. */
const START = Date.UTC(2025, 0, 1);

/**
 * Installs Playwright's fake clock, stopped, before the page loads (call it before `page.goto`): the
 * page's timers fire only when the test moves the clock on with `page.clock.runFor(ms)`, however
 * long the test's steps take. Only the page's own timers, Date and requestAnimationFrame are faked:
 * the search worker (Pagefind), the network and CSS run in real time, so wait for their results
 * with auto-retrying expects.
 */
export async function stopClock(page: Page): Promise<void> {
  await page.clock.install({ time: START });
  // Installed, the clock runs in real time until paused; pausing cannot go back, so a minute on.
  // Each new document of the page starts paused at that moment.
  await page.clock.pauseAt(START + 60_000);
}

/**
 * Stops CSS animations and transitions for the page and every document it opens (Chromium's
 * document timeline, through the DevTools protocol; the fake clock does not reach CSS). For a test
 * of what shows before a script runs, where a timed CSS fallback must not fire because the machine is slow.
 */
export async function freezeCssAnimations(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Animation.enable');
  await session.send('Animation.setPlaybackRate', { playbackRate: 0 });
}

/** Waits until no CSS animation or transition runs (the navigation has finished sliding in or out). */
export async function animationsSettled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length), 'running CSS animations')
    .toBe(0);
}
