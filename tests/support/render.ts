import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '../../src/content/site';
import { PartCache, pipelineVersion } from '../../src/markdown/part-cache';
import { renderMarkdownPage, type RenderedPage } from '../../src/markdown/render-page';

let version: string | undefined;
/** A part cache of its own for each test file (a fresh temporary folder), so no test sees another's entries. */
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-test-cache-'));

/** A Markdown page rendered as the build renders it, with all its groups' HTML joined. */
export async function renderMarkdown(page: Page, base = '/', takenPaths: ReadonlySet<string> = new Set()): Promise<RenderedPage & { html: string }> {
  version ??= pipelineVersion();
  const rendered = await renderMarkdownPage(page, base, takenPaths, new PartCache(cacheDir, version, page.contentDir));
  return { ...rendered, html: rendered.groups.map((group) => group.html).join('') };
}

/** Shale's whole check of a content folder (what `npm run build` runs first), with a work folder of its own. */
export async function checkFolder(contentDir: string, base = '/') {
  const { ShaleBuild } = await import('../../src/engine/shale-build');
  const content = ShaleBuild.forScript({ content: contentDir, base, workDir: cacheDir }, process.cwd()).content();
  return { content, ...(await content.check()) };
}
