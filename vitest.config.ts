import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure functions and plugins: files run side by side.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // Real Astro builds of this project, in-process: they share the project's `.astro/` (Astro
          // writes the MDX module list there), so one file at a time, after the unit tests.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // Room for builds on a loaded 2-core machine; a hung build still fails its test.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
