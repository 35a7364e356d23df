import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errors } from '@playwright/test';
import { installPackages } from './github-rest';
import { measureProcess } from './measure-build';
import { launch, measureLoad, type PageMeasurement } from './measure-browser';

/**
 * Redoc beside Shale on GitHub's spec (issue 17 asks for "Redoc's `build-docs` output for the same
 * spec (page weight, time to usable) measured in the same run"). Redoc is the peer a team with an
 * OpenAPI description reaches for: Redocly's CLI `build-docs` writes one HTML file with the whole
 * description and Redoc's script inlined; it prerenders the overview (Redoc 3), and the browser
 * draws the operations from the description. A comparison, not a target: the bench gives it no
 * verdict. The CLI is installed on demand into a folder of its own beside the bench's other tools:
 * in their manifest it would change the stamp of the Slate source that Widdershins writes, and the
 * bench would write it again.
 */
const REDOCLY_CLI = { '@redocly/cli': '2.77.0' };

/** A load of Redoc's page that has not settled by then is reported as such, not waited for. */
export const REDOC_LOAD_LIMIT_MS = 120_000;

export interface RedocBuild {
  /** The HTML file build-docs wrote (it is the whole site). */
  file: string;
  seconds: number;
  peakRss: number;
  /** The file's size on disk. */
  bytes: number;
  /** Of those, the bytes inside its `<script>` elements: Redoc's code and the description it draws. */
  scriptBytes: number;
}

/** `redocly build-docs` on `spec` into `work/redoc/index.html`, timed and its memory sampled as Shale's builds are. */
export async function buildRedoc(work: string, spec: string): Promise<RedocBuild> {
  const tools = path.join(work, 'tools', 'redoc');
  installPackages(tools, REDOCLY_CLI);
  const out = path.join(work, 'redoc');
  fs.rmSync(out, { recursive: true, force: true });
  const file = path.join(out, 'index.html');
  // --inlineBundle: Redoc's script goes into the file instead of being loaded from Redocly's CDN,
  // so the one file is the whole site (and this machine cannot reach the CDN).
  const result = await measureProcess(
    process.execPath,
    [path.join(tools, 'node_modules/@redocly/cli/bin/cli.js'), 'build-docs', spec, '-o', file, '--inlineBundle'],
    { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
  );
  if (!result.ok) throw new Error(`Redoc's build-docs failed:\n${result.output}`);
  const html = fs.readFileSync(file, 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, match) => sum + Buffer.byteLength(match[1]!), 0);
  return { file, seconds: result.seconds, peakRss: result.peakRss, bytes: Buffer.byteLength(html), scriptBytes: scripts };
}

/**
 * `runs` first loads of Redoc's page at `url` in a browser of its own; undefined when a load has not
 * settled within REDOC_LOAD_LIMIT_MS (the browser is closed then, and the page with it).
 */
export async function measureRedoc(url: string, runs: number): Promise<PageMeasurement[] | undefined> {
  const browser = await launch();
  try {
    const loads: PageMeasurement[] = [];
    for (let run = 0; run < runs; run++) {
      const stop = new AbortController();
      const limit = sleep(REDOC_LOAD_LIMIT_MS, undefined, { signal: stop.signal }).catch(() => undefined);
      const load = await Promise.race([
        measureLoad(browser, url, REDOC_LOAD_LIMIT_MS).catch((error: Error) => {
          if (error instanceof errors.TimeoutError) return undefined;
          throw error;
        }),
        limit,
      ]);
      stop.abort();
      if (!load) return undefined;
      loads.push(load);
    }
    return loads;
  } finally {
    await browser.close();
  }
}
