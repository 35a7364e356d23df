import * as pagefind from 'pagefind';
import { serveTasks } from '../../workers/serve-tasks';
import type { IndexReuse } from './reuse';
import { ShardClaims, writeClaimedShards, type ShardInput } from './write-shards';
import type { WarmUp } from '../../workers/prestarted';

/**
 * What the worker writing a search index early (search-index.ts) is sent: the shards to write into
 * `folder` (emptied already), first to last, but those the main thread takes first (`claims`).
 */
export interface IndexShardsTask {
  shards: Array<[number, ShardInput]>;
  claims: SharedArrayBuffer;
  folder: string;
  reuse?: IndexReuse;
  /** recompress.ts's cache: its default is relative to the source file, not to this worker's bundle. */
  engineCache: string;
}

/** Or, sent to a worker started ahead of its task (prestartIndexWorker): start Pagefind's service and wait. */
export type IndexWorkerTask = IndexShardsTask | WarmUp;

/** Writes the shards it takes with this thread's own Pagefind service, then ends it; answers Pagefind's problems. */
serveTasks(async (task: IndexWorkerTask) => {
  if ('warmUp' in task) {
    // Pagefind starts its service with the first index asked of it; this one is let go at once.
    const { index } = await pagefind.createIndex({});
    await index?.deleteIndex();
    return undefined;
  }
  const { shards, claims, folder, reuse, engineCache } = task;
  const set = { shards: new Map(shards), endpoints: [], problems: [] as string[] };
  try {
    const firstToLast = shards.map(([number]) => number).sort((a, b) => a - b);
    await writeClaimedShards(set, folder, reuse, new ShardClaims(claims), firstToLast, engineCache);
  } finally {
    await pagefind.close();
  }
  return set.problems;
});
