import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineVersion } from '../../../src/markdown/part-cache';
import { loadSpec } from '../../../src/openapi/load-spec';
import { compileSpecFile, compileSpecTask, type SpecTask } from '../../../src/openapi/spec-parts';

const spec = path.resolve('tests/fixtures/openapi/specs/kennel.yaml');
const task: SpecTask = {
  file: spec,
  options: { dialect: 'md', tabs: [{ key: 'shell', label: 'Shell' }], tags: [] },
  tags: { file: 'index.md', line: 3, names: ['no-such-tag'] },
};

describe('a large spec compiled in a worker thread', () => {
  it('gives the Markdown, problems and files that compiling it here gives', async () => {
    const here = await compileSpecFile(task, loadSpec);
    expect(here.markdown).toBeTruthy();
    expect(here.problems.map((found) => found.message).join('\n')).toContain('no-such-tag');
    // A threshold of 0 bytes sends every spec to the worker.
    const inWorker = await compileSpecTask(task, pipelineVersion(), loadSpec, 0);
    expect(inWorker).toEqual(here);
  }, 60_000);
});
