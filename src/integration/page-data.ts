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
  /** Headings of a Markdown page (an MDX page exports its own). */
  headings: Heading[];
  /** A page of a split set: the page it was split from, and its place in the set. */
  set?: { source: string; index: number; count: number };
  /** The h1 a page of a split set starts with (not the first page of the set). */
  groupTitle?: string;
  /** A Markdown page's HTML, in a file relative to the project (see loader.ts). */
  htmlFile?: string;
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
