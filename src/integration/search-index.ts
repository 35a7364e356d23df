import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { recordDocument } from '../search/record-document';
import { SearchIndexError, sectionRecords, type SectionRecord } from '../search/records';

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
 * indexed: a box that finds nothing must never ship.
 */
export function buildSearchIndex(pages: BuiltPage[]): Promise<BuiltIndex | undefined> {
  // Pagefind runs one service per process and `close()` ends it: indexes are built one at a time.
  const run = queue.then(() => build(pages));
  queue = run.catch(() => undefined);
  return run;
}

type BuiltIndex = { files: Map<string, Uint8Array>; summary: IndexSummary };
let queue: Promise<unknown> = Promise.resolve();

async function build(pages: BuiltPage[]): Promise<BuiltIndex | undefined> {
  const searchable = pages.filter((page) => wantsSearch(page.html));
  if (searchable.length === 0) return undefined;
  const records: SectionRecord[] = searchable.flatMap((page) => sectionRecords(page.html, page.outputPath));
  if (records.length === 0) {
    const names = searchable.map((page) => page.outputPath).join(', ');
    throw new SearchIndexError(`${names} has \`search: true\` but nothing to index: add a heading with some text, or set \`search: false\`.`);
  }

  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ') || 'no reason given'}.`);
    const problems: string[] = [...errors];
    // Pagefind's service takes files concurrently; one at a time, 5,000 sections take seconds longer.
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH);
      const added = await Promise.all(batch.map((record) => index.addHTMLFile({ url: record.url, content: recordDocument(record) })));
      added.forEach((result, i) => problems.push(...result.errors.map((error) => `${batch[i]!.url}: ${error}`)));
    }
    const { files, errors: fileErrors } = await index.getFiles();
    problems.push(...fileErrors);
    if (problems.length) throw new SearchIndexError(`Pagefind failed:\n  ${problems.join('\n  ')}`);
    const kept = new Map(files.filter((file) => !UNUSED_FILES.test(path.basename(file.path))).map((file) => [file.path.split(path.sep).join('/'), file.content]));
    if (![...kept.keys()].some((file) => file === 'pagefind.js')) throw new SearchIndexError('Pagefind wrote no pagefind.js.');
    return { files: kept, summary: { pages: searchable.length, records: records.length } };
  } finally {
    await pagefind.close();
  }
}

/** Indexes a built site in place: writes `<siteDir>/pagefind/`. Resolves to `undefined` when no page wants search. */
export async function indexSite(siteDir: string): Promise<IndexSummary | undefined> {
  const built = await buildSearchIndex(readBuiltPages(siteDir));
  if (!built) return undefined;
  const folder = path.join(siteDir, SEARCH_FOLDER);
  for (const [file, content] of built.files) {
    const target = path.join(folder, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return built.summary;
}
