/** How many files the map of moved anchors (id → page of a split set) is cut into. */
export const ANCHOR_SHARDS = 16;

/**
 * The file of the moved-anchor map that holds an id (FNV-1a hash): old single-page links
 * (`/#get-a-widget`) fetch one small file to find the page that now holds the id.
 */
export function anchorShard(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % ANCHOR_SHARDS;
}
