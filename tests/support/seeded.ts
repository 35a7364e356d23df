/**
 * A seeded pseudo-random source for tests that compare two ways of doing a thing on many made-up
 * inputs: the same seed gives the same inputs on every run, so a failure names an input that fails again.
 */
export function seeded(seed: number): { random: () => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return { random, pick };
}
