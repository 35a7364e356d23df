import { VFile } from 'vfile';
import { compile } from '@mdx-js/mdx';
import type { Page } from '../content/site';
import type { Heading } from '../content/toc';
import { problem } from '../validation/problem';
import { assemble, contextOf } from './assemble';
import { locate, output, type HeadingOrigin, type PageContext, type RenderOutput } from './context';
import { mdxRehypePlugins, remarkPlugins } from './index';
import { composePage, type ComposedGroup } from './compose-page';
import type { PartCache } from './part-cache';
import { renderParts } from './render-parts';
import { renderUnits } from './render-units';
import { closeFencesAsRedcarpet } from './slate-fences';
import { redcarpetLines } from './slate-headings';

export interface RenderedPage {
  headings: Heading[];
  /** Where each heading is written, in the same order (for messages and import-slate). */
  origins?: HeadingOrigin[];
  problems: RenderOutput['problems'];
  /** The output pages: one, or one per h1 group when the page is split. */
  groups: ComposedGroup[];
  split: boolean;
}

/**
 * Renders a Markdown page: each file on its own, as Slate renders each include on its own (an
 * unclosed fence cannot swallow the next include; a file that did not change comes from the cache),
 * then the page is settled across its files (compose-page.ts).
 * `takenPaths` are the output paths of the site's other pages, which a split page must not take.
 */
export async function renderMarkdownPage(
  page: Page,
  base: string,
  takenPaths: ReadonlySet<string>,
  cache: PartCache,
  editLink?: (file: string) => string | undefined,
): Promise<RenderedPage> {
  // Each file brings its own line table (render-part.ts); the footers and TOC depth are the settle step's.
  const { segments: _segments, footerAnchors: _footers, tocDepth: _depth, ...context } = contextOf(page, base, []);
  // A large file is rendered in units, each on its own like an include (render-units.ts), cut where
  // Slate's Redcarpet sees its fences and headings in Slate's format, so no unit starts inside one.
  return composePage(
    page,
    await renderParts(
      page.parts.flatMap((part) => renderUnits(page.slate ? { ...part, body: redcarpetLines(closeFencesAsRedcarpet(part.body)) } : part)),
      context,
      cache,
    ),
    takenPaths,
    editLink,
  );
}

/** The text of the generated MDX document for a page: front matter with the context, then the page. */
export function mdxDocument(page: Page, base: string, editUrl?: string): { text: string; context: PageContext } {
  // Three lines of front matter: `---`, the JSON, `---`; the page text starts on line 4.
  const { text, segments } = assemble(page, 4);
  const context = { ...contextOf(page, base, segments), ...(editUrl ? { editUrl } : {}) };
  return { text: `---\n${JSON.stringify({ shale: context })}\n---\n${text}`, context };
}

/**
 * Compiles an MDX page with the plugins Astro's MDX integration will run, to collect its problems
 * (MDX syntax errors included) with file and line before Astro renders it.
 */
export async function checkMdxPage(page: Page, base: string, editUrl?: string): Promise<RenderOutput> {
  const { text, segments } = assemble(page);
  const context = { ...contextOf(page, base, segments), ...(editUrl ? { editUrl } : {}) };
  const file = new VFile({ path: page.file, value: text, data: { astro: { frontmatter: { shale: context } } } });
  try {
    await compile(file, { remarkPlugins, rehypePlugins: mdxRehypePlugins, jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
  } catch (cause) {
    const message = cause as { reason?: string; message: string; line?: number; place?: { line?: number; start?: { line?: number } } };
    // An unclosed tag has no place of its own; its reason names the opening tag's: "(7:1-7:8)".
    const named = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(message.reason ?? '')?.[1];
    const line = message.line ?? message.place?.line ?? message.place?.start?.line ?? (named ? Number(named) : undefined);
    const where = locate(context, line) ?? { file: page.file };
    return { headings: [], problems: [problem('mdx-invalid', where, { reason: message.reason ?? message.message })] };
  }
  return output(file);
}
