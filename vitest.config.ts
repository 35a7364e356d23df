import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Build tests run real Astro builds of this project, which must not overlap.
    fileParallelism: false,
    // Build tests run Astro builds: give them room on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
