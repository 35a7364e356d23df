import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileSpec } from '../../../src/openapi/compile-spec';
import { loadSpec } from '../../../src/openapi/load-spec';

/**
 * ReadMe's collection of edge-case specs (npm `@readme/oas-examples`, MIT, a dev dependency): specs
 * nobody on the team wrote. Each one is either compiled, or refused with its problems located;
 * none makes Shale throw. The ones known to be invalid for their version stay refused.
 */
const require = createRequire(import.meta.url);
const ROOT = path.dirname(require.resolve('@readme/oas-examples/package.json'));
const TABS = ['shell', 'ruby', 'python', 'javascript'].map((key) => ({ key, label: key }));

/** Specs that break their own version's rules (ReadMe's own x-code-samples shape, unresolvable mappings). */
const INVALID = [
  '3.0/discriminators.json',
  '3.0/readme-extensions.json',
  '3.1/readme-extensions.json',
  '3.1/schema-validation-local.json',
  '3.1/schema-validation-top-level.json',
];

const specs = ['2.0', '3.0', '3.1'].flatMap((version) =>
  fs
    .readdirSync(path.join(ROOT, version, 'json'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${version}/${name}`),
);

describe("ReadMe's edge-case specs", () => {
  // star-trek.json writes 600 KB of Markdown: seconds on a loaded machine.
  test.each(specs)('%s compiles, or is refused with located problems', { timeout: 60_000 }, async (name) => {
    const spec = await loadSpec(path.join(ROOT, name.replace('/', '/json/')));
    const errors = spec.problems.filter((problem) => problem.severity === 'error');
    if (INVALID.includes(name)) {
      expect(spec.document).toBeUndefined();
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((problem) => problem.line !== undefined && / at \//.test(problem.message))).toBe(true);
      return;
    }
    expect(errors).toEqual([]);
    for (const dialect of ['md', 'mdx'] as const) {
      const { markdown } = compileSpec(spec.document, { dialect, tabs: TABS });
      expect(markdown.length).toBeGreaterThan(0);
    }
  });

  test.each(['3.1/readme.json', '3.1/schema-types.json'])("%s, a 3.1 spec with 3.0's nullable, compiles with a warning at each", async (name) => {
    const spec = await loadSpec(path.join(ROOT, name.replace('/', '/json/')));
    const keywords = spec.problems.filter((problem) => problem.kind === 'openapi-schema-keyword');
    expect(spec.document).toBeDefined();
    expect(keywords.length).toBeGreaterThan(0);
    expect(keywords.every((problem) => problem.severity === 'warning' && problem.line !== undefined)).toBe(true);
    expect(keywords.map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/has "nullable", which JSON Schema in OpenAPI 3\.1\.0 does not have/),
    );
  });

  test("train-travel (3.1, ReadMe's showcase) has every operation, each with a sample in every tab", async () => {
    const spec = await loadSpec(path.join(ROOT, '3.1/json/train-travel.json'));
    const { markdown } = compileSpec(spec.document, { dialect: 'md', tabs: TABS });
    const operations = Object.values<Record<string, unknown>>(spec.document.paths).flatMap((item) =>
      Object.keys(item).filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key)),
    );
    expect(markdown.match(/^<h2 id=/gm)?.length).toBe(operations.length + Object.keys(spec.document.webhooks ?? {}).length);
    for (const tab of ['shell', 'ruby', 'python', 'javascript'])
      expect(markdown.match(new RegExp(`^\`\`\`${tab}( generated-sample)?$`, 'gm'))?.length).toBe(operations.length);
  });
});
