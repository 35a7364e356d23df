import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '../content/site';
import type { HeadingsFile, PageData } from '../content/page-data';
import type { ContentState } from '../engine/content-state';
import type { ShaleBuild } from '../engine/shale-build';
import { markdownPath, type ListedPage } from '../llms/page-order';
import { renderKey } from './output-pages';

/**
 * What Shale remembers of the site it last published into an output folder, so that the next build
 * can tell whether only the bodies of some pages changed (quick-rebuild.ts). Kept in
 * `.shale/published/`, one file per output folder, never in the site.
 */
export interface PublishedSite {
  format: typeof FORMAT;
  /** Everything every page's layout depends on beside its own data (shellKey). */
  shell: string;
  /** The OpenAPI spec files the pages read (absolute paths): left out of `shell`, as their parts reach the pages through `sources`. */
  specs: string[];
  /** Each Markdown page of the content folder → the digest of everything its rendering depends on. */
  sources: Record<string, string>;
  /** Each output page (Markdown or MDX) as published. */
  pages: Record<string, PublishedPage>;
  /** The pages as the files for AI assistants list them (llms/llms-files.ts). */
  listed: ListedPage[];
}

export interface PublishedPage {
  /** The digest of what the route lays the page out from, its body aside (pageFacts). */
  facts: string;
  /** The size and modification time of its file when published: a file changed since is noticed. */
  size: number;
  mtimeMs: number;
  /** The same of its Markdown file (`kittens.md`), when it has one: a quick rebuild keeps it only while it is the one published. */
  markdown?: [number, number];
  /** Where a Markdown page's body is in its file, in bytes: [start, end). */
  body?: [number, number];
  /** The digest of that body (bodyDigest): an unchanged body is known without reading the file. */
  bodyDigest?: string;
  /** The digest of a Markdown page's headings and other ids (headingsDigest): when they change, so may every TOC of its set. */
  headings?: string;
  /** Where its table of contents (the lists inside the TOC's <nav>) is in its file, in bytes: [start, end), and their digest. */
  toc?: [number, number];
  tocDigest?: string;
}

/** Changes whenever what is recorded, or how, changes: an older record is then ignored. */
const FORMAT = 4;

const sha1 = (...parts: Array<string | Buffer>) => parts.reduce((hash, part) => hash.update(part), createHash('sha1')).digest('hex');

/** The record of the site published in the build's output folder. */
const recordFile = (build: ShaleBuild): string => path.join(build.paths.work, 'published', `${sha1(build.paths.outDir).slice(0, 16)}.json`);

/** The record of the site in the output folder, if Shale published it and has one in this format. */
export function readPublished(build: ShaleBuild): PublishedSite | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(recordFile(build), 'utf8')) as PublishedSite;
    return record.format === FORMAT ? record : undefined;
  } catch {
    return undefined; // None yet, or unreadable: a full build writes a new one.
  }
}

/**
 * Whether Shale recorded a site it published into the output folder and the folder is still there
 * (the next build may be a quick rebuild). A record without its folder is a cold build's, as on a
 * fresh clone: the output folder removed by hand, or by the bench before each cold build.
 */
export function hasPublished(build: ShaleBuild): boolean {
  return fs.existsSync(recordFile(build)) && fs.existsSync(build.paths.outDir);
}

/** Forgets the record (before a build replaces the site, so a failure half-way leaves no stale record). */
export function forgetPublished(build: ShaleBuild): void {
  fs.rmSync(recordFile(build), { force: true });
}

/** Records the site just published: each page's file is read for its size, time and body. */
export function recordPublished(
  build: ShaleBuild,
  site: Omit<PublishedSite, 'format' | 'pages'>,
  pages: Record<string, Omit<PublishedPage, 'size' | 'mtimeMs' | 'markdown'>>,
): void {
  const published: Record<string, PublishedPage> = {};
  for (const [outputPath, page] of Object.entries(pages)) {
    const stat = fs.statSync(path.join(build.paths.outDir, outputPath));
    const markdown = statIfThere(path.join(build.paths.outDir, markdownPath(outputPath)));
    // A quick rebuild hands back the published entries: their size, time and Markdown are read again here.
    const { size: _size, mtimeMs: _time, markdown: _markdown, ...facts } = page as Partial<PublishedPage>;
    published[outputPath] = {
      ...facts,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      ...(markdown ? { markdown: [markdown.size, markdown.mtimeMs] } : {}),
    } as PublishedPage;
  }
  const file = recordFile(build);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ format: FORMAT, ...site, pages: published } satisfies PublishedSite));
}

/** Whether a page's Markdown file is the one recorded when the site was published. */
export function markdownAsPublished(build: ShaleBuild, outputPath: string, page: PublishedPage | undefined): boolean {
  const stat = statIfThere(path.join(build.paths.outDir, markdownPath(outputPath)));
  return !!stat && !!page?.markdown && stat.size === page.markdown[0] && stat.mtimeMs === page.markdown[1];
}

function statIfThere(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** The first page of the record whose file is not the one published any more (another size or time, or gone). */
export function changedSincePublished(build: ShaleBuild, record: PublishedSite): string | undefined {
  return Object.keys(record.pages).find((outputPath) => {
    const page = record.pages[outputPath]!;
    try {
      const stat = fs.statSync(path.join(build.paths.outDir, outputPath));
      return stat.size !== page.size || stat.mtimeMs !== page.mtimeMs;
    } catch {
      return true;
    }
  });
}

/**
 * What a page's layout is made from, its body and its table of contents aside: its data (title, tabs,
 * split set…), its first h1 (the next and previous pages of a split set are named by it), and for an
 * MDX page its whole text. A split page's own title (`groupTitle`) and its description are left out:
 * the published site lists them (`listed`), and a quick rebuild puts a changed one in place
 * (quick-rebuild.ts, headTextEdits). Its headings and ids are recorded apart (headingsDigest):
 * a quick rebuild rewrites the TOCs and the moved-anchor map they change. Key order does not
 * matter: the content store hands the data back in its schema's order.
 */
export function pageFacts(data: PageData, headings: HeadingsFile | undefined, mdxText?: string): string {
  const { htmlFile: _html, headingsFile: _headings, headings: _list, ids: _ids, groupTitle: _title, description: _description, ...layout } = data;
  const h1 = headings?.headings.find((heading) => heading.level === 1)?.text ?? null;
  return sha1(canonicalJson({ layout, h1, mdx: mdxText === undefined ? null : sha1(mdxText) }));
}

/** The digest of a Markdown page's headings and other ids: every TOC of its set and the moved-anchor map are made from them. */
export const headingsDigest = (headings: HeadingsFile): string => sha1(canonicalJson({ headings: headings.headings, ids: headings.ids }));

/** How the TOC's lists start in a built page (TableOfContents.astro): they end at the next </nav>. */
const TOC_START = '<nav class="toc" aria-label="Table of contents">';

/** Where the TOC's lists are in a built page, in bytes: [start, end); none when not found for sure. */
export function tocRange(file: Buffer): [number, number] | undefined {
  const open = file.indexOf(TOC_START);
  if (open < 0) return undefined;
  const start = open + Buffer.byteLength(TOC_START);
  const end = file.indexOf('</nav>', start);
  // A <nav> inside the lists (from a heading's HTML) would end them early: none, and a change of headings takes the full build.
  if (end < 0 || file.subarray(start, end).includes('<nav')) return undefined;
  return [start, end];
}

/** The digest of a Markdown page's body, its HTML as the route puts it in the page. */
export const bodyDigest = (html: string | Buffer): string => sha1(html);

/** The digest of everything a Markdown page's rendering depends on (the content loader's key, loader.ts). */
export const sourceDigest = (page: Page, content: ContentState): string => sha1(renderKey(page, content));

/**
 * Everything the layout of every page depends on beside the pages' own data: Shale's code and the
 * locked dependencies (the layout, its styles and scripts, Astro itself), the options, the site's
 * look, the tab rules, the logo, and every file of the content folder but its Markdown and its
 * OpenAPI specs (images are copied into the site, an MDX page may import a file). When it changes,
 * every page is built again. The specs are known once the content is prepared; before that, the
 * record's list stands in (`npm run build`'s first look, build-without-astro.ts): an edited spec's
 * time is then not taken for a change of the look.
 */
export function shellKey(build: ShaleBuild, specFiles: Iterable<string> = build.content().specFiles): string {
  const content = build.content();
  const hash = createHash('sha1').update(String(FORMAT));
  const root = build.paths.root;
  const code = ['src', 'public'].flatMap((folder) => filesUnder(path.join(root, folder)));
  for (const file of [...code, ...['astro.config.mjs', 'package.json', 'package-lock.json'].map((name) => path.join(root, name))].sort()) {
    if (fs.existsSync(file)) hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  }
  const { problems: _problems, ...brand } = content.brand();
  hash.update(canonicalJson({ options: build.options, brand, tabs: content.maxTabs, logo: content.hasLogo }));
  // A spec's files reach the pages only as their parts (a page's source digest, an MDX page's text), unless an MDX page imports one.
  const imported = importedByMdx(content);
  const specs = new Set([...specFiles].filter((file) => !imported.has(file)));
  for (const file of filesUnder(content.site.contentDir)
    .filter((file) => !/\.md(\.erb)?$/.test(file) && !specs.has(file))
    .sort()) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(content.site.contentDir, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** The spec files of the content as checked, for the record. */
export const publishedSpecs = (build: ShaleBuild): string[] => [...build.content().specFiles].sort();

/** The files the MDX pages import (`import data from './api.json'`), by absolute path: their contents are compiled into the page. */
function importedByMdx(content: ContentState): Set<string> {
  const imported = new Set<string>();
  for (const page of content.site.pages) {
    if (page.dialect !== 'mdx') continue;
    const sources = new Set([page.file, ...page.parts.filter((part) => !part.generated).map((part) => part.path)]);
    for (const source of sources) {
      const text = fs.existsSync(source) ? fs.readFileSync(source, 'utf8') : '';
      for (const [, specifier] of text.matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]/gm)) imported.add(path.resolve(path.dirname(source), specifier!));
    }
  }
  return imported;
}

/** Every file under a folder (none when it does not exist; the file itself when it is one: a spec given as the content). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** JSON with every object's keys sorted: the same value gives the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * Records the site a full build just published (index.ts): each page's facts, and where a Markdown
 * page's body is in its file, found by looking for the HTML the route put there.
 */
export function recordBuild(build: ShaleBuild, pages: readonly PageData[]): void {
  const content = build.content();
  const sources = Object.fromEntries(content.site.pages.filter((page) => page.dialect !== 'mdx').map((page) => [page.outputPath, sourceDigest(page, content)]));
  const recorded: Record<string, Omit<PublishedPage, 'size' | 'mtimeMs' | 'markdown'>> = {};
  for (const data of pages) {
    if (data.dialect === 'mdx') {
      const text = fs.readFileSync(path.join(build.paths.generated, data.outputPath.replace(/\.html$/, '.mdx')), 'utf8');
      recorded[data.outputPath] = { facts: pageFacts(data, undefined, text) };
      continue;
    }
    const headings = JSON.parse(fs.readFileSync(data.headingsFile!, 'utf8')) as HeadingsFile;
    const html = fs.readFileSync(data.htmlFile!);
    const file = fs.readFileSync(path.join(build.paths.outDir, data.outputPath));
    const start = html.length > 0 ? file.indexOf(html, Math.max(0, file.indexOf('<main'))) : -1;
    const toc = tocRange(file);
    recorded[data.outputPath] = {
      facts: pageFacts(data, headings),
      headings: headingsDigest(headings),
      ...(start >= 0 ? { body: [start, start + html.length], bodyDigest: bodyDigest(html) } : {}),
      ...(toc ? { toc, tocDigest: bodyDigest(file.subarray(...toc)) } : {}),
    };
  }
  const listed = pages.map(({ outputPath, title, groupTitle, description, set }): ListedPage => ({
    outputPath,
    title,
    ...(groupTitle === undefined ? {} : { groupTitle }),
    ...(description === undefined ? {} : { description }),
    ...(set ? { set: { source: set.source, index: set.index } } : {}),
  }));
  recordPublished(build, { shell: shellKey(build), specs: publishedSpecs(build), sources, listed }, recorded);
}
