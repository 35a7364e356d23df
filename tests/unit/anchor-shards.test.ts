import { describe, expect, it } from 'vitest';
import { ANCHOR_SHARDS, anchorShard, anchorShards } from '../../src/content/anchor-shards';

describe('the shards of the moved-anchor map', () => {
  it('puts an id in the same shard every time, in the build and in the browser', () => {
    expect(anchorShard('get-a-widget')).toBe(anchorShard('get-a-widget'));
    // FNV-1a of the UTF-16 code units, as the browser script computes it: fixed values guard the format.
    expect(['', 'a', 'get-a-widget', 'introduction'].map(anchorShard)).toEqual([0x811c9dc5 % 16, 0xe40c292c % 16, expect.any(Number), expect.any(Number)]);
  });

  it('gives every id a shard between 0 and the number of shards', () => {
    for (const id of ['x', 'errors', 'ünïcödé', '日本語', 'a'.repeat(500), '%20']) {
      const shard = anchorShard(id);
      expect(Number.isInteger(shard)).toBe(true);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(ANCHOR_SHARDS);
    }
  });

  it('spreads the ids of a big reference evenly over the shards', () => {
    const counts = new Array<number>(ANCHOR_SHARDS).fill(0);
    for (let i = 0; i < 5000; i++) counts[anchorShard(`get-widget-${i}`)]! += 1;
    const expected = 5000 / ANCHOR_SHARDS;
    for (const count of counts) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.25);
  });

  it('writes the same map whatever order the pages come in (Astro’s store keeps an order that depends on earlier builds)', () => {
    const heading = (id: string) => ({ level: 2, id, html: id, text: id });
    const page = (source: string, index: number, ids: string[]) => ({
      outputPath: index === 0 ? source : `${source}-${index}.html`,
      set: { source, index, count: 2 },
      headings: ids.map(heading),
      ids: [`opId${index}`],
    });
    // "errors" is on two pages of one set: the earlier page of the set keeps it.
    const pages = [
      page('index.html', 0, ['intro', 'errors']),
      page('index.html', 1, ['errors', 'dogs']),
      page('v2/index.html', 0, ['dogs']),
      page('v2/index.html', 1, ['cats']),
    ];
    const text = (order: typeof pages) => anchorShards(order).map((shard) => JSON.stringify(shard));
    expect(text([...pages].reverse())).toEqual(text(pages));
    expect(text([pages[2]!, pages[1]!, pages[3]!, pages[0]!])).toEqual(text(pages));
    expect(anchorShards([...pages].reverse())[anchorShard('errors')]!['index.html']!['errors']).toBe('index.html');
    const dogs = anchorShards(pages)[anchorShard('dogs')]!;
    expect(Object.keys(dogs)).toEqual(['index.html', 'v2/index.html']);
  });
});
