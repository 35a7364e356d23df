import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { ANCHOR_SHARDS, anchorShard } from '../../../content/anchor-shards';
import { withHeadings } from '../../../content/page-data';

/**
 * The moved-anchor map of split pages, cut into shards: for each split page (its set's source, the
 * path of its first page) and each heading id, the page of the set that holds it (relative to the
 * site root); the other ids of its elements too (Widdershins' `<a id="opId…">`, a spec's Redoc-style
 * aliases). Only built when some page is split. Keyed by set first: two sets (`index.html` and
 * `v3/index.html`) may both have a `#kittens`, and each old link must stay in its own docs.
 */
export async function getStaticPaths() {
  const pages = (await getCollection('pages')).filter((entry) => (entry.data as { set?: unknown }).set).map((entry) => withHeadings(entry.data));
  if (pages.length === 0) return [];
  const shards = Array.from({ length: ANCHOR_SHARDS }, () => ({}) as Record<string, Record<string, string>>);
  for (const page of pages) {
    for (const id of [...page.headings.map((heading) => heading.id), ...(page.ids ?? [])])
      (shards[anchorShard(id)]![page.set!.source] ??= {})[id] ??= page.outputPath;
  }
  return shards.map((map, shard) => ({ params: { shard: String(shard) }, props: { map } }));
}

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.map), { headers: { 'content-type': 'application/json' } });
