import * as pagefind from 'pagefind';
import { serveTasks } from '../../workers/serve-tasks';
import type { IndexReuse } from './reuse';
import { writeShards, type ShardInput } from './write-shards';
import type { Endpoint } from '../shared/endpoint-match';

/** What the worker writing a search index early (search-index.ts) is sent. */
export interface IndexWorkerTask {
  shards: Array<[number, ShardInput]>;
  endpoints: Endpoint[];
  folder: string;
  reuse?: IndexReuse;
  /** recompress.ts's cache: its default is relative to the source file, not to this worker's bundle. */
  engineCache: string;
}

/** Writes the shards with this thread's own Pagefind service, then ends it; answers Pagefind's problems. */
serveTasks(async ({ shards, endpoints, folder, reuse, engineCache }: IndexWorkerTask) => {
  const set = { shards: new Map(shards), endpoints, problems: [] as string[] };
  try {
    await writeShards(set, folder, reuse, engineCache);
  } finally {
    await pagefind.close();
  }
  return set.problems;
});
