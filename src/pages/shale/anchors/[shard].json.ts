import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { anchorShards } from '../../../content/anchor-shards';
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
  const shards = anchorShards(pages);
  return shards.map((map, shard) => ({ params: { shard: String(shard) }, props: { map } }));
}

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.map), { headers: { 'content-type': 'application/json' } });
