/**
 * `npm run dev` on a corpus: how long an edit to one include takes to reach the browser. Starts the
 * dev server on a free port, opens the page that shows the include in Chromium, changes the text of
 * one of its h2 headings, and times from the write until the new text is on screen (the dev server
 * reloads the page). The include is restored and the dev server stopped afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launch } from './measure-browser';
import { median } from './median';

export interface DevMeasurement {
  /** ms from starting `npm run dev` until the page answered. */
  startMs: number;
  /** ms from writing the include until the new heading text was visible, one per edit. */
  reloads: number[];
  /** Median of `reloads`. */
  medianMs: number;
  /** Median ms from writing the include until the browser started loading the page again (the server's part). */
  medianToNavigationMs: number;
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls the URL until it answers 200 (the dev server renders the page on the first request). */
async function waitForPage(url: string, server: ChildProcess, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm run dev exited with ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Runs in every document of the page before its own scripts (see measureDevReload). */
const SEE_HEADING = () => {
  const expected = localStorage.getItem('bench-dev-expect');
  if (!expected) return;
  const look = () => {
    if (localStorage.getItem('bench-dev-seen')) return true;
    const found = [...document.querySelectorAll('h1, h2, h3')].some((heading) => heading.textContent?.trim() === expected);
    if (found) {
      requestAnimationFrame(() => {
        const at = performance.timeOrigin + performance.now();
        localStorage.setItem('bench-dev-seen', JSON.stringify({ at, navigation: performance.timeOrigin }));
      });
    }
    return found;
  };
  const observer = new MutationObserver(() => look() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true });
};

/** Waits until the page noted the heading (its own timestamps), across the reloads in between. */
async function waitForSeen(page: Page, timeoutMs: number): Promise<{ at: number; navigation: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const seen = await page.evaluate(() => localStorage.getItem('bench-dev-seen')).catch(() => null); // Mid-navigation.
    if (seen) return JSON.parse(seen) as { at: number; navigation: number };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the edited heading did not show within ${timeoutMs} ms`);
}

/** Stops the dev server and everything it started (npm → astro → esbuild): the whole process group. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    return; // Already gone.
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Measures `npm run dev` on the content folder `corpus` (a generated bench corpus: includes/_group_0000.md
 * starts with an h1 and holds h2 headings). `edits` edits, each timed; the median is reported.
 */
export async function measureDevReload(corpus: string, edits = 5, log: (line: string) => void = () => {}): Promise<DevMeasurement> {
  const include = path.join(corpus, 'includes', '_group_0000.md');
  const original = fs.readFileSync(include, 'utf8');
  const h1 = /^# (.+)$/m.exec(original)?.[1];
  const h2 = /^## (.+)$/m.exec(original)?.[1];
  if (!h1 || !h2) throw new Error(`${include} has no h1 and h2 to edit`);

  const port = await freePort();
  const started = Date.now();
  // Its own process group (detached), so stop() ends npm and every process below it.
  const server = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: path.resolve(path.dirname(new URL(import.meta.url).pathname), '..'),
    env: { ...process.env, SHALE_CONTENT: corpus, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  // BENCH_DEV_LOG=1 shows what the dev server prints, to find out where the time goes.
  const collect = (chunk: string) => {
    output += chunk;
    if (process.env.BENCH_DEV_LOG) process.stderr.write(chunk);
  };
  server.stdout!.setEncoding('utf8').on('data', collect);
  server.stderr!.setEncoding('utf8').on('data', collect);
  const browser = await launch();
  try {
    const root = `http://127.0.0.1:${port}/`;
    const home = await waitForPage(root, server, 180_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-2000)}`);
    });
    const startMs = Date.now() - started;
    // The page that holds the include: the TOC entry of its h1 (another page when the docs are split).
    const link = [...home.matchAll(/<a class="toc-link toc-h1" href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].find((match) => match[2] === h1);
    const file = link?.[1]?.split('#')[0] ?? '';
    const url = new URL(file, root).href;
    log(`dev server up in ${startMs} ms; measuring on ${url}`);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Each document the page loads watches for the heading text asked for (localStorage) and notes
    // when the frame that shows it starts (epoch ms, the clock Date.now() reads here). Timed in the
    // page, not by polling from here: a poll restarted by the reload would add its own wait.
    await page.addInitScript(SEE_HEADING);
    await page.goto(url, { waitUntil: 'load' });
    await page.getByRole('heading', { name: h2, exact: true }).first().waitFor();

    const reloads: number[] = [];
    const toNavigation: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const text = `${h2} edited ${edit}`;
      await page.evaluate((expected) => {
        localStorage.setItem('bench-dev-expect', expected);
        localStorage.removeItem('bench-dev-seen');
      }, text);
      const start = Date.now();
      fs.writeFileSync(include, original.replace(`## ${h2}`, `## ${text}`));
      const seen = await waitForSeen(page, 60_000);
      reloads.push(Math.round(seen.at - start));
      toNavigation.push(Math.round(seen.navigation - start));
      log(`edit ${edit}: ${reloads.at(-1)} ms (the page began to reload after ${toNavigation.at(-1)} ms)`);
    }
    return { startMs, reloads, medianMs: median(reloads), medianToNavigationMs: median(toNavigation) };
  } finally {
    fs.writeFileSync(include, original);
    await browser.close();
    await stop(server);
  }
}
