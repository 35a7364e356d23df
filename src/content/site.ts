import fs from 'node:fs';
import path from 'node:path';
import { frontMatterSchema, includeFrontMatterSchema, tocDepthOf, type FrontMatter } from '../schema/front-matter';
import { normaliseTabs, type LanguageTab } from '../schema/language-tabs';
import { problem, type Problem, type Where } from '../validation/problem';
import type { FactsOf } from '../validation/definitions';
import { availableIncludes, includeCandidates, resolveInclude } from './includes';
import { isErb, readErb } from './erb';
import { readErbConstants, slateConfigFile, type ErbConstants } from './erb-constants';
import { customHeadingIds, slateRendering, type HeadingIds, type SlateRendering } from './slate-renderer';
import { SLATE_LAYOUT_INCLUDES, slateLayoutIncludes, type SlateLayoutIncludes } from './slate-layout';
import { isSpec, SPEC_FILE, specSite } from './spec-site';
import { hasUnclosedFrontMatter, keyLine, listItemLines, readFrontMatter, splitSource, unclosedFrontMatter, type SourceFile } from './source-file';
import { isKnownLanguage, isRougeOnlyLanguage, nearestLanguages, nearestNames, splitTabName } from '../schema/languages';
import { lineBreaks } from './line-breaks';

/** One output page: its front matter and the files it is made of, in reading order. */
export interface Page {
  /** The page's own file (absolute). */
  file: string;
  /** The content folder the page belongs to (absolute): images resolve against it. */
  contentDir: string;
  /** Output path relative to the site root: `index.html`, `v2.html`, `v3/index.html`. */
  outputPath: string;
  dialect: 'md' | 'mdx';
  frontMatter: FrontMatter;
  tabs: LanguageTab[];
  /** The toc_footers entries as safe HTML, with the #anchors they link to and their line. */
  footers: Array<{ html: string; anchors: string[]; line?: number }>;
  /** The page body first, then every include (nested ones in place), as Slate appends them. */
  parts: SourceFile[];
  /** Whether the page is in Slate's own format (`*.html.md`, `*.html.md.erb`), where Slate's leniencies apply. */
  slate: boolean;
  /** A Slate page whose project made its heading ids the way an older Slate did (content/slate-renderer.ts). */
  headingIds?: HeadingIds;
  /** A Slate page whose project had Redcarpet's SmartyPants curl its quotes (content/slate-renderer.ts). */
  smartypants?: boolean;
  /** The OpenAPI specs the page names (`openapi:`), found; their sections follow the parts (src/openapi/). */
  specs: SpecReference[];
}

/** An OpenAPI spec named by a page, with what of it to show. */
interface SpecReference {
  /** The spec's file (absolute). */
  file: string;
  /** The line of the page's front matter that names it. */
  line?: number;
  tags: string[];
  webhooks?: boolean;
  schemas?: boolean;
  /** The spec is the whole page: its description goes under an "Introduction" h1. */
  introduction?: boolean;
  /** Named among the includes: its sections go before the part at this index (else after every part). */
  at?: number;
}

export interface Site {
  contentDir: string;
  pages: Page[];
  problems: Problem[];
}

/** Folders that never hold pages: Slate's partials and assets. */
const SKIPPED_FOLDERS = new Set(['includes', 'images', 'fonts', 'javascripts', 'stylesheets', 'layouts', 'node_modules']);

/** A page in Slate's own format: Markdown, or Markdown in ERB (erb.ts). */
export const isSlatePage = (file: string): boolean => /\.html\.md(\.erb)?$/.test(file);

/** Whether a folder holds a Slate page as Slate names it since 2014: `index.html.md` (or `.html.md.erb`). */
export const hasSlateIndex = (dir: string): boolean => ['index.html.md', 'index.html.md.erb'].some((name) => fs.existsSync(path.join(dir, name)));

/**
 * Which kind of Slate source a content folder is, if one: `slate`, with `index.html.md` (or
 * `.html.md.erb`); `early`, one of Slate's first versions (2013–14), whose page was `index.md` (or
 * `index.md.erb`), beside Slate's `layouts/layout.erb` or under a `config.rb` that renders Markdown
 * with Redcarpet (Mautic's developer docs still build so). Its pages are in Slate's format, with
 * Slate's ids and leniency, whatever their extension.
 */
export function slateSourceKind(contentDir: string): 'slate' | 'early' | undefined {
  if (hasSlateIndex(contentDir)) return 'slate';
  if (!['index.md', 'index.md.erb'].some((name) => fs.existsSync(path.join(contentDir, name)))) return undefined;
  if (fs.existsSync(path.join(contentDir, 'layouts', 'layout.erb'))) return 'early';
  const config = slateConfigFile(contentDir);
  return fs.existsSync(config) && /^\s*set\s+:markdown_engine\s*,\s*:redcarpet\b/m.test(fs.readFileSync(config, 'utf8')) ? 'early' : undefined;
}

/**
 * Finds the pages of a content folder. In a Slate source (slateSourceKind) only `*.html.md` and
 * `*.html.md.erb` files are pages, as in Middleman, and an early Slate's `*.md`; elsewhere every
 * `.md`/`.mdx` outside `includes/` whose name does not start with `_` is one.
 */
function findPageFiles(contentDir: string, kind: 'slate' | 'early' | undefined): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (entry.name.startsWith('_')) {
        continue;
      } else if (kind ? isSlatePage(entry.name) || (kind === 'early' && /\.md(\.erb)?$/.test(entry.name)) : /\.mdx?$/.test(entry.name)) {
        pages.push(full);
      }
    }
  };
  walk(contentDir);
  return pages;
}

/** The output path of a page file: `index.html.md` (or `.html.md.erb`) → `index.html`, `v2.mdx` → `v2.html`. */
function outputPathOf(contentDir: string, file: string): string {
  const relative = path.relative(contentDir, file).split(path.sep).join('/');
  return relative.replace(/(\.html)?\.mdx?(\.erb)?$/, '') + '.html';
}

/** Reads, validates and assembles every page of a content folder, collecting all problems. */
export function loadSite(contentDir: string): Site {
  const dir = path.resolve(contentDir);
  const problems: Problem[] = [];
  // A spec file alone: its "folder" is the file itself, so nothing beside it (a project, /tmp) is walked for assets.
  if (fs.existsSync(dir) && fs.statSync(dir).isFile() && SPEC_FILE.test(dir)) return specSite(dir, dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    problems.push(problem('content-folder-missing', { file: dir }));
    return { contentDir: dir, pages: [], problems };
  }
  const kind = slateSourceKind(dir);
  const slate = kind !== undefined;
  const files = findPageFiles(dir, kind);
  if (files.length === 0) {
    // A folder with one OpenAPI spec and no page is that spec's site.
    const specs = specFilesUnder(dir).filter(isSpec);
    if (specs.length === 1) return specSite(specs[0]!, dir);
    problems.push(problem('content-folder-empty', { file: dir }));
    return { contentDir: dir, pages: [], problems };
  }
  const constants = readErbConstants(dir);
  const rendering = slateRendering(dir);
  const layout = slate ? slateLayoutIncludes(dir) : SLATE_LAYOUT_INCLUDES;
  const custom = slate ? customHeadingIds(dir) : undefined;
  if (custom) problems.push(problem('slate-custom-heading-ids', { file: custom.file, line: custom.line }, { code: custom.code }));
  const pages = onePerOutput(dir, files, problems, slate)
    .map((file) => (slate || isSlatePage(file) ? loadPage(dir, file, problems, constants, rendering, layout) : loadPage(dir, file, problems, constants)))
    .filter((page): page is Page => page !== undefined);
  if (!files.some((file) => outputPathOf(dir, file) === 'index.html')) {
    const plainHtml = fs.existsSync(path.join(dir, 'index.html'));
    const erb = !plainHtml && fs.existsSync(path.join(dir, 'index.html.erb'));
    // A Slate source whose front page is HTML or ERB of its own (a product's home, a redirect to the
    // current version) builds its docs pages, as Middleman built them beside it.
    const where = { file: dir, slate: (erb || plainHtml) && files.length > 0 && files.every(isSlatePage) };
    // Middleman's i18n built localizable/index.html.md at the root (its default language).
    const localizable = fs.existsSync(path.join(dir, 'localizable', 'index.html.md'));
    problems.push(problem('index-page-missing', where, localizable ? { localizable } : plainHtml ? { plainHtml } : erb ? { erb } : {}));
  }
  return { contentDir: dir, pages, problems };
}

/** The page files, one for each output path: of two that make the same page, the later name (a problem at the other). */
function onePerOutput(contentDir: string, files: string[], problems: Problem[], slate: boolean): string[] {
  const byOutput = new Map<string, string>();
  for (const file of files) {
    const output = outputPathOf(contentDir, file);
    const earlier = byOutput.get(output);
    if (earlier) {
      const name = (page: string) => path.relative(contentDir, page).split(path.sep).join('/');
      problems.push(problem('page-output-twice', { file: earlier, slate: slate || isSlatePage(earlier) }, { page: name(earlier), used: name(file), output }));
    }
    byOutput.set(output, file);
  }
  return files.filter((file) => byOutput.get(outputPathOf(contentDir, file)) === file);
}

/**
 * `rendering`: how the Slate source a page is in rendered it, and `layout`: how its layout read the
 * includes (neither: a page in Shale's own format).
 */
function loadPage(
  contentDir: string,
  file: string,
  problems: Problem[],
  constants: ErbConstants,
  rendering?: SlateRendering,
  layout: SlateLayoutIncludes = SLATE_LAYOUT_INCLUDES,
): Page | undefined {
  const slate = rendering !== undefined;
  const source = splitSource(file, fs.readFileSync(file, 'utf8'));
  if (hasUnclosedFrontMatter(source)) {
    problems.push(unclosedFrontMatter(source));
    return undefined;
  }
  // With errors in some keys, the rest of the page is still checked (the errors stop the build anyway).
  const {
    data,
    problems: frontMatterProblems,
    includes: beforeAfter,
    lists,
  } = readFrontMatter(source, frontMatterSchema, slate ? 'slate-page' : 'page', {
    includesBeforeAfter: layout.beforeAfter,
    includeLists: layout.lists.map((list) => list.key),
  });
  problems.push(...frontMatterProblems);
  if (!data) return undefined;
  data.toc_depth = tocDepthOf(data, /^toc_depth\s*:/m.test(source.yaml));
  // ERB's image_tag names a file of the site where it is, else in images/ (Middleman's asset_url);
  // the page's HTML sees the content folder from its own folder.
  const up = path.relative(path.dirname(file), contentDir).split(path.sep).join('/');
  const site = (name: string) => (up ? `${up}/${name}` : name);
  const imageSrc = (name: string) => (fs.existsSync(path.join(contentDir, name)) ? site(name) : site(`images/${name}`));
  const erb = { contentDir, imageSrc, constants, slate };
  // Includes are looked up beside the page, then (for a page in a subfolder) in the content folder's
  // own includes/, as Middleman looks up partials relative to the page first, then from the root.
  // A Slate layout of a team's own may add to each name, or put some includes before the body.
  const includesDirs = [...new Set([path.join(path.dirname(file), 'includes'), path.join(contentDir, 'includes')])];
  const included: SpecReference[] = [];
  const openapi = { dirs: [path.dirname(file), contentDir], specs: included };
  const lines = beforeAfter?.lines ?? listItemLines(source, 'includes');
  const before = beforeAfter?.before ?? 0;
  const parts: SourceFile[] = [];
  appendIncludes(source, data.includes.slice(0, before), lines.slice(0, before), includesDirs, parts, [file], problems, openapi, erb, layout.suffix);
  parts.push(...fileParts(source, erb, [file], problems));
  appendIncludes(source, data.includes.slice(before), lines.slice(before), includesDirs, parts, [file], problems, openapi, erb, layout.suffix);
  for (const { key, folder, suffix } of layout.lists) {
    const list = lists?.get(key);
    const dirs = [...new Set([path.join(path.dirname(file), folder), path.join(contentDir, folder)])];
    if (list) appendIncludes(source, list.names, list.lines, dirs, parts, [file], problems, openapi, erb, suffix);
  }
  const tabs = normaliseTabs(data.language_tabs as Array<string | Record<string, string>>);
  const tabLines = listItemLines(source, 'language_tabs');
  tabs.forEach((tab, index) => {
    const { language } = splitTabName(tab.key);
    if (isKnownLanguage(language)) return;
    const where = { file, line: tabLines[index] ?? source.yamlLine, slate };
    problems.push(problem('tab-language-unknown', where, { tab: tab.key, nearest: nearestLanguages(language), ...(isRougeOnlyLanguage(language) ? { rouge: true } : {}) }));
  });
  const footerLines = listItemLines(source, 'toc_footers');
  data.toc_footers.forEach(({ problems: found }, index) => {
    const where = { file, line: footerLines[index] ?? keyLine(source, 'toc_footers'), slate };
    for (const { kind, facts } of found) problems.push(problem(kind as 'footer-attribute', where, facts as FactsOf<'footer-attribute'>));
  });
  const specs = [...included, ...findSpecs(source, data.openapi, [path.dirname(file), contentDir], problems)];
  return {
    file,
    contentDir,
    outputPath: outputPathOf(contentDir, file),
    dialect: source.dialect,
    frontMatter: data,
    tabs,
    footers: data.toc_footers.flatMap(({ html, anchors }, index) => (html ? [{ html, anchors, line: footerLines[index] }] : [])),
    parts,
    slate,
    ...(rendering && rendering.headingIds !== 'slate' ? { headingIds: rendering.headingIds } : {}),
    ...(rendering?.smartypants ? { smartypants: true } : {}),
    specs,
  };
}

/** The spec files a page names, looked up beside the page, then in the content folder. */
function findSpecs(source: SourceFile, entries: FrontMatter['openapi'], dirs: string[], problems: Problem[], at?: number): SpecReference[] {
  const lines = listItemLines(source, 'openapi');
  const keyAt = keyLine(source, 'openapi');
  const found: SpecReference[] = [];
  entries.forEach((entry, index) => {
    const line = at ?? lines[index] ?? keyAt;
    const located = locateSpec(entry.spec, dirs);
    if (located.file === undefined) {
      problems.push(problem('openapi-spec-missing', { file: source.path, line }, { spec: entry.spec, fix: located.fix }));
      return;
    }
    const file = located.file;
    found.push({ file, line, tags: entry.tags, ...(entry.webhooks === undefined ? {} : { webhooks: entry.webhooks }), ...(entry.schemas === undefined ? {} : { schemas: entry.schemas }) });
  });
  return found;
}

/**
 * The file a spec path names, looked up in each folder in turn (the page's, then the content
 * folder); else the fix for the report, with the spec files those folders hold.
 */
export function locateSpec(spec: string, dirs: readonly string[]): { file: string; fix?: undefined } | { file?: undefined; fix: string } {
  const folders = [...new Set(dirs)];
  const file = spec ? folders.map((dir) => path.resolve(dir, spec)).find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) : undefined;
  if (file) return { file };
  const available = [...new Set(folders.flatMap((dir) => specFilesUnder(dir).map((candidate) => path.relative(dir, candidate).split(path.sep).join('/'))))];
  return { fix: available.length ? `use one of: ${available.join(', ')}.` : 'put the spec (YAML or JSON) in the content folder and name its path from there.' };
}

/** YAML and JSON files under a folder (for the hint when a named spec is missing). */
function specFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ya?ml|json)$/i.test(name) && !name.split(path.sep).some((part) => SKIPPED_FOLDERS.has(part) || part.startsWith('.')))
    .map((name) => path.join(dir, name))
    .sort();
}

/**
 * Appends each include (and the includes it names itself) after the parts so far, refusing cycles.
 * `suffix`: what a Slate layout of a team's own adds to each name the page lists (slate-layout.ts).
 */
function appendIncludes(
  from: SourceFile,
  names: string[],
  lines: number[],
  includesDirs: string[],
  parts: SourceFile[],
  chain: string[],
  problems: Problem[],
  openapi: { dirs: string[]; specs: SpecReference[] },
  erb: ErbContext,
  suffix = '',
): void {
  for (const [index, name] of names.entries()) {
    const line = lines[index] ?? from.yamlLine;
    if (!name) {
      problems.push(problem('include-empty-name', { file: from.path, line }));
      continue;
    }
    // `openapi:specs/pets.yaml#tag=pets`: a spec (or some of its tags) in the reading order of the includes.
    const spec = /^openapi:(.+?)(?:#tags?=(.*))?$/.exec(name);
    if (spec) {
      const tags = (spec[2] ?? '').split(',').map((tag) => tag.trim()).filter(Boolean);
      for (const found of findSpecs(from, [{ spec: spec[1]!.trim(), tags }], openapi.dirs, problems, line)) openapi.specs.push({ ...found, at: parts.length });
      continue;
    }
    const lookup = `${name}${suffix}`;
    const resolutions = includesDirs.map((dir) => resolveInclude(dir, lookup, from.dialect));
    const resolution = resolutions.find((candidate) => candidate.found) ?? resolutions[0]!;
    if (!resolution.found) {
      // The names the page could list: with a suffix, those of the files the layout can reach, without it.
      const reachable = includesDirs.flatMap((dir) => availableIncludes(dir)).flatMap((found) => (found.endsWith(suffix) ? [found.slice(0, found.length - suffix.length)] : []));
      const available = [...new Set(reachable)].sort();
      const create = path.relative(path.dirname(chain[0]!), includeCandidates(includesDirs[0]!, lookup, from.dialect)[0]!).split(path.sep).join('/');
      problems.push(problem('include-missing', { file: from.path, line }, { name, fix: missingIncludeFix(name, create, available, suffix) }));
      continue;
    }
    const found = resolution.found;
    const source = readIncluded(resolution, name, from, chain, { file: from.path, line }, problems);
    if (!source) continue;
    parts.push(...fileParts(source, erb, [...chain, found], problems));
    if (source.yaml.trim()) {
      const nested = readFrontMatter(source, includeFrontMatterSchema, erb.slate ? 'slate-include' : 'include');
      problems.push(...nested.problems);
      if (nested.data) appendIncludes(source, nested.data.includes, listItemLines(source, 'includes'), includesDirs, parts, [...chain, found], problems, openapi, erb);
    }
  }
}


/** Up to this many include names are all listed in a missing include's fix; past it, the nearest. */
const LISTED_INCLUDES = 8;

/**
 * The fix for a missing include: the file to create, and the names there are. A source with many
 * includes (Best Buy's 37, in folders) gets the nearest few, the names in a folder of that name first
 * (`overview` → `overview/index`), then by spelling, not every name on each of its lines.
 */
function missingIncludeFix(name: string, created: string, available: readonly string[], suffix: string): string {
  const create = suffix ? `${created} (the Slate layout adds "${suffix}" to each name)` : created;
  if (available.length === 0) return `create ${create}.`;
  if (available.length <= LISTED_INCLUDES) return `create ${create}, or use one of: ${available.join(', ')}.`;
  const index = `${name}/index`;
  const inFolder = available.filter((candidate) => candidate.startsWith(`${name}/`));
  if (inFolder.includes(index)) inFolder.unshift(index);
  const nearest = [...new Set([...inFolder, ...nearestNames(name, available, 3)])].slice(0, 3);
  return nearest.length
    ? `create ${create}, or use the nearest of the ${available.length} includes there are: ${nearest.join(', ')}.`
    : `create ${create}; none of the ${available.length} includes there are is close to "${name}".`;
}

/** What reading a page's ERB needs: where partials are looked up last, and where its images are (erb.ts). */
interface ErbContext {
  contentDir: string;
  imageSrc: (file: string) => string;
  /** What config.rb gives `<%= config[:x] %>` and string helpers (erb-constants.ts). */
  constants: ErbConstants;
  /** Whether the page is in Slate's format, where ERB tags in a file that is not ERB are reported. */
  slate: boolean;
}

/**
 * The ERB tags (`<%= api_url %>`) of a Markdown file that is not ERB, outside fenced code and code
 * spans: the first one's line (counted in the body) and text, and how many. Slate's renderer showed
 * them as written too, unless a project's own ran ERB over its Markdown (Morpheus' docs: 2,742).
 */
function erbTagsOutsideCode(body: string): { line: number; count: number; shown: string } | undefined {
  if (!body.includes('<%')) return undefined;
  let fence: string | undefined;
  let first: { line: number; shown: string } | undefined;
  let count = 0;
  body.split('\n').forEach((line, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length && !line.trim().slice(marker.length)))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (fence || !line.includes('<%')) return;
    for (const tag of line.replace(/(`+)[^`]*?\1/g, '').matchAll(/<%.*?%>/g)) {
      first ??= { line: index + 1, shown: tag[0] };
      count++;
    }
  });
  return first && { ...first, count };
}

/**
 * A file as parts of its page: the file itself, or for ERB (erb.ts) each run of its Markdown, with
 * the parts of each partial it calls in the call's place. A partial is looked up beside the file
 * that calls it, then from the content folder, as Middleman does; `chain`: the files being read,
 * this one last (a partial that calls one of them is a cycle). A partial that is no template (a
 * `.json` example called inside a code fence) is put in as it is, as Middleman does: its text
 * joins the runs around it in one part, whose lines keep their files (SourceFile.origins). A
 * Slate file that is not ERB but holds ERB tags is reported (erbTagsOutsideCode).
 */
function fileParts(source: SourceFile, erb: ErbContext, chain: string[], problems: Problem[]): SourceFile[] {
  if (!isErb(source.path)) {
    const tags = erb.slate ? erbTagsOutsideCode(source.body) : undefined;
    if (tags) problems.push(problem('slate-erb-in-markdown', { file: source.path, line: source.bodyLine + tags.line - 1 }, { count: tags.count, shown: tags.shown }));
    return [source];
  }
  const read = readErb(source, erb.imageSrc, erb.constants);
  problems.push(...read.problems);
  const parts: SourceFile[] = [];
  let run: SourceFile | undefined;
  const add = (text: string, file: string, line: number) => {
    run ??= { ...source, yaml: parts.length === 0 ? source.yaml : '', body: '', bodyLine: line, origins: [] };
    run.origins!.push({ from: lineBreaks(run.body), file, line });
    run.body += text;
  };
  const endRun = () => {
    // The first run keeps the file's front matter; an empty run between two partials is no part.
    if (run && (parts.length === 0 || run.body.trim())) {
      if (run.origins!.length === 1) delete run.origins;
      parts.push(run);
    }
    run = undefined;
  };
  for (const piece of read.pieces) {
    if ('text' in piece) {
      add(piece.text, source.path, piece.line);
      continue;
    }
    const where = { file: source.path, line: piece.line };
    const dirs = [...new Set([path.dirname(source.path), erb.contentDir])];
    const resolution = dirs.map((dir) => resolveInclude(dir, piece.partial, source.dialect)).find((candidate) => candidate.found);
    if (resolution?.found) {
      const partial = readIncluded(resolution, piece.partial, source, chain, where, problems);
      endRun();
      if (partial) parts.push(...fileParts(partial, erb, [...chain, resolution.found], problems));
      continue;
    }
    const asIs = dirs.map((dir) => staticPartial(dir, piece.partial)).find(Boolean);
    if (asIs) {
      const text = fs.readFileSync(asIs, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
      add(text.endsWith('\n') || !text ? text : `${text}\n`, asIs, 1);
      continue;
    }
    // A name with a folder is most likely meant from the content folder.
    const first = includeCandidates(piece.partial.includes('/') ? erb.contentDir : dirs[0]!, piece.partial, source.dialect)[0]!;
    const fix = `create ${path.relative(path.dirname(chain[0]!), first)} (a partial is looked up beside the file that calls it, then from the content folder).`;
    problems.push(problem('erb-partial-missing', where, { name: piece.partial, fix }));
  }
  endRun();
  return parts;
}

/**
 * A partial that is no template, named with its extension (`includes/feed/response.json`), in
 * `dir`: Middleman puts such a file in as it is. Its name may leave out the leading `_`.
 */
function staticPartial(dir: string, name: string): string | undefined {
  const trimmed = name.trim().replace(/^\/+/, '');
  const base = path.posix.basename(trimmed);
  if (!/\.[A-Za-z0-9]+$/.test(base) || /\.(md|markdown|mdx|erb)$/i.test(base)) return undefined;
  const folder = path.join(dir, path.posix.dirname(trimmed));
  return [`_${base.replace(/^_/, '')}`, base]
    .map((file) => path.join(folder, file))
    .find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/**
 * The file an include or a partial (`name`, written in `from`) resolved to, read; undefined, with
 * the problem at `where`, when it closes a cycle of the files being read (`chain`), never closes its
 * front matter, or is not in `from`'s format. Another file the name matched is a warning.
 */
function readIncluded(
  resolution: { found: string; alsoFound: string[] },
  name: string,
  from: SourceFile,
  chain: string[],
  where: Where,
  problems: Problem[],
): SourceFile | undefined {
  const { found, alsoFound } = resolution;
  if (alsoFound.length > 0) {
    problems.push(problem('include-ambiguous', where, { name, used: path.basename(found), others: alsoFound.map((other) => path.basename(other)).join(', ') }));
  }
  if (chain.includes(found)) {
    const cycle = [...chain.slice(chain.indexOf(found)), found].map((file) => path.basename(file)).join(' → ');
    problems.push(problem('include-cycle', where, { name, cycle }));
    return undefined;
  }
  const source = splitSource(found, fs.readFileSync(found, 'utf8'));
  if (hasUnclosedFrontMatter(source)) {
    problems.push(unclosedFrontMatter(source));
    return undefined;
  }
  if (source.dialect !== from.dialect) {
    const format = (dialect: string) => (dialect === 'mdx' ? 'MDX' : 'Markdown');
    const facts = { name, file: path.basename(found), format: format(source.dialect), page: path.basename(from.path), pageFormat: format(from.dialect), extension: from.dialect };
    problems.push(problem('include-format', where, facts));
    return undefined;
  }
  return source;
}
