import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { ENGINE_CACHE } from './recompress';
import { recordDocument } from './record-document';
import { SearchIndexError, sectionRecords, type SectionRecord } from './records';
import { recordDigest, type IndexReuse } from './reuse';
import { shardCount, shardOf, SHARDS_FILE, type ShardList } from './shards';
import { clearShardFolder, endpointsJson, indexSections, ShardClaims, writeClaimedShards, writeShardList, writeShards, type ShardSet } from './write-shards';
import type { IndexShardsTask, IndexWorkerTask } from './index-worker';
import { WorkerPool } from '../../workers/pool';
import { PrestartedWorker } from '../../workers/prestarted';
import { ENDPOINTS_FILE } from '../shared/endpoint-match';

/** The folder of the index inside the site; the browser loads `<base>pagefind/pagefind.js`. */
export const SEARCH_FOLDER = 'pagefind';

/** Pagefind's ready-made UIs and its debugging aid: Shale has its own box, so they are not published. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** A built page, as the indexer reads it. */
export interface BuiltPage {
  /** Path relative to the site root, with `/`: `index.html`, `v3/index.html`. */
  outputPath: string;
  html: string;
}

/**
 * Every page of a built site, in a stable order. A page's HTML is read when asked for: the pages
 * whose sections were indexed while rendering are not read again (501 pages at 5,000 endpoints).
 */
function readBuiltPages(siteDir: string): BuiltPage[] {
  return fs
    .readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith(`${SEARCH_FOLDER}/`))
    .sort()
    .map((outputPath) => ({
      outputPath,
      get html() {
        return fs.readFileSync(path.join(siteDir, outputPath), 'utf8');
      },
    }));
}

/** What went into an index. */
export interface IndexSummary {
  pages: number;
  records: number;
}

/**
 * Builds the search index of the pages that want search, one Pagefind record per section, and
 * returns its files (paths relative to the index folder). Resolves to `undefined` when no page
 * wants search. Throws a SearchIndexError when Pagefind reports a problem or nothing could be
 * indexed: a box that finds nothing must never ship. `known` holds records already made while
 * rendering (Markdown pages): those pages are not parsed again.
 */
export async function buildSearchIndex(pages: BuiltPage[], known: ReadonlyMap<string, SectionRecord[]> = new Map()): Promise<BuiltIndex | undefined> {
  // Kept in memory (for `npm run dev`): one index, there is no previous one to reuse shards of.
  return finish(startSearchIndex(known, { sectionsPerShard: Number.MAX_SAFE_INTEGER }), pages, new Set(pages.map((page) => page.outputPath)));
}

type BuiltIndex = { files: Map<string, Uint8Array>; summary: IndexSummary };
let queue: Promise<unknown> = Promise.resolve();

interface IndexState extends ShardSet {
  /** How many shards the sections are spread over: fixed when the index starts. */
  count: number;
  /** The folder the index was written to early (see `startSearchIndex`), once written. */
  written?: string;
}

/** An index being built: Pagefind runs in its own process, beside the rest of the build. */
export interface PendingIndex {
  ready: Promise<IndexState>;
  /** The pages whose sections were handed over (only their names are kept: the records can go). */
  known: ReadonlySet<string>;
  release: () => void;
  reuse?: IndexReuse;
  /**
   * Called once the pages are built, when this thread has nothing else to do: writes the shards the
   * index worker has not taken yet, last first, with this thread's own Pagefind service.
   */
  help?: () => Promise<void>;
}

/** How an index is started (see `startSearchIndex`). */
export interface IndexStart {
  /** Where to write the index right away, when the known records are every section there is to index. */
  writeTo?: string;
  /** The published index, whose unchanged shards and fragment files are reused. */
  reuse?: IndexReuse;
  /** Sections per shard (shards.ts). */
  sectionsPerShard?: number;
  /** The version of Shale's code (part-cache.ts): given, the early index is written by a worker thread. */
  workerVersion?: string;
}

/**
 * Starts an index with the records made while rendering. Given `writeTo` (when those records are
 * every section there is to index: no MDX page wants search), Pagefind indexes them and writes the
 * index there right away, while Astro builds the pages (Pagefind's service is its own process: it
 * uses the second core), instead of after the pages are built.
 * Given `reuse`, each shard is reused whole from the previous index when its sections did not
 * change, else written with the previous shard's unchanged fragments (search-reuse.ts).
 * The number of shards follows from the sections known here (`sectionsPerShard` each): an MDX
 * page's sections are known only once it is built, and join the shards there are.
 * Pagefind runs one service per process and `close()` ends it: indexes are built one at a time on
 * this thread (a worker's service is its own).
 */
export function startSearchIndex(known: ReadonlyMap<string, SectionRecord[]>, start: IndexStart = {}): PendingIndex {
  const { writeTo, reuse, sectionsPerShard, workerVersion } = start;
  let release!: () => void;
  const turn = queue.then(() => undefined);
  queue = new Promise<void>((resolve) => (release = resolve));
  let sections = 0;
  let text = 0;
  for (const records of known.values()) {
    sections += records.length;
    for (const record of records) text += record.title.length + record.prose.length + record.code.length;
  }
  const state: IndexState = { count: shardCount(sections, text, sectionsPerShard), shards: new Map(), problems: [], endpoints: [] };
  addPages(state, known);
  // Written by the index worker: the shards this thread takes once the pages are built (`help`).
  let helping: Promise<void> | undefined;
  let help: (() => Promise<void>) | undefined;
  const write = async () => {
    if (!writeTo || sections === 0) return;
    if (workerVersion) {
      const numbers = clearShardFolder(state, writeTo);
      const claims = new ShardClaims(numbers.length);
      help = () => (helping ??= turn.then(() => writeClaimedShards(state, writeTo, reuse, claims, [...numbers].reverse())));
      state.problems.push(...(await writeShardsInWorker(state, writeTo, reuse, workerVersion, claims)));
      await helping;
      writeShardList(state, writeTo);
    } else await writeShards(state, writeTo, reuse);
    state.written = writeTo;
  };
  // A worker has its own Pagefind service: it starts now, without waiting for this thread's turn.
  const ready = workerVersion ? Promise.all([turn, write()]).then(() => state) : turn.then(write).then(() => state);
  // Awaited only once Astro has built the pages (indexSite): a failure before then is reported there,
  // in the build's one report, not by Node as an unhandled rejection that ends the process first.
  ready.catch(() => undefined);
  return { ready, known: new Set(known.keys()), release, reuse, help: () => help?.() ?? Promise.resolve() };
}

/**
 * Writes the shards from a worker thread. Pagefind's service reads its documents through a pipe
 * that only the calling thread's event loop fills, and while Astro builds every page this thread is
 * busy for seconds at a time: a cold build of GitHub's API through Widdershins waited 9–15 s for
 * Pagefind after Astro had finished; from a worker, Pagefind was done within a second of it.
 */
async function writeShardsInWorker(set: ShardSet, folder: string, reuse: IndexReuse | undefined, version: string, claims: ShardClaims): Promise<string[]> {
  const pool = await (prestarted.take(version) ?? startIndexWorker(version));
  try {
    return (await pool.run({ shards: [...set.shards], claims: claims.buffer, folder, reuse, engineCache: ENGINE_CACHE })) ?? [];
  } finally {
    await pool.close();
  }
}

const startIndexWorker = (version: string) =>
  WorkerPool.start<IndexWorkerTask, string[] | undefined>(new URL('./index-worker.ts', import.meta.url), version, { size: 1 });

/** The index worker started ahead of its task (prestartIndexWorker), until a task takes it. */
const prestarted = new PrestartedWorker<IndexShardsTask, string[]>(new URL('./index-worker.ts', import.meta.url));

/**
 * Starts the index worker and its Pagefind service now, on the second core, for an index started
 * later in this process (a quick rebuild's, which waits for nothing else at its end): the worker's
 * start and the service's (about half a second) then pass while this thread checks the content.
 * A pool no index takes must be let go (`dropPrestartedIndexWorker`): a live worker keeps Node running.
 */
export const prestartIndexWorker = (version: string): void => prestarted.start(version);

/** Ends the worker prestartIndexWorker started, if no index took it. */
export const dropPrestartedIndexWorker = (): Promise<void> => prestarted.drop();

/** Makes the documents Pagefind indexes from pages' sections and puts each page's in its shard. */
function addPages(state: IndexState, pages: Iterable<[string, SectionRecord[]]>): void {
  for (const [outputPath, records] of pages) {
    if (records.length === 0) continue;
    const number = shardOf(outputPath, state.count);
    const shard = state.shards.get(number) ?? { documents: [], indexed: [] };
    state.shards.set(number, shard);
    for (const record of records) {
      const document = recordDocument(record);
      shard.documents.push(document);
      shard.indexed.push({ url: record.url, language: record.language, digest: recordDigest(record.url, document) });
      const endpoint = record.endpoint && /^(\S+) (\S.*)$/.exec(record.endpoint);
      if (endpoint)
        state.endpoints.push({ method: endpoint[1]!, path: endpoint[2]!, url: record.url, title: record.title, parent: record.parent, doc: record.doc });
    }
  }
}

/**
 * Adds the pages not indexed yet (read from their HTML), then returns the index's files, or, given
 * `folder`, has Pagefind write them there itself (much faster for thousands of sections).
 */
async function finish(pending: PendingIndex, pages: BuiltPage[], wanted: ReadonlySet<string>, folder?: string): Promise<BuiltIndex | undefined> {
  try {
    await pending.help?.();
    const state = await pending.ready;
    // The pages whose sections were handed over, and the other pages that want search (MDX pages,
    // known only once built): those are read.
    const fresh = pages
      .filter((page) => !pending.known.has(page.outputPath) && wanted.has(page.outputPath))
      .map((page) => ({ outputPath: page.outputPath, html: page.html }));
    const searchable = [...pages.filter((page) => pending.known.has(page.outputPath)), ...fresh];
    if (searchable.length === 0) return undefined;
    addPages(
      state,
      fresh.map((page): [string, SectionRecord[]] => [page.outputPath, sectionRecords(page.html, page.outputPath)]),
    );
    const records = [...state.shards.values()].reduce((sum, shard) => sum + shard.indexed.length, 0);
    if (records === 0) {
      const names = searchable.map((page) => page.outputPath).join(', ');
      throw new SearchIndexError(`${names} has \`search: true\` but nothing to index: add a heading with some text, or set \`search: false\`.`);
    }
    const summary = { pages: searchable.length, records };
    if (folder) {
      if (state.written && fresh.length === 0) {
        // Written while Astro built the pages, from every record there is: move it into the site.
        fs.rmSync(folder, { recursive: true, force: true });
        fs.renameSync(state.written, folder);
      } else {
        await writeShards(state, folder, pending.reuse);
      }
      if (state.problems.length) throw new SearchIndexError(`Pagefind failed:\n  ${state.problems.join('\n  ')}`);
      for (const file of fs.readdirSync(folder)) if (UNUSED_FILES.test(file)) fs.rmSync(path.join(folder, file));
      if (!fs.existsSync(path.join(folder, 'pagefind.js'))) throw new SearchIndexError('Pagefind wrote no pagefind.js.');
      return { files: new Map(), summary };
    }
    return { files: await indexFiles(state), summary };
  } finally {
    await pagefind.close();
    pending.release();
    const { written } = await pending.ready.catch(() => ({ written: undefined }));
    if (written) fs.rmSync(written, { recursive: true, force: true });
  }
}

/** The files of a one-shard index, in memory (for `npm run dev`, which has nothing to reuse). */
async function indexFiles(state: IndexState): Promise<Map<string, Uint8Array>> {
  const [shard, ...others] = [...state.shards.values()];
  if (!shard || others.length > 0) throw new SearchIndexError('An index kept in memory is one shard.');
  const index = await indexSections(state, shard);
  const { files, errors } = await index.getFiles();
  state.problems.push(...errors);
  if (state.problems.length) throw new SearchIndexError(`Pagefind failed:\n  ${state.problems.join('\n  ')}`);
  const kept = new Map(files.filter((file) => !UNUSED_FILES.test(path.basename(file.path))).map((file) => [file.path.split(path.sep).join('/'), file.content]));
  if (![...kept.keys()].some((file) => file === 'pagefind.js')) throw new SearchIndexError('Pagefind wrote no pagefind.js.');
  const list: ShardList = { shards: [] };
  kept.set(SHARDS_FILE, new TextEncoder().encode(JSON.stringify(list)));
  if (state.endpoints.length) kept.set(ENDPOINTS_FILE, new TextEncoder().encode(endpointsJson(state)));
  return kept;
}

/**
 * Indexes a built site in place: writes `<siteDir>/pagefind/`. Resolves to `undefined` when no page
 * wants search. `pending` is an index started earlier with the records made while rendering;
 * `wanted` names the other pages that want search (front matter `search: true`), read from their HTML.
 */
export async function indexSite(siteDir: string, pending: PendingIndex, wanted: ReadonlySet<string>): Promise<IndexSummary | undefined> {
  const built = await finish(pending, readBuiltPages(siteDir), wanted, path.join(siteDir, SEARCH_FOLDER));
  return built?.summary;
}
