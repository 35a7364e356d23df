import { describe, expect, test } from 'vitest';
import { isShardEntry, SECTIONS_PER_SHARD, shardCount, shardOf, TEXT_PER_SHARD } from '../../src/search/build/shards';

describe('shardCount', () => {
  test('one index up to the sections of one shard, then one more shard per that many sections', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(SECTIONS_PER_SHARD)).toBe(1);
    expect(shardCount(SECTIONS_PER_SHARD + 1)).toBe(2);
    expect(shardCount(10_500)).toBe(3);
    expect(shardCount(7, 0, 2)).toBe(4);
  });

  test('also one more shard per that much text: long sections make smaller shards', () => {
    expect(shardCount(100, TEXT_PER_SHARD)).toBe(1);
    expect(shardCount(100, TEXT_PER_SHARD + 1)).toBe(2);
    // GitHub's spec: 1,543 sections of 13.5 million characters (its code's lines each once).
    expect(shardCount(1_543, 13_483_811)).toBe(4);
    // GitHub's API through Widdershins: 6,363 sections of 12.4 million characters.
    expect(shardCount(6_363, 12_409_528)).toBe(3);
    // The bench's 5,000 endpoints: 10,400 sections of 12.0 million characters, three shards by either count.
    expect(shardCount(10_400, 11_990_293)).toBe(3);
  });

  test('never more than eight shards, however many sections', () => {
    expect(shardCount(1_000_000)).toBe(8);
    expect(shardCount(100, 0, 1)).toBe(8);
    expect(shardCount(100, 1_000_000_000)).toBe(8);
  });

  test('refuses a number of sections per shard that is not a whole number from 1 up', () => {
    for (const wrong of [0, -3, 2.5, Number.NaN]) expect(() => shardCount(10, 0, wrong)).toThrow('whole number from 1 up');
  });
});

describe('shardOf', () => {
  const pages = Array.from({ length: 300 }, (_, i) => `page${i}.html`);

  test('puts a page in the same shard every time, from 0 to count − 1', () => {
    for (const page of pages) {
      const shard = shardOf(page, 3);
      expect(shard).toBe(shardOf(page, 3));
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(3);
    }
    expect(pages.every((page) => shardOf(page, 1) === 0)).toBe(true);
  });

  test('spreads pages over every shard, about evenly', () => {
    const sizes = [0, 0, 0];
    for (const page of pages) sizes[shardOf(page, 3)]! += 1;
    for (const size of sizes) expect(size).toBeGreaterThan(70);
  });
});

test('isShardEntry names the other shards’ folders and their list, nothing of Pagefind’s', () => {
  expect(['shard-1', 'shard-12', 'shale-shards.json'].every(isShardEntry)).toBe(true);
  expect(['fragment', 'index', 'filter', 'pagefind.js', 'pagefind-entry.json', 'shard-x', 'shard-1.txt'].some(isShardEntry)).toBe(false);
});
