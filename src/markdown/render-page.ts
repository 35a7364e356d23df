import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { compile } from '@mdx-js/mdx';
import type { Page } from '../content/site';
import type { Heading } from '../content/toc';
import type { Problem } from '../validation/problem';
import { assemble, contextOf } from './assemble';
import { locate, output, type HeadingOrigin, type PageContext, type RenderOutput } from './context';
import { rehypePlugins, remarkPlugins } from './index';

export interface RenderedPage {
  html: string;
  headings: Heading[];
  /** Where each heading is written, in the same order (for messages and import-slate). */
  origins?: HeadingOrigin[];
  problems: Problem[];
}

const markdownProcessor = () =>
  unified()
    .use(remarkParse)
    .use(remarkPlugins)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypePlugins)
    .use(rehypeStringify, { allowDangerousHtml: true });

const pageFile = (page: Page, context: PageContext, text: string) =>
  new VFile({ path: page.file, value: text, data: { astro: { frontmatter: { shale: context } } } });

/**
 * Renders a Markdown page. Each file is parsed on its own, as Slate renders each include on its
 * own (an unclosed fence cannot swallow the next include), then the trees are joined and run
 * through the plugins as one document, so ids are unique and sections may span files.
 */
export async function renderMarkdownPage(page: Page, base = '/'): Promise<RenderedPage> {
  const processor = markdownProcessor();
  const { text, segments } = assemble(page);
  const context = contextOf(page, base, segments);
  const children: MdastContent[] = [];
  page.parts.forEach((part, index) => {
    const tree = processor.parse(part.body) as MdastRoot;
    // Move positions into the joined document: lines and offsets as if the files were one text.
    const { startLine, startOffset } = segments[index]!;
    visit(tree, (node) => {
      if (!node.position) return;
      for (const point of [node.position.start, node.position.end]) {
        point.line += startLine - 1;
        if (point.offset !== undefined) point.offset += startOffset;
      }
    });
    children.push(...tree.children);
  });
  const file = pageFile(page, context, text);
  const hast = (await processor.run({ type: 'root', children }, file)) as HastRoot;
  const html = processor.stringify(hast, file);
  const { headings, origins, problems } = output(file);
  return { html, headings, origins, problems };
}

/** The text of the generated MDX document for a page: front matter with the context, then the page. */
export function mdxDocument(page: Page, base = '/'): { text: string; context: PageContext } {
  // Three lines of front matter: `---`, the JSON, `---`; the page text starts on line 4.
  const { text, segments } = assemble(page, 4);
  const context = contextOf(page, base, segments);
  return { text: `---\n${JSON.stringify({ shale: context })}\n---\n${text}`, context };
}

/**
 * Compiles an MDX page with the same plugins Astro's MDX integration will run, to collect its
 * problems (MDX syntax errors included) with file and line before Astro renders it.
 */
export async function checkMdxPage(page: Page, base = '/'): Promise<RenderOutput> {
  const { text, segments } = assemble(page);
  const context = contextOf(page, base, segments);
  const file = new VFile({ path: page.file, value: text, data: { astro: { frontmatter: { shale: context } } } });
  try {
    await compile(file, { remarkPlugins, rehypePlugins, jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
  } catch (cause) {
    const message = cause as { reason?: string; message: string; line?: number; place?: { line?: number; start?: { line?: number } } };
    // An unclosed tag has no place of its own; its reason names the opening tag's: "(7:1-7:8)".
    const named = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(message.reason ?? '')?.[1];
    const line = message.line ?? message.place?.line ?? message.place?.start?.line ?? (named ? Number(named) : undefined);
    const where = locate(context, line) ?? { file: page.file };
    return {
      headings: [],
      problems: [
        {
          severity: 'error',
          file: where.file,
          line: where.line,
          message: `invalid MDX: ${(message.reason ?? message.message).replace(/([^.])$/, '$1.')}`,
          fix: 'fix the MDX syntax: close every tag, write `{` as `\\{` and `<` as `&lt;` in text.',
        },
      ],
    };
  }
  return output(file);
}
