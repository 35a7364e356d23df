import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { recompressIndexFiles } from './recompress';
import { SearchIndexError } from './records';
import { reuseWholeIndex, seedFragments, settleFragments, type IndexedRecord, type IndexReuse } from './reuse';
import { isShardEntry, shardFolder, SHARDS_FILE, type ShardList } from './shards';
import { ENDPOINTS_FILE, type Endpoint } from '../shared/endpoint-match';

/**
 * Pagefind's part of the search index: the documents of each shard (shards.ts) given to Pagefind's
 * service, and its files written. This runs on the main thread (`npm run dev`, and an index whose
 * MDX pages are read back from their HTML) or in a worker (index-worker.ts) while Astro builds.
 */

/** The sections of one shard, as Pagefind is given them, in order. */
export interface ShardInput {
  documents: string[];
  indexed: IndexedRecord[];
}

/** The sections to index, by shard, and what goes wrong on the way. */
export interface ShardSet {
  /** Shard number → its sections; shards without sections are left out. */
  shards: Map<number, ShardInput>;
  /** Every OpenAPI operation of the indexed sections, for search by a concrete path (endpoint-match.ts). */
  endpoints: Endpoint[];
  problems: string[];
}

/** The site's operations for the browser, fetched only when a query looks like a path. */
export const endpointsJson = (set: Pick<ShardSet, 'endpoints'>) => JSON.stringify({ endpoints: set.endpoints });

/**
 * Writes every shard into `folder` (emptied first): the first one there, the others in subfolders,
 * and the list of those for the browser. `engineCache`: where recompress.ts keeps the engine.
 */
export async function writeShards(set: ShardSet, folder: string, reuse: IndexReuse | undefined, engineCache?: string): Promise<void> {
  fs.rmSync(folder, { recursive: true, force: true });
  const [first, ...others] = [...set.shards.keys()].sort((a, b) => a - b);
  if (first === undefined) return;
  if (await writeShard(set, set.shards.get(first)!, folder, reuse)) await recompressIndexFiles(folder, engineCache);
  for (const number of others) {
    const shardDir = path.join(folder, shardFolder(number));
    if (!(await writeShard(set, set.shards.get(number)!, shardDir, reuse && { ...reuse, previous: path.join(reuse.previous, shardFolder(number)) }))) continue;
    // The browser runs the first shard's pagefind.js and WebAssembly for all of them.
    for (const entry of fs.readdirSync(shardDir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name !== 'pagefind-entry.json' && !entry.name.endsWith('.pf_meta')) fs.rmSync(path.join(shardDir, entry.name));
    }
    await recompressIndexFiles(shardDir, engineCache);
  }
  const list: ShardList = { shards: others.map((number) => `${shardFolder(number)}/`) };
  fs.writeFileSync(path.join(folder, SHARDS_FILE), JSON.stringify(list));
  if (set.endpoints.length) fs.writeFileSync(path.join(folder, ENDPOINTS_FILE), endpointsJson(set));
}

/**
 * Writes one shard into `folder`: the previous one's files when its sections are the same (returns
 * false), else Pagefind's index of them (returns true).
 */
async function writeShard(set: ShardSet, shard: ShardInput, folder: string, reuse: IndexReuse | undefined): Promise<boolean> {
  if (reuse && reuseWholeIndex(reuse, folder, shard.indexed, isShardEntry)) return false;
  const index = await indexSections(set, shard);
  const write = async (seeded: ReadonlyMap<string, string>) => {
    const { errors } = await index.writeFiles({ outputPath: folder });
    set.problems.push(...errors);
    return errors.length > 0 || !reuse || settleFragments(folder, shard.indexed, seeded, reuse);
  };
  try {
    if (await write(reuse ? seedFragments(reuse, folder, shard.indexed) : new Map())) return true;
    // A reused file may not hold what Pagefind meant to write there: write every file afresh.
    fs.rmSync(folder, { recursive: true, force: true });
    await write(new Map());
    return true;
  } finally {
    // The service keeps an index until told: at 5,000 endpoints, hundreds of megabytes.
    await index.deleteIndex();
  }
}

/** A Pagefind index of one shard's sections. */
export async function indexSections(set: ShardSet, shard: ShardInput): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  set.problems.push(...errors);
  if (!index) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ') || 'no reason given'}.`);
  // All at once: the service reads them as fast as this thread hands them over.
  const added = await Promise.all(shard.indexed.map(({ url }, i) => index.addHTMLFile({ url, content: shard.documents[i]! })));
  added.forEach((result, i) => set.problems.push(...result.errors.map((error) => `${shard.indexed[i]!.url}: ${error}`)));
  return index;
}
