import { createHash } from 'node:crypto';

/**
 * A large site's search index is written as a few Pagefind indexes ("shards"), each holding the
 * sections of some of its pages, which the browser merges (Pagefind's `mergeIndex`, in
 * search-worker.ts). A rebuild after an edit re-indexes only the shards whose sections changed and
 * reuses the others whole (search-reuse.ts): at 5,000 endpoints, about a third of the work.
 *
 * A page always goes to the same shard (by a hash of its path), so an edit to one include touches
 * the one or two shards of its pages. Each shard costs the first search of a visit one more
 * request for its entry and meta files, and every word one more index chunk (about 10–20 KB each):
 * measured at 10,500 sections, three shards kept the first query under 200 KB, five did not.
 *
 * Layout: the first shard is Pagefind's usual folder (`pagefind/`, with `pagefind.js` and its
 * WebAssembly, which merged indexes share); the others are `pagefind/shard-<n>/`, with only their
 * data files; `pagefind/shale-shards.json` lists them for the browser.
 */

/** Sections per shard: below this a site has one index, as Pagefind writes it. */
export const SECTIONS_PER_SHARD = 4000;
/**
 * Characters of text per shard: titles, prose, and code with each line once (records.ts), as
 * Pagefind is given them. Re-indexing a shard costs Pagefind time by its text as well as by its
 * sections: GitHub's API through Widdershins has long sections, and a shard of 8.8 million
 * characters took 6–7 s to re-index after a one-line edit, one of 4.4 million 4–5 s. Now: GitHub's
 * spec (13.5 million characters in 1,543 sections) gets four shards of about 3.4 million; GitHub's
 * API through Widdershins (12.4 million in 6,363) three; the bench's 5,000-endpoint corpus (12.0
 * million in 10,400) keeps the three its first search needs (a fourth would cost it about 33 KB).
 */
export const TEXT_PER_SHARD = 4_200_000;
/** Past this, more shards would cost searches more than they save rebuilds. */
const MAX_SHARDS = 8;

/** The list of the other shards, beside `pagefind.js`. */
export const SHARDS_FILE = 'shale-shards.json';

/** What `SHARDS_FILE` holds: the folders of the other shards, relative to the first one's. */
export interface ShardList {
  shards: string[];
}

/**
 * How many shards an index of `sections` sections holding `text` characters is written as: enough
 * that none holds more than `perShard` sections or about `TEXT_PER_SHARD` characters.
 */
export function shardCount(sections: number, text = 0, perShard = SECTIONS_PER_SHARD): number {
  if (!Number.isInteger(perShard) || perShard < 1) throw new Error(`sections per search shard must be a whole number from 1 up, not ${perShard}`);
  const wanted = Math.max(Math.ceil(sections / perShard), Math.ceil(text / TEXT_PER_SHARD));
  return Math.min(MAX_SHARDS, Math.max(1, wanted));
}

/** The shard of a page (its path in the site), from 0 to count − 1. */
export function shardOf(outputPath: string, count: number): number {
  if (count <= 1) return 0;
  return parseInt(createHash('sha1').update(outputPath).digest('hex').slice(0, 8), 16) % count;
}

/** The folder of a shard other than the first, inside the first one's. */
export const shardFolder = (shard: number) => `shard-${shard}`;

/** Whether a name in the first shard's folder is another shard's folder (or their list). */
export const isShardEntry = (name: string) => name === SHARDS_FILE || /^shard-\d+$/.test(name);
