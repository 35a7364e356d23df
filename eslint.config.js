// ESLint for the TypeScript of src/, tests/, bench/ and bin/ (`.astro` files are checked by `astro check`).
// Beside typescript-eslint's recommended rules, it holds the layers of ARCHITECTURE.md: which folder
// of src/ may import which, so the path from content/ to dist/ stays one-way.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/** Folders of src/ and the folders each must not import (ARCHITECTURE.md, "Folders and what they may import"). */
const LAYERS = {
  validation: [
    'schema',
    'content',
    'settle',
    'markdown',
    'highlight',
    'search',
    'engine',
    'integration',
    'layouts',
    'components',
    'pages',
    'scripts',
    'openapi',
    'llms',
    'workers',
  ],
  schema: [
    'content',
    'settle',
    'markdown',
    'highlight',
    'search',
    'engine',
    'integration',
    'layouts',
    'components',
    'pages',
    'scripts',
    'openapi',
    'llms',
    'workers',
  ],
  content: ['settle', 'markdown', 'highlight', 'search', 'engine', 'integration', 'layouts', 'components', 'pages', 'scripts', 'openapi', 'llms', 'workers'],
  settle: ['markdown', 'highlight', 'search', 'engine', 'integration', 'layouts', 'components', 'pages', 'scripts', 'openapi', 'llms', 'workers'],
  highlight: ['content', 'settle', 'markdown', 'search', 'engine', 'integration', 'layouts', 'components', 'pages', 'scripts', 'openapi', 'llms', 'workers'],
  'search/shared': [
    'schema',
    'content',
    'settle',
    'markdown',
    'highlight',
    'engine',
    'integration',
    'layouts',
    'components',
    'pages',
    'scripts',
    'search/build',
    'search/browser',
    'openapi',
    'llms',
    'workers',
  ],
  'search/build': [
    'settle',
    'markdown',
    'highlight',
    'engine',
    'integration',
    'layouts',
    'components',
    'pages',
    'scripts',
    'search/browser',
    'openapi',
    'llms',
    'workers',
  ],
  'search/browser': [
    'schema',
    'content',
    'settle',
    'markdown',
    'highlight',
    'engine',
    'integration',
    'layouts',
    'components',
    'pages',
    'search/build',
    'openapi',
    'llms',
    'workers',
  ],
  openapi: ['settle', 'markdown', 'highlight', 'search', 'engine', 'integration', 'layouts', 'components', 'pages', 'scripts', 'llms', 'workers'],
  markdown: ['engine', 'integration', 'layouts', 'components', 'pages', 'scripts', 'search/browser', 'openapi', 'llms'],
  engine: ['integration', 'layouts', 'components', 'pages', 'scripts', 'search/browser'],
  integration: ['layouts', 'components', 'pages', 'scripts', 'search/browser'],
  workers: [
    'validation',
    'schema',
    'content',
    'settle',
    'markdown',
    'highlight',
    'search',
    'engine',
    'integration',
    'layouts',
    'components',
    'pages',
    'scripts',
    'openapi',
    'llms',
  ],
  llms: [
    'workers',
    'schema',
    'content',
    'settle',
    'markdown',
    'highlight',
    'search',
    'engine',
    'integration',
    'layouts',
    'components',
    'pages',
    'scripts',
    'openapi',
  ],
  scripts: ['schema', 'settle', 'markdown', 'highlight', 'search', 'engine', 'integration', 'layouts', 'components', 'pages', 'openapi', 'llms', 'workers'],
};

/** An import pattern for a folder of src/, seen from a file two levels deep or less. */
const patternsFor = (folders) =>
  folders.flatMap((folder) => [1, 2, 3].flatMap((depth) => [`${'../'.repeat(depth)}${folder}`, `${'../'.repeat(depth)}${folder}/**`]));

export default defineConfig(
  { ignores: ['dist/', 'dist-docs/', '.astro/', '.shale/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks what is left out on purpose (`const { id: _none, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
  ...Object.entries(LAYERS).map(([folder, forbidden]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: patternsFor(forbidden), message: `src/${folder}/ may not import this folder (ARCHITECTURE.md, "Folders and what they may import").` },
          ],
        },
      ],
    },
  })),
);
