import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { ShaleBuild } from '../../src/engine/shale-build';
import { loadPages, reloadsPages } from '../../src/integration/loader';
import { tempContent } from '../support/temp-content';

/** What the loader uses of Astro's loader context, over a plain map, with a watcher the test fires. */
function fakeContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>();
  const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: Record<string, unknown>; digest?: string }) => void entries.set(entry.id, entry),
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
      addModuleImport: () => undefined,
    },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    watcher,
  } as unknown as LoaderContext;
  const storedHtml = () => fs.readFileSync(String(entries.get('index.html')!.data.htmlFile), 'utf8');
  return { context, watcher, storedHtml };
}

describe('the dev server after an edit', () => {
  const content = tempContent({ 'index.md': '---\ntitle: Dev\n---\n# First words\n' });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-reload-work-'));
  afterAll(() => [content, workDir].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  test("asks for Astro's content sync again until one has run the loader", async () => {
    const build = ShaleBuild.forScript({ content, workDir }, process.cwd());
    const { context, watcher, storedHtml } = fakeContext();
    await loadPages(build, context);
    expect(storedHtml()).toContain('First words');
    // Astro returns from the first two syncs without running the loader, as it does while it reloads
    // its content config; the third runs it.
    let syncs = 0;
    build.contentRefresh = async (options) => {
      syncs += 1;
      if (syncs >= 3) await loadPages(build, { ...context, refreshContextData: options.context });
    };
    const file = path.join(content, 'index.md');
    fs.writeFileSync(file, '---\ntitle: Dev\n---\n# Second words\n');
    watcher.emit('change', file);
    await vi.waitFor(() => expect(storedHtml()).toContain('Second words'), { timeout: 5_000, interval: 20 });
    expect(syncs).toBe(3);
  });
});

describe("the pages Astro's content store keeps between builds", () => {
  const content = tempContent({ 'index.md': '---\ntitle: Kept\n---\n# Kept words\n' });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-store-work-'));
  afterAll(() => [content, workDir].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  test('are kept while nothing they depend on changed, and stored again by another version of Shale', async () => {
    const { context } = fakeContext();
    const sets = vi.spyOn(context.store, 'set');
    await loadPages(ShaleBuild.forScript({ content, workDir }, process.cwd()), context);
    expect(sets).toHaveBeenCalledTimes(1);
    await loadPages(ShaleBuild.forScript({ content, workDir }, process.cwd()), context);
    expect(sets).toHaveBeenCalledTimes(1);
    // An upgrade that changes how pages render (a heading's id, the TOC) must reach every page.
    const upgraded = ShaleBuild.forScript({ content, workDir }, process.cwd());
    await upgraded.content().prepare();
    vi.spyOn(upgraded, 'codeVersion', 'get').mockReturnValue('another version');
    await loadPages(upgraded, context);
    expect(sets).toHaveBeenCalledTimes(2);
  });
});

describe('what the dev server reloads the pages for', () => {
  test('a page, an include or a partial (ERB too), a spec, the look, and the config.rb beside a Slate source; not an editor backup', () => {
    const project = path.join(os.tmpdir(), 'slate-project');
    const source = path.join(project, 'source');
    const reloads = (file: string) => reloadsPages(path.join(project, file), source);
    expect(
      [
        'source/index.html.md.erb',
        'source/includes/_errors.md',
        'source/includes/feed/response.json',
        'source/api.yaml',
        'source/stylesheets/_variables.scss',
        'source/images/logo.png',
        'config.rb',
      ].map(reloads),
    ).toEqual([true, true, true, true, true, true, true]);
    expect(['source/index.html.md.erb.swp', 'source/index.html.md~', 'Gemfile', 'other/config.rb'].map(reloads)).toEqual([false, false, false, false]);
  });
});
