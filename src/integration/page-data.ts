import fs from 'node:fs';
import type { Page } from '../content/site';
import type { LanguageTab } from '../schema/language-tabs';
import type { Heading } from '../content/toc';

/** What the page route needs to lay out a page, beside its rendered body. */
export interface PageData {
  outputPath: string;
  title: string;
  tabs: LanguageTab[];
  footers: string[];
  meta: Array<Record<string, string>>;
  search: boolean;
  codeClipboard: boolean;
  tocDepth: 2 | 3;
  dialect: 'md' | 'mdx';
  /** Headings of a Markdown page (an MDX page exports its own). Empty in the store: see headingsFile. */
  headings: Heading[];
  /** A page of a split set: the page it was split from, and its place in the set. */
  set?: { source: string; index: number; count: number };
  /** The h1 a page of a split set starts with (not the first page of the set). */
  groupTitle?: string;
  /** A Markdown page's HTML, in a file relative to the project (see loader.ts). */
  htmlFile?: string;
  /**
   * A Markdown page's headings, in a JSON file relative to the project. Astro bundles its content
   * store into the build as one JavaScript module: 10,500 headings there (about 1 MB) cost a second or
   * more of Rollup's time on every build, so they stay out of it, like the HTML.
   */
  headingsFile?: string;
}

/** A stored page's data with its headings read back from their file (routes call this once per page). */
export function withHeadings(stored: unknown): PageData {
  const data = stored as PageData;
  return data.headingsFile ? { ...data, headings: JSON.parse(fs.readFileSync(data.headingsFile, 'utf8')) as Heading[] } : data;
}

export function pageData(page: Page, headings: Heading[] = []): PageData {
  return {
    outputPath: page.outputPath,
    title: page.frontMatter.title,
    tabs: page.tabs,
    footers: page.footers.map((footer) => footer.html),
    meta: page.frontMatter.meta.map((tag) => Object.fromEntries(Object.entries(tag).map(([k, v]) => [k, String(v)]))),
    search: page.frontMatter.search,
    codeClipboard: page.frontMatter.code_clipboard,
    tocDepth: page.frontMatter.toc_depth,
    dialect: page.dialect,
    headings,
  };
}
