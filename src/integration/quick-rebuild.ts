import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import type { ShaleBuild } from '../engine/shale-build';
import type { ShaleLogger } from '../engine/fail';
import { SEARCH_FOLDER, type PendingIndex } from '../search/build/search-index';
import { mdxDocument } from '../markdown/render-page';
import { markdownPath } from '../llms/page-order';
import { mdxPageData, outputPages } from './output-pages';
import {
  bodyDigest,
  pageFacts,
  readPublished,
  publishedSpecs,
  recordPublished,
  shellKey,
  changedSincePublished,
  headingsDigest,
  markdownAsPublished,
  sourceDigest,
  tocRange,
  type PublishedPage,
  type PublishedSite,
} from './published-site';
import { publish } from './output-swap';
import { tocHtml } from '../content/toc-html';
import { notFoundToc, pageToc, setTocPages } from '../content/page-toc';
import type { SetPage } from '../content/toc';
import type { PageData } from '../content/page-data';
import { ANCHOR_SHARDS, anchorShards, compareSources, type AnchorShard } from '../content/anchor-shards';
import { completeSite } from './complete-site';
import { headTextEdits, type TextEdit } from './head-text';
import { llmsText, type ListedPage } from '../llms/page-order';

/**
 * A rebuild after an edit to the text of Markdown pages: the common case while writing, and on a
 * large site most of a full build's time is Astro's (its server build, then every page laid out
 * again, about ten seconds at 5,000 endpoints) for pages that did not change.
 *
 * When everything but some Markdown pages' bodies and headings is as it was when Shale published the
 * output folder (published-site.ts: the code, options and look; every page's data and first h1; the
 * content folder's other files), each changed page is the published page with its body replaced:
 * the route would lay it out the same around the new body. Where headings or ids changed (an h2
 * renamed), every page of that set gets its TOC made again and put in place the same way, and so do
 * the 404 page's TOC and the moved-anchor map when they show that set. The rest of the site is linked from
 * the published one, the search index and the pages' Markdown are made as in a full build
 * (complete-site.ts), and the result is published the same way. Anything else is a full build.
 */

/** What a quick rebuild does: the pages whose body changed, and the record of the site it publishes. */
export interface QuickPlan {
  rewrites: Rewrite[];
  sources: Record<string, string>;
  pages: Record<string, Omit<PublishedPage, 'size' | 'mtimeMs'>>;
  record: PublishedSite;
  /** The pages as the files for AI assistants list them: the published list, with the titles and descriptions that changed. */
  listed: ListedPage[];
}

/** A file of the published site that changed: a page with its new body or TOC in place, the 404 page's TOC, a file of the moved-anchor map. */
interface Rewrite {
  outputPath: string;
  bytes: Buffer;
}

/** A Markdown page whose headings or ids changed: its output pages (with their headings and ids), and its set's TOC pages when split. */
interface HeadingsChange {
  pages: PageData[];
  set: SetPage[] | undefined;
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
  // The Markdown pages whose headings or ids changed, by source: their pages (with headings) and, when split, their set's TOC pages.
  const headingsChanges = new Map<string, HeadingsChange>();
  // The output pages of the Markdown pages that changed, as they are now: their titles and descriptions are compared with the published ones.
  const changedOutputs: PageData[] = [];
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
    const outputs = outputPages(page, content, await content.render(page)).map((output) => ({
      ...output,
      data: { ...output.data, headings: output.headings.headings, ids: output.headings.ids },
    }));
    // New headings or ids change the TOC of every page of the set (each lists the set's h1s) and its moved-anchor map.
    const headingsChanged = outputs.some((output) => record.pages[output.data.outputPath]?.headings !== headingsDigest(output.headings));
    changedOutputs.push(...outputs.map((output) => output.data));
    const set = headingsChanged && outputs[0]?.data.set ? setTocPages(outputs.map((output) => output.data)) : undefined;
    if (headingsChanged) headingsChanges.set(page.outputPath, { pages: outputs.map((output) => output.data), set });
    for (const output of outputs) {
      const { outputPath } = output.data;
      const published = record.pages[outputPath];
      if (!published) return { reason: `${outputPath} is a new page` };
      if (published.facts !== pageFacts(output.data, output.headings))
        return { reason: `the front matter, first h1 or place in its set of ${outputPath} changed` };
      if (!published.body || !published.bodyDigest) return { reason: `the body of ${outputPath} was not found in its published file` };
      const toc = headingsChanged ? Buffer.from(tocHtml(pageToc(output.data, output.data.headings, set))) : undefined;
      if (toc && (!published.toc || !published.tocDigest)) return { reason: `the table of contents of ${outputPath} was not found in its published file` };
      const updated: QuickPlan['pages'][string] = {
        ...published,
        headings: headingsDigest(output.headings),
        bodyDigest: bodyDigest(output.html),
        ...(toc ? { tocDigest: bodyDigest(toc) } : {}),
      };
      if (updated.bodyDigest === published.bodyDigest && updated.tocDigest === published.tocDigest) {
        pages[outputPath] = updated;
        continue;
      }
      // The TOC (in the sidebar) comes before the body (in <main>): both are put in place, each where it was.
      const file = fs.readFileSync(path.join(build.paths.outDir, outputPath));
      const body = Buffer.from(output.html);
      const spliced = splice(file, [...(published.toc ? [{ range: published.toc, bytes: toc }] : []), { range: published.body, bytes: body }]);
      pages[outputPath] = { ...updated, body: spliced.ranges.at(-1)!, ...(published.toc ? { toc: spliced.ranges[0]! } : {}) };
      rewrites.push({ outputPath, bytes: spliced.bytes });
    }
  }
  const removed = Object.keys(record.pages).filter((outputPath) => !(outputPath in pages));
  if (removed.length > 0) return { reason: `${removed[0]} is no longer a page` };
  // A split page's title (its first h2, an operation's summary) or a page's description changed: put in place in its head, and in its neighbours' pagers.
  const heads = headTextEdits(record.listed, changedOutputs);
  if (typeof heads === 'string') return { reason: heads };
  const edited = applyTextEdits(build, heads.edits, rewrites, pages);
  if (typeof edited === 'string') return { reason: edited };
  // llms.txt lists every page by its title and description (a route of Astro's, which a quick rebuild does not run).
  if (heads.edits.size > 0) {
    const { base, site } = build.options;
    const address = (file: string) => (site ? new URL(`${base}${file}`, site).href : `${base}${file}`);
    rewrites.push({ outputPath: LLMS_TXT, bytes: Buffer.from(llmsText(heads.listed, address)) });
  }
  // The 404 page and the moved-anchor map follow the changed headings (nothing to do when none changed).
  for (const made of [notFoundRewrite(build, record, headingsChanges), anchorRewrites(build, record, headingsChanges)]) {
    if (typeof made === 'string') return { reason: made };
    rewrites.push(...made);
  }
  return { rewrites, sources, pages, record, listed: heads.listed };
}

/**
 * Puts each text edit in place in its page: in the rewrite already planned for it, else in its
 * published file (a rewrite more). The old text must be there exactly once, or the full build is
 * needed (a string says why). Where the page's body and TOC are moves with the text before them.
 */
function applyTextEdits(build: ShaleBuild, edits: ReadonlyMap<string, readonly TextEdit[]>, rewrites: Rewrite[], pages: QuickPlan['pages']): void | string {
  for (const [outputPath, pageEdits] of edits) {
    let rewrite = rewrites.find((planned) => planned.outputPath === outputPath);
    if (!rewrite) {
      const file = readIfThere(path.join(build.paths.outDir, outputPath));
      if (!file) return `${outputPath} was not found in the published site`;
      rewrites.push((rewrite = { outputPath, bytes: file }));
    }
    for (const { from, to } of pageEdits) {
      const old = Buffer.from(from);
      const at = rewrite.bytes.indexOf(old);
      if (at < 0 || rewrite.bytes.indexOf(old, at + 1) >= 0) return `the title or description of ${outputPath} was not found once in its published file`;
      const bytes = Buffer.from(to);
      rewrite.bytes = Buffer.concat([rewrite.bytes.subarray(0, at), bytes, rewrite.bytes.subarray(at + old.length)]);
      const shift = (range: [number, number] | undefined): [number, number] | undefined =>
        range && range[0] >= at + old.length ? [range[0] + bytes.length - old.length, range[1] + bytes.length - old.length] : range;
      const page = pages[outputPath];
      if (page) pages[outputPath] = { ...page, ...(page.body ? { body: shift(page.body) } : {}), ...(page.toc ? { toc: shift(page.toc) } : {}) };
    }
  }
}

/**
 * Stages the site of a quick rebuild in `staging`: the published site linked and the changed pages
 * written, while Pagefind indexes (`searchIndex`, started after the check). Returns what finishes
 * it, once Astro is done (at once, in `npm run build`: build-without-astro.ts): the pages' Markdown, the index, publishing, the record.
 */
export function startQuickRebuild(build: ShaleBuild, plan: QuickPlan, staging: string, searchIndex: PendingIndex): (logger: ShaleLogger) => Promise<void> {
  // Written below, or made again from the pages (complete-site.ts): never linked, so never written through a link into the published site.
  // A page not rewritten keeps its published Markdown (made from the same HTML by the same code), linked like its HTML.
  const listed = plan.listed;
  const rewritten = new Set(plan.rewrites.map((rewrite) => rewrite.outputPath));
  const kept = new Set(
    listed
      .filter((page) => !rewritten.has(page.outputPath) && markdownAsPublished(build, page.outputPath, plan.record.pages[page.outputPath]))
      .map((page) => page.outputPath),
  );
  const written = new Set([...rewritten, 'llms-full.txt', ...listed.filter((page) => !kept.has(page.outputPath)).map((page) => markdownPath(page.outputPath))]);
  try {
    linkSite(build.paths.outDir, staging, (relative) => relative === SEARCH_FOLDER || written.has(relative));
    for (const rewrite of plan.rewrites) fs.writeFileSync(path.join(staging, rewrite.outputPath), rewrite.bytes);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return async (logger) => {
    await completeSite(build, staging, searchIndex, listed, logger, kept);
    publish(staging, build.paths.outDir);
    recordPublished(build, { shell: plan.record.shell, specs: publishedSpecs(build), sources: plan.sources, listed }, plan.pages);
    const count = Object.keys(plan.pages).length;
    const rewritten = plan.rewrites.filter((rewrite) => rewrite.outputPath in plan.pages).length;
    logger.info(`quick rebuild: ${rewritten} of ${count} page(s) rewritten, the others kept as published; site written to ${build.paths.outDir}`);
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

/**
 * A file with some of its regions replaced (`bytes`; none keeps the region as it is): the new file,
 * and where each region now is, in the order given.
 */
function splice(
  file: Buffer,
  regions: ReadonlyArray<{ range: [number, number]; bytes: Buffer | undefined }>,
): { bytes: Buffer; ranges: Array<[number, number]> } {
  const order = regions.map((_, index) => index).sort((a, b) => regions[a]!.range[0] - regions[b]!.range[0]);
  const parts: Buffer[] = [];
  const ranges: Array<[number, number]> = [];
  let at = 0;
  let length = 0;
  for (const index of order) {
    const { range, bytes } = regions[index]!;
    const before = file.subarray(at, range[0]);
    const region = bytes ?? file.subarray(...range);
    parts.push(before, region);
    length += before.length;
    ranges[index] = [length, length + region.length];
    length += region.length;
    at = range[1];
  }
  parts.push(file.subarray(at));
  return { bytes: Buffer.concat(parts), ranges };
}

/**
 * The 404 page with its TOC made again, when the doc it shows the TOC of (the first: `index.html`,
 * else the first page, as 404.astro picks it) had its headings changed; else nothing to do. A string
 * says why the full build is needed.
 */
function notFoundRewrite(build: ShaleBuild, record: PublishedSite, headingsChanges: ReadonlyMap<string, HeadingsChange>): Rewrite[] | string {
  const listed = record.listed;
  const start = listed.find((page) => page.outputPath === 'index.html') ?? listed.find((page) => !page.set || page.set.index === 0);
  const changed = start && headingsChanges.get(start.set?.source ?? start.outputPath);
  if (!changed) return [];
  const startData = changed.pages.find((page) => page.outputPath === start.outputPath)!;
  const file = readIfThere(path.join(build.paths.outDir, NOT_FOUND));
  const range = file && tocRange(file);
  if (!range) return `the table of contents of ${NOT_FOUND} was not found in its published file`;
  const toc = tocHtml(notFoundToc(startData, startData.headings, changed.set, build.options.base));
  return [{ outputPath: NOT_FOUND, bytes: splice(file, [{ range, bytes: Buffer.from(toc) }]).bytes }];
}

const NOT_FOUND = '404.html';
const LLMS_TXT = 'llms.txt';

/**
 * The files of the moved-anchor map made again for the split sets whose ids changed: each file keeps
 * the other sets' entries as published, in the order of the sets' sources, as the route writes them
 * (pages/shale/anchors/[shard].json.ts).
 */
function anchorRewrites(build: ShaleBuild, record: PublishedSite, headingsChanges: ReadonlyMap<string, HeadingsChange>): Rewrite[] | string {
  const changed = [...headingsChanges].filter(([, { set }]) => set);
  if (changed.length === 0) return [];
  const fresh = anchorShards(changed.flatMap(([, { pages }]) => pages));
  const sources = [...new Set(record.listed.flatMap((page) => (page.set ? [page.set.source] : [])))].sort(compareSources);
  const rewrites: Rewrite[] = [];
  for (let shard = 0; shard < ANCHOR_SHARDS; shard++) {
    const outputPath = `${ANCHORS_FOLDER}/${shard}.json`;
    const file = readIfThere(path.join(build.paths.outDir, outputPath));
    if (!file) return `${outputPath} was not found in the published site`;
    const published = JSON.parse(file.toString('utf8')) as AnchorShard;
    const map: AnchorShard = {};
    for (const source of sources) {
      const ids = headingsChanges.has(source) ? fresh[shard]![source] : published[source];
      if (ids) map[source] = ids;
    }
    const text = JSON.stringify(map);
    if (text !== file.toString('utf8')) rewrites.push({ outputPath, bytes: Buffer.from(text) });
  }
  return rewrites;
}

/** Where the route writes the moved-anchor map's files, in the site. */
const ANCHORS_FOLDER = 'shale/anchors';

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
