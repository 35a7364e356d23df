import fs from 'node:fs';
import { z } from 'astro/zod';
import type { Heading } from './toc';

const heading = z.object({ level: z.number().int(), id: z.string(), html: z.string(), text: z.string() });

/**
 * What the content loader stores for each output page, and all the routes know of it beside its
 * rendered body. Every fact about a page travels here as data (whether it has search, its tabs,
 * whether there is a logo): nothing is read back from built HTML.
 */
export const pageDataSchema = z.object({
  outputPath: z.string(),
  title: z.string(),
  tabs: z.array(z.object({ key: z.string(), label: z.string() })),
  footers: z.array(z.string()),
  meta: z.array(z.record(z.string())),
  /** The writer's <head> tags (front matter `head`), checked: a <link>, a <meta> or a <script src>. */
  head: z.array(z.object({ tag: z.enum(['link', 'meta', 'script']), attributes: z.record(z.string()) })).default([]),
  /** What search engines and link previews show for the page: front-matter `description`, else its first paragraph. */
  description: z.string().optional(),
  search: z.boolean(),
  codeClipboard: z.boolean(),
  tocDepth: z.union([z.literal(2), z.literal(3)]),
  dialect: z.enum(['md', 'mdx']),
  /** Slate's logo (`images/logo.png` in the content folder) shows in place of the title. */
  logo: z.boolean(),
  /** The version (a hash) of the content folder's custom.css, linked after Shale's stylesheet; none without one. */
  customCss: z.string().optional(),
  /** Headings of a Markdown page (an MDX page exports its own). Empty in the store: see headingsFile. */
  headings: z.array(heading),
  /** A page of a split set: the page it was split from, its place in the set, and the page holding the h1 it continues, if it does. */
  set: z.object({ source: z.string(), index: z.number().int(), count: z.number().int(), parent: z.number().int().optional() }).optional(),
  /** The h1 a page of a split set starts with (not the first page of the set). */
  groupTitle: z.string().optional(),
  /** A Markdown page's HTML, in a file (absolute path) written by the loader. */
  htmlFile: z.string().optional(),
  /**
   * A Markdown page's headings, in a JSON file (absolute path). Astro bundles its content store into
   * the build as one JavaScript module: 10,500 headings there (about 1 MB) cost a second or more of
   * Rollup's time on every build, so they stay out of it, like the HTML.
   */
  headingsFile: z.string().optional(),
  /** A page of a split set: its other ids (see ComposedGroup.ids), read with its headings. Empty in the store. */
  ids: z.array(z.string()).optional(),
});

export type PageData = z.infer<typeof pageDataSchema>;

/** What a Markdown page's headings file holds. */
export interface HeadingsFile {
  headings: Heading[];
  ids: string[];
}

/** A stored page's data with its headings (and other ids) read back from their file (routes call this once per page). */
export function withHeadings(data: PageData): PageData {
  if (!data.headingsFile) return data;
  const { headings, ids } = JSON.parse(fs.readFileSync(data.headingsFile, 'utf8')) as HeadingsFile;
  return { ...data, headings, ids };
}
