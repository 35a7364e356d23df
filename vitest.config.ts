import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One temp folder for the whole run, removed at its end (tests/support/temp-root.ts).
    globalSetup: ['tests/support/temp-root.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure functions and plugins: files run side by side.
          sequence: { groupOrder: 0 },
          // The seeded comparisons take 3-5 s alone and twice that while other files share the two
          // cores (CI's machine included): Vitest's 5 s would fail them on a busy machine, not a slow test.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // Real Astro builds of this project, in-process: they share the project's `.astro/` (Astro
          // writes the MDX module list there), so one file after another in one process, after the unit tests.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
          // Room for builds on a loaded 2-core machine; a hung build still fails its test.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
