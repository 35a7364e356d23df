/**
 * `npm run bench`: builds deterministic Slate corpora of 50, 500 and 5,000 endpoints and GitHub's
 * REST API through Widdershins (made in the run: github-rest.ts), each beside Shins, and measures
 * the build, the heaviest page in headless Chromium, search and scrolling. Prints the tables and
 * writes them, with the machine they ran on, to BENCHMARKS.md. Medians of BENCH_RUNS runs (default
 * 3). BENCH_SIZES=50,500 limits the sizes (BENCH_SIZES= none); BENCH_GITHUB=0 leaves GitHub through
 * Widdershins out, BENCH_GITHUB_SPEC=0 GitHub built from its OpenAPI spec (github-spec.ts), and with
 * it Redoc's build-docs of the same spec (redoc.ts), measured beside it as the peer.
 * Benchmarks measure; they are not tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { COMMON_WORD, CORPUS_DESCRIPTION, generateCorpus, RARE_WORD } from './generate-corpus';
import { median } from './median';
import { referenceWork } from './reference-work';
import { measureBuild, measureProcess, outputBytes } from './measure-build';
import { launch, measureLoad, measureScroll, measureSearch, unfindable, type PageMeasurement } from './measure-browser';
import { editOneLine, githubSource, installTools, type BenchTools } from './github-rest';
import { editOneOperation, githubSpecSource, operationsInHtml } from './github-spec';
import { buildRedoc, measureRedoc, REDOC_LOAD_LIMIT_MS, type RedocBuild } from './redoc';
import { shinsArgs } from './shins';
import { measureDevReload, type DevMeasurement } from './measure-dev';
import { chromiumExecutable } from '../tests/e2e/support/chromium';

const SIZES = (process.env.BENCH_SIZES ?? '50,500,5000').split(',').filter(Boolean).map(Number);
/** BENCH_GITHUB=0 leaves out GitHub's REST API (about 3 minutes a run). */
const GITHUB = process.env.BENCH_GITHUB !== '0';
/** BENCH_GITHUB_SPEC=0 leaves out GitHub's REST API built from its spec (about 2 minutes a run). */
const GITHUB_SPEC = process.env.BENCH_GITHUB_SPEC !== '0';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WORK = path.resolve('.shale/bench');
const SHINS_NOTE =
  "2.6.0 (`node shins.js --root … index.html.md -o …`, installed on demand) builds each corpus by turns with Shale's cold builds, so each pair ran on the same machine at the same time.";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const percent = (share: number) => `${Math.round(share * 100)}%`;
const stolenNote = (share: number | undefined) => (share === undefined ? '' : `, ${percent(share)} of CPU stolen by the host`);
const ms = (value: number) => `${Math.round(value)} ms`;

interface Target {
  label: string;
  limit: number;
  value: (row: Row) => number | undefined;
  format: (value: number) => string;
  sizes?: number[];
}

interface Row {
  size: number;
  build: number;
  /** Shins (Slate's Node port) building the same source, run by turns with Shale's cold builds. */
  shins: number;
  /** Median of Shale's cold build over Shins', pair by pair. */
  shinsRatio: number;
  rebuild: number;
  peakRss: number;
  /** Median share of CPU time stolen by the host during the cold builds and rebuilds (undefined off Linux). */
  stolen?: number;
  bytes: ReturnType<typeof outputBytes>;
  deterministic: boolean;
  load: PageMeasurement;
  search?: { cachedMs: number; newWordsMs: number; firstMs: number; firstQueryBytes: number };
  scroll: number;
  /** `npm run dev`: an edit to one include until it shows in the browser (500 endpoints only). */
  dev?: DevMeasurement;
}

const TARGETS: Target[] = [
  { label: 'cold build ≤ 30 s (5,000)', limit: 30, value: (r) => r.build, format: (v) => `${v.toFixed(1)} s`, sizes: [5000] },
  { label: 'cold build ≤ 10 s (500)', limit: 10, value: (r) => r.build, format: (v) => `${v.toFixed(1)} s`, sizes: [500] },
  { label: 'peak memory ≤ 1.5 GB (5,000)', limit: 1.5 * 1024 ** 3, value: (r) => r.peakRss, format: mb, sizes: [5000] },
  { label: 'rebuild after one include ≤ 10 s', limit: 10, value: (r) => r.rebuild, format: (v) => `${v.toFixed(1)} s` },
  { label: 'first load ≤ 40 KB transferred', limit: 40 * 1024, value: (r) => r.load.bytes, format: kb },
  { label: 'first load ≤ 15 KB JavaScript', limit: 15 * 1024, value: (r) => r.load.jsBytes, format: kb },
  { label: 'DOMContentLoaded ≤ 300 ms', limit: 300, value: (r) => r.load.domContentLoaded, format: ms },
  { label: 'main thread settled ≤ 500 ms', limit: 500, value: (r) => r.load.settled, format: ms },
  { label: 'total blocking time ≤ 100 ms', limit: 100, value: (r) => r.load.totalBlockingTime, format: ms },
  { label: 'search results ≤ 150 ms (cached)', limit: 150, value: (r) => r.search?.cachedMs, format: ms },
  { label: 'first query fetches ≤ 200 KB', limit: 200 * 1024, value: (r) => r.search?.firstQueryBytes, format: kb },
  { label: 'no scroll task over 50 ms', limit: 50, value: (r) => r.scroll, format: ms },
  { label: 'dev reload ≤ 1 s (500)', limit: 1000, value: (r) => r.dev?.medianMs, format: ms, sizes: [500] },
  { label: 'cold build ≤ 2 × Shins (5,000)', limit: 2, value: (r) => r.shinsRatio, format: (v) => `${v.toFixed(2)} ×`, sizes: [5000] },
  {
    label: 'a common word typed key by key ≤ 150 ms after the last key (5,000)',
    limit: 150,
    value: (r) => r.search?.newWordsMs,
    format: ms,
    sizes: [5000],
  },
  { label: 'two builds byte-identical', limit: 0.5, value: (r) => (r.deterministic ? 0 : 1), format: (v) => (v ? 'no' : 'yes') },
];

function hashTree(dir: string): string {
  return execFileSync('sh', ['-c', `cd "${dir}" && find . -type f | sort | xargs sha1sum | sha1sum`], { encoding: 'utf8' }).trim();
}

function heaviestPage(dir: string): string {
  let best = { file: 'index.html', size: -1 };
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const size = fs.statSync(full).size;
        if (size > best.size) best = { file: path.relative(dir, full), size };
      }
    }
  };
  walk(dir);
  return best.file.split(path.sep).join('/');
}

function serve(dir: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve) => {
    const server = spawn(process.execPath, ['bin/serve.mjs', dir, String(port), '/'], { stdio: ['ignore', 'pipe', 'inherit'] });
    server.stdout!.once('data', () => resolve(server));
  });
}

/**
 * Makes the next build into `out` a cold one: no caches from earlier runs, and no site there. A site
 * left in `out` by the last bench (same seeded corpus, same sections) lent the "cold" build its
 * search shards whole (search/build/reuse.ts, through the manifests kept in `.shale/search-manifests`):
 * until 2026-12-05, some cold builds skipped Pagefind for some shards, and their index files were
 * those an older Shale wrote.
 */
function forgetCaches(out: string): void {
  for (const dir of ['node_modules/.astro', '.shale/astro', '.shale/cache', '.shale/search-manifests', out]) setAside(dir);
}

/**
 * Where forgetCaches moves what a cold build must not find; emptied when the bench starts and once
 * every build is measured. Moved, not deleted, because a fresh clone has deleted nothing: on ext4
 * without a journal (these machines' disk) Linux avoids reusing an inode freed in the last minute
 * or five, and a file created then scans past every one of them (`recently_deleted` in the kernel's
 * profile). Deleting the last build's 14,000 files right before the next cold build made each new
 * file cost up to half a millisecond of system time: the 5,000-endpoint build's Pagefind took 22.5
 * instead of 10 s of CPU, and the build 30–39 instead of 24 s. Shins writes one file and never
 * paid it.
 */
const SET_ASIDE = path.join(WORK, 'set-aside');
let setAsideCount = 0;

function setAside(dir: string): void {
  if (!fs.existsSync(dir)) return;
  fs.mkdirSync(SET_ASIDE, { recursive: true });
  try {
    fs.renameSync(dir, path.join(SET_ASIDE, String(setAsideCount++)));
  } catch {
    // Another disk: deleted after all.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const emptySetAside = () => fs.rmSync(SET_ASIDE, { recursive: true, force: true });

/** A Markdown table of figures: each line a label, then a value per column. */
function figureTable(columns: string | string[], lines: string[][]): string {
  const heads = [columns].flat();
  return [`| measure | ${heads.join(' | ')} |`, `| --- |${' --- |'.repeat(heads.length)}`, ...lines.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}

/** The figures of a built site and its heaviest page (GitHub through Widdershins). */
function siteFigures(row: {
  bytes: ReturnType<typeof outputBytes>;
  largestPage: { file: string; bytes: number };
  load: PageMeasurement;
}): Array<[string, string]> {
  return [
    ['output: HTML', mb(row.bytes.html)],
    ['output: search index', mb(row.bytes.search)],
    ['output: pages', String(row.bytes.pages)],
    ['largest page (HTML)', `${kb(row.largestPage.bytes)} (${row.largestPage.file})`],
    ['largest page: first load transferred', kb(row.load.bytes)],
    ['largest page: main thread settled', ms(row.load.settled)],
  ];
}

/**
 * RUNS cold builds of a Slate source, each followed by Shins building the same source (A B A B…:
 * pairs keep their ratio meaningful while the machine's speed drifts). Shins reads the same
 * `index.html.md` and `includes/`, and writes one HTML file.
 */
async function coldBuilds(source: string, label: string, shinsScript: string) {
  const builds: Array<{ seconds: number; rss: number; hash: string }> = [];
  const shins: number[] = [];
  const shinsRss: number[] = [];
  const stolen: number[] = [];
  let out = '';
  for (let run = 0; run < RUNS; run++) {
    out = path.join(WORK, `out-${label}-${run}`);
    forgetCaches(out);
    const result = await measureBuild({ SHALE_CONTENT: source, SHALE_OUT_DIR: out });
    if (!result.ok) throw new Error(`build of ${label} failed:\n${result.output}`);
    builds.push({ seconds: result.seconds, rss: result.peakRss, hash: hashTree(out) });
    if (result.stolen !== undefined) stolen.push(result.stolen);
    const theirs = await measureProcess(process.execPath, shinsArgs(shinsScript, source, WORK, label));
    if (!theirs.ok) throw new Error(`Shins failed on ${label}:\n${theirs.output}`);
    shins.push(theirs.seconds);
    shinsRss.push(theirs.peakRss);
    process.stdout.write(
      `  ${label}: cold build ${result.seconds.toFixed(1)} s, ${mb(result.peakRss)}${stolenNote(result.stolen)}; Shins ${theirs.seconds.toFixed(1)} s, ${mb(theirs.peakRss)}\n`,
    );
  }
  return { builds, shins, shinsRss, stolen, out };
}

async function benchSize(size: number, tools: BenchTools): Promise<Row> {
  const corpus = path.join(WORK, `corpus-${size}`);
  generateCorpus(corpus, size);
  const { builds, shins, stolen, out } = await coldBuilds(corpus, `${size}`, tools.shins);
  // A rebuild after editing one include, with the caches of the last build.
  const include = path.join(corpus, 'includes', '_group_0000.md');
  fs.appendFileSync(include, '\nOne more sentence, edited for the rebuild.\n');
  const rebuilds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    fs.appendFileSync(include, `\nEdit ${run}.\n`);
    // Into the last cold build's output, as a writer rebuilds into dist/: what is unchanged there is reused.
    const result = await measureBuild({ SHALE_CONTENT: corpus, SHALE_OUT_DIR: out });
    if (!result.ok) throw new Error(`rebuild of ${size} endpoints failed:\n${result.output}`);
    rebuilds.push(result.seconds);
    if (result.stolen !== undefined) stolen.push(result.stolen);
    process.stdout.write(`  ${size}: rebuild ${result.seconds.toFixed(1)} s${stolenNote(result.stolen)}\n`);
  }

  const port = 4600 + SIZES.indexOf(size);
  const server = await serve(out, port);
  const browser = await launch();
  const url = `http://127.0.0.1:${port}/${heaviestPage(out).replace(/index\.html$/, '')}`;
  const loads = [];
  const searches = [];
  const scrolls = [];
  for (let run = 0; run < RUNS; run++) {
    loads.push(await measureLoad(browser, url));
    searches.push(await measureSearch(browser, url, [RARE_WORD, COMMON_WORD]).catch((error) => (console.warn(`  search: ${error.message}`), undefined)));
    scrolls.push(await measureScroll(browser, url));
  }
  await browser.close();
  server.kill();
  // The dev server on the mid-size corpus, as a writer uses it (issue 5: an edit in the browser ≤ 1 s).
  const dev =
    size === 500
      ? await measureDevReload(corpus, Math.max(5, RUNS), (line) => process.stdout.write(`  ${size}: dev ${line}\n`)).catch((error: Error) => {
          console.warn(`  dev: ${error.message}`);
          return undefined;
        })
      : undefined;
  const okSearches = searches.filter((s): s is NonNullable<typeof s> => !!s);
  const pick = <T>(list: T[], key: keyof T) => median(list.map((item) => item[key] as number));
  return {
    size,
    build: median(builds.map((b) => b.seconds)),
    shins: median(shins),
    shinsRatio: median(builds.map((b, run) => b.seconds / shins[run]!)),
    rebuild: median(rebuilds),
    peakRss: median(builds.map((b) => b.rss)),
    stolen: stolen.length ? median(stolen) : undefined,
    bytes: outputBytes(out),
    deterministic: builds.every((b) => b.hash === builds[0]!.hash),
    load: medianLoad(loads),
    search: okSearches.length
      ? {
          cachedMs: pick(okSearches, 'cachedMs'),
          newWordsMs: pick(okSearches, 'newWordsMs'),
          firstMs: pick(okSearches, 'firstMs'),
          firstQueryBytes: pick(okSearches, 'firstQueryBytes'),
        }
      : undefined,
    scroll: median(scrolls),
    dev,
  };
}

interface GitHubRow {
  build: number;
  shins: number;
  shinsRatio: number;
  peakRss: number;
  shinsPeakRss: number;
  stolen?: number;
  rebuild: number;
  bytes: ReturnType<typeof outputBytes>;
  largestPage: { file: string; bytes: number };
  load: PageMeasurement;
  summaries: number;
  unfindable: string[];
}

/** GitHub's REST API through Widdershins (github-rest.ts), built by Shale and by Shins in the same run. */
async function benchGitHub(tools: BenchTools): Promise<GitHubRow> {
  const source = githubSource(WORK, tools.spec);
  const { builds, shins, shinsRss, stolen, out } = await coldBuilds(source.dir, 'github', tools.shins);
  // A rebuild after a writer's one-line edit, with the caches of the last build; the source is put back after.
  const file = path.join(source.dir, 'index.html.md');
  const original = fs.readFileSync(file, 'utf8');
  const rebuilds: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      editOneLine(file, run);
      const result = await measureBuild({ SHALE_CONTENT: source.dir, SHALE_OUT_DIR: out });
      if (!result.ok) throw new Error(`rebuild of GitHub's REST API failed:\n${result.output}`);
      rebuilds.push(result.seconds);
      process.stdout.write(`  github: rebuild after editing one line ${result.seconds.toFixed(1)} s\n`);
    }
  } finally {
    fs.writeFileSync(file, original);
  }

  const port = 4620;
  const server = await serve(out, port);
  const browser = await launch();
  const heaviest = heaviestPage(out);
  const loads = [];
  for (let run = 0; run < RUNS; run++) loads.push(await measureLoad(browser, `http://127.0.0.1:${port}/${heaviest.replace(/index\.html$/, '')}`));
  const worker = fs.readdirSync(path.join(out, '_astro')).find((name) => name.startsWith('search-worker-'));
  if (!worker) throw new Error('the GitHub site has no search worker');
  const missing = await unfindable(browser, `http://127.0.0.1:${port}/`, `/_astro/${worker}`, source.summaries);
  process.stdout.write(`  github: ${source.summaries.length - missing.length} of ${source.summaries.length} operation summaries found\n`);
  await browser.close();
  server.kill();
  return {
    build: median(builds.map((b) => b.seconds)),
    shins: median(shins),
    shinsRatio: median(builds.map((b, run) => b.seconds / shins[run]!)),
    peakRss: median(builds.map((b) => b.rss)),
    shinsPeakRss: median(shinsRss),
    stolen: stolen.length ? median(stolen) : undefined,
    rebuild: median(rebuilds),
    bytes: outputBytes(out),
    largestPage: { file: heaviest, bytes: fs.statSync(path.join(out, heaviest)).size },
    load: medianLoad(loads),
    summaries: source.summaries.length,
    unfindable: missing,
  };
}

interface GitHubSpecRow {
  build: number;
  peakRss: number;
  rebuild: number;
  bytes: ReturnType<typeof outputBytes>;
  largestPage: { file: string; bytes: number };
  load: PageMeasurement;
  operations: number;
  shown: number;
  /** Redoc's build-docs on the same spec (redoc.ts); undefined when it failed. */
  redoc?: RedocRow;
}

interface RedocRow extends RedocBuild {
  /** Medians of its page loads; undefined when one did not settle within REDOC_LOAD_LIMIT_MS. */
  load?: PageMeasurement;
}

/** Redoc's build-docs on GitHub's spec, then its page served and loaded as Shale's is (a comparison, no target). */
async function benchRedoc(spec: string): Promise<RedocRow> {
  const builds: RedocBuild[] = [];
  for (let run = 0; run < RUNS; run++) {
    const build = await buildRedoc(WORK, spec);
    builds.push(build);
    process.stdout.write(`  redoc: build-docs ${build.seconds.toFixed(1)} s, ${mb(build.peakRss)}, ${mb(build.bytes)} of HTML\n`);
  }
  const server = await serve(path.dirname(builds[0]!.file), 4622);
  const loads = await measureRedoc('http://127.0.0.1:4622/', RUNS).finally(() => server.kill());
  return {
    ...builds[0]!,
    seconds: median(builds.map((b) => b.seconds)),
    peakRss: median(builds.map((b) => b.peakRss)),
    load: loads && medianLoad(loads),
  };
}

/** GitHub's REST API from its spec (issue 17): cold builds, a rebuild after editing one operation, the heaviest page. */
async function benchGitHubSpec(tools: BenchTools): Promise<GitHubSpecRow> {
  const source = githubSpecSource(WORK, tools.spec);
  const builds: Array<{ seconds: number; rss: number }> = [];
  let out = '';
  for (let run = 0; run < RUNS; run++) {
    out = path.join(WORK, `out-github-spec-${run}`);
    forgetCaches(out);
    const result = await measureBuild({ SHALE_CONTENT: source.dir, SHALE_OUT_DIR: out });
    if (!result.ok) throw new Error(`build of GitHub's spec failed:\n${result.output}`);
    builds.push({ seconds: result.seconds, rss: result.peakRss });
    process.stdout.write(`  github spec: cold build ${result.seconds.toFixed(1)} s, ${mb(result.peakRss)}\n`);
  }
  const rebuilds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    editOneOperation(source.spec, run);
    const result = await measureBuild({ SHALE_CONTENT: source.dir, SHALE_OUT_DIR: out });
    if (!result.ok) throw new Error(`rebuild of GitHub's spec failed:\n${result.output}`);
    rebuilds.push(result.seconds);
    process.stdout.write(`  github spec: rebuild after editing one operation ${result.seconds.toFixed(1)} s\n`);
  }
  const heaviest = heaviestPage(out);
  const load = await medianLoadOf(out, 4621, heaviest);
  // The spec as installed: the copy Shale built has one summary edited by the rebuilds.
  const redoc = await benchRedoc(tools.spec).catch((error: Error) => (console.warn(`  redoc: ${error.message}`), undefined));
  return {
    build: median(builds.map((b) => b.seconds)),
    peakRss: median(builds.map((b) => b.rss)),
    rebuild: median(rebuilds),
    bytes: outputBytes(out),
    largestPage: { file: heaviest, bytes: fs.statSync(path.join(out, heaviest)).size },
    load,
    operations: source.operations,
    shown: operationsInHtml(out),
    redoc,
  };
}

/**
 * The default site (content/, the appointman API), first load of its page: issue 18 holds it to
 * 40 KB transferred and 15 KB of JavaScript, whatever publishing adds (404, llms.txt, card tags).
 */
async function benchDefaultSite(): Promise<PageMeasurement> {
  const out = path.join(WORK, 'out-default');
  const result = await measureBuild({ SHALE_CONTENT: 'content', SHALE_OUT_DIR: out });
  if (!result.ok) throw new Error(`the default site failed to build:\n${result.output}`);
  return medianLoadOf(out, 4623, 'index.html');
}

/** A page of a built site, served and loaded RUNS times in a fresh browser context each: the median. */
async function medianLoadOf(out: string, port: number, page: string): Promise<PageMeasurement> {
  const server = await serve(out, port);
  const browser = await launch();
  try {
    const loads = [];
    for (let run = 0; run < RUNS; run++) loads.push(await measureLoad(browser, `http://127.0.0.1:${port}/${page.replace(/index\.html$/, '')}`));
    return medianLoad(loads);
  } finally {
    await browser.close();
    server.kill();
  }
}

function defaultSiteVerdicts(load: PageMeasurement): string[] {
  const verdict = (met: boolean, label: string, value: string) => `- ${met ? 'met' : '**MISSED**'}: ${label} (the default site: ${value})`;
  return [
    verdict(load.bytes <= 40 * 1024, 'first load ≤ 40 KB transferred', kb(load.bytes)),
    verdict(load.jsBytes <= 15 * 1024, 'first load ≤ 15 KB JavaScript', kb(load.jsBytes)),
  ];
}

/** Shale's figures and, beside them, the peer's: Redoc's build-docs on the same spec (no target). */
function gitHubSpecTable(row: GitHubSpecRow): string {
  const { redoc } = row;
  const peer = (figure: (redoc: RedocRow) => string) => (redoc ? figure(redoc) : 'failed (see the log)');
  const peerLoad = (figure: (load: PageMeasurement) => string) =>
    peer((redoc) => (redoc.load ? figure(redoc.load) : `not settled within ${REDOC_LOAD_LIMIT_MS / 1000} s`));
  return figureTable(
    ['GitHub REST (from its spec)', 'peer: Redoc build-docs, same spec'],
    [
      ['cold build (wall)', `${row.build.toFixed(1)} s`, peer((r) => `${r.seconds.toFixed(1)} s`)],
      ['peak memory (RSS, all processes)', mb(row.peakRss), peer((r) => mb(r.peakRss))],
      ['rebuild after editing one operation', `${row.rebuild.toFixed(1)} s`, '–'],
      ['output: HTML', mb(row.bytes.html), peer((r) => mb(r.bytes))],
      ['output: search index', mb(row.bytes.search), '–'],
      ['output: pages', String(row.bytes.pages), '1'],
      [
        'largest page (HTML)',
        `${kb(row.largestPage.bytes)} (${row.largestPage.file})`,
        peer((r) => `${mb(r.bytes)}, ${mb(r.scriptBytes)} of it inline script`),
      ],
      ['largest page: first load transferred', kb(row.load.bytes), peerLoad((load) => kb(load.bytes))],
      ['largest page: JavaScript transferred as files', kb(row.load.jsBytes), peerLoad((load) => kb(load.jsBytes))],
      ['largest page: main thread settled', ms(row.load.settled), peerLoad((load) => ms(load.settled))],
      ['largest page: DOM nodes', String(Math.round(row.load.domNodes)), peerLoad((load) => String(Math.round(load.domNodes)))],
      ['operations in the static HTML', `${row.shown} of ${row.operations}`, '–'],
    ],
  );
}

function gitHubSpecVerdicts(row: GitHubSpecRow): string[] {
  const verdict = (met: boolean, label: string, value: string) => `- ${met ? 'met' : '**MISSED**'}: ${label} (GitHub REST from its spec: ${value})`;
  return [
    verdict(row.build <= 20, 'cold build ≤ 20 s', `${row.build.toFixed(1)} s`),
    verdict(row.peakRss <= 1.2 * 1024 ** 3, 'peak memory ≤ 1.2 GB', mb(row.peakRss)),
    verdict(row.rebuild <= 5, 'rebuild after editing one operation ≤ 5 s', `${row.rebuild.toFixed(1)} s`),
    verdict(row.shown === row.operations, 'every operation in static HTML', `${row.shown} of ${row.operations}`),
    verdict(row.load.bytes <= 150 * 1024, 'heaviest page loads ≤ 150 KB transferred', kb(row.load.bytes)),
    verdict(row.load.settled <= 300, 'heaviest page: main thread settled ≤ 300 ms', ms(row.load.settled)),
  ];
}

/** The median of each figure of several page loads. */
function medianLoad(loads: PageMeasurement[]): PageMeasurement {
  const of = (key: keyof PageMeasurement) => median(loads.map((load) => load[key]));
  return {
    bytes: of('bytes'),
    jsBytes: of('jsBytes'),
    domContentLoaded: of('domContentLoaded'),
    settled: of('settled'),
    totalBlockingTime: of('totalBlockingTime'),
    domNodes: of('domNodes'),
  };
}

function gitHubTable(row: GitHubRow): string {
  return figureTable('GitHub REST (Widdershins)', [
    ['cold build (wall)', `${row.build.toFixed(1)} s`],
    ['Shins, same source (wall)', `${row.shins.toFixed(1)} s`],
    ['cold build / Shins (pair by pair)', `${row.shinsRatio.toFixed(2)} ×`],
    ['peak memory (RSS, all processes)', mb(row.peakRss)],
    ['Shins: peak memory', mb(row.shinsPeakRss)],
    ['CPU time stolen by the host during builds', row.stolen === undefined ? 'n/a' : percent(row.stolen)],
    ['rebuild after editing one line', `${row.rebuild.toFixed(1)} s`],
    ...siteFigures(row),
    ['largest page: DOM nodes', String(Math.round(row.load.domNodes))],
    ['operation summaries found by search (first ten results)', `${row.summaries - row.unfindable.length} of ${row.summaries}`],
  ]);
}

function gitHubVerdicts(row: GitHubRow): string[] {
  const verdict = (met: boolean, label: string, value: string) => `- ${met ? 'met' : '**MISSED**'}: ${label} (GitHub REST: ${value})`;
  return [
    verdict(row.shinsRatio <= 1.5, 'cold build ≤ 1.5 × Shins', `${row.shinsRatio.toFixed(2)} ×, ${row.build.toFixed(1)} s against ${row.shins.toFixed(1)} s`),
    verdict(row.peakRss <= 1.5 * 1024 ** 3, 'peak memory ≤ 1.5 GB', mb(row.peakRss)),
    verdict(row.rebuild <= 10, 'rebuild after editing one line ≤ 10 s', `${row.rebuild.toFixed(1)} s`),
    verdict(
      row.unfindable.length === 0,
      'every operation summary findable',
      row.unfindable.length
        ? `not found: ${row.unfindable
            .slice(0, 5)
            .map((t) => `“${t}”`)
            .join(', ')}${row.unfindable.length > 5 ? ` and ${row.unfindable.length - 5} more` : ''}`
        : `${row.summaries} of ${row.summaries}`,
    ),
    verdict(row.largestPage.bytes <= 1024 * 1024, 'no page over 1 MB of HTML', kb(row.largestPage.bytes)),
    verdict(row.load.bytes <= 150 * 1024, 'heaviest page loads ≤ 150 KB transferred', kb(row.load.bytes)),
    verdict(row.load.settled <= 500, 'heaviest page: main thread settled ≤ 500 ms', ms(row.load.settled)),
  ];
}

function table(rows: Row[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const header = ['measure', ...rows.map((r) => `${r.size.toLocaleString('en')} endpoints`)];
  const body: Array<[string, (r: Row) => string]> = [
    ['cold build (wall)', (r) => `${r.build.toFixed(1)} s`],
    ['Shins, same source (wall)', (r) => `${r.shins.toFixed(1)} s`],
    ['cold build / Shins (pair by pair)', (r) => `${r.shinsRatio.toFixed(2)} ×`],
    ['rebuild after editing one include', (r) => `${r.rebuild.toFixed(1)} s`],
    ['peak memory (RSS, all processes)', (r) => mb(r.peakRss)],
    ['CPU time stolen by the host during builds (busy host when high)', (r) => (r.stolen === undefined ? 'n/a' : percent(r.stolen))],
    ['output: HTML', (r) => mb(r.bytes.html)],
    ['output: JS', (r) => kb(r.bytes.js)],
    ['output: CSS', (r) => kb(r.bytes.css)],
    ['output: search index', (r) => mb(r.bytes.search)],
    ['output: pages', (r) => String(r.bytes.pages)],
    ['two builds byte-identical', (r) => (r.deterministic ? 'yes' : 'no')],
    ['first load: transferred', (r) => kb(r.load.bytes)],
    ['first load: JavaScript transferred', (r) => kb(r.load.jsBytes)],
    ['DOMContentLoaded', (r) => ms(r.load.domContentLoaded)],
    ['main thread settled (end of last long task)', (r) => ms(r.load.settled)],
    ['total blocking time', (r) => ms(r.load.totalBlockingTime)],
    ['DOM nodes', (r) => String(Math.round(r.load.domNodes))],
    [`search: “${COMMON_WORD}” typed again → results (cached)`, (r) => (r.search ? ms(r.search.cachedMs) : 'n/a')],
    [`search: “${COMMON_WORD}” (a common word) typed key by key → results`, (r) => (r.search ? ms(r.search.newWordsMs) : 'n/a')],
    [`search: first query, “${RARE_WORD}” (in one include), engine + index`, (r) => (r.search ? ms(r.search.firstMs) : 'n/a')],
    ['search: bytes fetched by first query', (r) => (r.search ? kb(r.search.firstQueryBytes) : 'n/a')],
    ['scrolling: longest task', (r) => ms(r.scroll)],
    ['dev: include edit → browser', (r) => (r.dev ? ms(r.dev.medianMs) : 'n/a')],
  ];
  return [line(header), line(header.map(() => '---')), ...body.map(([label, cell]) => line([label, ...rows.map(cell)]))].join('\n');
}

function verdicts(rows: Row[]): string[] {
  const lines: string[] = [];
  for (const target of TARGETS) {
    for (const row of rows) {
      if (target.sizes && !target.sizes.includes(row.size)) continue;
      if (!target.sizes && row.size !== Math.max(...rows.map((r) => r.size))) continue;
      const value = target.value(row);
      if (value === undefined) {
        lines.push(`- ${target.label}: not measured`);
        continue;
      }
      lines.push(`- ${value <= target.limit ? 'met' : '**MISSED**'}: ${target.label} (${row.size.toLocaleString('en')} endpoints: ${target.format(value)})`);
    }
  }
  return lines;
}

function machine(): string {
  const cpus = os.cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chromiumExecutable() ?? 'chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* not installed */
  }
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, ${chromium}`;
}

// Left by a bench that did not finish: deleted before the first measurement, not between two.
emptySetAside();
const referenceBefore = referenceWork();
console.log(`Reference work: ${ms(referenceBefore)} (bench/reference-work.ts; lower is a faster machine)`);
const tools = installTools(WORK);
const rows: Row[] = [];
for (const size of SIZES) {
  console.log(`Benchmarking ${size} endpoints (${RUNS} runs)…`);
  rows.push(await benchSize(size, tools));
}
let github: GitHubRow | undefined;
if (GITHUB) {
  console.log(`Benchmarking GitHub's REST API through Widdershins (${RUNS} runs)…`);
  github = await benchGitHub(tools);
}
let githubSpec: GitHubSpecRow | undefined;
if (GITHUB_SPEC) {
  console.log(`Benchmarking GitHub's REST API from its OpenAPI spec (${RUNS} runs)…`);
  githubSpec = await benchGitHubSpec(tools);
}
console.log('Benchmarking the default site…');
const defaultLoad = await benchDefaultSite();
emptySetAside();
const referenceAfter = referenceWork();
const figures = [
  ...(rows.length ? [`Generated corpora (bench/generate-corpus.ts, seeded): ${CORPUS_DESCRIPTION} Shins ${SHINS_NOTE}`, '', table(rows), ''] : []),
  ...(github
    ? [
        "GitHub's REST API (npm `@octokit/openapi` 23.0.2, 1,223 operations) through Widdershins 4.0.1 with `--language_tabs shell:Shell ruby:Ruby python:Python javascript:JavaScript --summary`: one 19.5 MB `index.html.md`, made in the bench run (bench/github-rest.ts). The browser loads its largest page; every operation's summary is searched through the site's own search worker.",
        '',
        gitHubTable(github),
        '',
      ]
    : []),
  ...(githubSpec
    ? [
        "GitHub's REST API from its spec (`@octokit/openapi` 23.0.2, 13 MB of JSON) named by one page's `openapi:` (bench/github-spec.ts); the rebuild follows an edit of one operation's summary. Beside it, for comparison (no target), Redocly CLI 2.77.0's `build-docs --inlineBundle` (Redoc 3) on the same spec: one self-contained HTML file, served and loaded as Shale's pages are (bench/redoc.ts).",
        '',
        gitHubSpecTable(githubSpec),
        '',
      ]
    : []),
];
const allVerdicts = [
  ...(rows.length ? verdicts(rows) : []),
  ...(github ? gitHubVerdicts(github) : []),
  ...(githubSpec ? gitHubSpecVerdicts(githubSpec) : []),
  ...defaultSiteVerdicts(defaultLoad),
];
const report = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine()}.`,
  `The machine's speed meanwhile: a fixed piece of CPU work (bench/reference-work.ts, one core) took ${ms(referenceBefore)} before the builds and ${ms(referenceAfter)} after them; compare it between runs before comparing the figures.`,
  `Medians of ${RUNS} runs. The browser loads the heaviest page at 1440×900 from a local gzip static server.`,
  '',
  ...figures,
  '## Targets (issues 5, 16, 17 and 18)',
  '',
  ...allVerdicts,
  '',
].join('\n');
// The diary below the figures (what was measured and tried, and why) is the team's: kept as it is.
const DIARY = '\n## Diary\n';
const previous = fs.existsSync('BENCHMARKS.md') ? fs.readFileSync('BENCHMARKS.md', 'utf8') : '';
const diary = previous.includes(DIARY) ? previous.slice(previous.indexOf(DIARY)) : '';
fs.writeFileSync('BENCHMARKS.md', `${report.trimEnd()}\n${diary}`);
console.log(`\n${figures.join('\n')}\n${allVerdicts.join('\n')}\n\nWritten to BENCHMARKS.md`);
