import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import type { SourceFile } from '../content/source-file';
import type { Problem } from '../validation/problem';
import { sectionContent, type SectionContent } from '../search/records';
import { output, type PageContext, type PartFacts } from './context';
import { rehypePlugins, remarkPlugins } from './index';

/** One section of a file, rendered: its HTML (heading ids still placeholders) and what search needs. */
export interface PartSection {
  level: number;
  /** Index of the section's heading in the file's headings, when it has one. */
  heading?: number;
  html: string;
  /** Every id in the section (headings still as placeholders): which page of a split set holds it. */
  ids: string[];
  search: Omit<SectionContent, 'id'>;
}

/** One file of a Markdown page, rendered on its own: plain data, so it can be cached on disk. */
export interface RenderedPart extends PartFacts {
  file: string;
  sections: PartSection[];
  problems: Problem[];
}

const processor = unified()
  .use(remarkParse)
  .use(remarkPlugins)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypePlugins)
  .freeze();

/**
 * Renders one file of a Markdown page (the page body or an include) through the whole pipeline,
 * as Slate renders each include on its own: an unclosed fence cannot swallow the next file. Ids
 * and `#links` are settled across the page afterwards (compose-page.ts).
 */
export async function renderPart(part: SourceFile, pageContext: Omit<PageContext, 'segments' | 'partMode'>): Promise<RenderedPart> {
  const body = part.body.endsWith('\n') ? part.body : `${part.body}\n`;
  const context: PageContext = {
    ...pageContext,
    partMode: true,
    segments: [{ file: part.path, startLine: 1, startOffset: 0, bodyLine: part.bodyLine, lineCount: body.split('\n').length - 1 }],
  };
  const file = new VFile({ path: part.path, value: body, data: { astro: { frontmatter: { shale: context } } } });
  const tree = (await processor.run(processor.parse(file), file)) as HastRoot;
  const facts = output(file);
  const headingIndex = new Map<string, number>();
  facts.part?.headings.forEach((heading, index) => headingIndex.set(heading.fixed ?? `__shale_heading_${index}__`, index));
  const sections = tree.children
    .filter((node): node is Element => node.type === 'element' && node.tagName === 'section')
    .map((section): PartSection => {
      const { id, ...search } = sectionContent(section);
      const ids: string[] = [];
      visit(section, 'element', (element: Element) => {
        if (element.properties.id !== undefined && element.properties.id !== null) ids.push(String(element.properties.id));
        // Highlighted code holds no ids: skip its many token spans.
        return element.tagName === 'pre' ? SKIP : undefined;
      });
      return { level: search.level, heading: id ? headingIndex.get(id) : undefined, html: toHtml(section, { allowDangerousHtml: true }), ids, search };
    });
  return { file: part.path, sections, problems: facts.problems, headings: facts.part?.headings ?? [], ids: facts.part?.ids ?? [], links: facts.part?.links ?? [] };
}
