import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '../content/site';
import type { SourceFile } from '../content/source-file';
import type { ContentState } from '../engine/content-state';
import type { RenderedPage } from '../markdown/render-page';
import type { HeadingsFile, PageData } from '../content/page-data';
import { firstParagraph } from '../content/description';

/**
 * What each output page of the site is made of, as the content loader stores it (loader.ts) and a
 * quick rebuild compares it with the published site (quick-rebuild.ts): one function for both, so
 * the two can never disagree on what a page shows.
 */

/** One output page of a Markdown page: the data the route lays it out with, its body, its headings and other ids. */
export interface OutputPage {
  data: PageData;
  html: string;
  headings: HeadingsFile;
}

/** The output pages of a rendered Markdown page: one, or one per h1 group when it is split. */
export function outputPages(page: Page, content: ContentState, rendered: RenderedPage): OutputPage[] {
  return rendered.groups.map((group, index) => ({
    data: {
      ...pageData(page, content),
      outputPath: group.outputPath,
      footers: group.footers,
      ...(rendered.split
        ? { set: { source: page.outputPath, index, count: rendered.groups.length, ...(group.parent === undefined ? {} : { parent: group.parent }) } }
        : {}),
      ...(group.title ? { groupTitle: group.title } : {}),
      // Each page of a split set describes itself, by its own first paragraph.
      ...(writtenDescription(page) ? {} : descriptionOf(group.html)),
    },
    html: group.html,
    headings: { headings: group.headings, ids: group.ids },
  }));
}

/** An MDX page's data: its description, when the writer gave none, is its first paragraph as Shale compiled it. */
export function mdxPageData(page: Page, content: ContentState, compiledDescription: string | undefined): PageData {
  const described = writtenDescription(page) || !compiledDescription ? {} : { description: compiledDescription };
  return { ...pageData(page, content), ...described };
}

/** What the page route needs to lay out a page, beside its rendered body. */
function pageData(page: Page, content: ContentState): PageData {
  return {
    outputPath: page.outputPath,
    title: page.frontMatter.title,
    tabs: page.tabs,
    footers: page.footers.map((footer) => footer.html),
    ...(writtenDescription(page) ? { description: writtenDescription(page) } : {}),
    meta: page.frontMatter.meta.map((tag) => Object.fromEntries(Object.entries(tag).map(([k, v]) => [k, String(v)]))),
    head: page.frontMatter.head,
    search: page.frontMatter.search,
    codeClipboard: page.frontMatter.code_clipboard,
    tocDepth: page.frontMatter.toc_depth,
    dialect: page.dialect,
    logo: content.hasLogo,
    ...(content.brand().customCss ? { customCss: content.brand().customCss } : {}),
    headings: [],
  };
}

/**
 * Everything a Markdown page's rendering depends on, as one text (its digest tells an unchanged
 * page). A page's files are digested as they are, not as JSON: GitHub's API through Widdershins is
 * one 19.5 MB file, and writing it as JSON first took 0.3 s of each rebuild.
 */
export function renderKey(page: Page, content: ContentState): string {
  const digest = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');
  return JSON.stringify({
    base: content.base,
    editUrl: content.editUrl,
    file: page.file,
    // Read from config.rb, outside the page's files: an edit there changes every heading's id.
    headingIds: page.headingIds ?? 'slate',
    smartypants: page.smartypants ?? false,
    parts: partsDigest(page.parts),
    tabs: page.tabs,
    frontMatter: page.frontMatter,
    footers: page.footers,
    taken: digest([...content.takenPaths]),
    customCss: content.brand().customCss,
  });
}

/** The digest of a page's files: each one's facts as JSON, then its body after its length (so no body can pass for another's). */
function partsDigest(parts: readonly SourceFile[]): string {
  const hash = createHash('sha1');
  for (const { body, ...facts } of parts) hash.update(`${JSON.stringify(facts)}\n${body.length}\n`).update(body);
  return hash.digest('hex');
}

/** The description the writer gave: front matter `description`, else a Slate `meta` tag named description. */
function writtenDescription(page: Page): string | undefined {
  const tag = page.frontMatter.meta.find((attributes) => attributes.name === 'description');
  return page.frontMatter.description ?? (tag?.content === undefined ? undefined : String(tag.content));
}

/** A page's description from its first paragraph, when it has one. */
function descriptionOf(html: string): { description?: string } {
  const description = firstParagraph(html);
  return description ? { description } : {};
}

/** Beside a page's HTML file in .shale/rendered: its headings (page paths end in .html, so never a page). */
export const HEADINGS_SUFFIX = '.headings.json';

/**
 * Writes the HTML or headings of a Markdown page where the routes read them (`.shale/rendered`);
 * returns the file's absolute path.
 */
export function writeRendered(renderedDir: string, name: string, text: string): string {
  const file = path.join(renderedDir, name);
  writeIfChanged(file, text);
  return file;
}

/**
 * Writes a file only when it does not hold this text already: in `npm run dev` the file watcher
 * reports every write, and an edit to one include changes one page of a split set, not all fifty.
 */
export function writeIfChanged(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!sameText(file, text)) fs.writeFileSync(file, text);
}

/** Whether a file holds exactly this text (compared by size first: most changed pages differ there). */
function sameText(file: string, text: string): boolean {
  try {
    return fs.statSync(file).size === Buffer.byteLength(text) && fs.readFileSync(file, 'utf8') === text;
  } catch {
    return false; // Not written yet.
  }
}
