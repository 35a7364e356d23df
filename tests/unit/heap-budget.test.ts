import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapBudget } from '../../src/workers/heap-budget';

const MB = 1024 * 1024;
const heapUsed = () => v8.getHeapStatistics().used_heap_size;

/** Makes about `megabytes` of objects (strings of their own, not shared) and lets them go: garbage. */
const makeGarbage = (megabytes: number): number =>
  Array.from({ length: megabytes * 8_000 }, (_, index) => ({ index, text: `item ${index} `.repeat(4) })).length;

describe('HeapBudget', () => {
  it('collects the garbage once more than its budget has piled up', () => {
    const budget = new HeapBudget(16 * MB);
    expect(makeGarbage(64)).toBeGreaterThan(0);
    const before = heapUsed();
    budget.check();
    expect(heapUsed()).toBeLessThan(before - 32 * MB);
  });

  it('leaves the heap alone while the garbage is within the budget', () => {
    const budget = new HeapBudget(1024 * MB);
    expect(makeGarbage(32)).toBeGreaterThan(0);
    const before = heapUsed();
    budget.check();
    expect(heapUsed()).toBeGreaterThan(before - 4 * MB);
  });
});
