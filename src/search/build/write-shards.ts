import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { recompressIndexFiles } from './recompress';
import { SearchIndexError } from './records';
import { removeEntries, reuseWholeIndex, seedFragments, settleFragments, type IndexedRecord, type IndexReuse } from './reuse';
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
  const numbers = clearShardFolder(set, folder);
  await writeClaimedShards(set, folder, reuse, new ShardClaims(numbers.length), numbers, engineCache);
  writeShardList(set, folder);
}

/** Empties `folder` for the shards of `set`; returns their numbers, first to last. */
export function clearShardFolder(set: Pick<ShardSet, 'shards'>, folder: string): number[] {
  fs.rmSync(folder, { recursive: true, force: true });
  return shardNumbers(set);
}

const shardNumbers = (set: Pick<ShardSet, 'shards'>) => [...set.shards.keys()].sort((a, b) => a - b);

/**
 * Which shards of an index a thread has taken to write, shared between the threads that write them
 * (each with its own Pagefind service, which indexes on one core): the index worker takes them
 * first to last while Astro builds the pages, and the main thread, once the pages are built, takes
 * those left from the last, so the last shards are indexed side by side instead of one after the
 * other on one core. Position `i` stands for the `i`th shard number, first to last.
 */
export class ShardClaims {
  readonly buffer: SharedArrayBuffer;
  private readonly taken: Int32Array;

  constructor(countOrBuffer: number | SharedArrayBuffer) {
    this.buffer = typeof countOrBuffer === 'number' ? new SharedArrayBuffer(Math.max(1, countOrBuffer) * 4) : countOrBuffer;
    this.taken = new Int32Array(this.buffer);
  }

  /** True for the one thread that asks first. */
  take(position: number): boolean {
    return Atomics.compareExchange(this.taken, position, 0, 1) === 0;
  }
}

/**
 * Writes the shards of `set` that this thread takes (`claims`), in the order of `order` (positions
 * of `shardNumbers`), each at its place in `folder`: `folder` itself for the first shard, else its
 * subfolder. Shards at their places can be written at once by two threads.
 */
export async function writeClaimedShards(
  set: ShardSet,
  folder: string,
  reuse: IndexReuse | undefined,
  claims: ShardClaims,
  order: readonly number[],
  engineCache?: string,
): Promise<void> {
  const numbers = shardNumbers(set);
  for (const number of order) {
    if (!claims.take(numbers.indexOf(number))) continue;
    const shard = set.shards.get(number)!;
    if (number === numbers[0]) {
      if (await writeShard(set, shard, folder, reuse)) await recompressIndexFiles(folder, engineCache);
      continue;
    }
    const shardDir = path.join(folder, shardFolder(number));
    if (!(await writeShard(set, shard, shardDir, reuse && { ...reuse, previous: path.join(reuse.previous, shardFolder(number)) }))) continue;
    // The browser runs the first shard's pagefind.js and WebAssembly for all of them.
    for (const entry of fs.readdirSync(shardDir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name !== 'pagefind-entry.json' && !entry.name.endsWith('.pf_meta')) fs.rmSync(path.join(shardDir, entry.name));
    }
    await recompressIndexFiles(shardDir, engineCache);
  }
}

/** Writes the list of the shards after the first and the site's operations, once every shard is written. */
export function writeShardList(set: Pick<ShardSet, 'shards' | 'endpoints'>, folder: string): void {
  const [first, ...others] = shardNumbers(set);
  if (first === undefined) return;
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
    // A reused file may not hold what Pagefind meant to write there: write every file afresh (the
    // first shard's folder holds the others, which another thread may be writing).
    removeEntries(folder, isShardEntry);
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
