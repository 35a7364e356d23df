import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { recordDocument } from '../search/record-document';
import { SearchIndexError, sectionRecords, type SectionRecord } from '../search/records';
import { recordDigest, seedFragments, settleFragments, type IndexedRecord, type IndexReuse } from './search-reuse';

/** The folder of the index inside the site; the browser loads `<base>pagefind/pagefind.js`. */
export const SEARCH_FOLDER = 'pagefind';

/** Pagefind's ready-made UIs and its debugging aid: Shale has its own box, so they are not published. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** Sections sent to Pagefind at once. */
const BATCH = 100;

/** A built page, as the indexer reads it. */
export interface BuiltPage {
  /** Path relative to the site root, with `/`: `index.html`, `v3/index.html`. */
  outputPath: string;
  html: string;
}

/** Pages that asked for search: their navigation holds the search box (front matter `search: true`). */
export const wantsSearch = (html: string) => html.includes('<shale-search');

/** Every page of a built site, in a stable order. */
export function readBuiltPages(siteDir: string): BuiltPage[] {
  return fs
    .readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith(`${SEARCH_FOLDER}/`))
    .sort()
    .map((outputPath) => ({ outputPath, html: fs.readFileSync(path.join(siteDir, outputPath), 'utf8') }));
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
  return finish(startSearchIndex(known), pages);
}

type BuiltIndex = { files: Map<string, Uint8Array>; summary: IndexSummary };
let queue: Promise<unknown> = Promise.resolve();

interface IndexState {
  index?: pagefind.PagefindIndex;
  problems: string[];
  /** The sections handed to Pagefind, in order. */
  added: IndexedRecord[];
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
}

/**
 * Starts an index and hands it the records made while rendering, so Pagefind indexes them while
 * Astro builds the pages (Pagefind's service is its own process: it uses the second core).
 * Given `writeTo` (when those records are every section there is to index: no MDX page wants
 * search), Pagefind also writes the index there right away, instead of after the pages are built:
 * at 5,000 endpoints, writing takes seconds that would otherwise be waited for at the end.
 * Given `reuse`, the index is written with the previous index's unchanged fragments (search-reuse.ts).
 * Pagefind runs one service per process and `close()` ends it: indexes are built one at a time.
 */
export function startSearchIndex(known: ReadonlyMap<string, SectionRecord[]>, writeTo?: string, reuse?: IndexReuse): PendingIndex {
  let release!: () => void;
  const turn = queue.then(() => undefined);
  queue = new Promise<void>((resolve) => (release = resolve));
  const ready = turn.then(async () => {
    const { index, errors } = await pagefind.createIndex({});
    const state: IndexState = { index, problems: [...errors], added: [] };
    if (!index) return state;
    await addRecords(state, [...known.values()].flat());
    if (writeTo && state.added.length > 0) {
      await writeIndex(state, writeTo, reuse);
      state.written = writeTo;
    }
    return state;
  });
  return { ready, known: new Set(known.keys()), release, reuse };
}

/** Has Pagefind write the index into `folder` (emptied first), reusing what it can of the previous one. */
async function writeIndex(state: IndexState, folder: string, reuse: IndexReuse | undefined): Promise<void> {
  const write = async (seeded: ReadonlyMap<string, string>) => {
    const { errors } = await state.index!.writeFiles({ outputPath: folder });
    state.problems.push(...errors);
    return errors.length > 0 || !reuse || settleFragments(folder, state.added, seeded, reuse);
  };
  fs.rmSync(folder, { recursive: true, force: true });
  if (await write(reuse ? seedFragments(reuse, folder, state.added) : new Map())) return;
  // A reused file may not hold what Pagefind meant to write there: write every file afresh.
  fs.rmSync(folder, { recursive: true, force: true });
  await write(new Map());
}

async function addRecords(state: IndexState, records: SectionRecord[]): Promise<void> {
  // Pagefind's service takes files concurrently; one at a time, 5,000 sections take seconds longer.
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const documents = batch.map(recordDocument);
    const added = await Promise.all(batch.map((record, i) => state.index!.addHTMLFile({ url: record.url, content: documents[i]! })));
    added.forEach((result, i) => state.problems.push(...result.errors.map((error) => `${batch[i]!.url}: ${error}`)));
    batch.forEach((record, i) => state.added.push({ url: record.url, language: record.language, digest: recordDigest(record.url, documents[i]!) }));
  }
}

/**
 * Adds the pages not indexed yet (read from their HTML), then returns the index's files, or, given
 * `folder`, has Pagefind write them there itself (much faster for thousands of sections).
 */
async function finish(pending: PendingIndex, pages: BuiltPage[], folder?: string): Promise<BuiltIndex | undefined> {
  try {
    const state = await pending.ready;
    const searchable = pages.filter((page) => wantsSearch(page.html));
    if (searchable.length === 0) return undefined;
    if (!state.index) throw new SearchIndexError(`Pagefind could not start: ${state.problems.join('; ') || 'no reason given'}.`);
    const fresh = searchable.filter((page) => !pending.known.has(page.outputPath));
    await addRecords(state, fresh.flatMap((page) => sectionRecords(page.html, page.outputPath)));
    if (state.added.length === 0) {
      const names = searchable.map((page) => page.outputPath).join(', ');
      throw new SearchIndexError(`${names} has \`search: true\` but nothing to index: add a heading with some text, or set \`search: false\`.`);
    }
    const summary = { pages: searchable.length, records: state.added.length };
    if (folder && state.written && fresh.length === 0) {
      // Written while Astro built the pages, from every record there is: move it into the site.
      fs.rmSync(folder, { recursive: true, force: true });
      fs.renameSync(state.written, folder);
    } else if (folder) {
      await writeIndex(state, folder, pending.reuse);
    }
    if (folder) {
      if (state.problems.length) throw new SearchIndexError(`Pagefind failed:\n  ${state.problems.join('\n  ')}`);
      for (const file of fs.readdirSync(folder)) if (UNUSED_FILES.test(file)) fs.rmSync(path.join(folder, file));
      if (!fs.existsSync(path.join(folder, 'pagefind.js'))) throw new SearchIndexError('Pagefind wrote no pagefind.js.');
      return { files: new Map(), summary };
    }
    const { files, errors: fileErrors } = await state.index.getFiles();
    state.problems.push(...fileErrors);
    if (state.problems.length) throw new SearchIndexError(`Pagefind failed:\n  ${state.problems.join('\n  ')}`);
    const kept = new Map(files.filter((file) => !UNUSED_FILES.test(path.basename(file.path))).map((file) => [file.path.split(path.sep).join('/'), file.content]));
    if (![...kept.keys()].some((file) => file === 'pagefind.js')) throw new SearchIndexError('Pagefind wrote no pagefind.js.');
    return { files: kept, summary };
  } finally {
    await pagefind.close();
    pending.release();
    const { written } = await pending.ready.catch(() => ({ written: undefined }));
    if (written) fs.rmSync(written, { recursive: true, force: true });
  }
}

/**
 * Indexes a built site in place: writes `<siteDir>/pagefind/`. Resolves to `undefined` when no page
 * wants search. `pending` is an index started earlier with the records made while rendering.
 */
export async function indexSite(siteDir: string, pending: PendingIndex = startSearchIndex(new Map())): Promise<IndexSummary | undefined> {
  const built = await finish(pending, readBuiltPages(siteDir), path.join(siteDir, SEARCH_FOLDER));
  return built?.summary;
}
