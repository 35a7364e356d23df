import type { VFile } from 'vfile';
import type { LanguageTab } from '../schema/language-tabs';
import type { Heading } from '../content/toc';
import type { Problem } from '../validation/problem';

/** A run of lines of the rendered document that came from one source file. */
export interface Segment {
  file: string;
  /** First line of the segment in the rendered document (1-based), and its character offset there. */
  startLine: number;
  startOffset: number;
  /** Line of the source file that the segment's first line is. */
  bodyLine: number;
  lineCount: number;
}

/** What the markdown plugins need to know about the page they render. */
export interface PageContext {
  tabs: LanguageTab[];
  codeClipboard: boolean;
  /** The page is Slate's own format (`*.html.md`): an unknown fence language is a warning, as Slate rendered it as plain text. */
  slate: boolean;
  /** The site's base path (`/` or `/docs/`), for root-absolute links and images. */
  base: string;
  /** The content folder (absolute), where images are looked up; '' when rendering loose Markdown. */
  contentDir: string;
  segments: Segment[];
  /** The page's own file, and the `#anchors` its toc_footers link to (with their front-matter line). */
  pageFile: string;
  footerAnchors: Array<{ anchor: string; line?: number }>;
  /**
   * Rendering one file of a Markdown page on its own (render-part.ts): headings get placeholder ids
   * and links are collected, because ids and links are settled across the page afterwards
   * (compose-page.ts). MDX pages render as one document and settle them in place.
   */
  partMode?: boolean;
}

/** A heading of one file before the page gives it its id (part mode). */
export interface PartHeading {
  level: number;
  /** Slate's id for it, before repeats are numbered; or the id written in raw HTML. */
  base: string;
  fixed?: string;
  html: string;
  text: string;
  line?: number;
}

/** An id or a `#link` of one file, with its line (part mode). */
export interface Mention {
  id: string;
  line?: number;
}

/** What part mode collects for the page to settle. */
export interface PartFacts {
  headings: PartHeading[];
  /** Ids of other elements (raw HTML `id=`), which headings must not repeat. */
  ids: Mention[];
  links: Mention[];
}

/** The id a heading carries in part mode until the page gives it its own (see compose-page.ts). */
export const placeholderId = (index: number): string => `__shale_heading_${index}__`;

/** Where a heading is written, and the id Slate gave it when that differs from Shale's (slate#952). */
export interface HeadingOrigin {
  file: string;
  line?: number;
  slateId?: string;
}

/** What the plugins leave for the page: its headings (and, in the same order, their origins) and the problems they found. */
export interface RenderOutput {
  headings: Heading[];
  origins?: HeadingOrigin[];
  problems: Problem[];
  /** Part mode only. */
  part?: PartFacts;
}

const DEFAULT_CONTEXT: PageContext = { tabs: [], codeClipboard: false, slate: false, base: '/', contentDir: '', segments: [], pageFile: '', footerAnchors: [] };

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/**
 * The page context travels in `file.data.astro.frontmatter.shale`: that is where Astro's MDX
 * pipeline puts a page's front matter, and Shale's own Markdown renderer does the same.
 */
export function pageContext(file: VFile): PageContext {
  const frontmatter = (file.data as AstroData).astro?.frontmatter;
  return { ...DEFAULT_CONTEXT, ...((frontmatter?.shale as Partial<PageContext>) ?? {}) };
}

/** Sets what the plugins produce where both renderers can read it back (MDX exports the front matter). */
export function output(file: VFile): RenderOutput {
  const data = file.data as AstroData;
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  const frontmatter = data.astro.frontmatter;
  frontmatter.shaleOutput ??= { headings: [], problems: [] } satisfies RenderOutput;
  return frontmatter.shaleOutput as RenderOutput;
}

/** The source file and line a line of the rendered document came from. */
export function locate(context: PageContext, line: number | undefined): { file: string; line?: number } | undefined {
  if (line === undefined) return context.segments[0] ? { file: context.segments[0].file } : undefined;
  // The last segment that starts at or before the line: a line past the end (MDX reports an unclosed
  // tag at the end of the document) belongs to the last file.
  const segment = [...context.segments].reverse().find((s) => line >= s.startLine);
  if (!segment) return context.segments[0] ? { file: context.segments[0].file } : undefined;
  const inFile = Math.min(line - segment.startLine, Math.max(0, segment.lineCount - 1));
  return { file: segment.file, line: inFile + segment.bodyLine };
}

/** Records a problem found at a line of the rendered document. */
export function report(
  file: VFile,
  severity: Problem['severity'],
  line: number | undefined,
  message: string,
  fix?: string,
): void {
  const where = locate(pageContext(file), line) ?? { file: file.path ?? '' };
  output(file).problems.push({ severity, file: where.file, line: where.line, message, fix });
}

/**
 * Slate let some mistakes through (an unknown fence language became plain text, a broken #link
 * just did nothing). In Slate's own format (`*.html.md`) they are warnings, so Slate docs build
 * unchanged; in Shale content they are errors.
 */
export const slateTolerated = (file: VFile): Problem['severity'] => (pageContext(file).slate ? 'warning' : 'error');
