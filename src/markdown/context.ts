import type { HeadingIds } from '../content/slate-renderer';
import type { VFile } from 'vfile';
import type { LanguageTab } from '../schema/language-tabs';
import type { Heading } from '../content/toc';
import type { HeadingFact, MentionFact } from '../settle/facts';
import type { AnyElement } from './hast-nodes';
import { problem, type Problem } from '../validation/problem';
import type { FactsOf, ProblemKind } from '../validation/definitions';

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

/** What the markdown plugins need to know about the page they render. Plain data: it travels as JSON. */
export interface PageContext {
  tabs: LanguageTab[];
  codeClipboard: boolean;
  /** The page is Slate's own format (`*.html.md`): an unknown fence language is a warning, as Slate rendered it as plain text, and its text is read as Redcarpet read it (`#Heading`, fences: slate-headings.ts, slate-fences.ts, applied in render-page.ts before the units are cut). */
  slate: boolean;
  /** Headings get the ids an older Slate made (content/slate-renderer.ts): Redcarpet's own, UniqueHeadCounter's of 2017 that kept tags' names, or NestingUniqueHeadCounter's. */
  headingIds?: HeadingIds;
  /** Text gets Redcarpet's SmartyPants: curled quotes, dashes for `--` (rehype-smartypants.ts). */
  smartypants?: boolean;
  /** The site's base path (`/` or `/docs/`), for root-absolute links and images. */
  base: string;
  /** The content folder (absolute), where images are looked up; '' when rendering loose Markdown. */
  contentDir: string;
  segments: Segment[];
  /** The page's own file, the `#anchors` its toc_footers link to (with their front-matter line), and its TOC depth. */
  pageFile: string;
  footerAnchors: Array<{ anchor: string; line?: number }>;
  tocDepth: 2 | 3;
  /**
   * An MDX page's edit address (SHALE_EDIT_URL), for the Edit links the settle step puts after its
   * headings. A Markdown page's files get theirs when composed, so its parts' context has none.
   */
  editUrl?: string;
}

/**
 * The context of one file of a Markdown page, rendered on its own: its line table is its own, and
 * what only the settle step needs (the footers' links, the TOC depth) is not part of it.
 */
export type PartContext = Omit<PageContext, 'segments' | 'footerAnchors' | 'tocDepth' | 'editUrl'>;

/** Where a heading is written, and the id Slate gave it when that differs from Shale's (slate#952). */
export interface HeadingOrigin {
  file: string;
  line?: number;
  slateId?: string;
}

/** What rendering leaves for the page: its headings (and, in the same order, their origins) and the problems found. */
export interface RenderOutput {
  headings: Heading[];
  /** An MDX page's first paragraph of prose, as its description (rehype-mdx-description). */
  description?: string;
  origins?: HeadingOrigin[];
  problems: Problem[];
}

const DEFAULT_CONTEXT: PageContext = {
  tabs: [],
  codeClipboard: false,
  slate: false,
  base: '/',
  contentDir: '',
  segments: [],
  pageFile: '',
  footerAnchors: [],
  tocDepth: 2,
};

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
  shaleFacts?: SettleFacts;
}

/**
 * The page context travels in `file.data.astro.frontmatter.shale`: that is where Astro's MDX
 * pipeline puts a page's front matter, and Shale's own Markdown renderer does the same.
 */
export function pageContext(file: VFile): PageContext {
  const frontmatter = (file.data as AstroData).astro?.frontmatter;
  return { ...DEFAULT_CONTEXT, ...((frontmatter?.shale as Partial<PageContext>) ?? {}) };
}

/** What the plugins produce, where both renderers can read it back (MDX exports the front matter). */
export function output(file: VFile): RenderOutput {
  const data = file.data as AstroData;
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  const frontmatter = data.astro.frontmatter;
  frontmatter.shaleOutput ??= { headings: [], problems: [] } satisfies RenderOutput;
  return frontmatter.shaleOutput as RenderOutput;
}

/**
 * What the collectors (rehype-collect-headings, rehype-collect-anchors) find in one rendered tree,
 * in document order, with the nodes they found it on: the settle step decides ids and link targets,
 * then they are written into these nodes (MDX) or into holes of the serialised HTML (Markdown).
 */
export interface SettleFacts {
  headings: Array<HeadingFact & { node: AnyElement }>;
  ids: Array<MentionFact & { node: AnyElement }>;
  links: Array<MentionFact & { node: AnyElement }>;
}

/** What the collectors found in this file for the settle step (src/settle/): headings, ids and #links, with their nodes. */
export function facts(file: VFile): SettleFacts {
  const data = file.data as AstroData;
  data.shaleFacts ??= { headings: [], ids: [], links: [] };
  return data.shaleFacts;
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

/** Records a problem of a kind found at a line of the rendered document. */
export function report<K extends ProblemKind>(
  file: VFile,
  kind: K,
  line: number | undefined,
  ...details: FactsOf<K> extends Record<string, never> ? [] : [FactsOf<K>]
): void {
  const context = pageContext(file);
  const where = locate(context, line) ?? { file: file.path ?? '' };
  output(file).problems.push(problem(kind, { ...where, slate: context.slate }, ...details));
}
