import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadSite } from '../../src/content/site';
import { PartCache, pipelineVersion } from '../../src/markdown/part-cache';
import { dropPrestartedRenderWorker, prestartRenderWorker } from '../../src/markdown/render-parts';
import { renderMarkdownPage } from '../../src/markdown/render-page';
import { WorkerPool } from '../../src/workers/pool';
import { tempContent } from '../support/temp-content';

/** A part cache in a folder of its own: nothing rendered before is found there. */
const emptyCache = (version: string, contentDir: string) => new PartCache(fs.mkdtempSync(path.join(os.tmpdir(), 'shale-parts-')), version, contentDir);

describe('prestartRenderWorker', () => {
  it("renders a quick rebuild's few files in the worker started ahead, to what this thread renders", async () => {
    const dir = tempContent({
      'index.md': '---\nlanguage_tabs:\n  - shell\n  - ruby\nincludes:\n  - items\n---\n# Items\n\nThe items of an account.\n',
      'includes/_items.md':
        '## List items\n\n```shell\ncurl https://api.example.com/v1/items \\\n  --header "Authorization: Bearer TOKEN"\n```\n\n```ruby\nrequire \'net/http\'\n```\n\n```json\n{\n  "id": 1,\n  "tags": ["a"]\n}\n```\n\nNewest first.\n',
    });
    const page = loadSite(dir).pages[0]!;
    const version = pipelineVersion();
    const here = await renderMarkdownPage(page, '/', new Set(), emptyCache(version, page.contentDir));

    const run = vi.spyOn(WorkerPool.prototype, 'run');
    prestartRenderWorker(version);
    try {
      const there = await renderMarkdownPage(page, '/', new Set(), emptyCache(version, page.contentDir));
      // The page and its include, each sent as a file to render (after the worker's warm-up).
      const files = run.mock.calls.map(([task]) => task as { part?: { path: string } }).filter((task) => task.part);
      expect(files.map((task) => path.basename(task.part!.path)).sort()).toEqual(['_items.md', 'index.md']);
      expect(there).toEqual(here);

      // An edit of the include: only it goes to the worker; the page's own file is read from the cache.
      run.mockClear();
      const edited = { ...page, parts: page.parts.map((part) => (part.path.endsWith('_items.md') ? { ...part, body: `${part.body}\nOldest last.\n` } : part)) };
      const cache = emptyCache(version, page.contentDir);
      await renderMarkdownPage(page, '/', new Set(), cache);
      run.mockClear();
      const rebuilt = await renderMarkdownPage(edited, '/', new Set(), cache);
      expect(run.mock.calls.map(([task]) => path.basename((task as { part?: { path: string } }).part?.path ?? ''))).toEqual(['_items.md']);
      expect(rebuilt.groups.map((group) => group.html).join('')).toContain('Oldest last.');
    } finally {
      run.mockRestore();
      await dropPrestartedRenderWorker();
    }
  }, 60_000);
});
