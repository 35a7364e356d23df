import type { Element, Root as HastRoot } from 'hast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import type { SourceFile } from '../content/source-file';
import type { Problem } from '../validation/problem';
import { sectionContent, type SectionContent } from '../search/build/records';
import type { HeadingFact, MentionFact } from '../settle/facts';
import { attributeText, templateOf, type Mark, type Template } from '../settle/template';
import { facts, output, type PageContext, type PartContext } from './context';
import { rehypePlugins, remarkPlugins } from './index';
import type { AnyElement } from './hast-nodes';

/** One section of a file, rendered: its HTML with holes for ids and #links, and what search needs. */
export interface PartSection {
  level: number;
  /** Index of the section's heading in the file's headings, when it has one. */
  heading?: number;
  template: Template;
  search: Omit<SectionContent, 'id'>;
}

/** Where a heading, id or link of a file sits: the index of its section (none when it left the tree). */
type Placed<T> = T & { section?: number };

/** One file of a Markdown page, rendered on its own: plain data, so it can be cached on disk. */
export interface RenderedPart {
  file: string;
  headings: Array<Placed<HeadingFact>>;
  ids: Array<Placed<MentionFact>>;
  links: Array<Placed<MentionFact>>;
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

const hasClass = (element: Element, name: string) => Array.isArray(element.properties.className) && element.properties.className.includes(name);

/**
 * Renders one file of a Markdown page (the page body or an include) through the whole pipeline,
 * as Slate renders each include on its own: an unclosed fence cannot swallow the next file. Its
 * headings get no ids yet and its #links may move: the page settles them across its files
 * (src/settle/), so each section's HTML keeps holes for them (settle/template.ts).
 */
export async function renderPart(part: SourceFile, partContext: PartContext): Promise<RenderedPart> {
  const body = part.body.endsWith('\n') ? part.body : `${part.body}\n`;
  const context: PageContext = {
    ...partContext,
    // The settle step's, not a file's (compose-page.ts).
    footerAnchors: [],
    tocDepth: 2,
    segments: [{ file: part.path, startLine: 1, startOffset: 0, bodyLine: part.bodyLine, lineCount: body.split('\n').length - 1 }],
  };
  const file = new VFile({ path: part.path, value: body, data: { astro: { frontmatter: { shale: context } } } });
  const tree = (await processor.run(processor.parse(file), file)) as HastRoot;
  const found = facts(file);

  // Which section each collected node ended up in (rehype-sections regrouped the tree).
  const kinds = new Map<AnyElement, { kind: 'heading' | 'id' | 'link'; index: number }>();
  found.headings.forEach(({ node }, index) => kinds.set(node, { kind: 'heading', index }));
  found.ids.forEach(({ node }, index) => kinds.set(node, { kind: 'id', index }));
  found.links.forEach(({ node }, index) => kinds.set(node, { kind: 'link', index }));
  const sectionOf = { heading: new Map<number, number>(), id: new Map<number, number>(), link: new Map<number, number>() };

  const sectionElements = tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'section');
  const sections = sectionElements.map((section, sectionIndex): PartSection => {
    const marks: Mark[] = [];
    visit(section, 'element', (element: Element) => {
      // Highlighted code (rehype-code-blocks) is Shale's own markup: nothing was collected in it.
      if (hasClass(element, 'code-block')) return SKIP;
      const found = kinds.get(element);
      if (!found) return undefined;
      sectionOf[found.kind].set(found.index, sectionIndex);
      if (found.kind === 'heading' && element.properties.id === undefined) marks.push({ node: element, attribute: 'id', hole: { heading: found.index } });
      if (found.kind === 'link') marks.push({ node: element, attribute: 'href', hole: { link: found.index, href: attributeText(String(element.properties.href)) } });
      return undefined;
    });
    const { id: _none, ...search } = sectionContent(section);
    return { level: search.level, heading: search.level > 0 ? ownHeading(section, kinds) : undefined, template: templateOf(section, marks), search };
  });

  const withSection = <T extends { node: AnyElement }>(list: T[], kind: 'heading' | 'id' | 'link') =>
    list.map(({ node: _node, ...fact }, index) => {
      const section = sectionOf[kind].get(index);
      return section === undefined ? fact : { ...fact, section };
    });
  return {
    file: part.path,
    headings: withSection(found.headings, 'heading') as RenderedPart['headings'],
    ids: withSection(found.ids, 'id') as RenderedPart['ids'],
    links: withSection(found.links, 'link') as RenderedPart['links'],
    sections,
    problems: output(file).problems,
  };
}

/** The index of the heading a section starts with: the first element of its prose column. */
function ownHeading(section: Element, kinds: ReadonlyMap<AnyElement, { kind: string; index: number }>): number | undefined {
  const prose = section.children.find((child): child is Element => child.type === 'element');
  const first = prose?.children.find((child): child is Element => child.type === 'element');
  const found = first && kinds.get(first);
  return found?.kind === 'heading' ? found.index : undefined;
}
