import fs from 'node:fs';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { isAssetFile } from '../content/assets';
import { slateConfigFile } from '../content/erb-constants';
import type { ShaleBuild } from '../engine/shale-build';
import { mdxDocument } from '../markdown/render-page';
import { formatReport } from '../validation/report';
import { hasErrors, type Problem } from '../validation/problem';
import { LOADER_NAME } from './pages-loader';
import type { PageData } from '../content/page-data';
import { HEADINGS_SUFFIX, mdxPageData, outputPages, renderKey, writeIfChanged, writeRendered } from './output-pages';

/**
 * Part of every stored Markdown page's digest: Astro keeps an entry whose digest has not changed, so
 * a new way of storing pages (3: typed data, absolute file paths, the logo; 4: the headings file
 * holds a split page's other ids too) must change the digests
 * to replace the old entries.
 */
const STORE_FORMAT = 4;
/** Marks a sync that reloads after a change (the loader's refreshContextData). */
const RELOAD = 'shaleReload';

/**
 * The content loader: stores each page of the build's content in Astro's content store. A Markdown
 * page is stored with its HTML (rendered once per build: the check before the build rendered it
 * already); an MDX page is written, assembled from its includes, where Astro's MDX integration
 * renders it. In `npm run dev` it watches the content folder, so editing an include reloads the page.
 */
export async function loadPages(build: ShaleBuild, context: LoaderContext): Promise<void> {
  const reloading = (context.refreshContextData as { [RELOAD]?: boolean } | undefined)?.[RELOAD] === true;
  await storePages(build, context);
  // A reload asked for below: the watcher of the first load is still listening.
  if (!context.watcher || reloading) return;
  const contentDir = build.paths.content;
  context.watcher.add(contentDir);
  const configRb = slateConfigFile(contentDir);
  if (fs.existsSync(configRb)) context.watcher.add(configRb);
  let pending: ReturnType<typeof setTimeout> | undefined;
  const reload = (changed: string) => {
    if (!reloadsPages(changed, contentDir)) return;
    clearTimeout(pending);
    // Just long enough to take an editor's save (often unlink + add, or two writes) as one change:
    // an edit waits for this before it reaches the browser (≤ 1 s in all).
    // Any file: an image added or removed changes a page's problems, and the logo its layout.
    pending = setTimeout(() => reloadPages(build, context), 10);
  };
  for (const event of ['change', 'add', 'unlink'] as const) context.watcher.on(event, reload);
}

/**
 * Whether a change to `changed` can change the pages: in the content folder, a page or include
 * (Markdown, MDX, ERB), a partial put in as it is (`.json`, `.html`, `.txt`), an image, an OpenAPI
 * spec (YAML or JSON; a spec given as the content itself too) or the site's look (custom.css, a
 * Slate source's stylesheets/_variables.scss); in it or beside it, Slate's `config.rb` (the strings ERB
 * prints, the kind of heading ids).
 * An editor's swap and backup files are not.
 */
export function reloadsPages(changed: string, contentDir: string): boolean {
  if (changed === slateConfigFile(contentDir) || changed === path.join(contentDir, 'config.rb')) return true;
  const inside = changed === contentDir || changed.startsWith(contentDir + path.sep);
  return inside && (/\.(mdx?|erb|ya?ml|json|s?css|html|txt)$/.test(changed) || isAssetFile(changed));
}

/** How many times each build has stored its pages: tells whether a sync asked for ran the loader. */
const storeCounts = new WeakMap<ShaleBuild, number>();
/** How often, 100 ms apart, a reload is asked for again when Astro's sync did not run the loader. */
const RELOAD_ATTEMPTS = 50;

/**
 * Loads the content again and stores its pages: through Astro's content sync when the dev server gave
 * the way (it saves the store as soon as the pages are loaded, where a store changed outside a sync
 * is saved only after Astro's 500 ms debounce). Astro skips a sync asked for while it reloads its
 * content config, which it does after a sync wrote its files: an edit made then never showed (seen
 * on a loaded machine), so the sync is asked for again until it has run the loader.
 */
function reloadPages(build: ShaleBuild, context: LoaderContext, attempt = 1): void {
  build.invalidate();
  const refresh = build.contentRefresh;
  if (!refresh) return void storePages(build, context);
  const stored = storeCounts.get(build) ?? 0;
  void refresh({ loaders: [LOADER_NAME], context: { [RELOAD]: true } }).then(() => {
    if ((storeCounts.get(build) ?? 0) === stored && attempt < RELOAD_ATTEMPTS) setTimeout(() => reloadPages(build, context, attempt + 1), 100);
  });
}

async function storePages(build: ShaleBuild, context: LoaderContext): Promise<void> {
  storeCounts.set(build, (storeCounts.get(build) ?? 0) + 1);
  const { store, logger, generateDigest } = context;
  const content = build.content();
  // The pages' OpenAPI specs become parts of their pages first: the digests below read the parts.
  await content.prepare();
  const problems: Problem[] = [...content.site.problems];
  // In dev only: a build decided this in its check, before Astro ran.
  if (context.watcher && !hasErrors(problems)) problems.push(...(await content.searchWithNothingToIndex()));
  const seen = new Set<string>();
  for (const page of content.site.pages) {
    seen.add(page.outputPath);
    if (page.dialect === 'mdx') {
      const checked = await content.checkMdx(page);
      problems.push(...checked.problems);
      const text = mdxDocument(page, content.base, content.editUrl).text;
      const file = path.join(build.paths.generated, page.outputPath.replace(/\.html$/, '.mdx'));
      writeIfChanged(file, text);
      const filePath = path.relative(build.paths.root, file).split(path.sep).join('/');
      const data = await context.parseData({ id: page.outputPath, data: mdxPageData(page, content, checked.description) });
      store.set({
        id: page.outputPath,
        data,
        filePath,
        deferredRender: true,
        digest: generateDigest(`${STORE_FORMAT}\n${build.codeVersion}\n${text}\n${JSON.stringify(data)}`),
      });
      // An unchanged entry is not stored again, but Astro still needs its module in this build's import map.
      store.addModuleImport(filePath);
      continue;
    }
    // Shale's code too: a page stored by another version keeps that version's HTML, ids and TOC
    // (an upgrade that changes how headings get their ids must reach every page).
    const digest = generateDigest(`${STORE_FORMAT}\n${build.codeVersion}\n${content.hasLogo}\n${renderKey(page, content)}`);
    if (store.get(page.outputPath)?.digest === digest) {
      // Unchanged: keep the page, and every page of its set when it is split, as long as their HTML
      // files are still there (someone may have deleted .shale/rendered but not Astro's store).
      const kept = [...store.keys()].filter((id) => id === page.outputPath || storedData(store, id)?.set?.source === page.outputPath);
      if (kept.every((id) => renderedFilesExist(storedData(store, id)))) {
        for (const id of kept) seen.add(id);
        // The check before the build rendered it too; nothing needs that copy any more.
        content.release(page);
        continue;
      }
    }
    const rendered = await content.render(page);
    problems.push(...rendered.problems);
    for (const [index, output] of outputPages(page, content, rendered).entries()) {
      const { data, html, headings } = output;
      seen.add(data.outputPath);
      // The first page's digest is the whole page's (it tells an unchanged page above). Each other page
      // of a set has its own, from what it shows, so an edit to one include stores one or two pages, not
      // every page of the set again, and the others' files are not even read (GitHub's API: 490 pages,
      // 50 MB, compared for nothing at each edit).
      const own = index === 0 ? digest : generateDigest(`${STORE_FORMAT}\n${build.codeVersion}\n${html}\n${JSON.stringify(data)}`);
      if (index > 0 && store.get(data.outputPath)?.digest === own && renderedFilesExist(storedData(store, data.outputPath))) continue;
      // The HTML and the headings go to files beside the store: Astro bundles the store into the build,
      // and megabytes there cost seconds; the routes read the files instead (withHeadings()).
      const htmlFile = writeRendered(build.paths.rendered, data.outputPath, html);
      const headingsFile = writeRendered(build.paths.rendered, `${data.outputPath}${HEADINGS_SUFFIX}`, JSON.stringify(headings));
      const stored = await context.parseData({ id: data.outputPath, data: { ...data, headings: [], htmlFile, headingsFile } });
      store.set({ id: data.outputPath, data: stored, digest: own });
    }
    content.release(page);
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  build.storedPages = [...store.keys()].flatMap((id) => storedData(store, id) ?? []);
  removeStaleGenerated(build.paths.generated, seen);

  // `npm run build` reports problems before Astro runs (integration/index.ts); in dev, say them here.
  if (!context.watcher || problems.length === 0) return;
  const report = formatReport(problems, build.paths.cwd);
  if (hasErrors(problems)) logger.error(report);
  else logger.warn(report);
}

/** The data of a stored Markdown page (its HTML file's path included), if the entry exists. */
function storedData(store: LoaderContext['store'], id: string): PageData | undefined {
  return store.get(id)?.data as unknown as PageData | undefined;
}

/** Whether a stored Markdown page's HTML and headings files are both still there. */
const renderedFilesExist = (data: PageData | undefined): boolean => [data?.htmlFile, data?.headingsFile].every((file) => !!file && fs.existsSync(file));

/** Generated MDX files of pages that no longer exist would still be compiled by Astro: remove them. */
function removeStaleGenerated(outDir: string, pages: Set<string>): void {
  if (!fs.existsSync(outDir)) return;
  for (const file of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (
      file.endsWith('.mdx') &&
      !pages.has(
        file
          .split(path.sep)
          .join('/')
          .replace(/\.mdx$/, '.html'),
      )
    )
      fs.rmSync(path.join(outDir, file));
  }
}
