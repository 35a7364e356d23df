import fs from 'node:fs';
import path from 'node:path';
import { loadSite, type Page, type Site } from '../content/site';
import { SLATE_LOGO } from '../content/assets';
import { keyLine } from '../content/source-file';
import { editAddress } from '../markdown/edit-link';
import { lowContrasts, slateTheme } from '../theme/slate-theme';
import { checkCustomCss } from '../theme/custom-css';
import { brandCss } from '../theme/brand-css';
import { checkMdxPage, renderMarkdownPage, type RenderedPage } from '../markdown/render-page';
import { PartCache } from '../markdown/part-cache';
import { forgetHighlights } from '../highlight/highlighter';
import { forgetIdentifierWords } from '../search/shared/identifiers';
import type { RenderOutput } from '../markdown/context';
import type { SectionRecord } from '../search/build/records';
import { hasErrors, problem, type Problem } from '../validation/problem';
import { loadSpec, type LoadedSpec } from '../openapi/load-spec';
import { compileSpecTask, specParts } from '../openapi/spec-parts';
import { SpecCache, specPlaceOf } from '../openapi/spec-cache';
import { expandSpecComponents } from '../openapi/mdx-components';

/** The site's own look (ContentState.brand). */
export interface Brand {
  /** Design tokens from the Slate source's variables and the docs' `theme:` maps. */
  tokensCss: string;
  /** The version of the content folder's custom.css (a hash of it), when it has one that parses. */
  customCss?: string;
  breakpoints?: { tablet: string; phone: string };
  /** The code background the brand set (a hex colour): code's token colours are made readable on it. */
  codeBackground?: string;
  problems: Problem[];
}

/** What the whole content folder holds, checked: every problem, and the search records of Markdown pages. */
export interface CheckedContent {
  problems: Problem[];
  /** Output path → search records, for every Markdown page (and page of a split set) with `search: true`. */
  records: Map<string, SectionRecord[]>;
}

/**
 * The content folder as it is now, loaded once and rendered at most once per page: the check
 * before a build and the content loader share it. A change in `npm run dev` makes a new one (see
 * ShaleBuild.invalidate), so nothing here ever goes stale; a build uses one from start to end.
 */
export class ContentState {
  readonly site: Site;
  /** Whether the content folder has Slate's logo (`images/logo.png`). */
  readonly hasLogo: boolean;
  /** The output paths of every page of the site: the pages of a split set avoid them. */
  readonly takenPaths: ReadonlySet<string>;
  private readonly rendered = new Map<string, Promise<RenderedPage>>();
  private brandState: Brand | undefined;
  private readonly mdxChecks = new Map<string, Promise<RenderOutput>>();
  private readonly parts: PartCache;
  private readonly compiledSpecs: SpecCache;
  private specs?: Promise<void>;
  private readonly specFileSet = new Set<string>();

  constructor(
    contentDir: string,
    readonly base: string,
    cache: { dir: string; specDir: string; version: string },
    /** The address that edits the content folder (SHALE_EDIT_URL): each section links to its file there. */
    readonly editUrl?: string,
  ) {
    // What earlier content left in the process's memos goes with it.
    forgetHighlights();
    forgetIdentifierWords();
    this.site = loadSite(contentDir);
    this.hasLogo = fs.existsSync(path.join(this.site.contentDir, SLATE_LOGO));
    this.takenPaths = new Set(this.site.pages.map((page) => page.outputPath));
    this.parts = new PartCache(cache.dir, cache.version, this.site.contentDir);
    this.compiledSpecs = new SpecCache(cache.specDir, cache.version);
  }

  /**
   * Every file of the OpenAPI specs the pages name or pull in (their `$ref`s' too), once prepare() is
   * done: what a spec says reaches the site only through the parts it becomes.
   */
  get specFiles(): ReadonlySet<string> {
    return this.specFileSet;
  }

  /**
   * The OpenAPI specs the pages name, compiled into parts of their pages (once): everything that
   * reads a page's parts waits for it. Their problems join the site's.
   */
  prepare(): Promise<void> {
    this.specs ??= (async () => {
      const loaded = new Map<string, Promise<LoadedSpec>>();
      const load = (file: string) => {
        let spec = loaded.get(file);
        if (!spec) {
          loaded.set(file, (spec = loadSpec(file)));
          // A spec that cannot be read is reported where it is awaited.
          spec.then(
            (read) => (read.files ?? [file]).forEach((name) => this.specFileSet.add(name)),
            () => undefined,
          );
        }
        return spec;
      };
      // A spec named by two pages is checked once: its problems are reported once.
      const reported = new Set<string>();
      const report = (problems: Problem[]) => {
        for (const found of problems) {
          const key = `${found.file}:${found.line}:${found.pointer}:${found.message}`;
          if (!reported.has(key)) this.site.problems.push(found);
          reported.add(key);
        }
      };
      for (const page of this.site.pages) {
        report(await expandSpecComponents(page, load));
        if (page.specs.length === 0) continue;
        const { parts, problems, files } = await specParts(page, load, this.compiledSpecs, (task) => compileSpecTask(task, this.compiledSpecs.version, load));
        for (const file of files) this.specFileSet.add(file);
        // A spec named among the includes goes where it was named; the others after every part.
        // From the last place to the first, so each index still means the part it meant.
        const placed = page.specs.map((spec, index) => ({ at: spec.at ?? page.parts.length, part: parts[index] }));
        for (const { at, part } of placed.reverse()) if (part) page.parts.splice(at, 0, part);
        report(problems);
      }
    })();
    return this.specs;
  }

  /** Where a file of the content folder is edited, when the site has an edit address. */
  private readonly editLink = (file: string): string | undefined => editAddress(this.editUrl, this.site.contentDir, file);

  /** A Markdown page rendered (once: the check and the loader ask for the same page). */
  render(page: Page): Promise<RenderedPage> {
    let rendered = this.rendered.get(page.outputPath);
    if (!rendered) {
      rendered = this.prepare()
        .then(() => renderMarkdownPage(page, this.base, this.takenPaths, this.parts, this.editLink))
        .then((result) => ({ ...result, problems: withSpecLines(page, result.problems) }));
      this.rendered.set(page.outputPath, rendered);
    }
    return rendered;
  }

  /**
   * Forgets a rendered page once the content loader has stored it: nothing reads it again, and a big
   * doc's rendering (its HTML and search records) would otherwise stay in memory while Astro builds
   * the pages and Pagefind indexes them.
   */
  release(page: Page): void {
    this.rendered.delete(page.outputPath);
  }

  /** An MDX page compiled with Shale's plugins, for its problems (once: Astro compiles it once more to render it). */
  checkMdx(page: Page): Promise<RenderOutput> {
    let checked = this.mdxChecks.get(page.outputPath);
    if (!checked) {
      checked = this.prepare()
        .then(() => checkMdxPage(page, this.base, this.editUrl))
        .then((result) => ({ ...result, problems: withSpecLines(page, result.problems) }));
      this.mdxChecks.set(page.outputPath, checked);
    }
    return checked;
  }

  /** The most language tabs any page has: the stylesheet has a rule for each. */
  get maxTabs(): number {
    return Math.max(1, ...this.site.pages.map((page) => page.tabs.length));
  }

  /**
   * Checks everything, as `npm run build` does before it writes anything: front matter, includes,
   * and what rendering each page finds (unknown languages, broken #links, duplicate ids, invalid
   * MDX). Markdown pages stay rendered for the content loader; MDX pages' problems too.
   */
  /**
   * The site's own look: the Slate source's variables and each doc's `theme:` map as design tokens,
   * the writer's custom.css, the layout's breakpoints, and what is wrong with them (once per content).
   */
  brand(): Brand {
    if (this.brandState) return this.brandState;
    const slate = slateTheme(this.site.contentDir);
    const custom = checkCustomCss(this.site.contentDir);
    const docs = this.site.pages
      .filter((page) => Object.keys(page.frontMatter.theme).length)
      .map((page) => ({ doc: page.outputPath, tokens: page.frontMatter.theme }));
    this.brandState = {
      tokensCss: brandCss(slate.tokens, docs),
      ...(/^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(slate.tokens['code-bg'] ?? '') ? { codeBackground: slate.tokens['code-bg'] } : {}),
      ...(custom.version ? { customCss: custom.version } : {}),
      ...(slate.breakpoints ? { breakpoints: slate.breakpoints } : {}),
      problems: [
        ...slate.problems,
        ...custom.problems,
        ...this.site.pages.flatMap((page) => (Object.keys(page.frontMatter.theme).length ? lowContrasts(page.frontMatter.theme, page.file) : [])),
      ],
    };
    return this.brandState;
  }

  /**
   * `npm run dev` never runs check(), where a Slate page that asks for search with nothing to index
   * loses its search box: the dev loader asks here before it stores any page's data, so the page it
   * serves is the one the build writes. Renders the pages that ask for search (kept for the loader).
   */
  async searchWithNothingToIndex(): Promise<Problem[]> {
    await this.prepare();
    const searching = this.site.pages.filter((page) => page.frontMatter.search);
    if (searching.length === 0 || searching.some((page) => page.dialect === 'mdx')) return [];
    const records = new Map<string, readonly SectionRecord[]>();
    for (const page of searching) {
      const rendered = await this.render(page);
      // As in check(): a page with errors says so; this problem would only add to it.
      if (hasErrors(rendered.problems)) return [];
      for (const group of rendered.groups) records.set(group.outputPath, group.records);
    }
    return nothingToIndex(this.site.pages, records);
  }

  async check(): Promise<CheckedContent> {
    await this.prepare();
    const problems: Problem[] = [...this.site.problems, ...this.brand().problems];
    const records = new Map<string, SectionRecord[]>();
    for (const page of this.site.pages) {
      if (page.dialect === 'mdx' && page.frontMatter.split === 'h1')
        problems.push(problem('mdx-split', { file: page.file, line: keyLine(ownPart(page), 'split') }));
      try {
        if (page.dialect === 'mdx') {
          problems.push(...(await this.checkMdx(page)).problems);
          continue;
        }
        const rendered = await this.render(page);
        problems.push(...rendered.problems);
        if (page.frontMatter.search) for (const group of rendered.groups) records.set(group.outputPath, group.records);
      } catch (cause) {
        // A bug in Shale, not in the content: still one report naming the page, not a bare stack trace.
        problems.push(problem('render-failed', { file: page.file }, { reason: cause instanceof Error ? cause.message : String(cause) }));
      }
    }
    // A page that failed (a spec with errors is left out) has no records: that is its error, not this one.
    if (!hasErrors(problems)) problems.push(...nothingToIndex(this.site.pages, records));
    return { problems, records };
  }
}

/**
 * A problem found while rendering the sections made from a spec has a line of the Markdown Shale
 * wrote, not of the spec: it gets the spec's line of the operation (tag, schema…) it is in, and no
 * line rather than a wrong one where that is not known, and that part's JSON pointer (in a spec
 * written on one line, every line is 1).
 */
function withSpecLines(page: Page, problems: Problem[]): Problem[] {
  const specs = new Map(page.parts.filter((part) => part.generated).map((part) => [part.path, part.specLines ?? []]));
  if (specs.size === 0) return problems;
  return problems.map(({ line, ...rest }) => {
    const lines = specs.get(rest.file);
    if (!lines) return { ...rest, ...(line === undefined ? {} : { line }) };
    const place = line === undefined ? undefined : specPlaceOf(lines, line);
    return { ...rest, ...(place?.line ? { line: place.line } : {}), ...(place?.pointer ? { pointer: place.pointer } : {}) };
  });
}

/**
 * Pagefind makes no index of nothing: when every page that asks for search is Markdown and none has
 * a section to index, that is said here, with the other problems and at each page's `search:` line,
 * rather than once Astro has built the site. An MDX page's sections are known only once Astro has
 * built it: with one, search-index.ts makes this check at the end of the build.
 */
function nothingToIndex(pages: readonly Page[], records: Map<string, readonly SectionRecord[]>): Problem[] {
  const searching = pages.filter((page) => page.frontMatter.search);
  if (searching.length === 0 || searching.some((page) => page.dialect === 'mdx')) return [];
  if ([...records.values()].some((sections) => sections.length > 0)) return [];
  // Slate built such a page with a search box that found nothing (2acoin's: front matter alone), so
  // in Slate's format it is a warning and the page is built without search: no box, no index.
  records.clear();
  return searching.map((page) => {
    if (page.slate) page.frontMatter.search = false;
    return problem('search-nothing-to-index', { file: page.file, line: keyLine(ownPart(page), 'search'), slate: page.slate });
  });
}

/** The page's own file among its parts: the first, unless a Slate layout put includes before it (slate-layout.ts). */
const ownPart = (page: Page) => page.parts.find((part) => part.path === page.file) ?? page.parts[0]!;
