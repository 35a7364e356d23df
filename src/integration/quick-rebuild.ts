import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import type { ShaleBuild } from '../engine/shale-build';
import { SEARCH_FOLDER, type PendingIndex } from '../search/build/search-index';
import { mdxDocument } from '../markdown/render-page';
import { markdownPath } from '../llms/page-order';
import { mdxPageData, outputPages } from './output-pages';
import {
  bodyDigest,
  pageFacts,
  readPublished,
  recordPublished,
  shellKey,
  changedSincePublished,
  sourceDigest,
  type PublishedPage,
  type PublishedSite,
} from './published-site';
import { publish } from './output-swap';
import { completeSite } from './complete-site';

/**
 * A rebuild after an edit to the text of Markdown pages: the common case while writing, and on a
 * large site most of a full build's time is Astro's (its server build, then every page laid out
 * again, about ten seconds at 5,000 endpoints) for pages that did not change.
 *
 * When everything but some Markdown pages' bodies is as it was when Shale published the output
 * folder (published-site.ts: the code, options and look; every page's data, headings and ids; the
 * content folder's other files), each changed page is the published page with its body replaced:
 * the route would lay it out the same around the new body. The rest of the site is linked from
 * the published one, the search index and the pages' Markdown are made as in a full build
 * (complete-site.ts), and the result is published the same way. Anything else is a full build.
 */

/** What a quick rebuild does: the pages whose body changed, and the record of the site it publishes. */
export interface QuickPlan {
  rewrites: Rewrite[];
  sources: Record<string, string>;
  pages: Record<string, Omit<PublishedPage, 'size' | 'mtimeMs'>>;
  record: PublishedSite;
}

/** A page whose body changed: the published file with the new body in place. */
interface Rewrite {
  outputPath: string;
  bytes: Buffer;
}

/**
 * The quick rebuild of the site, when only the bodies of Markdown pages changed since Shale published
 * the output folder; else why not (no reason for a folder Shale has not published into).
 */
export async function planQuickRebuild(build: ShaleBuild): Promise<QuickPlan | { reason?: string }> {
  const record = readPublished(build);
  if (!record) return {};
  if (record.shell !== shellKey(build))
    return { reason: "Shale's code, the options, the site's look or a file of the content folder other than Markdown changed" };
  const changed = changedSincePublished(build, record);
  if (changed) return { reason: `${path.join(build.paths.outDir, changed)} was changed or removed since Shale published it` };

  const content = build.content();
  const pages: QuickPlan['pages'] = {};
  const sources: QuickPlan['sources'] = {};
  const rewrites: Rewrite[] = [];
  for (const page of content.site.pages) {
    if (page.dialect === 'mdx') {
      // Astro compiles MDX pages: one that changed needs the full build.
      const facts = pageFacts(
        mdxPageData(page, content, (await content.checkMdx(page)).description),
        undefined,
        mdxDocument(page, content.base, content.editUrl).text,
      );
      const published = record.pages[page.outputPath];
      if (published?.facts !== facts) return { reason: `the MDX page ${page.outputPath} changed` };
      pages[page.outputPath] = published;
      continue;
    }
    const digest = (sources[page.outputPath] = sourceDigest(page, content));
    if (record.sources[page.outputPath] === digest) {
      for (const listed of record.listed) {
        if (listed.outputPath === page.outputPath || listed.set?.source === page.outputPath) pages[listed.outputPath] = record.pages[listed.outputPath]!;
      }
      continue;
    }
    for (const output of outputPages(page, content, await content.render(page))) {
      const { outputPath } = output.data;
      const published = record.pages[outputPath];
      if (!published) return { reason: `${outputPath} is a new page` };
      if (published.facts !== pageFacts(output.data, output.headings))
        return { reason: `the headings, ids, title, description or front matter of ${outputPath} changed` };
      if (!published.body || !published.bodyDigest) return { reason: `the body of ${outputPath} was not found in its published file` };
      const digest = bodyDigest(output.html);
      if (digest === published.bodyDigest) {
        pages[outputPath] = published;
        continue;
      }
      const file = fs.readFileSync(path.join(build.paths.outDir, outputPath));
      const [start, end] = published.body;
      const body = Buffer.from(output.html);
      pages[outputPath] = { facts: published.facts, body: [start, start + body.length], bodyDigest: digest };
      rewrites.push({ outputPath, bytes: Buffer.concat([file.subarray(0, start), body, file.subarray(end)]) });
    }
  }
  const removed = Object.keys(record.pages).filter((outputPath) => !(outputPath in pages));
  if (removed.length > 0) return { reason: `${removed[0]} is no longer a page` };
  return { rewrites, sources, pages, record };
}

/**
 * Stages the site of a quick rebuild in `staging`: the published site linked and the changed pages
 * written, while Pagefind indexes (`searchIndex`, started after the check). Returns what finishes
 * it, once Astro is done: the pages' Markdown, the index, publishing, the record.
 */
export function startQuickRebuild(
  build: ShaleBuild,
  plan: QuickPlan,
  staging: string,
  searchIndex: PendingIndex,
): (logger: AstroIntegrationLogger) => Promise<void> {
  // Written below, or made again from the pages (complete-site.ts): never linked, so never written through a link into the published site.
  const listed = plan.record.listed;
  const written = new Set([...plan.rewrites.map((rewrite) => rewrite.outputPath), 'llms-full.txt', ...listed.map((page) => markdownPath(page.outputPath))]);
  try {
    linkSite(build.paths.outDir, staging, (relative) => relative === SEARCH_FOLDER || written.has(relative));
    for (const rewrite of plan.rewrites) fs.writeFileSync(path.join(staging, rewrite.outputPath), rewrite.bytes);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return async (logger) => {
    await completeSite(build, staging, searchIndex, listed, logger);
    publish(staging, build.paths.outDir, build.paths.work);
    recordPublished(build, { shell: plan.record.shell, sources: plan.sources, listed }, plan.pages);
    const count = Object.keys(plan.pages).length;
    logger.info(`quick rebuild: ${plan.rewrites.length} of ${count} page(s) rewritten, the others kept as published; site written to ${build.paths.outDir}`);
  };
}

/**
 * Astro's configuration for a build that has nothing left to do: Astro has no way for an
 * integration to end a build early, so it is given an empty source folder (no routes, no content
 * collections, no public files) and a scratch output folder, removed when it ends. Its content sync
 * still writes the types of no collections into the project's `.astro/`: `restore` puts back the
 * types of the real ones (the editor and `astro check` read them).
 */
export function nothingToBuild(
  root: string,
  work: string,
  scratch: string,
): { config: Pick<AstroConfig, 'srcDir' | 'publicDir' | 'outDir' | 'cacheDir'>; restore: () => void } {
  const empty = path.join(work, 'nothing');
  fs.rmSync(empty, { recursive: true, force: true });
  // An empty pages folder: without one, Astro warns that it is missing.
  fs.mkdirSync(path.join(empty, 'pages'), { recursive: true });
  const url = (dir: string) => pathToFileURL(`${dir}/`);
  const types = path.join(root, '.astro');
  const kept = new Map<string, Buffer>();
  if (fs.existsSync(types)) {
    for (const entry of fs.readdirSync(types, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) kept.set(path.join(entry.parentPath, entry.name), fs.readFileSync(path.join(entry.parentPath, entry.name)));
    }
  }
  return {
    config: { srcDir: url(empty), publicDir: url(empty), outDir: url(scratch), cacheDir: url(path.join(scratch, 'cache')) },
    restore: () => {
      for (const [file, bytes] of kept) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, bytes);
      }
    },
  };
}

/**
 * Makes `to` a copy of the site in `from` whose files are hard links (a second each for tens of
 * thousands of files would be copies; links cost nothing), leaving out what `skip` names (paths
 * relative to the site, with `/`). Where links cannot be made (another disk), files are copied.
 */
function linkSite(from: string, to: string, skip: (relative: string) => boolean, relative = ''): void {
  fs.mkdirSync(path.join(to, relative), { recursive: true });
  for (const entry of fs.readdirSync(path.join(from, relative), { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (skip(name)) continue;
    if (entry.isDirectory()) {
      linkSite(from, to, skip, name);
      continue;
    }
    try {
      fs.linkSync(path.join(from, name), path.join(to, name));
    } catch {
      fs.copyFileSync(path.join(from, name), path.join(to, name));
    }
  }
}
