import type { PageData } from './page-data';

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

/** One file of the moved-anchor map: for each split set (by its source), each id → the page that holds it. */
export type AnchorShard = Record<string, Record<string, string>>;

/**
 * The moved-anchor map of the pages of split sets (with their headings and ids), cut into its
 * shards. The sets come in the order of their sources and each set's pages in their order (the first
 * page holding an id keeps it, as a browser would), whatever order they are given in: Astro's
 * content store lists pages in an order that depends on earlier builds, and two builds of the same
 * content must write the same files.
 */
export function anchorShards(pages: ReadonlyArray<Pick<PageData, 'outputPath' | 'set' | 'headings' | 'ids'>>): AnchorShard[] {
  const shards = Array.from({ length: ANCHOR_SHARDS }, (): AnchorShard => ({}));
  const inSets = pages.filter((page) => page.set).sort((a, b) => compareSources(a.set!.source, b.set!.source) || a.set!.index - b.set!.index);
  for (const page of inSets) {
    for (const id of [...page.headings.map((heading) => heading.id), ...(page.ids ?? [])]) (shards[anchorShard(id)]![page.set!.source] ??= {})[id] ??= page.outputPath;
  }
  return shards;
}

/** The order of the sets in each file of the map: by their source's path. */
export const compareSources = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
