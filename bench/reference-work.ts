import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { median } from './median';

/**
 * A fixed piece of CPU work, timed: the same on every run and every machine, so two bench runs can
 * be told apart by the machine's speed at the time, not only by the code. The host's "steal" time
 * (measure-build.ts) misses part of it: this machine has run the same builds 40% slower with none
 * stolen. Like a build it parses, splits text with regular expressions, hashes and compresses.
 */
export function referenceWork(runs = 5): number {
  const items = Array.from({ length: 100_000 }, (_, i) => ({ id: i, path: `/v1/widgets/${i}`, text: `Widget ${i} is created_at ${i % 97}` }));
  const json = JSON.stringify(items);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const parsed = JSON.parse(json) as typeof items;
    const words = parsed.flatMap((item) => `${item.path} ${item.text}`.split(/[\s/_]+/));
    createHash('sha256').update(words.join(' ')).digest('hex');
    gzipSync(json, { level: 6 });
    times.push(performance.now() - started);
  }
  return median(times);
}
