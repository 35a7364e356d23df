import { describe, expect, it } from 'vitest';
import { ANCHOR_SHARDS, anchorShard } from '../../src/content/anchor-shards';

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
});
