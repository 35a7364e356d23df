import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadSite } from '../content/site';
import { checkMdxPage, mdxDocument, renderMarkdownPage } from '../markdown/render-page';
import { releaseRendered, renderCached, renderKey } from './render-cache';
import { formatReport } from '../validation/report';
import { hasErrors, type Problem } from '../validation/problem';
import { pageData, type PageData } from './page-data';
import { basePath, contentDirectory, generatedDirectory, renderedDirectory } from './settings';
import { LOADER_NAME } from './loader-handoff';

/**
 * The content loader: reads the content folder (SHALE_CONTENT), renders each Markdown page and
 * writes each MDX page, assembled from its includes, where Astro's MDX integration renders it.
 * In `npm run dev` it watches the folder, so editing an include reloads the page.
 */
export function shaleLoader(): Loader {
  return {
    name: LOADER_NAME,
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const contentDir = contentDirectory(root);
      const reloading = (context.refreshContextData as { [RELOAD]?: boolean } | undefined)?.[RELOAD] === true;
      await loadPages(context, root, contentDir, reloading);
      // A reload asked for below: the watcher of the first load is still listening.
      if (!context.watcher || reloading) return;
      context.watcher.add(contentDir);
      let pending: ReturnType<typeof setTimeout> | undefined;
      const reload = (changed: string) => {
        if (!changed.startsWith(contentDir + path.sep) || !/\.mdx?$/.test(changed)) return;
        clearTimeout(pending);
        // Just long enough to take an editor's save (often unlink + add, or two writes) as one change:
        // an edit waits for this before it reaches the browser (≤ 1 s in all, issue 5).
        pending = setTimeout(() => {
          // Through Astro's content sync when the integration gave us the way (setContentRefresh): it
          // saves the store as soon as the pages are loaded, where a store changed outside a sync is
          // saved (and the page reloaded) only after Astro's 500 ms debounce.
          const refresh = contentRefresh;
          void (refresh ? refresh({ loaders: [LOADER_NAME], context: { [RELOAD]: true } }) : loadPages(context, root, contentDir, true));
        }, 10);
      };
      for (const event of ['change', 'add', 'unlink'] as const) context.watcher.on(event, reload);
    },
  };
}

/**
 * Part of every stored Markdown page's digest: Astro keeps an entry whose digest has not changed, so
 * a new way of storing pages (2: headings in files) must change the digests to replace the old entries.
 */
const STORE_FORMAT = 2;
/** Marks a sync that reloads after a change (the loader's refreshContextData). */
const RELOAD = 'shaleReload';

type ContentRefresh = (options: { loaders: string[]; context: Record<string, unknown> }) => Promise<void>;

/** Astro's `refreshContent`, which the integration hands over in astro:server:setup (npm run dev). */
let contentRefresh: ContentRefresh | undefined;
export const setContentRefresh = (refresh: ContentRefresh | undefined): void => {
  contentRefresh = refresh;
};

/** `reloading`: a change in `npm run dev`, where each edit must reach the browser fast. */
async function loadPages(context: LoaderContext, root: string, contentDir: string, reloading = false): Promise<void> {
  const { store, logger, generateDigest } = context;
  const site = loadSite(contentDir);
  const problems: Problem[] = [...site.problems];
  const base = basePath();
  const outDir = generatedDirectory(root);
  const seen = new Set<string>();

  const takenPaths = new Set(site.pages.map((page) => page.outputPath));
  for (const page of site.pages) {
    seen.add(page.outputPath);
    if (page.dialect === 'mdx') {
      const { text } = mdxDocument(page, base);
      problems.push(...(await checkMdxPage(page, base)).problems);
      const file = path.join(outDir, page.outputPath.replace(/\.html$/, '.mdx'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
      const filePath = path.relative(root, file).split(path.sep).join('/');
      store.set({ id: page.outputPath, data: { ...pageData(page) }, filePath, deferredRender: true, digest: generateDigest(text) });
      // An unchanged entry is not stored again, but Astro still needs its module in this build's import map.
      store.addModuleImport(filePath);
      continue;
    }
    const digest = generateDigest(`${STORE_FORMAT}\n${renderKey(page, base, takenPaths)}`);
    if (store.get(page.outputPath)?.digest === digest) {
      // Unchanged: keep the page, and every page of its set when it is split, as long as their HTML
      // files are still there (someone may have deleted .shale/rendered but not Astro's store).
      const kept = [...store.keys()].filter((id) => id === page.outputPath || storedData(store, id)?.set?.source === page.outputPath);
      if (kept.every((id) => renderedFilesExist(root, storedData(store, id)))) {
        for (const id of kept) seen.add(id);
        // The check before the build rendered it too; nothing needs that copy any more.
        releaseRendered(page, base, takenPaths);
        continue;
      }
    }
    // A dev reload renders past the in-memory cache: it would keep every version of the page
    // (megabytes each) for as long as the dev server runs. Unchanged files still come from the part cache.
    const rendered = reloading ? await renderMarkdownPage(page, base, takenPaths) : await renderCached(page, base, takenPaths);
    problems.push(...rendered.problems);
    rendered.groups.forEach((group, index) => {
      seen.add(group.outputPath);
      const data: PageData = {
        ...pageData(page, group.headings),
        outputPath: group.outputPath,
        footers: group.footers,
        ...(rendered.split ? { set: { source: page.outputPath, index, count: rendered.groups.length } } : {}),
        ...(group.title ? { groupTitle: group.title } : {}),
      };
      // The HTML and the headings go to files beside the store: Astro bundles the store into the build,
      // and megabytes there cost seconds; the routes read the files instead (withHeadings()).
      const htmlFile = writeRendered(root, group.outputPath, group.html);
      const headingsFile = writeRendered(root, `${group.outputPath}${HEADINGS_SUFFIX}`, JSON.stringify(group.headings));
      // The first page's digest is the whole page's (it tells an unchanged page above). Each other page
      // of a set has its own, from what it shows, so an edit to one include stores one or two pages, not
      // every page of the set again.
      const own = index === 0 ? digest : generateDigest(`${STORE_FORMAT}\n${group.html}\n${JSON.stringify(data)}`);
      store.set({ id: group.outputPath, data: { ...data, headings: [], htmlFile, headingsFile }, digest: own });
    });
    if (!reloading) releaseRendered(page, base, takenPaths);
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

  removeStaleGenerated(outDir, seen);

  // `npm run build` reports problems before Astro runs (integration/index.ts); in dev, say them here.
  if (!context.watcher || problems.length === 0) return;
  const report = formatReport(problems);
  if (hasErrors(problems)) logger.error(report);
  else logger.warn(report);
}

/** The data of a stored Markdown page (its HTML file's path included), if the entry exists. */
function storedData(store: LoaderContext['store'], id: string): PageData | undefined {
  return store.get(id)?.data as unknown as PageData | undefined;
}

/** Whether a stored Markdown page's HTML and headings files are both still there. */
const renderedFilesExist = (root: string, data: PageData | undefined): boolean =>
  [data?.htmlFile, data?.headingsFile].every((file) => !!file && fs.existsSync(path.join(root, file)));

/** Beside a page's HTML file in .shale/rendered: its headings (page paths end in .html, so never a page). */
const HEADINGS_SUFFIX = '.headings.json';

/**
 * Writes the HTML or headings of a Markdown page where the routes read them; returns the file's path
 * relative to the project. A file that already holds that text is left alone: in `npm run dev` the file
 * watcher reports every write, and an edit to one include changes one page of a split set, not all fifty.
 */
function writeRendered(root: string, name: string, text: string): string {
  const file = path.join(renderedDirectory(root), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!sameText(file, text)) fs.writeFileSync(file, text);
  return path.relative(root, file).split(path.sep).join('/');
}

/** Whether a file holds exactly this text (compared by size first: most changed pages differ there). */
function sameText(file: string, text: string): boolean {
  try {
    return fs.statSync(file).size === Buffer.byteLength(text) && fs.readFileSync(file, 'utf8') === text;
  } catch {
    return false; // Not written yet.
  }
}

/** Generated MDX files of pages that no longer exist would still be compiled by Astro: remove them. */
function removeStaleGenerated(outDir: string, pages: Set<string>): void {
  if (!fs.existsSync(outDir)) return;
  for (const file of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.mdx') && !pages.has(file.split(path.sep).join('/').replace(/\.mdx$/, '.html'))) fs.rmSync(path.join(outDir, file));
  }
}
